/**
 * page-residue — web page furniture pasted in with the report: navigation trails, the date /
 * source / font-size bar, app and login links, print / close / back-to-top buttons, share bars,
 * view counters, editor credits and site footers. Reports are often copied from the portal where
 * they were published, and these lines then travel into the next year's draft.
 *
 * Only short lines (≤ 120 characters) are looked at, and a line is residue only when it is made
 * entirely of furniture words (“我要写信 关闭 返回顶部”, “【打印本页】【关闭窗口】”), opens the way only
 * furniture does (“当前位置：首页 > …”, “扫一扫…”), carries a mark only furniture has (“在手机上查看当前
 * 页面”, an ICP licence number), or carries page metadata labels (“日期：… 来源：… 字体：…”: one label
 * that only pages have, or two that reports could also use alone). A report sentence that merely
 * contains 打印 or 关闭 (“关闭违规企业12家”) is never residue, nor is “（此件公开发布）”, which belongs to
 * the document, nor a line that opens with a numbering marker.
 *
 * Consecutive residue lines (blank lines between them allowed) are one finding.
 *
 * Fix: delete the lines with their line breaks, leaving one blank line where there was one: the
 * blank lines after the block go too when the block opens the text or follows a blank line, and
 * the blank lines before it when it ends the text.
 */
import type { Rule } from '../engine/rule';
import type { Node } from 'unist';

/** Words that make a whole line furniture when the line consists of nothing else. */
export const FURNITURE_WORDS: readonly string[] = [
  // apps, accounts, site tools
  '移动端应用', '移动端', '客户端', '手机版', '政务微信', '政务微博', '政务抖音', '智能问答', '智能客服', '登录', '注册', '个人中心',
  '登录个人中心', '用户登录', '退出', '无障碍', '无障碍浏览', '长者模式', '关怀版', '适老化', '简体', '繁體', '繁体', '简体版', '繁體版',
  'English', 'EN', '网站地图', '站内搜索', '搜索', '高级搜索', '首页', '网站首页', '返回首页',
  // page buttons
  '我要写信', '我要留言', '我要咨询', '关闭', '关闭窗口', '关闭本页', '返回顶部', '回到顶部', '返回', '顶部', '打印', '打印本页', '打印此页',
  '打印文章', '打印正文', '收藏', '加入收藏', '收藏本页', '纠错', '我要纠错', '下载', '附件下载', '上一页', '下一页',
  // font-size bar
  '字体', '字号', '大', '中', '小', '默认', '视力保护色', '放大', '缩小',
  // share bar
  '分享', '分享到', '微信', '微博', '新浪微博', '腾讯微博', 'QQ', 'QQ空间', '朋友圈', '人人网', '豆瓣',
  // page tails
  '相关链接', '相关文章', '相关阅读', '相关新闻', '相关附件', '相关文件', '相关稿件', '扫一扫', '扫一扫在手机上查看当前页面',
  '扫一扫在手机打开当前页', '手机扫一扫', '用手机扫描二维码', '【打印本页】', '【关闭窗口】',
];

/** Metadata labels that alone (followed by a colon) mark a short line as page furniture. */
export const STRONG_LABELS: readonly string[] = [
  '字体', '字号', '浏览次数', '浏览量', '点击数', '点击量', '点击率', '阅读次数', '阅读数', '阅读量', '访问次数', '访问量', '责任编辑',
  '发布日期', '发布时间', '发布机构', '索引号', '主题分类', '体裁分类', '组配分类', '服务对象', '发文字号', '发文机关', '成文日期',
  '生效日期', '废止日期', '有效性', '主题词', '信息来源', '文章来源', '分享到', '上一篇', '下一篇',
];

/** Labels common in page metadata but also possible in text: two of them on a short line are needed. */
export const WEAK_LABELS: readonly string[] = ['日期', '时间', '来源', '作者', '编辑', '审核', '校对', '文号', '分类', '关键词', '供稿'];

/** Line openings that only page furniture has (regular-expression sources, matched at the start of a line). */
export const FURNITURE_OPENINGS: readonly string[] = [
  '(?:当前(?:所在)?位置|您(?:现在)?(?:所在)?的?(?:当前)?位置|你(?:现在)?(?:所在)?的?位置|所在位置|当前页面位置)[ \\t\\u3000]*[:：]', // navigation trail
  '(?:网站)?首页[ \\t\\u3000]*[>＞»›→]', // 首页 > 政务公开 > …
  '扫一扫', '手机扫一扫', '扫描二维码',
  '(?:版权所有|主办单位|承办单位|技术支持|网站标识码|网站识别码)',
];

