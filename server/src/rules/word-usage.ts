/**
 * word-usage — a curated dictionary for this genre, shipped as data (data/word-usage.json) and
 * extensible per project through the option "words":
 *
 *   "word-usage": ["hint", { "words": [{ "wrong": "法制副校长", "right": "法治副校长", "note": "…" }] }]
 *
 * Three kinds of entries:
 * - words: usage slips and typos (截止目前 → 截至目前, 持续升入推进 → 深入, 布署 → 部署) and inverted
 *   fixed slogans (谁普法谁执法 → 谁执法谁普法). An entry can name neighbours that make the form right
 *   (权利清单 after 公民) or without which it is not checked (截止 only before a time, since 截止日期 is
 *   right; 升入 only before 推进/开展/…, since 升入高中 is right). A user's entry with the same "wrong"
 *   replaces the built-in one.
 * - titles: the exact titles of the documents these reports cite, with their common mis-citations
 *   (《重大行政决策程序条例》 → 暂行条例). A title is compared whole, inside 《》 (and an inner 〈〉 or
 *   <>), ignoring bracket width, dash form and spaces — those are the punctuation rules' business.
 * - stale template text: XX县, ××, 202X年, a document number with nothing in its brackets (〔 〕号)
 *   or no number (〔2023〕号). These mean the report was not finished: a warning. 某某县 and the like
 *   are reported at info only: 某某 is also how case reports anonymise (王某某, 某某公司 in a case
 *   told for 以案释法), so the reading is less certain, and the report skeleton snippets use 某某县
 *   as the default of their first tab stop. 某某 after a surname is left alone.
 *
 * Dictionary entries are hints: each is very likely a slip, but none changes what the report says.
 * It reads the marks of the shared scan (support/text-scan.ts): the pair of characters where each
 * entry differs from its correction, 《, placeholder letters, 某 and document-number brackets.
 */
import type { Localized, OptionProblem, Rule, RuleContext } from '../engine/rule';
import type { Root } from '../parser/types';
import { PositionMapper } from '../parser/positions';
import data from './data/word-usage.json';
import { GROUP, charTable, isHan as hanImport, markCharacters, markPairs, pairKey, textScan } from './support/text-scan';

/** Bound once: under the CommonJS transform the tests run with, an imported binding is a getter call, too slow for a per-character loop. */
const isHan = hanImport;

export interface WordEntry {
  wrong: string;
  right: string;
  note?: string;
  unlessPrecededBy?: string[];
  unlessFollowedBy?: string[];
  onlyFollowedBy?: string[];
}

export interface TitleEntry {
  right: string;
  wrong: string[];
  note?: string;
}

const ENTRY_KEYS = new Set(['wrong', 'right', 'note', 'unlessPrecededBy', 'unlessFollowedBy', 'onlyFollowedBy']);
const LIST_KEYS = ['unlessPrecededBy', 'unlessFollowedBy', 'onlyFollowedBy'] as const;

const OPTION_MESSAGES = {
  unknownOption: { zh: '未知选项「{key}」，可用的选项是「words」', en: 'Unknown option “{key}”; the rule takes “words”' },
  notArray: { zh: '「{key}」应为数组：[{"wrong": "…", "right": "…", "note": "…"}]', en: '“{key}” must be an array: [{"wrong": "…", "right": "…", "note": "…"}]' },
  notObject: { zh: '「{key}」应为对象：{"wrong": "…", "right": "…", "note": "…"}', en: '“{key}” must be an object: {"wrong": "…", "right": "…", "note": "…"}' },
  notText: { zh: '「{key}」应为非空字符串', en: '“{key}” must be a non-empty string' },
  notTextList: { zh: '「{key}」应为非空字符串的数组', en: '“{key}” must be an array of non-empty strings' },
  unknownKey: { zh: '「{key}」不是词条的字段，可用的字段是 wrong、right、note、unlessPrecededBy、unlessFollowedBy、onlyFollowedBy', en: '“{key}” is not a field of an entry; entries take wrong, right, note, unlessPrecededBy, unlessFollowedBy, onlyFollowedBy' },
  same: { zh: '「{key}」的 wrong 与 right 相同', en: '“{key}” has the same wrong and right' },
} satisfies Record<string, Localized>;

