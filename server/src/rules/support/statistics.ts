/**
 * The statistics analysis shared by the seven statistics rules and the editor's hover: every rate,
 * total, breakdown, funnel and year-over-year change a reviewer would recompute by hand, with the
 * computation behind each verdict. It runs once per tree (memoised in a WeakMap) and reads only
 * tree.data.index: the quantities and percentages of each paragraph with the text between them.
 *
 * Principles, because a false alarm on a correct report costs more than a missed slip:
 * - Every count is an interval (余, 多, 近, 以上 … from the parser); a check fails only when no value
 *   inside the intervals could make it hold.
 * - A finding needs a reading that the text makes explicit (a 其中 list, "A、B、C共N", a rate whose
 *   name appears before one of the counts). Other readings are only ever used to stay silent: when
 *   any plausible reading of the counts around a rate or total agrees with it, nothing is reported.
 * - Stated rates are compared at their written precision, accepting round-half-up, round-half-even
 *   and truncation alike.
 */
import { formatMessage } from '../../engine/messages';
import type { Computation, Localized } from '../../engine/rule';
import { interval } from '../../parser/inline';
import { PositionMapper } from '../../parser/positions';
import type { ApproxWord, Paragraph, Percentage, Position, Quantity, Root } from '../../parser/types';

// ---------------------------------------------------------------------------------------------
// Items: the numbers of a paragraph with the words around them

export interface Item {
  node: Quantity | Percentage;
  /** Position in its paragraph's item list. */
  index: number;
  rate: boolean;
  /** Sentence ordinal within the paragraph. */
  sentence: number;
  /** Text since the previous item of the same sentence (or since the sentence start). */
  pre: string;
  /** The end of `pre` after its last clause delimiter: the words that name this count (调解成功340件). */
  label: string;
  /** Text after the item up to the next delimiter or item: the noun of 22个乡镇, 336人取得资格. */
  post: string;
  /** label + '|' + post: the words that say what is counted, wherever they stand. */
  context: string;
  /** Strongest delimiter in `pre`: 0 none, 1 、, 2 ，（）：, 3 ；, 4 sentence start. */
  boundary: number;
  paren: boolean;
  /** Unit class ('人' for 人/名/位, '件' for 件/起/宗); '' for rates, bare numbers and measures. */
  cls: string;
  /** A second measure of the count just before it, as in 来访683批950人次. */
  alt: boolean;
  low: number;
  high: number;
  /** Set when the item is a part of a breakdown (a 其中 list, "A、B共N" …). */
  partOf?: Breakdown;
  /** Set when the item is the whole of a breakdown. */
  wholeOf?: Breakdown;
}

const PERSON_UNITS = new Set(['人', '名', '位']);
const CASE_UNITS = new Set(['件', '起', '宗']);
/** Durations, sizes and multipliers: they are not counted items and never parts of a count. */
const MEASURE_UNITS = new Set([
  '', '年', '天', '日', '周', '个月', '小时', '个小时', '分钟', '学时', '课时', '个工作日', '工作日', '岁', '周岁',
  '平方米', '平方公里', '公里', '米', '千米', '千克', '吨', '亩', '公顷', '千瓦时', '千瓦', '倍', '分', '个百分点',
  '百分点', '页',
]);

function unitClass(unit: string): string {
  if (MEASURE_UNITS.has(unit)) return '';
  if (PERSON_UNITS.has(unit)) return '人';
  if (CASE_UNITS.has(unit)) return '件';
  return unit;
}

const DELIM_LEVEL: Record<string, number> = {
  '、': 1, '，': 2, ',': 2, '（': 2, '(': 2, '）': 2, ')': 2, '：': 2, ':': 2, '；': 3, ';': 3,
  '。': 3, '！': 3, '？': 3, '!': 3, '?': 3,
};
/** Per UTF-16 code unit: the delimiter level (low 3 bits) and bracket/quote flags, for one fast pass. */
const CHAR = new Uint8Array(0x10000);
const OPENS = 8;
const CLOSES = 16;
const QUOTE_OPENS = 32;
const QUOTE_CLOSES = 64;
const ASCII_QUOTE = 128;
for (const [ch, level] of Object.entries(DELIM_LEVEL)) CHAR[ch.charCodeAt(0)] = level;
for (const ch of '（(【〔[［') CHAR[ch.charCodeAt(0)]! |= OPENS;
for (const ch of '）)】〕]］') CHAR[ch.charCodeAt(0)]! |= CLOSES;
for (const ch of '“「『‘') CHAR[ch.charCodeAt(0)] = QUOTE_OPENS;
for (const ch of '”」』’') CHAR[ch.charCodeAt(0)] = QUOTE_CLOSES;
CHAR['"'.charCodeAt(0)] = ASCII_QUOTE;

function clauseBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if ((CHAR[s.charCodeAt(i)]! & 7) >= 2) n++;
  return n;
}

function afterLastDelimiter(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) if (CHAR[s.charCodeAt(i)]! & 7) return s.slice(i + 1);
  return s;
}

function beforeFirstDelimiter(s: string): string {
  for (let i = 0; i < s.length; i++) if (CHAR[s.charCodeAt(i)]! & 7) return s.slice(0, i);
  return s;
}

interface ParagraphItems {
  items: Item[];
  /** First item index of each sentence (items.length when it has none), plus a final sentinel. */
  sentenceStart: number[];
  /** Sentences that mention 持平 or 翻…番, for the change checks. */
  phrases: Array<{ sentence: number; text: string; offset: number }>;
  /** Source offset where each sentence starts. */
  sentenceOffset: number[];
}

/**
 * One pass over the sentences of a paragraph, reading the source between numbers (no copies of
 * the text are built but the labels). Quoted numbers (“三项制度”) are names, not counts, and stay
 * part of the text. Bracket depth marks counts given in passing, e.g. a base year's figure.
 */
function paragraphItems(paragraph: Paragraph, text: string, numbers: Array<Quantity | Percentage>, first: number, last: number): ParagraphItems {
  const items: Item[] = [];
  const sentenceStart: number[] = [];
  const phrases: ParagraphItems['phrases'] = [];
  const sentenceOffset: number[] = [];
  const sentences = paragraph.children;
  let k = first;
  for (let s = 0; s < sentences.length; s++) {
    sentenceStart.push(items.length);
    const sentence = sentences[s]!;
    const sentenceFrom = sentence.position!.start.offset!;
    sentenceOffset.push(sentenceFrom);
    const sentenceEnd = sentence.position!.end.offset!;
    if (k >= last || numbers[k]!.position!.start.offset! >= sentenceEnd) continue;
    let prevEnd = sentenceFrom;
    let scanned = sentenceFrom;
    let boundary = 4;
    let paren = 0;
    let quote = 0;
    let asciiQuote = false;
    let prev: Item | undefined;
    for (; k < last; k++) {
      const child = numbers[k]!;
      const start = child.position!.start.offset!;
      if (start >= sentenceEnd) break;
      for (; scanned < start; scanned++) {
        const c = CHAR[text.charCodeAt(scanned)]!;
        if (c === 0) continue;
        if ((c & 7) > boundary) boundary = c & 7;
        if (c & OPENS) paren++;
        else if (c & CLOSES) paren = Math.max(0, paren - 1);
        else if (c & QUOTE_OPENS) quote++;
        else if (c & QUOTE_CLOSES) quote = Math.max(0, quote - 1);
        else if (c & ASCII_QUOTE) asciiQuote = !asciiQuote;
      }
      if (quote > 0 || asciiQuote) continue;
      const pre = text.slice(prevEnd, start);
      if (prev) prev.post = beforeFirstDelimiter(pre);
      const rate = child.type === 'percentage';
      const cls = rate ? '' : unitClass((child as Quantity).unit);
      const item: Item = {
        node: child,
        index: items.length,
        rate,
        sentence: s,
        pre,
        label: afterLastDelimiter(pre),
        post: '',
        context: '',
        boundary,
        paren: paren > 0,
        cls,
        alt: pre === '' && prev !== undefined && !prev.rate && prev.cls !== '' && cls !== '',
        low: child.low,
        high: child.high,
      };
      items.push(item);
      prev = item;
      prevEnd = scanned = child.position!.end.offset!;
      boundary = 0;
    }
    if (prev) prev.post = beforeFirstDelimiter(text.slice(prevEnd, Math.min(sentenceEnd, prevEnd + 40)));
    const sentenceText = text.slice(sentenceFrom, sentenceEnd);
    if (sentenceText.includes('持平') || sentenceText.includes('番')) phrases.push({ sentence: s, text: sentenceText, offset: sentenceFrom });
  }
  sentenceStart.push(items.length);
  for (const it of items) it.context = it.label + '|' + it.post;
  return { items, sentenceStart, phrases, sentenceOffset };
}

