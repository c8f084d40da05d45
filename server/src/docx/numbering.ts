/**
 * Word's automatic list numbering, turned into the markers a reader sees. In a .docx a numbered
 * heading such as 「（二）健全制度」 holds only 「健全制度」: the 「（二）」 is drawn by Word from
 * word/numbering.xml (the list level's number format and its text pattern, e.g. numFmt
 * chineseCounting with lvlText 「（%2）」) and a counter Word keeps while laying out the document.
 * The numbering rules need the marker in the text, so this module replays those counters in
 * document order. mammoth reads numbering.xml too, but keeps only whether a level is ordered.
 *
 * Counting follows Word: lists whose numbering instances share an abstract definition continue one
 * another; an instance with a start override restarts its levels where it is first used; using a
 * level restarts the deeper levels (unless their lvlRestart says otherwise).
 */
import { toChineseNumeral } from '../parser/numerals';
import { child, children, type XmlDocument, type XmlElement } from './xml';

export interface LevelDefinition {
  start: number;
  /** w:numFmt, e.g. decimal, chineseCounting, bullet, none. */
  format: string;
  /** w:lvlText, e.g. "%1、", "（%2）"; undefined when the level draws no text. */
  text: string | undefined;
  /** w:lvlRestart: 0 never restarts; n restarts after level n (1-based) or a higher one is used. */
  restart: number | undefined;
  /** w:isLgl: every number of the marker is written in Arabic digits. */
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** w:pStyle: the paragraph style linked to this level. */
  style: string | undefined;
}

interface AbstractNumbering {
  id: string;
  levels: Map<number, LevelDefinition>;
  /** w:numStyleLink: the definition lives in the numbering style of that name. */
  styleLink: string | undefined;
}

interface NumberingInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDefinition }>;
}

interface StyleNumbering {
  basedOn: string | undefined;
  numId: string | undefined;
  level: number | undefined;
}

export interface ParagraphNumbering {
  numId: string;
  level: number;
}

export interface Marker {
  /** The marker as Word shows it, with the separator that follows it in the text ("" or " "). */
  text: string;
  /** Number formats of the marker that this module cannot write and wrote as decimal instead. */
  unsupported: string[];
}

const MAX_LEVELS = 9;

export class WordNumbering {
  private readonly abstracts = new Map<string, AbstractNumbering>();
  private readonly instances = new Map<string, NumberingInstance>();
  private readonly styles = new Map<string, StyleNumbering>();
  /** Counters per abstract definition; undefined: the level has not been used since it last restarted. */
  private readonly counters = new Map<string, { counts: Array<number | undefined>; startAt: Array<number | undefined> }>();
  private readonly seenInstances = new Set<string>();

  constructor(
    private readonly w: string,
    numbering: XmlDocument | undefined,
    styles: XmlDocument | undefined,
  ) {
    if (styles?.documentElement) this.readStyles(styles.documentElement);
    if (numbering?.documentElement) this.readNumbering(numbering.documentElement);
  }

  /** The numbering of a paragraph: its own w:numPr, else its paragraph style's (through w:basedOn). */
  paragraphNumbering(pPr: XmlElement | undefined): ParagraphNumbering | undefined {
    const styleId = this.val(child(pPr, this.w, 'pStyle'));
    const own = child(pPr, this.w, 'numPr');
    let numId = own && this.val(child(own, this.w, 'numId'));
    let level = own ? this.int(child(own, this.w, 'ilvl')) : undefined;
    if (numId === undefined || level === undefined) {
      const inherited = styleId !== undefined ? this.styleNumbering(styleId) : undefined;
      numId ??= inherited?.numId;
      level ??= inherited?.level ?? (numId !== undefined && styleId !== undefined ? this.levelLinkedTo(numId, styleId) : undefined);
    }
    // numId 0 is how a paragraph switches off the numbering its style would give it.
    if (numId === undefined || numId === '0') return undefined;
    return { numId, level: Math.min(Math.max(level ?? 0, 0), MAX_LEVELS - 1) };
  }