const fill = (template: Localized, key: string): Localized => ({ zh: template.zh.replace('{key}', key), en: template.en.replace('{key}', key) });
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The valid entries of the option "words", and a problem for everything else (path inside the options). */
export function readWordOptions(options: Readonly<Record<string, unknown>>): { words: WordEntry[]; problems: OptionProblem[] } {
  const words: WordEntry[] = [];
  const problems: OptionProblem[] = [];
  for (const key of Object.keys(options)) if (key !== 'words') problems.push({ key, message: fill(OPTION_MESSAGES.unknownOption, key) });
  const list = options.words;
  if (list === undefined) return { words, problems };
  if (!Array.isArray(list)) {
    problems.push({ key: 'words', message: fill(OPTION_MESSAGES.notArray, 'words') });
    return { words, problems };
  }
  list.forEach((entry: unknown, i) => {
    const at = `words[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ key: at, message: fill(OPTION_MESSAGES.notObject, at) });
      return;
    }
    const e = entry as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(e)) {
      if (!ENTRY_KEYS.has(key)) problems.push({ key: `${at}.${key}`, message: fill(OPTION_MESSAGES.unknownKey, `${at}.${key}`) });
    }
    for (const key of ['wrong', 'right'] as const) {
      if (!isText(e[key])) {
        problems.push({ key: e[key] === undefined ? at : `${at}.${key}`, message: fill(OPTION_MESSAGES.notText, `${at}.${key}`) });
        ok = false;
      }
    }
    if (e.note !== undefined && !isText(e.note)) {
      problems.push({ key: `${at}.note`, message: fill(OPTION_MESSAGES.notText, `${at}.note`) });
      ok = false;
    }
    for (const key of LIST_KEYS) {
      const v = e[key];
      if (v !== undefined && !(Array.isArray(v) && v.length > 0 && v.every(isText))) {
        problems.push({ key: `${at}.${key}`, message: fill(OPTION_MESSAGES.notTextList, `${at}.${key}`) });
        ok = false;
      }
    }
    if (ok && e.wrong === e.right) {
      problems.push({ key: at, message: fill(OPTION_MESSAGES.same, at) });
      ok = false;
    }
    if (ok) words.push(e as unknown as WordEntry);
  });
  return { words, problems };
}

/** Title comparison ignores bracket width, dash form and spaces: those are the punctuation rules' concern. */
function normalizeTitle(s: string): string {
  return s.replace(/[ \u3000\u00a0\t]/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/——|[-－–─━~～]/g, '—');
}

interface Anchored {
  entry: WordEntry;
  /** Where the anchoring pair starts in entry.wrong. */
  offset: number;
}

interface Dictionary {
  /** Entries by the pairKey of their anchoring pair of characters. */
  byPair: Map<number, Anchored[]>;
  /** One-character entries by their character. */
  bySingle: Map<number, WordEntry[]>;
  /** The anchoring pairs, for the shared scan, and as a table of pairKey values for a quick test. */
  pairs: Set<string>;
  pairTable: Uint8Array;
  singles: string;
}

/**
 * An entry is found by the pair of characters where it first differs from its correction (行政复义:
 * 复义; 截止目前: 截止; 谁普法谁执法: 谁普), not by its beginning: the slip is rare, while the words it
 * starts with (行政, 工作, 执法) are in every line.
 */
function anchorOf(w: WordEntry): number {
  let d = 0;
  while (d < w.wrong.length && w.wrong[d] === w.right[d]) d++;
  return Math.max(0, Math.min(d - 1, w.wrong.length - 2));
}

function dictionary(words: readonly WordEntry[]): Dictionary {
  const byWrong = new Map<string, WordEntry>();
  for (const w of words) byWrong.set(w.wrong, w); // later entries (the user's) replace earlier ones
  const byPair = new Map<number, Anchored[]>();
  const bySingle = new Map<number, WordEntry[]>();
  const pairs = new Set<string>();
  const pairTable = new Uint8Array(0x10000);
  let singles = '';
  for (const entry of byWrong.values()) {
    if (entry.wrong.length === 1) {
      const c = entry.wrong.charCodeAt(0);
      bySingle.set(c, [...(bySingle.get(c) ?? []), entry]);
      singles += entry.wrong;
      continue;
    }
    const offset = anchorOf(entry);
    const pair = entry.wrong.slice(offset, offset + 2);
    const key = pairKey(pair.charCodeAt(0), pair.charCodeAt(1));
    byPair.set(key, [...(byPair.get(key) ?? []), { entry, offset }]);
    pairs.add(pair);
    pairTable[key] = 1;
  }
  // Longest first, so that 截止到目前 is read before 截止到 and 截止.
  for (const list of byPair.values()) list.sort((a, b) => b.entry.wrong.length - a.entry.wrong.length);
  return { byPair, bySingle, pairs, pairTable, singles };
}

/** The scan marks where an anchoring pair starts, and every one-character entry. */
function markWords(dict: Dictionary) {
  markPairs(GROUP.words, dict.pairs);
  if (dict.singles) markCharacters(GROUP.words, dict.singles);
}

const BUILTIN_WORDS: readonly WordEntry[] = data.words;
const BUILTIN = dictionary(BUILTIN_WORDS);
const TITLES = new Map<string, TitleEntry>();
for (const t of data.titles as TitleEntry[]) for (const w of t.wrong) TITLES.set(normalizeTitle(w), t);
const dictionaries = new WeakMap<object, Dictionary>();

function dictionaryFor(options: Readonly<Record<string, unknown>>): Dictionary {
  if (options.words === undefined) return BUILTIN;
  let found = dictionaries.get(options);
  if (!found) {
    found = dictionary([...BUILTIN_WORDS, ...readWordOptions(options).words]);
    // A user's words may start in ways the shared scan does not collect yet.
    markWords(found);
    dictionaries.set(options, found);
  }
  return found;
}

// Stale template text.
const PLACEHOLDER = charTable('XxＸｘ×');
/** Where a lone placeholder letter stands for a missing value: 202X年, X月X日, X县. */
const PLACEHOLDER_UNITS = charTable('年月日号县市区镇乡局村届次名个');
/** 某某 before these is a placeholder for a place or body, not an anonymised person. */
const MOU_UNITS = charTable('省市县区镇乡街村局委办厅部处科室单位公司企业学校医院年月日同');
/** Words that may stand before a placeholder 某某 (在某某县); any other Han character is a surname (王某某). */
const MOU_AFTER = charTable('在于对向从由至和与及的、，,：:；;（(“"《');
const DOC_OPEN = charTable('〔[［【(（');
const DOC_CLOSE = charTable('〕]］】)）');
const SPACES = charTable(' \u3000\u00a0\t');
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

markWords(BUILTIN);
markCharacters(GROUP.words, 'XxＸｘ×某《〔[［【(（');

export const wordUsage: Rule = {
  meta: {
    id: 'word-usage',
    description: {
      zh: '用词应规范：常见误用和错别字（截止目前、布署）、颠倒的固定提法、引用文件的名称、未替换的模板文字',
      en: 'Words are used as the genre requires: common slips and typos (截止目前, 布署), inverted fixed slogans, titles of cited documents, template text left in',
    },
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      word: {
        zh: '「{found}」应为「{expected}」',
        en: '“{found}” should be “{expected}”',
      },
      wordNote: {
        zh: '「{found}」应为「{expected}」：{note}',
        en: '“{found}” should be “{expected}” ({note})',
      },
      title: {
        zh: '文件名称有误：《{found}》应为《{expected}》（{note}）',
        en: 'The title is cited wrongly: 《{found}》 should be 《{expected}》 ({note})',
      },
      template: {
        zh: '未替换的模板文字「{found}」：报告中还留有占位内容',
        en: 'Template text left in: “{found}” is a placeholder',
        severity: 'warning',
      },
      placeholderName: {
        zh: '「{found}」像是未替换的模板文字，请填写实际名称',
        en: '“{found}” looks like template text: fill in the actual name',
        severity: 'info',
      },
      emptyDocNumber: {
        zh: '文号「{found}」不完整：括号内年份或序号未填写',
        en: 'The document number “{found}” is incomplete: its year or number is missing',
        severity: 'warning',
      },
      replace: { zh: '改为「{expected}」', en: 'Change to “{expected}”' },
    },
  },

  validateOptions: (options) => readWordOptions(options).problems,

  check(tree, context) {
    new WordChecker(tree, context).run();
  },
};

/**
 * One check. The helpers are methods rather than closures inside check(): the rule runs on every
 * keystroke, and closures would be created (and, under the transform tests run with, named) on
 * every run.
 */
class WordChecker {
  private readonly text: string;
  private readonly mapper: PositionMapper;
  private readonly dict: Dictionary;

  constructor(
    private readonly tree: Root,
    private readonly context: RuleContext,
  ) {
    this.text = tree.data.text;
    this.mapper = new PositionMapper(tree.data.lineStarts);
    this.dict = dictionaryFor(context.options);
  }

  private code(i: number) {
    return this.text.charCodeAt(i);
  }

  run() {
    const { passages, marks, groups, markStart } = textScan(this.tree);
    const bit = 1 << GROUP.words;
    const { pairTable, bySingle } = this.dict;
    for (let p = 0; p < passages.length; p++) {
      const { start, end } = passages[p]!;
      let skipUntil = start;
      for (let n = markStart[p]!; n < markStart[p + 1]!; n++) {
        if (!(groups[n]! & bit)) continue;
        const i = marks[n]!;
        if (i < skipUntil) continue;
        const c = this.code(i);
        if (pairTable[pairKey(c, this.code(i + 1))] || bySingle.has(c)) {
          const next = this.word(i, start, end);
          if (next > i) {
            skipUntil = next;
            continue;
          }
        }
        // Titles are compared whole here; the words inside them are still read one by one.
        if (c === 0x300a) this.titles(i, end);
        else if (c === 0x67d0) skipUntil = this.mou(i, start) ? i + 3 : i + 1;
        else if (PLACEHOLDER[c]) skipUntil = this.template(i, start, end);
        else if (DOC_OPEN[c]) skipUntil = this.docNumber(i, end);
      }
    }
  }

  private fits(w: WordEntry, i: number, to: number, start: number, end: number) {
    const text = this.text;
    if (w.unlessPrecededBy?.some((s) => i - s.length >= start && text.startsWith(s, i - s.length))) return false;
    if (w.unlessFollowedBy?.some((s) => to + s.length <= end && text.startsWith(s, to))) return false;
    if (w.onlyFollowedBy && !w.onlyFollowedBy.some((s) => to + s.length <= end && text.startsWith(s, to))) return false;
    return true;
  }

  /** A dictionary word anchored at i: reports it and returns its end, or returns -1. */
  private word(i: number, start: number, end: number): number {
    const c = this.code(i);
    for (const { entry, offset } of this.dict.byPair.get(pairKey(c, this.code(i + 1))) ?? []) {
      if (this.match(entry, i - offset, start, end)) return i - offset + entry.wrong.length;
    }
    for (const entry of this.dict.bySingle.get(c) ?? []) if (this.match(entry, i, start, end)) return i + 1;
    return -1;
  }

  private match(w: WordEntry, from: number, start: number, end: number): boolean {
    const to = from + w.wrong.length;
    if (from < start || to > end || !this.text.startsWith(w.wrong, from) || !this.fits(w, from, to, start, end)) return false;
    this.context.report({
      messageId: w.note ? 'wordNote' : 'word',
      data: { found: w.wrong, expected: w.right, ...(w.note ? { note: w.note } : {}) },
      position: this.mapper.position(from, to),
      fix: { messageId: 'replace', data: { expected: w.right }, edits: [{ start: from, end: to, text: w.right }] },
    });
    return true;
  }

  private title(from: number, to: number) {
    const found = this.text.slice(from, to);
    const entry = TITLES.get(normalizeTitle(found));
    if (!entry) return;
    this.context.report({
      messageId: 'title',
      data: { found, expected: entry.right, note: entry.note ?? '' },
      position: this.mapper.position(from - 1, to + 1),
      fix: { messageId: 'replace', data: { expected: entry.right }, edits: [{ start: from, end: to, text: entry.right }] },
    });
  }

  /** 《…》 with an inner 〈…〉 or <…>: each compared whole. */
  private titles(i: number, end: number) {
    let q = i + 1;
    let innerOpen = -1;
    for (; q < end; q++) {
      const c = this.code(q);
      if (c === 0x300b /* 》 */ || c === 0x300a) break;
      if (c === 0x3008 || c === 0x3c) innerOpen = q;
      else if ((c === 0x3009 || c === 0x3e) && innerOpen >= 0) {
        this.title(innerOpen + 1, q);
        innerOpen = -1;
      }
    }
    if (q < end && this.code(q) === 0x300b) this.title(i + 1, q);
  }

  /** XX县, ××, 202X年, X月X日: a run of placeholder letters, with the digits and units around it. */
  private template(i: number, start: number, end: number): number {
    let j = i;
    while (j < end && PLACEHOLDER[this.code(j)]) j++;
    const before = i > start ? this.code(i - 1) : NaN;
    if (isLatin(before) || isLatin(this.code(j))) return j; // a Latin word: Xbox, XXL
    // One letter alone is a placeholder only next to a unit (202X年, X月, X县); 3×4 multiplies.
    if (j - i === 1 && (!PLACEHOLDER_UNITS[this.code(j)] || (this.code(i) === 0xd7 && isDigit(before)))) return j;
    let from = i;
    while (from > start && isDigit(this.code(from - 1))) from--;
    let to = j;
    for (;;) {
      if (to < end && PLACEHOLDER_UNITS[this.code(to)]) to++;
      let k = to;
      while (k < end && PLACEHOLDER[this.code(k)]) k++;
      if (k === to || !PLACEHOLDER_UNITS[this.code(k)]) break;
      to = k;
    }
    this.context.report({ messageId: 'template', data: { found: this.text.slice(from, to) }, position: this.mapper.position(from, to) });
    return to;
  }

  /** 某某县, 某某单位: a placeholder name, unless a surname stands before it (王某某). */
  private mou(i: number, start: number): boolean {
    if (this.code(i + 1) !== 0x67d0 || !MOU_UNITS[this.code(i + 2)]) return false;
    const before = this.code(i - 1);
    if (i > start && isHan(before) && !MOU_AFTER[before]) return false;
    this.context.report({ messageId: 'placeholderName', data: { found: this.text.slice(i, i + 3) }, position: this.mapper.position(i, i + 3) });
    return true;
  }

  /** 〔 〕号, [ ]12号, 〔2023〕号: brackets with nothing but spaces inside, or a year and no number. */
  private docNumber(i: number, end: number): number {
    let k = i + 1;
    while (k < end && SPACES[this.code(k)]) k++;
    const yearStart = k;
    while (k < end && isDigit(this.code(k))) k++;
    const digits = k - yearStart;
    if (digits !== 0 && digits !== 4) return i + 1;
    while (k < end && SPACES[this.code(k)]) k++;
    if (!DOC_CLOSE[this.code(k)]) return i + 1;
    let m = k + 1;
    while (m < end && SPACES[this.code(m)]) m++;
    const numberStart = m;
    while (m < end && isDigit(this.code(m))) m++;
    if (this.code(m) !== 0x53f7 /* 号 */ || (digits === 4 && m > numberStart)) return i + 1;
    this.context.report({ messageId: 'emptyDocNumber', data: { found: this.text.slice(i, m + 1) }, position: this.mapper.position(i, m + 1) });
    return m + 1;
  }
}
