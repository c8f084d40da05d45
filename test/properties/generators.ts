/**
 * Random reports for the property tests and the fuzz script. A report is built from a recipe —
 * a window of corpus lines or synthetic lines, then line operations (delete, duplicate, move,
 * re-mark, renumber, enumerate), then single characters inserted anywhere, joined with any line
 * ending — so that fast-check shrinks the recipe (fewer lines, fewer operations, smaller numbers)
 * and the counterexample it reports is a short text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

export type Format = 'text' | 'markdown';
export type RuleSet = 'default' | 'all';

/** One input of every property: the text, how it is read, and which rules run. */
export interface Case {
  text: string;
  format: Format;
  /** 'default': the rules' default severities; 'all': every rule on, numbering-style with preferStandard. */
  rules: RuleSet;
}

const CORPUS_DIR = path.resolve(__dirname, '../fixtures/corpus');
const CORPUS_LINES: readonly string[][] = fs
  .readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8').split(/\r\n|\r|\n/));

// ---- numbers and numerals ---------------------------------------------------------------------

const CN_DIGITS = '〇一二三四五六七八九';

/** n as a Chinese numeral as reports write it: 十一, 二十, 一百零五, 三千二百. */
export function chineseNumeral(n: number): string {
  if (n < 10) return n === 0 ? '零' : CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n >= 10000) return String(n);
  const [unit, size] = n < 1000 ? ['百', 100] : ['千', 1000];
  const rest = n % size;
  // Inside a larger number 10–19 keep their 一 (一百一十), and a gap in the places is read 零 (一千零五).
  const tail = rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : (rest < size / 10 ? '零' : '') + (rest < 20 ? '一' : '') + chineseNumeral(rest);
  return CN_DIGITS[Math.floor(n / size)] + unit + tail;
}

/** Digit by digit, as years are written: 二〇二三. */
const digitByDigit = (n: number) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
const fullWidthDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Marker values: mostly small, sometimes the edges the parser and rules must survive. */
const markerValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 19, 20, 21, 99, 100, 101, 999, 1000) },
);

/** A numbering marker of any level and any written variant, or an inline enumeration marker. */
export const markerArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 17 }), markerValue)
  .map(([form, n]) => {
    const cn = chineseNumeral(n);
    switch (form) {
      case 0: return `${cn}、`;
      case 1: return `（${cn}）`;
      case 2: return `(${cn})`;
      case 3: return `（${cn})`;
      case 4: return `${n}.`;
      case 5: return `${n}、`;
      case 6: return `${n}．`;
      case 7: return `（${n}）`;
      case 8: return `(${n})`;
      case 9: return `${cn}是`;
      case 10: return `第${cn}，`;
      case 11: return `第${cn}、`;
      case 12: return `第${cn}：`;
      case 13: return `（ ${cn} ）`;
      case 14: return `${n}.${n}`;
      case 15: return `${cn}、${cn}、`;
      case 16: return `${fullWidthDigits(String(n))}.`;
      default: return `${n}）`;
    }
  });

/** A number as reports write it, with the ways they get it wrong or approximate. */
export const numberArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 14 }), fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 100000 })), fc.integer({ min: 0, max: 99 }))
  .map(([form, n, fraction]) => {
    switch (form) {
      case 0: return String(n);
      case 1: return `${n}.${fraction}`;
      case 2: return chineseNumeral(n % 10000);
      case 3: return `${n}%`;
      case 4: return `${n}.${fraction}%`;
      case 5: return `百分之${chineseNumeral(n % 100)}`;
      case 6: return `${n}％`;
      case 7: return `近${n}`;
      case 8: return `${n}余`;
      case 9: return `约${n}`;
      case 10: return `近${n}余`;
      case 11: return `${n}左右`;
      case 12: return fullWidthDigits(String(n));
      case 13: return n.toLocaleString('en-US');
      default: return digitByDigit(n);
    }
  });

// ---- synthetic report lines --------------------------------------------------------------------