  /** Counts the paragraph and returns its marker, or undefined when Word would show none. */
  next({ numId, level }: ParagraphNumbering): Marker | undefined {
    const instance = this.instances.get(numId);
    const abstract = instance && this.resolve(instance.abstractId);
    if (!instance || !abstract) return undefined;
    const definition = (l: number) => instance.overrides.get(l)?.level ?? abstract.levels.get(l);
    const current = definition(level);
    if (!current) return undefined;

    let state = this.counters.get(abstract.id);
    if (!state) {
      state = { counts: new Array(MAX_LEVELS).fill(undefined), startAt: new Array(MAX_LEVELS).fill(undefined) };
      this.counters.set(abstract.id, state);
    }
    if (!this.seenInstances.has(numId)) {
      this.seenInstances.add(numId);
      for (const [l, override] of instance.overrides) {
        if (override.start === undefined && override.level === undefined) continue;
        state.counts[l] = undefined;
        state.startAt[l] = override.start ?? override.level?.start;
      }
    }
    const startOf = (l: number) => state.startAt[l] ?? definition(l)?.start ?? 1;
    state.counts[level] = state.counts[level] === undefined ? startOf(level) : state.counts[level]! + 1;
    for (let deeper = level + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = definition(deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || level < restart) state.counts[deeper] = undefined;
    }

    if (current.format === 'none' || current.text === undefined) return undefined;
    const unsupported: string[] = [];
    let text: string;
    if (current.format === 'bullet') {
      // Bullets drawn from symbol fonts sit in the Private Use Area and mean nothing as text.
      text = /[\ue000-\uf8ff]/.test(current.text) ? '•' : current.text;
    } else {
      text = current.text.replace(/%([1-9])/g, (_, digit: string) => {
        const l = Number(digit) - 1;
        const format = current.legal ? 'decimal' : definition(l)?.format ?? 'decimal';
        const written = formatNumber(state.counts[l] ?? startOf(l), format);
        if (written !== undefined) return written;
        unsupported.push(format);
        return String(state.counts[l] ?? startOf(l));
      });
    }
    if (!text) return undefined;
    // Word separates the marker from the text with a tab by default; a marker ending in its own
    // punctuation (一、 （一） 1.) is written flush in typed drafts, which is what the parser reads.
    const separator = current.suffix !== 'nothing' && /[0-9A-Za-z]$/.test(text) ? ' ' : '';
    return { text: text + separator, unsupported };
  }

  private readStyles(root: XmlElement): void {
    for (const style of children(root, this.w, 'style')) {
      const id = style.getAttributeNS(this.w, 'styleId');
      if (!id) continue;
      const numPr = child(child(style, this.w, 'pPr'), this.w, 'numPr');
      this.styles.set(id, {
        basedOn: this.val(child(style, this.w, 'basedOn')),
        numId: numPr && this.val(child(numPr, this.w, 'numId')),
        level: numPr ? this.int(child(numPr, this.w, 'ilvl')) : undefined,
      });
    }
  }