/** Marks that only page furniture carries, wherever they are on a short line. */
export const FURNITURE_MARKS: readonly RegExp[] = [
  /在手机上?(?:查看|打开|浏览)(?:当前|本)页/,
  /(?:ICP备|ICP证|公网安备)\s*\d/,
];

/** Lines longer than this are report text, whatever they contain. */
const MAX_LINE = 120;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORDS = new Set(FURNITURE_WORDS.map((w) => w.replace(/^【|】$/g, '')));
const LONGEST_WORD = Math.max(...[...WORDS].map((w) => w.length));
/** First characters of the furniture words: the gate for the whole-line test. */
const WORD_FIRST = new Uint8Array(0x10000);
for (const w of WORDS) WORD_FIRST[w.charCodeAt(0)] = 1;
/** Separators between furniture words on one line. */
const SEPARATOR_CHARS = ' \t\u3000\u00a0|｜·•/／【】[]［］〔〕()（）<>《》＜＞»›、，,：:;；-';
const SEPARATORS = new RegExp(`[${escape(SEPARATOR_CHARS)}]+`);
const IS_SEPARATOR = new Uint8Array(0x10000);
for (const c of SEPARATOR_CHARS) IS_SEPARATOR[c.charCodeAt(0)] = 1;
/** Sticky: matched at a line's first character in the whole text, without cutting the line out. */
const OPENING = new RegExp(`(?:${FURNITURE_OPENINGS.join('|')})`, 'y');
/** Cheap gate for FURNITURE_MARKS: the literals they need. */
const MARK_GATE: readonly string[] = ['手机', 'ICP', '公网安备'];
const LABEL = (labels: readonly string[]) => new RegExp(`(?:^|[\\s\\u3000|｜/／【\\[［])(?:${labels.map(escape).join('|')})\\s*[:：]`, 'g');
const STRONG = LABEL(STRONG_LABELS);
const WEAK = LABEL(WEAK_LABELS);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0 || c === 0xfeff;
const MARK_FIRST = new Uint8Array(0x10000);
for (const literal of MARK_GATE) MARK_FIRST[literal.charCodeAt(0)] = 1;

/** Whether one of MARK_GATE's literals starts at i and ends by `end` (a loop: a closure here would be made for every 公 of the report). */
function gateAt(text: string, i: number, end: number): boolean {
  for (const literal of MARK_GATE) if (i + literal.length <= end && text.startsWith(literal, i)) return true;
  return false;
}

/**
 * Whether the short line text[start, end) is furniture. Every test is gated by something cheap
 * (the first word's first character, a literal, a colon) and the line is cut out of the text only
 * past a gate: this runs on every heading of the report on every keystroke.
 */
function isFurniture(text: string, start: number, end: number): boolean {
  let k = start;
  while (k < end && IS_SEPARATOR[text.charCodeAt(k)]) k++;
  if (k < end && WORD_FIRST[text.charCodeAt(k)]) {
    let e = k;
    while (e < end && !IS_SEPARATOR[text.charCodeAt(e)]) e++;
    if (e - k <= LONGEST_WORD && WORDS.has(text.slice(k, e))) {
      const tokens = text.slice(start, end).split(SEPARATORS).filter(Boolean);
      if (tokens.every((t) => WORDS.has(t) || /^\d{1,3}$/.test(t))) return true;
    }
  }
  OPENING.lastIndex = start;
  if (OPENING.test(text)) return true;
  // One bounded pass for the remaining gates (indexOf would search past the line, through the whole text).
  let colon = false;
  let mark = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) colon = true;
    else if (MARK_FIRST[c] && !mark) mark = gateAt(text, i, end);
  }
  if (!mark && !colon) return false;
  const line = text.slice(start, end);
  if (mark && FURNITURE_MARKS.some((m) => m.test(line))) return true;
  if (!colon) return false;
  STRONG.lastIndex = 0;
  if (STRONG.test(line)) return true;
  WEAK.lastIndex = 0;
  let weak = 0;
  while (WEAK.exec(line)) if (++weak >= 2) return true;
  return false;
}