const PLACES = ['某县', '连江县', '溧阳市', '洛浦县', '北碚区', '枣阳市', '某镇'];
const PHRASES = [
  '加强党对法治政府建设的领导', '深化“放管服”改革', '严格规范公正文明执法', '推进政务公开', '强化行政权力制约和监督',
  '依法有效化解社会矛盾纠纷', '完善依法行政制度体系', '提升行政复议工作质效', '开展普法宣传', '落实行政执法“三项制度”',
  '存在的不足和原因', '下一步工作安排', '主要举措和成效', '党政主要负责人履行推进法治建设第一责任人职责情况',
];

const statementArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(numberArb, numberArb, numberArb).map(([a, b, p]) => `共办理行政复议案件${a}件，其中确认违法${b}件，纠错率为${p}`),
  fc.tuple(numberArb, numberArb, numberArb).map(([a, b, c]) => `受理${a}件，审结${b}件，调解${c}件`),
  fc.tuple(numberArb, numberArb, numberArb).map(([t, a, b]) => `共${t}个，其中城区${a}个、农村${b}个`),
  fc.tuple(numberArb, numberArb).map(([a, p]) => `较上年增长${p}，达${a}件`),
  fc.tuple(numberArb, numberArb, numberArb).map(([a, b, p]) => `本年${a}件，上年${b}件，同比下降${p}`),
  fc.tuple(numberArb, numberArb).map(([a, b]) => `${a}年${b}月${b}日`),
  fc.tuple(numberArb, numberArb).map(([a, b]) => `出庭应诉率达${a}，败诉率${b}`),
  fc.constantFrom(...PHRASES),
);

const sentenceArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(statementArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('。', '；', '，', '', '！', '?'))
  .map(([parts, end]) => parts.join('，') + end);

/** A line a report might have: a numbered heading, a paragraph with enumerations, a title, a closing. */
const syntheticLineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(markerArb, fc.constantFrom(...PHRASES), fc.constantFrom('', '。', '：'), fc.array(sentenceArb, { maxLength: 2 })).map(([m, p, e, s]) => m + p + e + s.join('')) },
  { weight: 3, arbitrary: fc.array(fc.tuple(markerArb, sentenceArb), { minLength: 1, maxLength: 4 }).map((items) => items.map(([m, s]) => m + s).join('')) },
  { weight: 3, arbitrary: fc.array(sentenceArb, { minLength: 1, maxLength: 4 }).map((s) => s.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PLACES), fc.integer({ min: 2015, max: 2030 })).map(([p, y]) => `${p}${y}年法治政府建设年度报告`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PLACES), fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([p, y, m, d]) => `${p}人民政府\n${y}年${m}月${d}日`) },
);

