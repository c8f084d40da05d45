/**
 * The whole-report reading behind report-parts.ts and the report metadata rules: which blocks
 * are the four required items of 厅字〔2019〕28号 第二十五条, where each runs, and which year the
 * report is about. Computed once per tree (several rules and the editor ask for it on every
 * keystroke) from tree.data.index, testing short regular expressions only on headings and on the
 * opening clause of paragraphs; the only whole-text scan is one regex pass for 第一责任人.
 *
 * How parts are found, strongest evidence first:
 *   - root-level section headings (the report's own top level, whatever its marker kind);
 *   - for shortcomings and plans, a strongly worded heading at any deeper level;
 *   - unnumbered paragraphs that open a part ("…取得了一定成绩，但还存在…：一是…",
 *     "2023年，我们将…：") — only after the last measures section has begun, since the same
 *     phrases occur inside measures as passing remarks;
 *   - measures: whatever top-level content precedes the other parts.
 * 第一责任人 is looked for everywhere except inside the plans and shortcomings parts: a duty
 * promised for next year or named as a weakness does not report how it was performed.
 */
import type { Position } from 'unist';
import { PositionMapper } from '../../parser/positions';
import type { DateNode, Paragraph, Root, Section, Sentence } from '../../parser/types';
import type { ReportPart, ReportPartId, ReportParts } from './report-parts';

export const PART_ORDER: readonly ReportPartId[] = ['measures', 'shortcomings', 'leaderDuty', 'plans'];

/** A part with its extent in the text: [start, end) offsets, and where its body begins. */
export interface PartExtent extends ReportPart {
  start: number;
  end: number;
  bodyStart: number;
  /** For an unnumbered part: the paragraph that opens it. */
  paragraph?: Paragraph;
}

export type YearSource = 'title' | 'opening' | 'heading' | 'plans';

/** A place that states which year the report (or its plans) is about. */
export interface YearStatement {
  source: YearSource;
  year: number;
  /** Offsets and position of the year as written (二〇二二年, 2022年度 …). */
  start: number;
  end: number;
  position: Position;
  /** The heading or title text, for messages. */
  label: string;
  /** True when the year is written in Arabic digits, so a fix can rewrite it in the same form. */
  arabic: boolean;
}

export interface ReportAnalysis {
  /**
   * Whether the text is about law-based government at all (it says 法治 or 依法行政 somewhere).
   * The genre's rules stay silent on anything else — a numbered list, a fragment being typed.
   */
  genre: boolean;
  parts: ReportParts;
  extents: Partial<Record<ReportPartId, PartExtent>>;
  /** Every year statement in document order. */
  years: YearStatement[];
  /** The statements that agree with the report year (in order of strength), when it is known. */
  yearSupport: YearStatement[];
  /** A 第一责任人 mention that exists only inside the plans part, when item 3 is otherwise missing. */
  leaderDutyInPlans?: Position;
  /** Root-level sections in document order. */
  topSections: Section[];
  /** Where the body ends: the closing's start, or the end of the text. */
  bodyEnd: number;
}

// ---- vocabularies ---------------------------------------------------------------------------

