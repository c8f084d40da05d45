/**
 * report-title — a published annual report carries a title naming who reports, on which year,
 * and on what: 「枣阳市2023年法治政府建设年度报告」, 「市司法局关于2023年度法治政府建设情况的报告」.
 * Text pasted from portals often loses the title (the page shows it apart from the body), and
 * drafts copied from last year keep a title without the place or the year.
 *
 * Fix for a missing title: insert one before the opening, but only when both the reporting
 * organ (from the closing, or the opening sentence) and the report year are known — a guessed
 * title would be worse than none.
 */
import type { Rule } from '../engine/rule';
import type { Paragraph, Root } from '../parser/types';
import { indentOf, layoutOf, lineStartAt, linePrefix } from './support/insertion';
import { analyzeReport, titleYear } from './support/report-analysis';

/** A place or an organ: 洛浦县, 枣阳市, 北碚区XX镇, 市司法局, 国家税务总局XX县税务局. */
const PLACE_SUFFIX = /(?:省|自治区|市|州|盟|县|旗|区|镇|乡|街道|村|局|委员会|委|办公室|办|厅|院|署|中心|政府|管委会)/;
/** Words of the genre that contain place-like characters (法治政府, 示范市) and must not count as a place. */
const GENRE_WORDS = /法治政府建设|法治政府|法治建设|依法行政|示范(?:市|县|区|单位)|年度|报告|情况|工作|关于|的/g;
const TOPIC = /法治政府/;
/** "洛浦县2022年…", "2022年，溧阳市…": a named place at the start of the opening sentence. */
const OPENING_PLACE = /^(?:(?:\d{4}|[〇零○一二三四五六七八九]{4})年度?[，,、\s]*)?([\u4e00-\u9fff]{1,12}?(?:省|自治区|市|州|盟|县|旗|区|镇|乡|街道))/;
const NOT_A_PLACE = /^(?:我|全|本|该|各|今|近|去|上|下|城|社)/;

/** The organ's place: 连江县人民政府 → 连江县, 中共枣阳市委 → 枣阳市; a department keeps its name. */
function organPlace(organ: string): string | undefined {
  const place = organ
    .replace(/^中共/, '')
    .replace(/(?:人民政府|政府|委员会|党委|党工委|委)$/, '');
  return place.length >= 2 && PLACE_SUFFIX.test(place) ? place : undefined;
}

function reportingPlace(tree: Root, opening: Paragraph | undefined): string | undefined {
  const organs = tree.closing?.organs ?? [];
  const government = organs.find((o) => /政府$/.test(o.value)) ?? organs[organs.length - 1];
  const fromOrgan = government && organPlace(government.value);
  if (fromOrgan) return fromOrgan;
  const m = opening && OPENING_PLACE.exec(opening.value);
  return m && !NOT_A_PLACE.test(m[1]!) ? m[1] : undefined;
}

/** The paragraph a title would stand above: the first one that reads like prose, not page furniture. */
function openingParagraph(tree: Root): Paragraph | undefined {
  for (const block of tree.children) {
    if (block.type === 'section') return undefined;
    // page furniture (移动端应用, 当前所在位置：首页 > …, 日期：… 来源：…) has no commas or full stops
    if (block.type === 'paragraph' && block.value.length >= 10 && /[。，,]/.test(block.value)) return block;
  }
  return undefined;
}

export const reportTitle: Rule = {
  meta: {
    id: 'report-title',
    description: {
      zh: '报告应有标题，写明地方或部门、年度和“法治政府建设”',
      en: 'The report has a title naming the place or department, the year and 法治政府建设',
    },
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      missingTitle: {
        zh: '报告没有标题：应在正文前写明标题，包括地方或部门、年度和“法治政府建设”，如「{example}」',
        en: 'The report has no title: put one above the text naming the place or department, the year and 法治政府建设, e.g. “{example}”',
      },
      titleNoPlace: {
        zh: '标题「{title}」没有写明报告的地方或部门：应写明如「XX县」「XX市司法局」',
        en: 'The title “{title}” does not name the reporting place or department (e.g. “XX县”, “XX市司法局”)',
      },
      titleNoYear: {
        zh: '标题「{title}」没有写明年度：应写明所报告的年度，如「{year}年」',
        en: 'The title “{title}” does not state the year: name the year reported on, e.g. “{year}年”',
      },
      titleNoTopic: {
        zh: '标题「{title}」没有写明“法治政府建设”：年度报告的名称应为“法治政府建设年度报告”或“法治政府建设情况的报告”',
        en: 'The title “{title}” does not say 法治政府建设: the report is called 法治政府建设年度报告 or 法治政府建设情况的报告',
      },
      insertTitle: { zh: '插入标题「{title}」', en: 'Insert the title “{title}”' },
    },
  },

  check(tree, context) {
    const { genre, parts } = analyzeReport(tree);
    if (!genre) return;
    const title = tree.title;
    if (title) {
      const data = { title: title.value, year: parts.reportYear ?? '××××' };
      if (!PLACE_SUFFIX.test(title.value.replace(GENRE_WORDS, ''))) context.report({ messageId: 'titleNoPlace', data, position: title.position! });
      if (!titleYear(tree)) context.report({ messageId: 'titleNoYear', data, position: title.position! });
      if (!TOPIC.test(title.value)) context.report({ messageId: 'titleNoTopic', data, position: title.position! });
      return;
    }

    const opening = openingParagraph(tree);
    const place = reportingPlace(tree, opening);
    const year = parts.reportYear;
    const suggested = `${place ?? 'XX县'}${year ?? '××××'}年法治政府建设年度报告`;
    // A document without paragraphs or sections (only a closing, or all of it inside a Markdown comment) has nothing to put a title above.
    const anchorNode = opening ?? tree.data.index.sections[0] ?? tree.data.index.paragraphs[0];
    const anchor = opening ? (opening.children[0] ?? opening).position! : (anchorNode ?? tree.children[0] ?? tree).position!;
    let fix;
    // The parser looks for a title among the first dozen lines; further down, an inserted one would not be read as a title.
    const readable = anchorNode !== undefined && tree.children.indexOf(anchorNode as (typeof tree.children)[number]) < 10;
    if (place && year !== undefined && readable) {
      const { sep } = layoutOf(tree);
      const start = anchorNode.position!.start.offset!;
      const at = lineStartAt(tree, start);
      const indent = indentOf(linePrefix(tree, start));
      const line = tree.data.format === 'markdown' ? `# ${suggested}` : `${indent}${suggested}`;
      fix = { messageId: 'insertTitle', data: { title: suggested }, edits: [{ start: at, end: at, text: `${line}${sep}` }] };
    }
    context.report({ messageId: 'missingTitle', data: { example: suggested }, position: anchor, ...(fix ? { fix } : {}) });
  },
};