/** Quantities and percentages merged in document order (both lists already are). */
function documentOrder(quantities: Quantity[], percentages: Percentage[]): Array<Quantity | Percentage> {
  const out: Array<Quantity | Percentage> = [];
  let i = 0;
  let j = 0;
  while (i < quantities.length || j < percentages.length) {
    const q = quantities[i];
    const p = percentages[j];
    if (p === undefined || (q !== undefined && q.position!.start.offset! < p.position!.start.offset!)) {
      out.push(q!);
      i++;
    } else {
      out.push(p);
      j++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Interval arithmetic and rounding

interface Interval {
  low: number;
  high: number;
}

const EPS = 1e-9;

/**
 * How far a check looks around a number, in counts. Real breakdowns and funnels sit within a few
 * counts of each other; the bound keeps a pathological sentence (thousands of counts and no 。)
 * linear.
 */
const WINDOW = 24;
/** Counts considered around a rate: every pair of them is tried, so fewer than WINDOW. */
const RATE_SCOPE = 12;

/** The first prefix (of at least `min` items) whose sum overlaps `target`, by running sums. */
function matchingPrefix(items: readonly Item[], target: Interval, min: number): Item[] | undefined {
  let low = 0;
  let high = 0;
  for (let n = 1; n <= items.length; n++) {
    low += items[n - 1]!.low;
    high += items[n - 1]!.high;
    if (n >= min && overlaps({ low, high }, target)) return items.slice(0, n);
  }
  return undefined;
}

function sumOf(items: readonly Item[]): Interval {
  let low = 0;
  let high = 0;
  for (const it of items) {
    low += it.low;
    high += it.high;
  }
  return { low, high };
}

function overlaps(a: Interval, b: Interval): boolean {
  const tol = EPS * Math.max(1, Math.abs(a.high), Math.abs(b.high));
  return a.low <= b.high + tol && b.low <= a.high + tol;
}

function isExact(items: readonly Item[]): boolean {
  return items.every((it) => it.low === it.high);
}

/**
 * The values a writer could have had in mind when writing `stated` with `decimals` decimals:
 * rounding (either way at the half) or truncation, so [S − ½u, S + u).
 */
function statedWindow(node: Percentage | { low: number; high: number }, decimals: number): Interval {
  const unit = 10 ** -decimals;
  return { low: node.low - unit / 2, high: node.high + unit - unit * 1e-3 };
}

function ratioInterval(num: Interval, den: Interval): Interval | undefined {
  if (den.high <= 0) return undefined;
  const low = den.high === Infinity ? 0 : (100 * num.low) / den.high;
  const high = den.low <= 0 ? Infinity : (100 * num.high) / den.low;
  return { low, high };
}

/** 100·num/den rounded half up to `decimals`, exactly when both are integers (for quick fixes). */
export function roundedPercent(num: number, den: number, decimals: number): string {
  if (Number.isInteger(num) && Number.isInteger(den) && den > 0 && num * 100 * 10 ** decimals < Number.MAX_SAFE_INTEGER) {
    const scaled = num * 100 * 10 ** decimals;
    let q = Math.floor(scaled / den);
    if (q * den > scaled) q--;
    if ((q + 1) * den <= scaled) q++;
    if ((scaled - q * den) * 2 >= den) q++;
    const digits = String(q).padStart(decimals + 1, '0');
    return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return ((100 * num) / den).toFixed(decimals);
}

function shownDecimals(decimals: number): number {
  return Math.max(2, decimals + 1);
}

function fmtNumber(n: number): string {
  if (n === Infinity) return '∞';
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(4)));
}

/** A count in an expression: its value when exact, the number as written (100余) when not. */
function term(it: Item, withUnit = false): string {
  if (withUnit) return it.node.raw;
  if (it.low === it.high) return fmtNumber(it.node.value);
  const q = it.node as Quantity;
  const raw = q.raw;
  if (!q.unit) return raw;
  const at = raw.lastIndexOf(q.unit);
  return at < 0 ? raw : raw.slice(0, at) + raw.slice(at + q.unit.length);
}

function sumExpression(items: readonly Item[], withUnits = false): string {
  return items.map((it) => term(it, withUnits)).join('+');
}

/** The words just before a count, for messages: 审结101件, 调解成功340件. */
export function labelled(it: Item): string {
  const label = it.label.replace(/[“”"「」『』‘’]/g, '').replace(/^(?:其中|共|组织|目前|今年|全年|累计)+/, '');
  // 343名干部参加考试: the noun comes after the count.
  if (label.length < 2) return it.node.raw + (it.post.length > 10 ? it.post.slice(0, 10) : it.post);
  return (label.length > 8 ? label.slice(-8) : label) + it.node.raw;
}

function intervalText(iv: Interval, decimals?: number): string {
  const f = (n: number) => (decimals === undefined ? fmtNumber(n) : n === Infinity ? '∞' : n.toFixed(decimals));
  return iv.low === iv.high ? f(iv.low) : `${f(iv.low)}~${f(iv.high)}`;
}

// ---------------------------------------------------------------------------------------------
// Breakdowns: a whole and its listed parts

export type BreakdownKind =
  | 'qizhong' //    受理51件，其中维持12件，撤销25件…
  | 'before' //     22个乡镇，32个社区，243个村居共275个
  | 'after' //      共收件117件。受理51件…；不予受理34件；告知书32件  (only ever found consistent)
  | 'rest'; //      这3件…已履行2件，另1件…

export type Verdict = 'consistent' | 'inconsistent' | 'unverifiable';

export interface Breakdown {
  kind: BreakdownKind;
  whole: Item;
  /** Same-class parts in order (alternative measures and bracketed asides left out). */
  parts: Item[];
  /** Parts counted in another unit (来访683批 among 件): used only for the mixed-unit reading. */
  otherParts: Item[];
  /** Same-class counts before the whole in its sentence: 20名…和…50名 can be the whole of a 其中 list. */
  lenientWhole?: Item[];
  /**
   * The largest whole the list may break down: the stated one, the coordinated sum, or an earlier
   * count of the sentence (其中 does not always follow the count it refers to). Parts above it are wrong.
   */
  ceiling?: number;
  /** The list claims to be complete: 另1件, 其余, 分别为. */
  complete: boolean;
  /** Two parts are X and 不X/未X: complementary, but a third category may be unlisted. */
  complementary: boolean;
  /** "…等共N": the list says itself it is incomplete. */
  etc: boolean;
  verdict: Verdict;
  /** The parts whose sum was compared (a prefix, a subset, or all). */
  used: Item[];
  /** The whole the parts were compared with (the stated whole, or the lenient one). */
  usedWhole: Item[];
  /** Why the verdict: a matching subset, parts exceeding, parts short … */
  finding?: 'mismatch' | 'subset' | 'short' | 'exceeds';
  subset?: Item[];
  mixed?: boolean;
}

const BREAKDOWN_MARKER = /其中|分别为|分别是|分别有/;
const COMPLETE_MARKER = /分别为|分别是|分别有/;
const REST_LABEL = /^(?:另外?有?|其余|其他|剩余|余下)/;
const RESTATED_LABEL = /^(?:尚有|仍有|目前尚有|目前仍有|尚|仍)/;
const ETC_BEFORE_TOTAL = /等(?:共计|合计|总计|总共|一共|共有|共)/;
const TOTAL_TAIL = /(共计|合计|总计|总共|一共|共有|共)(?:为|是|达|有|达到)?[:：]?$/;
const DEMONSTRATIVE = /这|该|上述|以上|此/;

/** 共 as "in total", not 公共, 中共, 共享, 共建, 共性 …. */
function hasTotalMarker(label: string): boolean {
  if (/共计|合计|总计|总共|一共|累计/.test(label)) return true;
  for (let i = label.indexOf('共'); i >= 0; i = label.indexOf('共', i + 1)) {
    const before = label[i - 1] ?? '';
    const after = label[i + 1] ?? '';
    if ('公中'.includes(before) && before !== '') continue;
    if (after !== '' && '享建同治青产识性赢商进担存生鸣振融通用管事济'.includes(after)) continue;
    return true;
  }
  return false;
}

/** 其中 / 分别为 in the words before a count; includes() first, as most counts have neither. */
function opensBreakdown(pre: string): boolean {
  return (pre.includes('其中') || pre.includes('分别')) && BREAKDOWN_MARKER.test(pre);
}

function totalTail(pre: string): boolean {
  // 共计为 and the character before it fit in the last few characters: test them, not the sentence.
  const tail = pre.slice(-9);
  if (!tail.includes('共') && !tail.includes('计')) return false;
  const m = TOTAL_TAIL.exec(tail);
  if (!m) return false;
  const before = tail[m.index - 1] ?? '';
  return !(m[1] === '共' && before !== '' && '公中'.includes(before));
}

/** 受理 / 不予受理, 履行 / 未履行: a part and its complement. */
function complementary(parts: readonly Item[]): boolean {
  const words = parts.slice(0, WINDOW).map((p) => p.label.replace(/^(?:其中|作出|已|共)/, ''));
  for (const w of words) {
    const m = /^(?:不予|未予|不|未|非)(.{2,})/.exec(w);
    if (m && words.some((o) => o !== w && o.endsWith(m[1]!))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Rates

/** Outcome words of rate names and the words that name the counted outcome before a count. */
const OUTCOMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['纠错', ['纠错', '撤销', '变更', '确认违法', '确认无效', '责令履行']],
  ['成功', ['成功']],
  ['通过', ['通过', '取得', '合格']],
  ['合格', ['合格', '通过']],
  ['及格', ['及格', '合格', '通过']],
  ['化解', ['化解']],
  ['办结', ['办结', '结案', '审结', '办理完毕']],
  ['结案', ['结案', '办结', '审结']],
  ['审结', ['审结', '结案']],
  ['执行', ['执行']],
  ['履行', ['履行']],
  ['答复', ['答复', '回复']],
  ['回复', ['回复', '答复']],
  ['败诉', ['败诉']],
  ['胜诉', ['胜诉']],
  ['应诉', ['应诉', '出庭']],
  ['出庭', ['出庭']],
  ['采纳', ['采纳']],
  ['调解', ['调解']],
  ['受理', ['受理']],
  ['立案', ['立案']],
  ['公开', ['公开']],
  ['整改', ['整改']],
  ['满意', ['满意']],
  ['参与', ['参与', '参加']],
  ['参训', ['参训', '参加培训']],
  ['持证', ['持证', '取得']],
  ['到位', ['到位']],
  ['反馈', ['反馈']],
  ['维持', ['维持']],
  ['撤销', ['撤销']],
  ['备案', ['备案']],
  ['审核', ['审核', '审查']],
  ['审查', ['审查', '审核']],
];

/** Process words in a rate's name, in groups of words that name the same process. */
const PROCESS_WORDS: ReadonlyArray<readonly string[]> = [
  ['调解', '调处'], ['审结', '办结', '结案'], ['受理', '立案'], ['考试', '测试', '考核'], ['复议'], ['诉讼', '应诉'],
  ['信访'], ['检查', '抽查'], ['评查'], ['培训'], ['申请'], ['审查', '审核'], ['执法'], ['交办', '转办'],
];

/** Words before a count that make it a base (denominator) of a rate whose name does not appear. */
const BASE_WORDS = /受理|收到|收件|接收|交办|转办|办理|调处|排查|审结|审理|参加|参考|报考|申请|检查|抽查|评查|共|合计|总计|累计|涉及|发放|回收/;

const RATE_TAIL =
  /率(?:分别)?(?:为|是|达到|达|约为|高达|保持在|保持|稳定在|均为|均达到|均达|均|提升至|提高到|提升到|提高至|升至|降至|达至|仅为|仅)?[:：]?\s*(?:[-－−]|负)?$/;
const SHARE_TAIL = /占(?:[\u4e00-\u9fff“”]{0,12}?(?:的|之))?(?:比例|比重|比)?(?:为|达|约为|约)?[:：]?\s*(?:[-－−]|负)?$/;
/** Rates of change are not proportions of counts (a 同比增长 above 100% is fine). */
const GROWTH_NAME = /增长|增幅|增速|增加|涨|上升|下降|降幅|降低|提高|提升|减少|同比|环比|变化|变动|波动/;
/** Rates that may legitimately exceed 100%: over-fulfilment, returns, turnover. */
const MAY_EXCEED_NAME = /完成|超额|收益|回报|利润|负债|周转|产出|投资|溢价|发展|弹性/;
const NEGATION_BEFORE = /[不未非无没]予?$/;

export interface RateReading {
  num: Item[];
  den: Item;
  ratio: Interval;
}

export interface RateAnalysis {
  item: Item;
  node: Percentage;
  kind: 'named' | 'share';
  /** The rate's name as written before 率 (调解成功), or the share phrase. */
  name: string;
  verdict: Verdict;
  /** The reading shown: the one that agrees, or the explicit one that does not. */
  reading?: RateReading;
  /** The text names exactly one reading: the quick fix may replace the stated rate. */
  unique: boolean;
  /**
   * The reading was found only by trying every pair of counts: enough to stay silent, not to say
   * which counts the rate is made of.
   */
  weak?: boolean;
  grim?: GrimResult;
}

export interface GrimResult {
  denominator: Item;
  possible: boolean;
  /** The achievable rates nearest the stated one: k/N just below and just above. */
  neighbours: Array<{ k: number; percent: number }>;
}

function outcomeWords(name: string): readonly string[] {
  let best: readonly [string, readonly string[]] | undefined;
  for (const entry of OUTCOMES) {
    if (name.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  if (best) return best[1];
  for (const entry of OUTCOMES) if (name.includes(entry[0])) return entry[1];
  const tail = name.slice(-2);
  return /^[\u4e00-\u9fff]{2}$/.test(tail) ? [tail] : [];
}

function mentions(item: Item, words: readonly string[]): boolean {
  const { context } = item;
  for (const w of words) {
    for (let i = context.indexOf(w); i >= 0; i = context.indexOf(w, i + 1)) {
      if (!NEGATION_BEFORE.test(context.slice(Math.max(0, i - 2), i))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Funnels: a later stage cannot hold more than an earlier one

interface FunnelStage {
  from: RegExp;
  to: RegExp;
  /** 审结 above 受理 can be last year's cases carried over: worth a hint only. */
  carryOver: boolean;
}

const FUNNELS: readonly FunnelStage[] = [
  { from: /收到|收件|接收|接到|收悉|申请/, to: /受理|立案/, carryOver: false },
  { from: /参加.{0,12}(?:考试|测试)|参考|报考|应考/, to: /通过|取得|合格|获得.{0,6}证/, carryOver: false },
  { from: /调处|调解|受理.{0,8}纠纷/, to: /成功/, carryOver: false },
  { from: /交办|转办|转交/, to: /化解|办结/, carryOver: false },
  { from: /受理|立案|收到|收件|申请/, to: /审结|办结|结案|办理完毕/, carryOver: true },
];

/** Any later-stage word: most counts name none, and skip the funnel search at once. */
const ANY_LATER_STAGE = new RegExp(FUNNELS.map((f) => f.to.source).join('|'));

function stageMatch(item: Item, re: RegExp): boolean {
  const { context } = item;
  const m = re.exec(context);
  if (!m) return false;
  return !NEGATION_BEFORE.test(context.slice(Math.max(0, m.index - 2), m.index));
}

/**
 * "收到群众举报120件，受理各类行政复议申请150件" are two different things: when the later stage names
 * its own object (3+ characters after the stage word), the earlier count must share a word with it.
 */
function sameObject(later: Item, to: RegExp, earlier: Item): boolean {
  const m = to.exec(later.label);
  const object = m ? later.label.slice(m.index + m[0].length).replace(/^(?:了|各类|各项|的)+/, '') : '';
  if (object.length < 3) return true;
  for (let i = 0; i + 2 <= object.length; i++) if (earlier.context.includes(object.slice(i, i + 2))) return true;
  return false;
}

export interface Exceed {
  part: Item;
  whole: Item;
  kind: 'part' | 'funnel' | 'carryOver';
}

// ---------------------------------------------------------------------------------------------
// Changes against a base period

const CHANGE_TAIL =
  /(同比|环比|较上年同期|较去年同期|比去年同期|比上年同期|较上年|较去年|比上年|比去年|较上一年|比上一年|与上年相比|与去年相比|较\d{4}年(?:同期)?|比\d{4}年(?:同期)?)?[，,]?(?:分别)?(增长|增加|上升|提高|提升|下降|减少|降低|回落|下滑)了?$/;
const DOWN = /下降|减少|降低|回落|下滑/;
const BASE_LABEL = /去年|上年|上一年|前一年|同期|上年度|上一年度|^(?:由|从)/;
const TIMES_TAIL = /(增长|增加|提高|上升|增)了?$/;
const TIMES_OF_TAIL = /是[^，,；;]{0,10}的$/;

export interface ChangeAnalysis {
  /** Where the stated change is written. */
  position: Position;
  stated: string;
  kind: 'percent' | 'flat' | 'times' | 'timesOf' | 'double' | 'absolute';
  current: Item;
  base: Item;
  verdict: Verdict;
  computation: Computation;
  /** Formatted computed change, e.g. −1.28%, ×2.05, +20. */
  computed: string;
  tolerance?: number;
}

/** How a change is measured from the current and base figures: in percent, as a ratio, or a difference. */
interface ChangeMeasure {
  /** What the figures allow, approximate ones being intervals. */
  interval(current: Item, base: Item): Interval;
  value(current: Item, base: Item): number;
  expression(current: Item, base: Item): string;
  format(x: number, decimals: number): string;
}

const PERCENT_CHANGE: ChangeMeasure = {
  interval: (cur, base) => changeInterval(cur, base),
  value: (cur, base) => (100 * (cur.node.value - base.node.value)) / base.node.value,
  expression: (cur, base) => `(${term(cur)}−${term(base)})/${term(base)}`,
  format: (x, d) => (Math.abs(x) === Infinity ? '∞' : signedPercent(x, d)),
};

const RATIO: ChangeMeasure = {
  interval: (cur, base) => ({ low: cur.low / base.high, high: base.low > 0 ? cur.high / base.low : Infinity }),
  value: (cur, base) => cur.node.value / base.node.value,
  expression: (cur, base) => `${term(cur)}/${term(base)}`,
  format: (x, d) => (x === Infinity ? '∞' : `×${x.toFixed(d)}`),
};

const DIFFERENCE: ChangeMeasure = {
  interval: (cur, base) => ({ low: cur.low - base.high, high: cur.high - base.low }),
  value: (cur, base) => cur.node.value - base.node.value,
  expression: (cur, base) => `${term(cur)}−${term(base)}`,
  format: (x) => (Math.abs(x) === Infinity ? '∞' : `${x >= 0 ? '+' : '−'}${fmtNumber(Math.abs(x))}`),
};

interface ChangeSpec {
  /** Index of the stated change among the paragraph's items, when it is one. */
  at?: number;
  position: Position;
  stated: string;
  kind: ChangeAnalysis['kind'];
  tolerance?: number;
  measure: ChangeMeasure;
  /** Decimals shown for the computed change. */
  decimals: number;
  accepts: (change: Interval) => boolean;
  extra: Record<string, unknown>;
}

/** 基本持平 is read as within ±5 %, a bare 持平 as within ±2 %. */
export const FLAT_TOLERANCE = { loose: 5, strict: 2 };

// ---------------------------------------------------------------------------------------------
// Approximation words

const UNDER = new Set<ApproxWord>(['近', '不足', '不到', '以下', '以内', '不超过']);
const OVER = new Set<ApproxWord>(['余', '多', '超', '超过', '逾', '以上', '不少于', '不低于']);
const ABOUT = new Set<ApproxWord>(['约', '左右']);

export interface ApproxConflict {
  node: Quantity | Percentage;
  first: ApproxWord;
  second: ApproxWord;
  kind: 'contradictory' | 'redundant';
}

// ---------------------------------------------------------------------------------------------
// The analysis

export interface StatisticsAnalysis {
  rates: RateAnalysis[];
  breakdowns: Breakdown[];
  exceeds: Exceed[];
  changes: ChangeAnalysis[];
  conflicts: ApproxConflict[];
  /** Rates (率, 占) above 100 % or below 0 that cannot be so. */
  outOfRange: Array<{ item: Item; /** 调解成功率, 占收件总数的 */ what: string; negative: boolean }>;
}

const analyses = new WeakMap<Root, StatisticsAnalysis>();

export function analyseStatistics(tree: Root): StatisticsAnalysis {
  let result = analyses.get(tree);
  if (!result) {
    result = new Analyser(tree).run();
    analyses.set(tree, result);
  }
  return result;
}

class Analyser {
  private readonly out: StatisticsAnalysis = { rates: [], breakdowns: [], exceeds: [], changes: [], conflicts: [], outOfRange: [] };
  private mapper: PositionMapper | undefined;

  constructor(private readonly tree: Root) {}

  run(): StatisticsAnalysis {
    const { index, text } = this.tree.data;
    const numbers = documentOrder(index.quantities, index.percentages);
    let next = 0;
    for (const paragraph of index.paragraphs) {
      // Numbers are visited through the index, paragraph by paragraph, never by walking the text.
      const start = paragraph.position!.start.offset!;
      const end = paragraph.position!.end.offset!;
      while (next < numbers.length && numbers[next]!.position!.start.offset! < start) next++;
      const first = next;
      while (next < numbers.length && numbers[next]!.position!.start.offset! < end) next++;
      if (first === next) continue;
      const p = paragraphItems(paragraph, text, numbers, first, next);
      if (!p.items.length) continue;
      const breakdowns = this.breakdowns(p);
      this.funnels(p, breakdowns);
      this.rates(p);
      this.changes(p);
    }
    this.conflicts();
    return this.out;
  }

  private position(start: number, end: number): Position {
    this.mapper ??= new PositionMapper(this.tree.data.lineStarts);
    return this.mapper.position(start, end);
  }

  // --- breakdowns ---------------------------------------------------------------------------

  private breakdowns(p: ParagraphItems): Breakdown[] {
    const { items } = p;
    const found: Breakdown[] = [];
    const add = (b: Breakdown | undefined) => {
      if (!b) return;
      b.whole.wholeOf ??= b;
      found.push(b);
      this.out.breakdowns.push(b);
    };
    // 其中 lists first: their parts are nested and do not count as parts of an outer total.
    for (let i = 0; i < items.length; i++) {
      const first = items[i]!;
      if (first.rate || first.cls === '' || first.alt || !opensBreakdown(first.pre)) continue;
      const whole = this.wholeBefore(p, i);
      if (!whole) continue;
      const parts: Item[] = [];
      const otherParts: Item[] = [];
      let k = i;
      for (; k < Math.min(items.length, i + 2 * WINDOW) && items[k]!.sentence === first.sentence; k++) {
        const it = items[k]!;
        if (it.rate || (k > i && it.boundary >= 3)) break;
        if (k > i && opensBreakdown(it.pre)) break;
        if (it.alt || it.cls === '' || (it.paren && !first.paren)) continue;
        // A nested list (受理51件，其中…) belongs to its own whole; it ends where this one ends.
        if (it.partOf) continue;
        if (it.cls === first.cls) parts.push(it);
        else otherParts.push(it);
      }
      const b = this.qizhong(p, whole, parts, otherParts, first);
      for (const it of parts) it.partOf = b;
      for (const it of otherParts) it.partOf = b;
      add(b);
    }
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.rate || it.cls === '' || it.alt) continue;
      add(totalTail(it.pre) ? this.listedBefore(p, i) : REST_LABEL.test(it.label) && !it.partOf ? this.restList(p, i) : undefined);
    }
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.rate || it.cls === '' || it.alt || it.paren || it.wholeOf || !hasTotalMarker(it.label)) continue;
      add(this.listedAfter(p, i));
    }
    return found;
  }

  /** The count a 其中 list hangs on: the nearest earlier count of the same class (outside brackets). */
  private wholeBefore(p: ParagraphItems, i: number): Item | undefined {
    const { items } = p;
    const first = items[i]!;
    const from = p.sentenceStart[first.sentence]!;
    for (let j = i - 1; j >= Math.max(from, i - WINDOW); j--) {
      const it = items[j]!;
      if (it.cls === first.cls && !it.alt && !(it.paren && !first.paren)) return it;
    }
    // "…共收到申请162件。其中…": a list opening its sentence refers to the sentence before.
    if (i === from && first.sentence > 0) {
      const prevFrom = Math.max(p.sentenceStart[first.sentence - 1]!, from - WINDOW);
      for (let j = from - 1; j >= prevFrom; j--) {
        const it = items[j]!;
        if (it.cls === first.cls && !it.alt && !it.paren) return it;
      }
    }
    return undefined;
  }

  private qizhong(p: ParagraphItems, whole: Item, parts: Item[], otherParts: Item[], first: Item): Breakdown {
    const lenientWhole = coordinatedBefore(p, whole);
    let ceiling = Math.max(whole.high, lenientWhole ? sumOf(lenientWhole).high : 0);
    for (let j = whole.index - 1; j >= Math.max(p.sentenceStart[whole.sentence]!, whole.index - WINDOW); j--) {
      const it = p.items[j]!;
      if (it.cls === whole.cls && !it.paren && !it.alt) ceiling = Math.max(ceiling, it.high);
    }
    // 尚有2件正在审理 after 未审结2件 repeats a count already listed.
    const kept = parts.filter((it, n) => !(n > 0 && RESTATED_LABEL.test(it.label) && parts.slice(0, n).some((o) => o.node.value === it.node.value)));
    const last = kept[kept.length - 1];
    const b: Breakdown = {
      kind: 'qizhong',
      whole,
      parts: kept,
      otherParts,
      lenientWhole,
      ceiling,
      complete: COMPLETE_MARKER.test(first.pre) || (kept.length > 1 && last !== undefined && REST_LABEL.test(last.label)),
      complementary: complementary(kept),
      etc: false,
      verdict: 'unverifiable',
      used: kept,
      usedWhole: [whole],
    };
    this.judgeQizhong(b);
    return b;
  }

  private judgeQizhong(b: Breakdown): void {
    const wholes: Item[][] = [[b.whole]];
    if (b.lenientWhole) wholes.push(b.lenientWhole);
    // A prefix that adds up means the list is complete there; what follows begins a new topic.
    const minLength = b.parts.length > 1 ? 2 : 1;
    for (const w of wholes) {
      const used = matchingPrefix(b.parts, sumOf(w), minLength);
      if (used) return this.settle(b, 'consistent', used, w);
    }
    if (b.otherParts.length) {
      // 来信396件，来访683批，网上信访928件 = 2007件: one count written in several units.
      const all = [...b.parts, ...b.otherParts].sort((x, y) => x.node.position!.start.offset! - y.node.position!.start.offset!);
      const used = matchingPrefix(all, sumOf([b.whole]), 2);
      if (used) {
        b.mixed = true;
        return this.settle(b, 'consistent', used, [b.whole]);
      }
    }
    if (b.parts.length < 2) return;
    const total = sumOf(b.parts);
    const whole = sumOf([b.whole]);
    const largest = b.ceiling!;
    if (total.low > largest) {
      // A single part above the whole is reported on its own (part-exceeds-whole).
      if (b.parts.some((it) => it.low > largest)) return this.settle(b, 'inconsistent', b.parts, [b.whole]);
      const subset = matchingSubset(b.parts, whole);
      this.settle(b, 'inconsistent', b.parts, [b.whole], subset ? 'subset' : b.complete ? 'mismatch' : 'exceeds', subset);
      return;
    }
    if (total.high < whole.low) {
      if (b.complete) this.settle(b, 'inconsistent', b.parts, [b.whole], 'mismatch');
      else if (b.complementary) this.settle(b, 'inconsistent', b.parts, [b.whole], 'short');
    }
  }

  private settle(b: Breakdown, verdict: Verdict, used: Item[], usedWhole: Item[], finding?: Breakdown['finding'], subset?: Item[]): void {
    b.verdict = verdict;
    b.used = used;
    b.usedWhole = usedWhole;
    if (finding) b.finding = finding;
    if (subset) b.subset = subset;
  }

  /** "22个乡镇，32个社区，243个村居共275个": the parts run back from 共 through 、，和. */
  private listedBefore(p: ParagraphItems, t: number): Breakdown | undefined {
    const { items } = p;
    const total = items[t]!;
    // "243个村居共275个" or "…，共计155件"; not "…，全县共有45个" or "…，累计共45个", which start a
    // clause of their own (and 累计 counts earlier years too).
    if (total.boundary > 0 && !/^(?:共计|合计|总计|总共|一共|共有|共)(?:为|是|达|有|达到)?[:：]?$/.test(total.label)) return undefined;
    const from = p.sentenceStart[total.sentence]!;
    const parts: Item[] = [];
    let gap = total.boundary;
    for (let j = t - 1; j >= Math.max(from, t - WINDOW) && gap <= 2; j--) {
      const it = items[j]!;
      if (it.alt) {
        gap = Math.max(gap, it.boundary);
        continue;
      }
      if (it.rate || it.cls !== total.cls || it.paren !== total.paren) break;
      parts.unshift(it);
      if (opensBreakdown(it.pre)) break;
      gap = it.boundary;
    }
    if (parts.length < 2) return undefined;
    const b: Breakdown = {
      kind: 'before', whole: total, parts, otherParts: [], complete: true, complementary: false,
      etc: ETC_BEFORE_TOTAL.test(total.pre), verdict: 'consistent', used: parts, usedWhole: [total],
    };
    const sum = sumOf(parts);
    const whole = sumOf([total]);
    if (!overlaps(sum, whole)) {
      const subset = matchingSubset(parts, whole);
      if (subset) this.settle(b, 'inconsistent', parts, [total], 'subset', subset);
      else if (sum.high < whole.low) this.settle(b, b.etc ? 'unverifiable' : 'inconsistent', parts, [total], b.etc ? undefined : 'short');
      else this.settle(b, 'inconsistent', parts, [total], 'mismatch');
    }
    for (const it of parts) it.partOf ??= b;
    return b;
  }

  /** "这3件…。已履行2件，另1件…": a list closed by 另 that breaks down a count just referred to. */
  private restList(p: ParagraphItems, r: number): Breakdown | undefined {
    const { items } = p;
    const last = items[r]!;
    const from = p.sentenceStart[last.sentence]!;
    const parts: Item[] = [last];
    let gap = last.boundary;
    for (let j = r - 1; j >= Math.max(from, r - WINDOW) && gap <= 2; j--) {
      const it = items[j]!;
      if (it.alt) continue;
      if (it.rate || it.cls !== last.cls || it.paren || it.partOf) break;
      parts.unshift(it);
      gap = it.boundary;
    }
    if (parts.length < 2 || parts[0] !== items[from] || last.sentence === 0) return undefined;
    let whole: Item | undefined;
    const prevFrom = Math.max(p.sentenceStart[last.sentence - 1]!, from - WINDOW);
    for (let j = from - 1; j >= prevFrom; j--) {
      const it = items[j]!;
      if (it.cls === last.cls && !it.alt && !it.paren) {
        whole = it;
        break;
      }
    }
    if (!whole || !DEMONSTRATIVE.test(whole.label)) return undefined;
    const b: Breakdown = {
      kind: 'rest', whole, parts, otherParts: [], complete: true, complementary: false, etc: false,
      verdict: 'consistent', used: parts, usedWhole: [whole],
    };
    if (!overlaps(sumOf(parts), sumOf([whole]))) this.settle(b, 'inconsistent', parts, [whole], 'mismatch');
    for (const it of parts) it.partOf ??= b;
    return b;
  }

  /**
   * "共收件117件行政复议申请。受理51件，其中…；不予受理34件；告知书32件；尚有2件正在审理": counts after
   * a total are often stages, not parts, so this reading is kept only when a run of them adds up.
   */
  private listedAfter(p: ParagraphItems, t: number): Breakdown | undefined {
    const { items } = p;
    const total = items[t]!;
    let end = p.sentenceStart[total.sentence + 1]!;
    if (end === t + 1 && total.sentence + 1 < p.sentenceStart.length - 1) end = p.sentenceStart[total.sentence + 2]!;
    const parts: Item[] = [];
    for (let j = t + 1; j < end && parts.length < WINDOW; j++) {
      const it = items[j]!;
      if (it.rate) break;
      if (it.alt || it.paren || it.cls !== total.cls || (it.partOf && it.partOf.whole !== total)) continue;
      parts.push(it);
    }
    const used = matchingPrefix(parts, sumOf([total]), 2);
    if (!used) return undefined;
    return {
      kind: 'after', whole: total, parts: used, otherParts: [], complete: false, complementary: false, etc: false,
      verdict: 'consistent', used, usedWhole: [total],
    };
  }

  // --- funnels and parts above their whole ---------------------------------------------------

  private funnels(p: ParagraphItems, breakdowns: Breakdown[]): void {
    const { items } = p;
    for (const b of breakdowns) {
      if (b.kind !== 'qizhong') continue;
      for (const part of b.parts) if (part.low > b.ceiling!) this.out.exceeds.push({ part, whole: b.whole, kind: 'part' });
    }
    for (let i = 0; i < items.length; i++) {
      const later = items[i]!;
      if (later.rate || later.cls === '' || later.alt || later.paren || !ANY_LATER_STAGE.test(later.context)) continue;
      const from = Math.max(p.sentenceStart[Math.max(0, later.sentence - 1)]!, i - WINDOW);
      for (const stage of FUNNELS) {
        if (!stageMatch(later, stage.to)) continue;
        let earlier: Item | undefined;
        for (let j = i - 1; j >= from; j--) {
          const it = items[j]!;
          if (it.cls === later.cls && !it.alt && !it.paren && !it.rate && stageMatch(it, stage.from) && !stageMatch(it, stage.to)) {
            earlier = it;
            break;
          }
        }
        if (!earlier || !sameObject(later, stage.to, earlier)) continue;
        if (later.low > earlier.high) this.out.exceeds.push({ part: later, whole: earlier, kind: stage.carryOver ? 'carryOver' : 'funnel' });
        break;
      }
    }
  }

  // --- rates ----------------------------------------------------------------------------------

  private rates(p: ParagraphItems): void {
    const { items } = p;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!item.rate) continue;
      const node = item.node as Percentage;
      const rateTail = RATE_TAIL.exec(item.label);
      if (rateTail) {
        const name = item.label.slice(0, rateTail.index);
        if (!name || GROWTH_NAME.test(name)) continue;
        this.rangeCheck(item, name + '率', name);
        if (/分别/.test(rateTail[0])) continue;
        this.out.rates.push(this.namedRate(p, i, name, node));
        continue;
      }
      // Only "受理51件，占43.6%": with a noun before 占 (农村地区占60%) the numerator is not written.
      const share = SHARE_TAIL.exec(item.label);
      if (share && share.index === 0) {
        const name = item.label.replace(/[-－−负\s]+$/, '');
        this.rangeCheck(item, name.length > 1 ? name : '所占比例', name);
        if (item.boundary > 2 || opensBreakdown(item.pre)) continue;
        const rate = this.shareRate(p, i, name, node);
        if (rate) this.out.rates.push(rate);
      }
    }
  }

  private rangeCheck(item: Item, what: string, name: string): void {
    const node = item.node as Percentage;
    const text = this.tree.data.text;
    const before = text[node.numberStart - 1] ?? '';
    const negative = /[-－−负]/.test(before) && !/[0-9０-９]/.test(text[node.numberStart - 2] ?? '');
    if (negative) this.out.outOfRange.push({ item, what, negative: true });
    else if (node.low > 100 && !MAY_EXCEED_NAME.test(name)) this.out.outOfRange.push({ item, what, negative: false });
  }

  /** Counts a rate may be computed from: its sentence up to the next rate or ；, and the sentence before. */
  private scope(p: ParagraphItems, i: number): { before: Item[]; broad: Item[] } {
    const { items } = p;
    const rate = items[i]!;
    const from = p.sentenceStart[rate.sentence]!;
    const usable = (it: Item) => !it.rate && it.cls !== '' && !it.alt && (!it.paren || rate.paren);
    const before: Item[] = [];
    for (let j = Math.max(from, i - RATE_SCOPE); j < i; j++) if (usable(items[j]!)) before.push(items[j]!);
    const previous: Item[] = [];
    if (rate.sentence > 0) {
      for (let j = Math.max(p.sentenceStart[rate.sentence - 1]!, from - RATE_SCOPE); j < from; j++) if (usable(items[j]!)) previous.push(items[j]!);
    }
    const after: Item[] = [];
    for (let j = i + 1; j < Math.min(p.sentenceStart[rate.sentence + 1]!, i + RATE_SCOPE); j++) {
      const it = items[j]!;
      if (it.rate || it.boundary >= 3) break;
      if (usable(it)) after.push(it);
    }
    const scope = before.length ? before : previous;
    return { before: scope, broad: [...scope, ...after] };
  }

  private namedRate(p: ParagraphItems, i: number, name: string, node: Percentage): RateAnalysis {
    const item = p.items[i]!;
    const { before, broad } = this.scope(p, i);
    const words = outcomeWords(name);
    const window = statedWindow(node, node.decimals);
    const result: RateAnalysis = { item, node, kind: 'named', name, verdict: 'unverifiable', unique: false };

    // Readings the text makes explicit: a count named by the rate's outcome word, or the parts of
    // one breakdown that all name it (确认违法4件、责令履行2件 for 纠错率), over the count they come from.
    const strong: RateReading[] = [];
    const numerators = new Set<Item>();
    for (const it of before) {
      if (!words.length || !mentions(it, words)) continue;
      numerators.add(it);
      const b = it.partOf && it.partOf.kind === 'qizhong' ? it.partOf : undefined;
      if (b) {
        const named = before.filter((x) => x.partOf === b && mentions(x, words));
        if (named.length > 1) {
          pushReading(strong, named, b.whole);
          continue;
        }
      }
      const den = b ? b.whole : nearestBase(before, it);
      if (den) pushReading(strong, [it], den);
    }

    const match = strong.find((r) => overlaps(r.ratio, window));
    const any = match ? undefined : anyReading(broad, window);
    if (match || any) {
      result.verdict = match ? 'consistent' : 'unverifiable';
      result.reading = match ?? any;
      if (any) result.weak = true;
      return result;
    }
    // 调解成功率 over 受理案件500件 is not wrong: the base (cases mediated) is just not written.
    const explicit = strong.filter((r) => this.baseNamed(p, name, r.den));
    if (explicit.length) {
      result.verdict = 'inconsistent';
      result.reading = explicit[explicit.length - 1];
      result.unique = explicit.length === 1 && strong.length === 1;
      return result;
    }
    if (numerators.size === 0) result.grim = this.grim(p, i, before, node, words);
    if (result.grim) result.verdict = result.grim.possible ? 'consistent' : 'inconsistent';
    return result;
  }

  /**
   * Whether the count taken as a rate's base is what the rate is of: each process word in the
   * rate's name (调解 in 调解成功率, 复议 in 行政复议纠错率, 考试 in 考试通过率) must appear, or a word
   * of its group, in the sentence up to that count.
   */
  private baseNamed(p: ParagraphItems, name: string, den: Item): boolean {
    // The outcome word itself (审结 in 审结率) names the numerator, not the base.
    const outcome = OUTCOMES.filter(([word]) => name.endsWith(word)).reduce((a, [word]) => Math.max(a, word.length), 0);
    const qualifier = name.slice(0, name.length - outcome);
    const groups = PROCESS_WORDS.filter((group) => group.some((w) => qualifier.includes(w)));
    if (!groups.length) return true;
    const context = this.tree.data.text.slice(p.sentenceOffset[den.sentence]!, den.node.position!.end.offset!) + den.post;
    return groups.every((group) => group.some((w) => context.includes(w)));
  }

  /**
   * The GRIM test: with N counted items and a rate written to d decimals, some whole k must give
   * it. Only for a rate right after a count that reads as its base (交办案件109件，化解率73.4%), and
   * only when every base in the sentence fails: the real base may be another of them.
   */
  private grim(p: ParagraphItems, i: number, before: Item[], node: Percentage, words: readonly string[]): GrimResult | undefined {
    if (node.approx.length || node.value <= 0 || node.value >= 100) return undefined;
    const candidates = before.filter((it) => !mentions(it, words));
    if (!candidates.length || candidates.some((it) => it.low !== it.high)) return undefined;
    const nearest = candidates[candidates.length - 1]!;
    const rateItem = p.items[i]!;
    const previous = p.items[i - 1];
    // The count must sit in the clause right before the rate: "交办案件109件，化解率73.4%".
    if (previous !== nearest || clauseBreaks(rateItem.pre) > 1 || !BASE_WORDS.test(nearest.pre + nearest.post)) return undefined;
    const limit = 100 * 10 ** node.decimals;
    let first: GrimResult | undefined;
    for (const c of [...candidates].reverse()) {
      const n = c.node.value;
      if (!Number.isInteger(n) || n <= 0 || n >= limit) return undefined;
      const result = grimTest(n, node, c);
      if (result.possible) return result;
      first ??= result;
    }
    return first;
  }

  private shareRate(p: ParagraphItems, i: number, name: string, node: Percentage): RateAnalysis | undefined {
    const { items } = p;
    const item = items[i]!;
    const previous = items[i - 1];
    if (!previous || previous.sentence !== item.sentence || previous.rate || previous.cls === '' || previous.alt) return undefined;
    const num = previous;
    const { before, broad } = this.scope(p, i);
    const window = statedWindow(node, node.decimals);
    const result: RateAnalysis = { item, node, kind: 'share', name, verdict: 'unverifiable', unique: false };
    let den: Item | undefined;
    // 占全市的15%: a share of something the text does not count here is not checked against it.
    const base = /^占([\u4e00-\u9fff“”]*?)(?:的|之)/.exec(name)?.[1]?.replace(/总数|总量|总额|全部|总/g, '') ?? '';
    const names = (it: Item) => {
      if (base.length < 2) return true;
      const context = this.tree.data.text.slice(p.sentenceOffset[it.sentence]!, it.node.position!.end.offset!) + it.post;
      for (let k = 0; k + 2 <= base.length; k++) if (context.includes(base.slice(k, k + 2))) return true;
      return false;
    };
    if (num.partOf && num.partOf.kind !== 'after') den = num.partOf.whole;
    else {
      for (let k = before.length - 1; k >= 0; k--) {
        const it = before[k]!;
        if (it !== num && it.cls === num.cls && hasTotalMarker(it.label) && it.high >= num.low) {
          den = it;
          break;
        }
      }
    }
    const explicit = den && names(den) ? reading([num], den) : undefined;
    let match = explicit && overlaps(explicit.ratio, window) ? explicit : undefined;
    if (!match) {
      for (const d of broad) {
        if (d === num || d.cls !== num.cls || d.high < num.low) continue;
        const r = reading([num], d);
        if (r && overlaps(r.ratio, window)) {
          match = r;
          break;
        }
      }
    }
    if (match) {
      result.verdict = match === explicit ? 'consistent' : 'unverifiable';
      result.reading = match;
      if (match !== explicit) result.weak = true;
    } else if (explicit) {
      result.verdict = 'inconsistent';
      result.reading = explicit;
      result.unique = true;
    } else return undefined;
    return result;
  }

  // --- changes --------------------------------------------------------------------------------

  private changes(p: ParagraphItems): void {
    const { items } = p;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const start = it.node.position!.start.offset!;
      if (it.rate) {
        const m = CHANGE_TAIL.exec(it.label);
        if (!m) continue;
        const node = it.node as Percentage;
        const sign = DOWN.test(m[2]!) ? -1 : 1;
        const w = statedWindow(node, node.decimals);
        const target = sign < 0 ? { low: -w.high, high: -w.low } : w;
        this.change(p, it.sentence, start, undefined, {
          at: i, position: node.position!, stated: m[2]! + node.raw, kind: 'percent', measure: PERCENT_CHANGE,
          decimals: shownDecimals(node.decimals), accepts: (iv) => overlaps(iv, target),
          extra: { stated: `${sign < 0 ? '−' : '+'}${node.raw}` },
        });
      } else if ((it.node as Quantity).unit === '倍') {
        const times = TIMES_TAIL.exec(it.pre);
        // 是去年同期150件的2倍: the 是 stands before the base figure.
        const previous = items[i - 1];
        const around = (previous && previous.sentence === it.sentence ? previous.pre + previous.node.raw : '') + it.pre;
        const of = TIMES_OF_TAIL.test(around);
        if (!times && !of) continue;
        const node = it.node as Quantity;
        const decimals = (/[.．](\d+)/.exec(this.tree.data.text.slice(node.numberStart, node.numberEnd))?.[1] ?? '').length;
        const w = statedWindow(node, decimals);
        this.change(p, it.sentence, start, undefined, {
          at: i, position: node.position!, stated: (of ? '' : times![1]!) + node.raw, kind: of ? 'timesOf' : 'times', measure: RATIO,
          decimals: 2,
          // 增长2倍 means ×3 but is widely written for ×2: either reading is accepted.
          accepts: (iv) => overlaps(iv, w) || (!of && overlaps(iv, { low: w.low + 1, high: w.high + 1 })),
          extra: {},
        });
      } else if (it.cls !== '') {
        const m = /[加少长降升低了]$/.test(it.label) ? /(增加|减少|增长|下降|上升|降低)了?$/.exec(it.label) : null;
        if (!m || !/同比|较|比|与/.test(it.label)) continue;
        const sign = DOWN.test(m[1]!) ? -1 : 1;
        const stated = sign < 0 ? { low: -it.high, high: -it.low } : { low: it.low, high: it.high };
        this.change(p, it.sentence, start, it, {
          position: it.node.position!, stated: m[1]! + it.node.raw, kind: 'absolute', measure: DIFFERENCE, decimals: 0,
          accepts: (iv) => overlaps(iv, stated),
          extra: { stated: `${sign < 0 ? '−' : '+'}${it.node.raw}` },
        });
      }
    }
    for (const phrase of p.phrases) {
      const flat = /(基本|大体|总体|大致)?持平/.exec(phrase.text);
      const double = /翻了?([一两])番/.exec(phrase.text);
      const m = flat ?? double;
      if (!m) continue;
      const start = phrase.offset + m.index;
      const position = this.position(start, start + m[0].length);
      if (flat) {
        const tolerance = flat[1] ? FLAT_TOLERANCE.loose : FLAT_TOLERANCE.strict;
        this.change(p, phrase.sentence, start, undefined, {
          position, stated: m[0], kind: 'flat', tolerance, measure: PERCENT_CHANGE, decimals: 2,
          accepts: (iv) => overlaps(iv, { low: -tolerance, high: tolerance }),
          extra: { tolerance },
        });
      } else {
        const factor = double![1] === '一' ? 2 : 4;
        // 翻一番 is read as doubling within ±10 %: the phrase is used for round figures.
        this.change(p, phrase.sentence, start, undefined, {
          position, stated: m[0], kind: 'double', measure: RATIO, decimals: 2,
          accepts: (iv) => overlaps(iv, { low: factor * 0.9, high: factor * 1.1 }),
          extra: { factor },
        });
      }
    }
  }

  /**
   * A stated change checked against the figures of its clause group (the part of the sentence
   * between semicolons): the base-period figure (去年同期2033件, 由…) and the current figure, the
   * nearest earlier count of the same class. Silent without a base: "同比下降56%" alone says nothing.
   */
  private change(p: ParagraphItems, sentence: number, offset: number, self: Item | undefined, spec: ChangeSpec): void {
    const { items } = p;
    let from = p.sentenceStart[sentence]!;
    let to = p.sentenceStart[sentence + 1]!;
    // The item at the change: the stated change itself, or the first count after a phrase.
    let at = self?.index ?? spec.at;
    if (at === undefined) for (at = from; at < to && items[at]!.node.position!.start.offset! < offset; ) at++;
    from = Math.max(from, at - WINDOW);
    to = Math.min(to, at + WINDOW);
    for (let j = from; j < to; j++) {
      const it = items[j]!;
      if (it.boundary < 3 || j === from) continue;
      if (it.node.position!.start.offset! <= offset) from = j;
      else {
        to = j;
        break;
      }
    }
    const eligible = (it: Item) => it !== self && !it.rate && it.cls !== '' && !it.alt && (!self || it.cls === self.cls);
    let base: Item | undefined;
    for (let j = from; j < to && !base; j++) if (eligible(items[j]!) && BASE_LABEL.test(items[j]!.label)) base = items[j]!;
    // "2023年共收到申请236件，较上年增长15.7%（2022年204件）": the earlier of two years is the base.
    let baseYear = Infinity;
    if (!base) {
      for (let j = from; j < to; j++) {
        const year = yearOf(items[j]!);
        if (eligible(items[j]!) && year < baseYear) {
          baseYear = year;
          base = items[j]!;
        }
      }
    }
    if (!base || base.high <= 0) return;
    const later = (it: Item) => baseYear === Infinity || yearOf(it) > baseYear;
    // 由Z件增加到X件: the figure after 到/至 is the current one; otherwise the counts before the change.
    let currents: Item[] = [];
    for (let j = from; j < to; j++) {
      const it = items[j]!;
      if (it !== base && eligible(it) && it.cls === base.cls && /(?:到|至)$/.test(it.label)) currents.push(it);
    }
    if (!currents.length) {
      for (let j = from; j < to; j++) {
        const it = items[j]!;
        if (it.node.position!.start.offset! >= offset && baseYear === Infinity) break;
        if (it === base || !eligible(it) || it.cls !== base.cls || it.partOf || !later(it)) continue;
        if (baseYear === Infinity && (it.paren || BASE_LABEL.test(it.label))) continue;
        currents.push(it);
      }
    }
    if (!currents.length) return;
    const { measure, decimals } = spec;
    const ok = currents.find((cur) => spec.accepts(measure.interval(cur, base!)));
    const current = ok ?? currents[currents.length - 1]!;
    const value = measure.value(current, base);
    const iv = measure.interval(current, base);
    const exact = isExact([current, base]);
    const change: ChangeAnalysis = {
      position: spec.position,
      stated: spec.stated,
      kind: spec.kind,
      current,
      base,
      // Approximate figures are intervals: they refute a change only when no value in them fits.
      verdict: ok ? 'consistent' : 'inconsistent',
      computed: exact ? measure.format(value, decimals) : `${measure.format(iv.low, decimals)}~${measure.format(iv.high, decimals)}`,
      computation: {
        expression: measure.expression(current, base),
        value: round(value, decimals),
        stated: spec.stated,
        ...spec.extra,
        ...(exact ? {} : { low: round(iv.low, decimals), high: iv.high === Infinity ? null : round(iv.high, decimals) }),
      },
    };
    if (spec.tolerance !== undefined) change.tolerance = spec.tolerance;
    this.out.changes.push(change);
  }

  // --- approximation words --------------------------------------------------------------------

  private conflicts(): void {
    const { quantities, percentages } = this.tree.data.index;
    const check = (node: Quantity | Percentage) => {
      const words = node.approx;
      if (words.length < 2) return;
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b < words.length; b++) {
          const x = words[a]!;
          const y = words[b]!;
          const contradictory = (UNDER.has(x) && OVER.has(y)) || (OVER.has(x) && UNDER.has(y));
          const redundant =
            (ABOUT.has(x) || ABOUT.has(y)) || (OVER.has(x) && OVER.has(y)) || (UNDER.has(x) && UNDER.has(y));
          if (contradictory || redundant) {
            this.out.conflicts.push({ node, first: x, second: y, kind: contradictory ? 'contradictory' : 'redundant' });
            return;
          }
        }
      }
    };
    for (const q of quantities) check(q);
    for (const q of percentages) check(q);
  }
}

/** Any pair (or a breakdown's parts over its whole) among the counts around a rate that gives it. */
function anyReading(scope: Item[], window: Interval): RateReading | undefined {
  // Open-ended counts (50个以上) agree with almost any rate: they neither confirm nor refute one.
  const broad = scope.filter((it) => it.high !== Infinity);
  for (const den of broad) {
    const b = den.wholeOf;
    if (b && b.kind === 'qizhong' && b.parts.length > 1) {
      for (let n = 2; n <= Math.min(b.parts.length, WINDOW); n++) {
        const r = reading(b.parts.slice(0, n), den);
        if (r && overlaps(r.ratio, window)) return r;
      }
    }
    if (den.high <= 0) continue;
    for (const num of broad) {
      if (num === den || num.cls !== den.cls || num.low > den.high) continue;
      // Inline ratio bounds: this loop runs for every pair around every rate.
      const low = den.high === Infinity ? 0 : (100 * num.low) / den.high;
      const high = den.low <= 0 ? Infinity : (100 * num.high) / den.low;
      if (overlaps({ low, high }, window)) return reading([num], den);
    }
  }
  return undefined;
}

/**
 * Same-class counts joined to the whole by 和/及/与/、 within its clause chain ("20名主要负责人和
 * 38个县直单位的50名"): together they may be the whole a following 其中 list breaks down.
 */
function coordinatedBefore(p: ParagraphItems, whole: Item): Item[] | undefined {
  const { items } = p;
  const from = p.sentenceStart[whole.sentence]!;
  const run: Item[] = [whole];
  let gap = '';
  let gapBoundary = 0;
  for (let j = whole.index - 1; j >= Math.max(from, whole.index - WINDOW); j--) {
    const next = items[j + 1]!;
    gap = next.pre + gap;
    gapBoundary = Math.max(gapBoundary, next.boundary);
    const it = items[j]!;
    if (it.cls !== whole.cls || it.alt || it.paren || it.rate) {
      gap = it.node.raw + gap;
      continue;
    }
    if (gapBoundary >= 3 || !/和|及|与|、/.test(gap) || it.partOf) break;
    run.unshift(it);
    gap = '';
    gapBoundary = 0;
  }
  return run.length > 1 ? run : undefined;
}

function reading(num: Item[], den: Item): RateReading | undefined {
  const ratio = ratioInterval(sumOf(num), sumOf([den]));
  return ratio ? { num, den, ratio } : undefined;
}

function pushReading(list: RateReading[], num: Item[], den: Item): void {
  const r = reading(num, den);
  if (r && !list.some((x) => x.den === den && x.num.length === num.length && x.num.every((n, k) => n === num[k]))) list.push(r);
}

/** The nearest earlier count a numerator can be a share of: same class, not smaller, not a listed part. */
function nearestBase(scope: Item[], num: Item): Item | undefined {
  const at = scope.indexOf(num);
  for (let k = at - 1; k >= 0; k--) {
    const it = scope[k]!;
    if (it.cls === num.cls && !it.partOf && it.high >= num.low) return it;
  }
  return undefined;
}

/** The year a count is dated by (2022年204件 → 2022), Infinity when none; the first year counts. */
function yearOf(it: Item): number {
  const m = /(\d{4})年(?:同期|全年|度)?[^\d]{0,12}$/.exec(it.label);
  return m ? Number(m[1]) : Infinity;
}

function changeInterval(current: Item, base: Item): Interval {
  const low = base.high === Infinity ? -100 : (100 * (current.low - base.high)) / base.high;
  const high = base.low <= 0 ? Infinity : (100 * (current.high - base.low)) / base.low;
  return { low: Math.min(low, high), high: Math.max(low, high) };
}

function round(x: number, d: number): number {
  return Number(x.toFixed(d));
}

function signedPercent(x: number, d: number): string {
  return `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(d)}%`;
}

/**
 * A run of consecutive parts (two or more, not all) that adds up to the whole: 32+243 = 275. Only
 * runs: a list whose first or last items do not belong is a plausible slip, while some scattered
 * subset of many small parts adds up by chance.
 */
function matchingSubset(parts: Item[], whole: Interval): Item[] | undefined {
  const n = parts.length;
  if (n > WINDOW) return undefined;
  for (let length = n - 1; length >= 2; length--) {
    for (let from = 0; from + length <= n; from++) {
      const run = parts.slice(from, from + length);
      if (overlaps(sumOf(run), whole)) return run;
    }
  }
  return undefined;
}

function grimTest(n: number, node: Percentage, denominator: Item): GrimResult {
  const window = statedWindow(node, node.decimals);
  const k0 = Math.floor((node.value * n) / 100);
  const neighbours: GrimResult['neighbours'] = [];
  let possible = false;
  for (let k = Math.max(0, k0 - 1); k <= Math.min(n, k0 + 2); k++) {
    const percent = (100 * k) / n;
    if (percent >= window.low && percent < window.high) possible = true;
    neighbours.push({ k, percent });
  }
  // Keep the achievable rates either side of the stated one, for the message.
  const below = neighbours.filter((x) => x.percent < node.value).pop();
  const above = neighbours.find((x) => x.percent >= node.value);
  const shown = possible ? neighbours.filter((x) => x.percent >= window.low && x.percent < window.high).slice(0, 1) : [below, above].filter((x): x is { k: number; percent: number } => !!x);
  return { denominator, possible, neighbours: shown };
}

// ---------------------------------------------------------------------------------------------
// Computations and wording shared by the rules and the hover

export interface RateFigures {
  expression: string;
  computed: string;
  stated: string;
  computation: Computation;
  /** The computed rate at the stated precision, for the quick fix. */
  expected?: string;
}

export function rateFigures(rate: RateAnalysis): RateFigures | undefined {
  const { node } = rate;
  const d = shownDecimals(node.decimals);
  if (rate.reading) {
    const { num, den, ratio } = rate.reading;
    const numText = num.length > 1 ? `(${sumExpression(num)})` : term(num[0]!);
    const expression = `${numText}/${term(den)}`;
    const exact = isExact([...num, den]);
    const numValue = num.reduce((s, it) => s + it.node.value, 0);
    const value = (100 * numValue) / den.node.value;
    const computed = exact ? `${value.toFixed(d)}%` : `${intervalText(ratio, d)}%`;
    const expected = exact ? `${roundedPercent(numValue, den.node.value, node.decimals)}%` : undefined;
    return {
      expression,
      computed,
      stated: node.raw,
      expected,
      computation: {
        expression,
        value: round(value, d),
        stated: node.raw,
        numerator: numValue,
        denominator: den.node.value,
        ...(expected ? { expected } : {}),
        ...(exact ? {} : { low: round(ratio.low, d), high: ratio.high === Infinity ? null : round(ratio.high, d) }),
      },
    };
  }
  if (rate.grim) {
    const n = rate.grim.denominator.node.value;
    const parts = rate.grim.neighbours.map((x) => `${x.k}/${n} = ${x.percent.toFixed(d)}%`);
    const first = rate.grim.neighbours[0];
    return {
      expression: parts.join('，'),
      computed: first ? `${first.percent.toFixed(d)}%` : '',
      stated: node.raw,
      computation: {
        expression: rate.grim.neighbours.map((x) => `${x.k}/${n}`).join(', '),
        value: first ? round(first.percent, d) : NaN,
        stated: node.raw,
        denominator: n,
        possible: rate.grim.possible,
        achievable: rate.grim.neighbours.map((x) => round(x.percent, d)),
      },
    };
  }
  return undefined;
}

export interface TotalFigures {
  expression: string;
  sum: string;
  whole: string;
  stated: string;
  subset?: string;
  subsetSum?: string;
  computation: Computation;
}

export function totalFigures(b: Breakdown): TotalFigures {
  const sum = sumOf(b.used);
  const expression = sumExpression(b.used, b.mixed);
  const whole = b.usedWhole.length > 1 ? `${sumExpression(b.usedWhole)} = ${intervalText(sumOf(b.usedWhole))}` : term(b.whole);
  const figures: TotalFigures = {
    expression,
    sum: intervalText(sum),
    whole,
    stated: b.usedWhole.map((it) => it.node.raw).join('+'),
    computation: {
      expression,
      value: sum.low,
      stated: b.usedWhole.map((it) => it.node.raw).join('+'),
      parts: b.used.map((it) => it.node.value),
      total: b.usedWhole.reduce((s, it) => s + it.node.value, 0),
      ...(sum.low !== sum.high ? { low: sum.low, high: sum.high === Infinity ? null : sum.high } : {}),
    },
  };
  if (b.subset) {
    figures.subset = sumExpression(b.subset);
    figures.subsetSum = intervalText(sumOf(b.subset));
    figures.computation.subset = figures.subset;
  }
  return figures;
}

/** What each of two clashing approximation words makes of the number: 近2.5万 → [24000, 25000]. */
export function approxIntervals(c: ApproxConflict, text: string): Computation {
  const { node } = c;
  const written = text.slice(node.numberStart, node.numberEnd).replace(/[,，]/g, '');
  let place: number;
  if (/^[0-9０-９.．]+$/.test(written)) {
    const ascii = written.replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String(ch.charCodeAt(0) - 0xff10)));
    const frac = ascii.split('.')[1] ?? '';
    const multiplier = node.value / Number(ascii) || 1;
    let unit = 1;
    if (frac) unit = 10 ** -frac.length;
    else for (let v = Number(ascii); v > 0 && v % 10 === 0; v /= 10) unit *= 10;
    place = unit * multiplier;
  } else {
    place = 10 ** Math.floor(Math.log10(Math.max(1, node.value)));
  }
  const show = (w: ApproxWord) => {
    const iv = interval(node.value, place, [w]);
    return `${w} → ${intervalText({ low: iv.low, high: iv.high })}`;
  };
  return { expression: `${show(c.first)}; ${show(c.second)}`, value: node.value, stated: node.raw };
}

// ---------------------------------------------------------------------------------------------
// Explanations for the editor's hover

export interface StatisticExplanation {
  kind: 'rate' | 'total' | 'change';
  position: Position;
  /** e.g. 「340/348 = 97.70%，与所写 97.7% 一致」 */
  text: { zh: string; en: string };
  computation: Computation;
  verdict: 'consistent' | 'inconsistent' | 'unverifiable';
}

const EXPLAIN: Record<string, Localized> = {
  rateConsistent: { zh: '{expression} = {computed}，与所写 {stated} 一致', en: '{expression} = {computed}, consistent with the stated {stated}' },
  rateInconsistent: { zh: '{expression} = {computed}，所写为 {stated}', en: '{expression} = {computed}, stated {stated}' },
  rateWeak: {
    zh: '所列数字中 {expression} = {computed}，可得所写 {stated}，但文中未写明分子、分母',
    en: 'Among the counts, {expression} = {computed} gives the stated {stated}, but the text does not say which counts the rate uses',
  },
  grimPossible: {
    zh: '以 {denominator} 为分母，{expression}，与所写 {stated} 相符',
    en: 'With {denominator} as the base, {expression}, consistent with the stated {stated}',
  },
  grimImpossible: {
    zh: '以 {denominator} 为分母得不到 {stated}：{expression}',
    en: 'No count out of {denominator} gives {stated}: {expression}',
  },
  totalConsistent: { zh: '{expression} = {sum}，与 {whole} 一致', en: '{expression} = {sum}, consistent with {whole}' },
  totalInconsistent: { zh: '{expression} = {sum}，所写总数为 {whole}', en: '{expression} = {sum}, stated total {whole}' },
  totalSubset: {
    zh: '{expression} = {sum}，所写总数为 {whole}；其中 {subset} = {subsetSum}',
    en: '{expression} = {sum}, stated total {whole}; {subset} = {subsetSum}',
  },
  totalUnverifiable: {
    zh: '{expression} = {sum}，少于 {whole}（所列分项可能不全）',
    en: '{expression} = {sum}, less than {whole} (the list may be incomplete)',
  },
  changeConsistent: { zh: '{expression} = {computed}，与「{stated}」相符', en: '{expression} = {computed}, consistent with “{stated}”' },
  changeInconsistent: { zh: '{expression} = {computed}，与「{stated}」不符', en: '{expression} = {computed}, does not match “{stated}”' },
};

function localized(key: string, data: Record<string, string | number>): { zh: string; en: string } {
  const spec = EXPLAIN[key]!;
  return { zh: formatMessage(spec.zh, data), en: formatMessage(spec.en, data) };
}

const explanations = new WeakMap<Root, StatisticExplanation[]>();

/** Every rate, total and change the statistics rules could analyse, consistent or not. Memoised per tree. */
export function explainStatistics(tree: Root): StatisticExplanation[] {
  let list = explanations.get(tree);
  if (list) return list;
  list = [];
  const a = analyseStatistics(tree);
  for (const rate of a.rates) {
    const f = rateFigures(rate);
    if (!f) continue;
    let text;
    const data = { expression: f.expression, computed: f.computed, stated: f.stated };
    if (rate.reading) text = localized(rate.weak ? 'rateWeak' : rate.verdict === 'inconsistent' ? 'rateInconsistent' : 'rateConsistent', data);
    else text = localized(rate.grim!.possible ? 'grimPossible' : 'grimImpossible', { ...data, denominator: rate.grim!.denominator.node.value });
    list.push({ kind: 'rate', position: rate.node.position!, text, computation: f.computation, verdict: rate.verdict });
  }
  for (const b of a.breakdowns) {
    if (b.used.length < 2) continue;
    const f = totalFigures(b);
    const key = b.verdict === 'consistent' ? 'totalConsistent' : b.verdict === 'unverifiable' ? 'totalUnverifiable' : b.subset ? 'totalSubset' : 'totalInconsistent';
    const data = { expression: f.expression, sum: f.sum, whole: f.whole, subset: f.subset ?? '', subsetSum: f.subsetSum ?? '' };
    list.push({ kind: 'total', position: b.whole.node.position!, text: localized(key, data), computation: f.computation, verdict: b.verdict });
  }
  for (const c of a.changes) {
    const key = c.verdict === 'consistent' ? 'changeConsistent' : 'changeInconsistent';
    const data = { expression: c.computation.expression, computed: c.computed, stated: c.stated };
    list.push({ kind: 'change', position: c.position, text: localized(key, data), computation: c.computation, verdict: c.verdict });
  }
  list.sort((x, y) => x.position.start.offset! - y.position.start.offset!);
  explanations.set(tree, list);
  return list;
}