/** Quotation marks, and Markdown emphasis left around a pseudo-heading (**二、存在问题**). */
const QUOTES = /[“”"‘’'「」『』*_]/g;
const HEADING_MAX = 40;
/** "存在的问题", "不足之处": shortcomings however the heading goes on ("存在问题及整改方向"). */
const SHORTCOMINGS_STRONG = /存在(?:的|着)?(?:主要|突出|一些|的主要)?(?:问题|不足|困难|短板|差距|薄弱|弱项|瓶颈)|不足之处|薄弱环节|面临的(?:困难|问题|挑战)/;
/** "问题与不足", "工作中的差距": shortcomings unless the heading is about remedying them. */
const SHORTCOMINGS_PLAIN = new RegExp(
  [
    '(?:问题|不足|困难|短板|差距|弱项)(?:和|及|与|、|以及)(?:不足|原因|问题|困难|短板|差距|挑战|弱项|薄弱环节|建议)',
    '短板弱项',
    '(?:^|的|中|工作|建设)(?:主要)?(?:问题|不足|短板|差距|困难)(?:分析)?$',
  ].join('|'),
);
/** Words that make a "problem" heading a measure ("着力解决…问题", "补齐短板"), not a shortcomings part. */
const REMEDY = /解决|化解|整改|破解|聚焦|针对|回应|治理|查处|排查|补齐|补强|弥补|攻坚|防范|纠正/;
/** "督察反馈存在问题整改情况" reports rectification: a measure, though it says 存在问题. */
const RECTIFIED = /整改(?:情况|工作|落实|成效)|整改$/;

function shortcomingsHeading(title: string): boolean {
  if (SHORTCOMINGS_STRONG.test(title)) return !RECTIFIED.test(title);
  return SHORTCOMINGS_PLAIN.test(title) && !REMEDY.test(title);
}
const PLANS_HEADING = new RegExp(
  [
    '^(?:(?:\\d{4}|[〇零○一二三四五六七八九]{4})年度?)?的?(?:下一步|下步|下一阶段|下阶段|今后|明年|下一年度?|新的一年|未来)',
    '下一步|下步工作|努力方向',
    '工作(?:打算|思路|设想|展望|谋划|安排|计划)',
    '(?:主要|重点|工作|的)(?:打算|安排)$',
    '打算$',
  ].join('|'),
);
/** Headings that are plans only when about next year or placed after the shortcomings. */
const PLANS_WEAK_HEADING = /重点工作|重点任务|主要任务|工作要点|工作重点|主要目标|工作目标|目标任务|主要措施|工作举措/;
const MEASURES_HEADING = /举措|成效|做法|成绩|进展|工作情况|开展情况|完成情况|落实情况|工作回顾|主要工作|推进情况|建设情况/;
const LEADER_DUTY = /第一责任人|主要(?:负责人|负责同志|领导)[^。；;\r\n]{0,15}(?:(?:履行|落实|履职)[^。；;\r\n]{0,20}(?:职责|责任)|履职尽责|述法)|主要负责人履职/g;
/** 第一责任人 of another field (safety, integrity …) is not the rule-of-law duty. */
const OTHER_DUTY = /安全|廉政|意识形态|河长|林长|生态|环保|环境|保密|信访|扶贫|防汛|疫情|消防|食品|质量/;
const CAUSES = /原因|由于|根源|根子|缘于|源于|归因|因为|究其|症结|之所以|导致|致使|造成|受制于|受限于/;

/** "…取得了一定成绩，但还存在一定薄弱环节：" — a transition to shortcomings in an opening clause. */
const SHORTCOMINGS_OPENING = new RegExp(
  [
    '(?:但|然而|不过|同时|虽然|虽)[^。；;]{0,24}?(?:仍然?|还|也|依然|尚|仍旧|依旧)?(?:存在|面临|有)着?(?:一些|一定的?|不少|部分|诸多|若干|较多|许多|以下)?[^。；;：:，,]{0,10}?(?:问题|不足|薄弱环节|短板|差距|困难|弱项|瓶颈|挑战)',
    '^[^。；;]{0,24}?(?:存在的?|主要|突出)(?:问题|不足|困难|短板)(?:和不足|和问题|及原因|和原因|与不足|与原因|及不足)?[：:]',
    '^[^。；;]{0,16}?(?:问题|不足|困难)(?:和|及|与)(?:不足|原因|差距|困难|问题)[：:]',
  ].join('|'),
);
/** "下一步，我们将…" / "2023年，我们将…": words that make an opening clause about the future. */
const PLANS_OPENING_LEAD = /^(?:下一步|下步|下一阶段|下阶段|今后|明年|新的一年|下一年度?|未来一年)/;
const FUTURE = /将|要|拟|计划|打算|继续|着力|重点|努力|力争|坚持|安排|思路/;
/** Future wording that cannot be past narrative (将 alone can be 把: "将…纳入"). */
const STRONG_FUTURE = /我们将|将(?:继续|进一步|持续|着力|重点|全面|坚持|以|围绕|聚焦|紧扣)|计划|打算|拟|工作思路|主要安排|重点做好/;
const INTRO_END = /如下[：:。]?$|如下[：:]/;
const OPENING_CLAUSE_MAX = 120;

// ---- small helpers ----------------------------------------------------------------------------

const startOf = (node: { position?: Position }) => node.position!.start.offset!;
const endOf = (node: { position?: Position }) => node.position!.end.offset!;
const headingOf = (section: Section) => section.children[0];
const normalize = (s: string) => s.replace(QUOTES, '');

/** What a heading says, each test run only when asked: most headings are asked about one thing. */
class HeadingFlags {
  private readonly title: string;
  private readonly short: boolean;
  private cache: Partial<Record<'shortcomings' | 'plans' | 'plansWeak' | 'measures', boolean>> = {};

  constructor(section: Section) {
    this.title = normalize(section.title);
    this.short = this.title.length <= HEADING_MAX;
  }

  get shortcomings(): boolean {
    return (this.cache.shortcomings ??= this.short && shortcomingsHeading(this.title));
  }
  get plans(): boolean {
    return (this.cache.plans ??= this.short && PLANS_HEADING.test(this.title));
  }
  get plansWeak(): boolean {
    return (this.cache.plansWeak ??= this.short && PLANS_WEAK_HEADING.test(this.title));
  }
  get measures(): boolean {
    return (this.cache.measures ??= MEASURES_HEADING.test(this.title));
  }
}

/**
 * Whether a date states "the year this is about": a single year (2022年, 2022年度), not a range,
 * not a month or day, not inside 《》 or quotation marks, not 2018年以来 / 2021年同期 / 截至2022年.
 */
function isYearStatement(text: string, date: DateNode, containerStart: number): boolean {
  if (date.year === undefined || date.endYear !== undefined || date.month !== undefined || !date.valid) return false;
  const s = startOf(date);
  const e = endOf(date);
  if (/^(?:以来|来|前|以前|之前|底|末|同期|起|开始|至今|至|到|[—\-–～~])/.test(text.slice(e, e + 3))) return false;
  if (/(?:截至|截止|自|从|较|比|与|同比|对比|相比|于)$/.test(text.slice(Math.max(containerStart, s - 3), s))) return false;
  let book = 0;
  let quote = 0;
  let ascii = 0;
  for (let i = containerStart; i < s; i++) {
    const c = text[i];
    if (c === '《') book++;
    else if (c === '》') book--;
    else if (c === '“') quote++;
    else if (c === '”') quote--;
    else if (c === '"') ascii ^= 1;
  }
  return book <= 0 && quote <= 0 && ascii === 0;
}

function firstYearIn(text: string, nodes: readonly { type: string }[], containerStart: number): DateNode | undefined {
  for (const node of nodes) {
    if (node.type === 'date' && isYearStatement(text, node as DateNode, containerStart)) return node as DateNode;
  }
  return undefined;
}

const TITLE_YEAR = /(?<![\d—\-–～~至])(\d{4}|[〇零○一二三四五六七八九]{4})\s*年(?!\s*[—\-–～~至])/;
const CN_YEAR_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function yearValue(written: string): number | undefined {
  if (/^\d{4}$/.test(written)) return Number(written);
  let v = 0;
  for (const ch of written) {
    const d = CN_YEAR_DIGITS[ch];
    if (d === undefined) return undefined;
    v = v * 10 + d;
  }
  return v;
}

/** The year written in a title, with its offsets. */
export function titleYear(tree: Root): { year: number; start: number; end: number; arabic: boolean } | undefined {
  const title = tree.title;
  if (!title) return undefined;
  const m = TITLE_YEAR.exec(title.value);
  if (!m) return undefined;
  const year = yearValue(m[1]!);
  if (year === undefined || year < 1900 || year > 2100) return undefined;
  const start = startOf(title) + m.index;
  return { year, start, end: start + m[0].length, arabic: /^\d/.test(m[1]!) };
}

/** The last node (of nodes in document order) starting at or before offset. */
function lastStartingBefore<T extends { position?: Position }>(nodes: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(nodes[mid]!) <= offset) {
      found = nodes[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A paragraph that starts its own line (not the rest of a heading line). */
function ownLine(tree: Root, paragraph: Paragraph): boolean {
  const section = tree.data.sectionOf.get(paragraph);
  return !section || paragraph.position!.start.line !== section.position!.start.line;
}

/** The opening clause of a paragraph: up to its first 。 or ：, at most OPENING_CLAUSE_MAX characters. */
function openingClause(paragraph: Paragraph): string {
  const v = paragraph.value;
  const limit = Math.min(v.length, OPENING_CLAUSE_MAX);
  for (let i = 0; i < limit; i++) {
    const c = v[i];
    if (c === '。' || c === '：' || c === ':' || c === '；' || c === ';') return v.slice(0, i + 1);
  }
  return v.slice(0, limit);
}

/** A short line without sentence punctuation, written like a heading but without a marker. */
function headingLike(paragraph: Paragraph): string | undefined {
  const v = paragraph.value.replace(/[：:。]$/, '');
  return v.length <= 30 && !/[。，,；;！？!?]/.test(v) ? normalize(v) : undefined;
}

// ---- the analysis ---------------------------------------------------------------------------

const memo = new WeakMap<Root, ReportAnalysis>();

export function analyzeReport(tree: Root): ReportAnalysis {
  let analysis = memo.get(tree);
  if (!analysis) {
    analysis = new Analyzer(tree).run();
    memo.set(tree, analysis);
  }
  return analysis;
}

class Analyzer {
  private readonly text: string;
  private readonly mapper: PositionMapper;
  private readonly top: Section[];
  private readonly flags = new Map<Section, HeadingFlags>();
  private readonly bodyEnd: number;
  private readonly years: YearStatement[] = [];

  constructor(private readonly tree: Root) {
    this.text = tree.data.text;
    this.mapper = new PositionMapper(tree.data.lineStarts);
    this.bodyEnd = tree.closing ? startOf(tree.closing) : this.text.length;
    // Sections after the closing (pasted page furniture, another document) are not parts of this report.
    this.top = tree.children.filter((c): c is Section => c.type === 'section' && startOf(c) < this.bodyEnd);
  }

  private flagsOf(section: Section): HeadingFlags {
    let f = this.flags.get(section);
    if (!f) {
      f = new HeadingFlags(section);
      this.flags.set(section, f);
    }
    return f;
  }

  run(): ReportAnalysis {
    const provisional = this.provisionalYear();
    const extents: Partial<Record<ReportPartId, PartExtent>> = {};

    // Shortcomings and plans from the top level, splitting a combined "问题和下一步打算" section.
    let shortcomings: Section | undefined;
    let plans: Section | undefined;
    for (const section of this.top) {
      const f = this.flagsOf(section);
      if (f.shortcomings && f.plans) {
        const children = section.children.filter((c): c is Section => c.type === 'section');
        shortcomings ??= children.find((c) => this.flagsOf(c).shortcomings && !this.flagsOf(c).plans) ?? section;
        plans ??= children.find((c) => this.flagsOf(c).plans && !this.flagsOf(c).shortcomings) ?? section;
      } else if (f.shortcomings && !shortcomings && !plans) shortcomings = section;
      else if (f.plans && !plans) plans = section;
    }
    // Headings such as "2023年法治政府建设重点工作": plans when about next year, or once the shortcomings are behind.
    if (!plans) {
      plans = this.top.find((section) => {
        if (section === shortcomings) return false;
        const f = this.flagsOf(section);
        const year = this.headingYear(section)?.year;
        if (provisional !== undefined && year === provisional + 1) return true;
        return f.plansWeak && shortcomings !== undefined && startOf(section) > startOf(shortcomings) && year !== provisional;
      });
    }
    // Deeper headings, for reports that nest these parts; the last one is the report's own.
    if (!shortcomings) shortcomings = this.lastDeepSection((f) => f.shortcomings && !f.plans, plans);
    if (!plans) plans = this.lastDeepSection((f) => f.plans && !f.shortcomings, undefined);

    // Measures: top-level sections that precede the other parts and are none of them.
    const firstOther = Math.min(...[shortcomings, plans].filter((s): s is Section => !!s).map(startOf), this.bodyEnd);
    const measuresTop = this.top.filter((s) => startOf(s) < firstOther && !this.flagsOf(s).shortcomings && !this.flagsOf(s).plans);
    const lastMeasuresStart = measuresTop.length ? startOf(measuresTop[measuresTop.length - 1]!) : -1;

    // Unnumbered parts: paragraphs that open them, after the measures sections have begun.
    let shortcomingsPara: Paragraph | undefined;
    let plansPara: Paragraph | undefined;
    if (!shortcomings || !plans) {
      for (const paragraph of this.tree.data.index.paragraphs) {
        const at = startOf(paragraph);
        if (at >= this.bodyEnd) break;
        if (at < lastMeasuresStart || !ownLine(this.tree, paragraph)) continue;
        if (plans && at >= startOf(plans) && at < endOf(plans)) continue;
        if (shortcomings && at >= startOf(shortcomings) && at < endOf(shortcomings) && !plans) {
          // a "下一步…将" paragraph closing a numbered shortcomings section is the plans part
          if (!plansPara && this.opensPlans(paragraph, provisional, true)) plansPara = paragraph;
          continue;
        }
        if (!shortcomings && !shortcomingsPara && !plansPara && this.opensShortcomings(paragraph)) {
          shortcomingsPara = paragraph;
          continue;
        }
        const afterShortcomings = shortcomingsPara ?? shortcomings;
        if (afterShortcomings && at <= startOf(afterShortcomings)) continue;
        if (!plans && !plansPara && this.opensPlans(paragraph, provisional, !!afterShortcomings)) plansPara = paragraph;
      }
    }

    if (shortcomings) extents.shortcomings = this.sectionExtent('shortcomings', shortcomings);
    else if (shortcomingsPara) extents.shortcomings = this.paragraphExtent('shortcomings', shortcomingsPara);
    if (plans) extents.plans = this.sectionExtent('plans', plans);
    else if (plansPara) extents.plans = this.paragraphExtent('plans', plansPara);

    const measures = this.measuresExtent(measuresTop, extents);
    if (measures) extents.measures = measures;

    this.clipExtents(extents);
    const { extent: leader, planned } = this.leaderDuty(extents);
    if (leader) extents.leaderDuty = leader;

    this.clipExtents(extents);

    // Years: heading statements of the parts, then the plans year, then the vote.
    const plansYear = this.plansYear(extents.plans);
    const reportYear = this.vote();
    const parts: ReportParts = { parts: {} };
    for (const id of PART_ORDER) {
      const e = extents[id];
      if (e) parts.parts[id] = { id, position: e.position, ...(e.section ? { section: e.section } : {}), unnumbered: e.unnumbered };
    }
    if (plansYear) parts.plansYear = plansYear.year;
    if (reportYear !== undefined) parts.reportYear = reportYear;
    this.years.sort((a, b) => a.start - b.start);
    const yearSupport = reportYear === undefined ? [] : this.support(reportYear);
    return {
      genre: this.text.includes('法治') || this.text.includes('依法行政'),
      parts,
      extents,
      years: this.years,
      yearSupport,
      ...(planned && !leader ? { leaderDutyInPlans: planned } : {}),
      topSections: this.top,
      bodyEnd: this.bodyEnd,
    };
  }

  // ---- years ---------------------------------------------------------------------------------

  /**
   * The year a heading is about: one that leads it ("2022年推进…", "我县2022年…"). A year further
   * in is a topic, not the heading's year ("持续推进2021年度督察反馈问题整改").
   */
  private headingYear(section: Section): YearStatement | undefined {
    const heading = headingOf(section);
    const date = firstYearIn(this.text, heading.children, startOf(heading));
    if (!date) return undefined;
    const titleStart = section.marker ? section.marker.position.end.offset! : startOf(heading);
    return startOf(date) - titleStart <= 3 ? this.statement('heading', date, section.title) : undefined;
  }

  private statement(source: YearSource, date: DateNode, label: string): YearStatement {
    return { source, year: date.year!, start: startOf(date), end: endOf(date), position: date.position!, label, arabic: /^\d/.test(date.raw) };
  }

  /**
   * The year from the title, the opening and the top-level headings that are not plans: enough
   * to tell which headings are about next year. Records those statements.
   */
  private provisionalYear(): number | undefined {
    const t = titleYear(this.tree);
    if (t) {
      this.years.push({ source: 'title', year: t.year, start: t.start, end: t.end, position: this.mapper.position(t.start, t.end), label: this.tree.title!.value, arabic: t.arabic });
    }
    const opening = this.openingYear();
    if (opening) this.years.push(opening);
    for (const section of this.top) {
      const f = this.flagsOf(section);
      // headings that may turn out to be the plans are not evidence of the report year
      if (f.plans || f.plansWeak) continue;
      const y = this.headingYear(section);
      if (y) this.years.push(y);
    }
    return this.majority(this.years.map((s) => s.year));
  }

  /** The first year stated in the opening: the first sentences before any section, or a "现将…报告如下" sentence. */
  private openingYear(): YearStatement | undefined {
    const firstSection = this.top[0] ? startOf(this.top[0]) : this.bodyEnd;
    let substantive = 0;
    for (const block of this.tree.children) {
      if (block.type !== 'paragraph') continue;
      if (startOf(block) >= firstSection || substantive >= 3) break;
      // page furniture lines before the opening carry publication dates, not the report year
      if (block.value.length < 30 && !/[。，,]/.test(block.value)) continue;
      substantive++;
      const sentences: Sentence[] = block.children;
      for (let i = 0; i < sentences.length; i++) {
        const sentence = sentences[i]!;
        if (i >= 2 && !/如下/.test(this.text.slice(startOf(sentence), endOf(sentence)))) continue;
        const date = firstYearIn(this.text, sentence.children, startOf(sentence));
        if (date) return this.statement('opening', date, block.value.slice(0, 40));
      }
    }
    return undefined;
  }

  private plansYear(plans: PartExtent | undefined): YearStatement | undefined {
    if (!plans) return undefined;
    let y: YearStatement | undefined;
    if (plans.section) {
      y = this.headingYear(plans.section);
    } else if (plans.paragraph) {
      const first = plans.paragraph.children[0];
      const date = first && firstYearIn(this.text, first.children, startOf(first));
      // only a year that leads the paragraph states what the plans are about
      if (date && startOf(date) - startOf(plans.paragraph) <= 2) y = this.statement('plans', date, openingClause(plans.paragraph));
    }
    if (!y) return undefined;
    y.source = 'plans';
    // the plans heading may have been recorded as a top-level heading before it was known to be plans
    const i = this.years.findIndex((s) => s.start === y.start);
    if (i >= 0) this.years.splice(i, 1);
    this.years.push(y);
    return y;
  }

  /** The report year by majority of every statement; the plans count for the year before them. */
  private vote(): number | undefined {
    const candidates = this.years.map((s) => (s.source === 'plans' ? s.year - 1 : s.year));
    return this.majority(candidates);
  }

  /** The most frequent value; ties go to the earliest-listed (title, opening, headings, plans). */
  private majority(values: number[]): number | undefined {
    if (!values.length) return undefined;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best = values[0]!;
    for (const v of values) if (counts.get(v)! > counts.get(best)!) best = v;
    return best;
  }

  private support(reportYear: number): YearStatement[] {
    const rank: Record<YearSource, number> = { title: 0, opening: 1, heading: 2, plans: 3 };
    return this.years
      .filter((s) => (s.source === 'plans' ? s.year - 1 : s.year) === reportYear)
      .sort((a, b) => rank[a.source] - rank[b.source] || a.start - b.start);
  }

  // ---- parts ---------------------------------------------------------------------------------

  private lastDeepSection(test: (f: HeadingFlags) => boolean, notInside: Section | undefined): Section | undefined {
    let found: Section | undefined;
    const top = new Set(this.top);
    for (const section of this.tree.data.index.sections) {
      if (startOf(section) >= this.bodyEnd) break; // after the closing: not this report's
      if (top.has(section)) continue;
      if (notInside && startOf(section) >= startOf(notInside) && startOf(section) < endOf(notInside)) continue;
      if (test(this.flagsOf(section))) found = section;
    }
    return found;
  }

  private opensShortcomings(paragraph: Paragraph): boolean {
    const like = headingLike(paragraph);
    if (like !== undefined) return shortcomingsHeading(like);
    return SHORTCOMINGS_OPENING.test(normalize(openingClause(paragraph)));
  }

  /**
   * "2023年，我们将…" opens the plans when 2023 is the year after the report year; a paragraph led
   * by another year (a stale "2022年，我们将继续…" in a 2022 report) only when it follows the
   * shortcomings and its wording is unmistakably about the future — report-year then flags the year.
   */
  private opensPlans(paragraph: Paragraph, reportYear: number | undefined, afterShortcomings: boolean): boolean {
    const like = headingLike(paragraph);
    if (like !== undefined && PLANS_HEADING.test(like)) return true;
    const clause = openingClause(paragraph);
    const head = clause.slice(0, 40);
    if (PLANS_OPENING_LEAD.test(clause)) return FUTURE.test(head);
    const first = paragraph.children[0]?.children[0];
    if (first?.type === 'date' && first.year !== undefined && first.month === undefined && first.endYear === undefined) {
      if (reportYear !== undefined && first.year === reportYear + 1) return FUTURE.test(head);
      return afterShortcomings && STRONG_FUTURE.test(head);
    }
    return false;
  }

  private sectionExtent(id: ReportPartId, section: Section): PartExtent {
    const heading = headingOf(section);
    return {
      id,
      position: heading.position!,
      section,
      unnumbered: false,
      start: startOf(section),
      end: endOf(section),
      bodyStart: endOf(heading),
    };
  }

  private paragraphExtent(id: ReportPartId, paragraph: Paragraph): PartExtent {
    return {
      id,
      position: paragraph.position!,
      unnumbered: true,
      start: startOf(paragraph),
      end: this.bodyEnd,
      bodyStart: startOf(paragraph),
      paragraph,
    };
  }

  private measuresExtent(measuresTop: Section[], extents: Partial<Record<ReportPartId, PartExtent>>): PartExtent | undefined {
    const others = [extents.shortcomings, extents.plans].filter((e): e is PartExtent => !!e);
    const firstOther = Math.min(...others.map((e) => e.start), this.bodyEnd);
    const leaderHeadings = new Set(this.leaderMentions().map((at) => this.headingAt(at)));
    const candidates = measuresTop.filter((s) => startOf(s) < firstOther && !leaderHeadings.has(s));
    if (candidates.length) {
      const named = candidates.find((s) => this.flagsOf(s).measures) ?? candidates[0]!;
      const extent = this.sectionExtent('measures', named);
      extent.start = startOf(candidates[0]!);
      extent.end = endOf(candidates[candidates.length - 1]!);
      return extent;
    }
    // No sections before the other parts: measures written as paragraphs after the opening.
    const limit = Math.min(firstOther, this.bodyEnd);
    for (const paragraph of this.tree.data.index.paragraphs) {
      const at = startOf(paragraph);
      if (at >= limit) break;
      if (paragraph.value.length < 10 || !/[。，,；;]/.test(paragraph.value)) continue; // page furniture has no punctuation
      if (INTRO_END.test(paragraph.value.trim())) continue; // "现将…报告如下：" announces the measures
      const extent = this.paragraphExtent('measures', paragraph);
      extent.end = limit;
      return extent;
    }
    return undefined;
  }

  /** Item 3: the first heading, else the first paragraph, that reports the 第一责任人 duty outside plans and shortcomings. */
  private leaderDuty(extents: Partial<Record<ReportPartId, PartExtent>>): { extent?: PartExtent; planned?: Position } {
    const excluded = [extents.plans, extents.shortcomings].filter((e): e is PartExtent => !!e);
    const excludedAt = (offset: number) => excluded.find((e) => offset >= e.start && offset < e.end);
    const mentions = this.leaderMentions();
    let planned: Position | undefined;
    // A heading that names the duty is the clearest place; any heading beats the first paragraph.
    for (const at of mentions) {
      const section = this.headingAt(at);
      if (!section) continue;
      const inside = excludedAt(at);
      if (inside) {
        if (inside === extents.plans) planned ??= headingOf(section).position;
        continue;
      }
      return { extent: this.sectionExtent('leaderDuty', section) };
    }
    for (const at of mentions) {
      const paragraph = this.paragraphAt(at);
      if (!paragraph) continue;
      const inside = excludedAt(at);
      if (inside) {
        if (inside === extents.plans) planned ??= this.mentionPosition(paragraph, at);
        continue;
      }
      const section = this.tree.data.sectionOf.get(paragraph);
      // the rest of a heading line belongs to that numbered section
      if (section && !ownLine(this.tree, paragraph)) return { extent: this.sectionExtent('leaderDuty', section) };
      const extent = this.paragraphExtent('leaderDuty', paragraph);
      extent.end = endOf(paragraph);
      return { extent };
    }
    return { planned };
  }

  private mentionCache?: number[];

  /** Offsets of every rule-of-law 第一责任人 mention in the body: one pass of one regex over the text. */
  private leaderMentions(): number[] {
    if (this.mentionCache) return this.mentionCache;
    const found: number[] = [];
    const text = this.text;
    LEADER_DUTY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LEADER_DUTY.exec(text)) !== null && m.index < this.bodyEnd) {
      if (m[0] === '第一责任人' && OTHER_DUTY.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      found.push(m.index);
    }
    return (this.mentionCache = found);
  }

  /** The section whose heading holds the offset. */
  private headingAt(offset: number): Section | undefined {
    const section = lastStartingBefore(this.tree.data.index.sections, offset);
    return section && offset < endOf(headingOf(section)) ? section : undefined;
  }

  /** The paragraph that holds the offset. */
  private paragraphAt(offset: number): Paragraph | undefined {
    const paragraph = lastStartingBefore(this.tree.data.index.paragraphs, offset);
    return paragraph && offset < endOf(paragraph) ? paragraph : undefined;
  }


  private mentionPosition(paragraph: Paragraph, start: number): Position {
    const sentence = paragraph.children.find((s) => endOf(s) > start);
    return sentence ? sentence.position! : this.mapper.position(start, start + 5);
  }

  /** A part ends where the next part (in document order) begins. */
  private clipExtents(extents: Partial<Record<ReportPartId, PartExtent>>): void {
    const list = PART_ORDER.map((id) => extents[id]).filter((e): e is PartExtent => !!e);
    for (const e of list) {
      for (const other of list) {
        if (other !== e && other.start > e.start && other.start < e.end && other.id !== 'leaderDuty') e.end = other.start;
      }
    }
  }
}

/** Whether the body of the shortcomings part gives causes, not only symptoms. */
export function givesCauses(tree: Root, extent: PartExtent): boolean {
  return CAUSES.test(tree.data.text.slice(extent.bodyStart, extent.end));
}