/** A well-formed report (title, opening, numbered parts, subsections, enumerations, closing) for the mutations to break. */
const skeletonArb: fc.Arbitrary<string[]> = fc
  .record({
    place: fc.constantFrom(...PLACES),
    year: fc.integer({ min: 2015, max: 2030 }),
    parts: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
    subsections: fc.array(fc.array(fc.tuple(fc.constantFrom(...PHRASES), fc.array(sentenceArb, { maxLength: 3 }), fc.nat({ max: 3 })), { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
    markdown: fc.boolean(),
    blank: fc.boolean(),
    closing: fc.boolean(),
  })
  .map(({ place, year, parts, subsections, markdown, blank, closing }) => {
    const headings = [`${year}年推进法治政府建设的主要举措和成效`, '存在的不足和原因', '党政主要负责人履行推进法治建设第一责任人职责情况', `${year + 1}年推进法治政府建设的主要安排`];
    const out = [(markdown ? '# ' : '') + `${place}${year}年法治政府建设年度报告`, `${year}年，${place}深入推进法治政府建设。现将有关情况报告如下：`];
    parts.forEach((part, i) => {
      out.push(`${markdown ? '## ' : ''}${chineseNumeral(i + 1)}、${headings[part]}`);
      subsections[part]!.forEach(([phrase, sentences, items], j) => {
        out.push(`${markdown ? '### ' : ''}（${chineseNumeral(j + 1)}）${phrase}。` + sentences.map((s, k) => `${chineseNumeral(k + 1)}是${s}`).join(''));
        for (let k = 1; k <= items; k++) out.push(`${k}.${sentences[k - 1] ?? phrase}`);
      });
    });
    if (closing) out.push(`${place}人民政府`, `${year + 1}年1月${10 + parts.length}日`);
    return blank ? out.flatMap((line) => [line, '']) : out;
  });

// ---- characters -------------------------------------------------------------------------------

const cjkArb = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const FULL_WIDTH_PUNCTUATION = [...'，。；：、？！（）【】《》〈〉“”‘’「」『』—…·％＋－＝／～'];
const SPECIAL = [
  '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200d', '\u00a0', '\u3000',
  '\t', '\r', '\n', '\r\n', '\v', '\f',
  '\u0301', '\u0300', '\u20dd', '\u3099', // combining marks
  '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '1️⃣', '𠀀', '\ud800', '\udc00', '\udbff', '\udfff', // emoji, astral CJK, lone surrogates
  '\ufffd', '\uffff', '\ue000',
];
const MARKDOWN_SYNTAX = [
  '# ', '## ', '###### ', '- ', '* ', '+ ', '> ', '**', '__', '`', '```\n', '    ', '1. ', '---\n', '===\n', '|', '| --- |', '[链接](x)', '\\',
  '<!-- report-lint-disable -->', '<!-- report-lint-disable numbering-sequence -->', '<!--', '-->', '<div>', '</div>', '&nbsp;', '&#0;',
];

/** One inserted piece of text: CJK, punctuation, control and combining characters, surrogates, markers, numbers, Markdown. */
export const insertionArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: cjkArb },
  { weight: 3, arbitrary: fc.constantFrom(...FULL_WIDTH_PUNCTUATION) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: markerArb },
  { weight: 2, arbitrary: numberArb },
  { weight: 1, arbitrary: fc.constantFrom(...MARKDOWN_SYNTAX) },
);

// ---- recipes ----------------------------------------------------------------------------------

type LineOp =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'shuffle'; at: number; count: number; seed: number }
  | { op: 'remark'; at: number; marker: string }
  | { op: 'renumber'; at: number; which: number; number: string }
  | { op: 'enumerate'; at: number; which: number; marker: string }
  | { op: 'truncate'; at: number; keep: number }
  | { op: 'insert'; at: number; line: string };

const lineOpArb: fc.Arbitrary<LineOp> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), count: fc.nat({ max: 200 }), seed: fc.nat() }),
  fc.record({ op: fc.constant('remark' as const), at: fc.nat(), marker: markerArb }),
  fc.record({ op: fc.constant('renumber' as const), at: fc.nat(), which: fc.nat(), number: numberArb }),
  fc.record({ op: fc.constant('enumerate' as const), at: fc.nat(), which: fc.nat(), marker: markerArb }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: syntheticLineArb }),
);

interface CharOp {
  at: number;
  text: string;
}

type Eol = '\n' | '\r\n' | '\r';

interface Recipe {
  lines: string[];
  lineOps: LineOp[];
  charOps: CharOp[];
  /** Line endings, used in turn; one entry is a uniform document, several a mixed one. */
  eols: Eol[];
  finalEol: boolean;
  format: Format;
  rules: RuleSet;
}

/** A run of consecutive corpus lines: shrinks towards fewer lines from the start of a report. */
const corpusWindowArb: fc.Arbitrary<string[]> = fc
  .tuple(fc.nat({ max: CORPUS_LINES.length - 1 }), fc.nat(), fc.nat({ max: 200 }))
  .map(([report, from, count]) => {
    const lines = CORPUS_LINES[report]!;
    const start = from % lines.length;
    return lines.slice(start, start + count);
  });