export const pageResidue: Rule = {
  meta: {
    id: 'page-residue',
    description: {
      zh: '报告中不应夹带网页残留内容（导航、日期来源栏、打印关闭按钮、分享栏、扫码提示等）',
      en: 'The report should not carry web page furniture (navigation trails, date/source bars, print/close buttons, share bars, QR prompts)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      residue: {
        zh: '网页残留内容：「{excerpt}」不属于报告正文，应删除',
        en: 'Web page furniture: “{excerpt}” is not part of the report; delete it',
      },
      residueBlock: {
        zh: '网页残留内容：「{excerpt}」等{count}行不属于报告正文，应删除',
        en: 'Web page furniture: “{excerpt}” and the following lines ({count} in all) are not part of the report; delete them',
      },
      deleteLine: { zh: '删除此行', en: 'Delete this line' },
      deleteLines: { zh: '删除这{count}行', en: 'Delete these {count} lines' },
    },
  },

  check(tree, context) {
    const text = tree.data.text;
    const { lineStarts, index } = tree.data;
    const lines = lineStarts.length;
    // Where each line's content starts, from the nodes that carry lines (so that Markdown code and
    // front matter, which are not report text, are never looked at). A line that opens with a
    // numbering marker is a heading of the report, never furniture: it is not looked at either.
    const NUMBERED = -2;
    const contentStart = new Int32Array(lines).fill(-1);
    const mark = (node: Node | undefined) => {
      const start = node?.position?.start;
      if (!start) return;
      const line = start.line - 1;
      if (contentStart[line] === -1 || (contentStart[line]! >= 0 && start.offset! < contentStart[line]!)) contentStart[line] = start.offset!;
    };
    for (const s of index.sections) {
      if (s.marker) contentStart[s.marker.position.start.line - 1] = NUMBERED;
      else mark(s.children[0]);
    }
    mark(tree.title);
    for (const p of index.paragraphs) mark(p);
    if (tree.closing) for (const c of tree.closing.children) mark(c);

    const lineEnd = (line: number) => {
      let end = line + 1 < lines ? lineStarts[line + 1]! : text.length;
      while (end > lineStarts[line]! && isSpace(text.charCodeAt(end - 1))) end--;
      return end;
    };
    const blank = (line: number) => lineEnd(line) === lineStarts[line];

    const residue: number[] = [];
    for (let line = 0; line < lines; line++) {
      const start = contentStart[line]!;
      if (start < 0) continue;
      const end = lineEnd(line);
      if (end - start > MAX_LINE) continue;
      if (isFurniture(text, start, end)) residue.push(line);
    }

    for (let i = 0; i < residue.length; ) {
      // A block: residue lines with nothing but blank lines between them.
      let j = i;
      while (j + 1 < residue.length && onlyBlankBetween(residue[j]!, residue[j + 1]!)) j++;
      reportBlock(residue.slice(i, j + 1));
      i = j + 1;
    }

    function onlyBlankBetween(a: number, b: number): boolean {
      for (let line = a + 1; line < b; line++) if (!blank(line)) return false;
      return true;
    }

    function reportBlock(block: number[]) {
      const first = block[0]!;
      const last = block[block.length - 1]!;
      let after = last + 1;
      while (after < lines && blank(after)) after++;
      let before = first - 1;
      while (before >= 0 && blank(before)) before--;
      let start = lineStarts[first]!;
      let end = last + 1 < lines ? lineStarts[last + 1]! : text.length;
      if (after >= lines) {
        // At the end of the text: the blank lines before go too; the line break ending the report's
        // last line stays.
        start = before >= 0 ? lineStarts[before + 1]! : 0;
        end = text.length;
      } else if (before < 0 || before < first - 1) {
        // At the start of the text, or after a blank line: the blank lines after go too.
        end = lineStarts[after]!;
      }
      const from = contentStart[first]!;
      const to = lineEnd(last);
      const firstText = text.slice(from, lineEnd(first)).replace(/\s+/g, ' ');
      const excerpt = firstText.length > 24 ? firstText.slice(0, 24).trimEnd() + '…' : firstText;
      const count = block.length;
      context.report({
        messageId: count > 1 ? 'residueBlock' : 'residue',
        data: count > 1 ? { excerpt, count } : { excerpt },
        position: { start: { line: first + 1, column: from - lineStarts[first]! + 1, offset: from }, end: { line: last + 1, column: to - lineStarts[last]! + 1, offset: to } },
        fix: { messageId: count > 1 ? 'deleteLines' : 'deleteLine', data: { count }, edits: [{ start, end, text: '' }] },
      });
    }
  },
};