  private readNumbering(root: XmlElement): void {
    for (const element of children(root, this.w, 'abstractNum')) {
      const id = element.getAttributeNS(this.w, 'abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, LevelDefinition>();
      for (const lvl of children(element, this.w, 'lvl')) levels.set(this.int(lvl, 'ilvl') ?? 0, this.readLevel(lvl));
      this.abstracts.set(id, { id, levels, styleLink: this.val(child(element, this.w, 'numStyleLink')) });
    }
    for (const element of children(root, this.w, 'num')) {
      const id = element.getAttributeNS(this.w, 'numId');
      const abstractId = this.val(child(element, this.w, 'abstractNumId'));
      if (id === null || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: LevelDefinition }>();
      for (const override of children(element, this.w, 'lvlOverride')) {
        const start = this.int(child(override, this.w, 'startOverride'));
        const lvl = child(override, this.w, 'lvl');
        overrides.set(this.int(override, 'ilvl') ?? 0, { ...(start !== undefined ? { start } : {}), ...(lvl ? { level: this.readLevel(lvl) } : {}) });
      }
      this.instances.set(id, { abstractId, overrides });
    }
  }

  private readLevel(lvl: XmlElement): LevelDefinition {
    // Formats newer than the schema Word writes as mc:AlternateContent: a Choice (e.g. a custom
    // format) and a Fallback that older readers understand; the Fallback is the one to take.
    let numFmt = child(lvl, this.w, 'numFmt');
    if (!numFmt) {
      for (let i = 0; i < lvl.childNodes.length && !numFmt; i++) {
        const node = lvl.childNodes[i] as XmlElement;
        if (node.localName !== 'AlternateContent') continue;
        for (let j = 0; j < node.childNodes.length && !numFmt; j++) {
          const branch = node.childNodes[j] as XmlElement;
          if (branch.localName === 'Fallback') numFmt = child(branch, this.w, 'numFmt');
        }
      }
    }
    const suffix = this.val(child(lvl, this.w, 'suff'));
    const legal = child(lvl, this.w, 'isLgl');
    return {
      start: this.int(child(lvl, this.w, 'start')) ?? 0,
      format: this.val(numFmt) ?? 'decimal',
      text: child(lvl, this.w, 'lvlText')?.getAttributeNS(this.w, 'val') ?? undefined,
      restart: this.int(child(lvl, this.w, 'lvlRestart')),
      legal: !!legal && !/^(?:0|false|off)$/.test(this.val(legal) ?? ''),
      suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
      style: this.val(child(lvl, this.w, 'pStyle')),
    };
  }

  /** Follows w:numStyleLink to the definition that holds the levels. */
  private resolve(abstractId: string, seen = new Set<string>()): AbstractNumbering | undefined {
    const abstract = this.abstracts.get(abstractId);
    if (!abstract || abstract.styleLink === undefined || seen.has(abstractId)) return abstract;
    seen.add(abstractId);
    const numId = this.styleNumbering(abstract.styleLink)?.numId;
    const instance = numId !== undefined ? this.instances.get(numId) : undefined;
    return instance ? this.resolve(instance.abstractId, seen) : abstract;
  }

  private styleNumbering(styleId: string): { numId?: string; level?: number } | undefined {
    const seen = new Set<string>();
    let numId: string | undefined;
    let level: number | undefined;
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      numId ??= style.numId;
      level ??= style.level;
      id = style.basedOn;
    }
    return numId === undefined && level === undefined ? undefined : { ...(numId !== undefined ? { numId } : {}), ...(level !== undefined ? { level } : {}) };
  }

  /** The level of a list whose w:pStyle names the paragraph's style (how heading styles are numbered). */
  private levelLinkedTo(numId: string, styleId: string): number | undefined {
    const instance = this.instances.get(numId);
    const abstract = instance && this.resolve(instance.abstractId);
    for (const [level, definition] of abstract?.levels ?? []) if (definition.style === styleId) return level;
    return undefined;
  }

  private val(element: XmlElement | undefined): string | undefined {
    return element?.getAttributeNS(this.w, 'val') ?? undefined;
  }

  private int(element: XmlElement | undefined, attribute = 'val'): number | undefined {
    const raw = element?.getAttributeNS(this.w, attribute);
    if (raw === null || raw === undefined || !/^-?\d+$/.test(raw.trim())) return undefined;
    return Number(raw.trim());
  }
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const PARENTHESIZED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL_DIGITS: Record<string, string> = { 〇: '零', 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰' };

/** A number written in a Word number format; undefined for formats this module does not know. */
export function formatNumber(n: number, format: string): string | undefined {
  const from = (chars: string) => (n >= 1 && n <= chars.length ? chars[n - 1]! : String(n));
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
    case 'chineseLegalSimplified': {
      const plain = toChineseNumeral(n);
      return (/^十/.test(plain) ? '一' + plain : plain).replace(/./g, (c) => LEGAL_DIGITS[c] ?? c);
    }
    case 'ideographTraditional':
      return from(HEAVENLY_STEMS);
    case 'ideographZodiac':
      return from(EARTHLY_BRANCHES);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return from(CIRCLED);
    case 'decimalEnclosedFullstop':
      return from(FULLSTOP);
    case 'decimalEnclosedParen':
      return from(PARENTHESIZED);
    case 'none':
      return '';
    default:
      return undefined;
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) (out += symbol), (n -= value);
  return out;
}

/** Word's letters: A…Z, then AA, BB… (the letter repeated, not spreadsheet columns). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