const recipeArb: fc.Arbitrary<Recipe> = fc.record({
  lines: fc.oneof(
    { weight: 3, arbitrary: corpusWindowArb },
    { weight: 2, arbitrary: skeletonArb },
    { weight: 2, arbitrary: fc.array(syntheticLineArb, { maxLength: 30 }) },
    { weight: 1, arbitrary: fc.tuple(corpusWindowArb, fc.array(syntheticLineArb, { maxLength: 10 })).map(([a, b]) => [...b, ...a]) },
    // Whole reports one after another: long inputs, several titles, closings and numbering runs.
    { weight: 1, arbitrary: fc.array(fc.nat({ max: CORPUS_LINES.length - 1 }), { minLength: 1, maxLength: 4 }).map((reports) => reports.flatMap((i) => CORPUS_LINES[i]!)) },
  ),
  lineOps: fc.array(lineOpArb, { maxLength: 12 }),
  charOps: fc.array(fc.record({ at: fc.nat(), text: insertionArb }), { maxLength: 12 }),
  eols: fc.array(fc.constantFrom<Eol>('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
  finalEol: fc.boolean(),
  format: fc.constantFrom<Format>('text', 'markdown'),
  rules: fc.constantFrom<RuleSet>('default', 'all'),
});

const LEADING_MARKER = /^\s*(?:[（(]\s*[〇零一二三四五六七八九十百\d]{1,3}\s*[）)]|[〇零一二三四五六七八九十百]{1,3}、|\d{1,3}[、.．]|[〇零一二三四五六七八九十百]{1,3}是|第[〇零一二三四五六七八九十百]{1,3}[，,、：:])?/;
const NUMBER = /\d+(?:\.\d+)?%?|[〇零一二三四五六七八九十百千万两]+/g;
const SENTENCE_BOUNDARY = /[。；;！？]/g;

/** The k-th match of a global pattern in s (k taken modulo the number of matches), or undefined. */
function nthMatch(s: string, pattern: RegExp, k: number): RegExpExecArray | undefined {
  const matches = [...s.matchAll(pattern)];
  return matches.length ? (matches[k % matches.length] as RegExpExecArray) : undefined;
}

function applyLineOp(lines: string[], op: LineOp): void {
  if (op.op === 'insert') {
    lines.splice(op.at % (lines.length + 1), 0, op.line);
    return;
  }
  if (!lines.length) return;
  const i = op.at % lines.length;
  const line = lines[i]!;
  switch (op.op) {
    case 'delete':
      lines.splice(i, 1);
      return;
    case 'duplicate':
      lines.splice(i + 1, 0, line);
      return;
    case 'move':
      lines.splice(i, 1);
      lines.splice(op.to % (lines.length + 1), 0, line);
      return;
    case 'shuffle': {
      // Fisher–Yates over lines[i, i + count), driven by a small LCG so the recipe alone fixes the order.
      let state = op.seed >>> 0;
      const end = Math.min(lines.length, i + op.count);
      for (let k = end - 1; k > i; k--) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const j = i + (state % (k - i + 1));
        [lines[k], lines[j]] = [lines[j]!, lines[k]!];
      }
      return;
    }
    case 'remark':
      lines[i] = op.marker + line.replace(LEADING_MARKER, '');
      return;
    case 'renumber': {
      const m = nthMatch(line, NUMBER, op.which);
      if (m) lines[i] = line.slice(0, m.index) + op.number + line.slice(m.index + m[0].length);
      return;
    }
    case 'enumerate': {
      const m = nthMatch(line, SENTENCE_BOUNDARY, op.which);
      const at = m ? m.index + 1 : 0;
      lines[i] = line.slice(0, at) + op.marker + line.slice(at);
      return;
    }
    case 'truncate':
      lines[i] = line.slice(0, op.keep % (line.length + 1));
      return;
  }
}

export function renderRecipe(recipe: Recipe): Case {
  const lines = [...recipe.lines];
  for (const op of recipe.lineOps) applyLineOp(lines, op);
  let text = '';
  lines.forEach((line, i) => {
    text += line;
    if (i < lines.length - 1 || recipe.finalEol) text += recipe.eols[i % recipe.eols.length];
  });
  for (const { at, text: inserted } of recipe.charOps) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + inserted + text.slice(i);
  }
  return { text, format: recipe.format, rules: recipe.rules };
}

/** Random and mutated reports in both formats. */
export const caseArb: fc.Arbitrary<Case> = recipeArb.map(renderRecipe);
