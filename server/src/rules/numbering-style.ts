/**
 * numbering-style — markers of one level are written one way. GB/T 9704-2012 §7.3.3 writes
 * “（一）” “1.” “（1）”; practice also has 1、 and 1．, and text pasted from web portals arrives with
 * ASCII brackets throughout. Neither is wrong as long as the document is consistent, so the
 * expected form is the one the document uses most for that kind (counting every marker of the
 * kind, section markers and markers inside paragraphs), or the standard form when the option
 * `preferStandard` is set.
 *
 * - Delimiters (1、 1. 1．) are judged among siblings: 1、 2、 3. 4、 is a slip, while one list in 1.
 *   and another in 1、 is a document-level inconsistency worth only a hint.
 * - Bracket width is judged over the whole document: (一) and （二） in one report. A report
 *   consistently in ASCII brackets is quiet; a single bracket pair mixing both widths, (一）, is
 *   always reported.
 * - Numbering values (gaps, continuous numbering across sections) are numbering-sequence's concern.
 *
 * Fix: rewrite the marker to the expected form, keeping its number as written.
 */
import type { Fix, RelatedSpec, Rule } from '../engine/rule';
import type { EnumMarker, MarkerKind, Paragraph, Section } from '../parser/types';
import {
  STANDARD_STYLE, STRUCTURAL_KINDS, markerStyle, preferredStyle, restyledMarker, styleCensus,
  type MarkerStyle, type StyleExample,
} from './support/numbering';

/** A marker as written: a section's Marker or an EnumMarker inside a paragraph (both have kind, text, position). */
type Written = Pick<EnumMarker, 'kind' | 'text' | 'position'>;

const BRACKETED: readonly MarkerKind[] = ['cn-paren', 'arabic-paren'];
const KINDS: readonly MarkerKind[] = ['cn-paren', 'arabic-dot', 'arabic-paren'];

export const numberingStyle: Rule = {
  meta: {
    id: 'numbering-style',
    description: {
      zh: '同一层次的序号写法应统一：标点（1、/1./1．）和括号（全角/半角）一致',
      en: 'Markers of one level are written alike: the same delimiter (1、/1./1．) and the same bracket width',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      mixedDelimiter: {
        zh: '同级序号标点不一致：「{found}」与同组的「{sibling}」写法不同，应为「{expected}」',
        en: 'Inconsistent delimiter among siblings: “{found}” is written unlike “{sibling}” in the same list; expected “{expected}”',
      },
      runDelimiter: {
        zh: '序号写法与全文不一致：本组用「{found}」，全文同级序号多写作「{example}」，宜统一为「{expected}」',
        en: 'This list is written “{found}” while the document mostly writes this level as “{example}”; make it “{expected}”',
        severity: 'hint',
      },
      mixedBrackets: {
        zh: '全角半角括号混用：「{found}」与本文同级序号「{example}」的括号不一致，应为「{expected}」',
        en: 'ASCII and full-width brackets mixed: “{found}” is bracketed unlike “{example}” elsewhere in the document; expected “{expected}”',
      },
      halfBracket: {
        zh: '序号「{found}」的左右括号一个全角一个半角，应为「{expected}」',
        en: 'The marker “{found}” pairs a full-width and an ASCII bracket; expected “{expected}”',
      },
      nonStandard: {
        zh: '序号「{found}」不是 GB/T 9704-2012 第7.3.3条的写法，应为「{expected}」',
        en: 'The marker “{found}” is not written as GB/T 9704-2012 §7.3.3 prescribes; expected “{expected}”',
      },
      siblingMarker: { zh: '同组序号「{sibling}」', en: 'sibling marker “{sibling}”' },
      documentExample: { zh: '本文的写法「{example}」', en: 'the document’s form “{example}”' },
      rewrite: { zh: '改为「{expected}」', en: 'Rewrite as “{expected}”' },
      rewriteRun: { zh: '本组序号统一改为「{expected}」的写法', en: 'Rewrite this list in the form “{expected}”' },
    },
  },

  check(tree, context) {
    const preferStandard = context.options.preferStandard === true;
    const census = styleCensus(tree);
    const expectedOf = new Map<MarkerKind, MarkerStyle | undefined>();
    const loud = new Set<MarkerKind>();
    for (const kind of KINDS) {
      const expected = preferredStyle(census, kind, preferStandard);
      expectedOf.set(kind, expected);
      const styles = census.styles(kind);
      if (styles.length > 1 || (styles.length === 1 && styles[0] !== expected)) loud.add(kind);
    }
    // One form per kind, the expected one: nothing can be mixed. This is the usual case, and it is
    // decided from the census alone; past it, markers are visited per kind that needs a look.
    if (!loud.size) return;
    const { sections, enumMarkers, paragraphs } = tree.data.index;
    const done = new Set<Written>();

    const report = (m: Written, messageId: string, data: Record<string, string>, related?: RelatedSpec) => {
      const kind = m.kind as MarkerKind;
      const expected = restyledMarker(kind, m.text, expectedOf.get(kind)!);
      done.add(m);
      const fix: Fix = { messageId: 'rewrite', data: { expected }, edits: [{ start: m.position!.start.offset!, end: m.position!.end.offset!, text: expected }] };
      context.report({ messageId, data: { ...data, found: m.text, expected }, position: m.position!, fix, ...(related ? { related: [related] } : {}) });
    };
    const exampleOf = (kind: MarkerKind, style: MarkerStyle | undefined): StyleExample | undefined =>
      style ? census.first(kind, style) : undefined;
    const documentExample = (ex: StyleExample | undefined): RelatedSpec | undefined =>
      ex && { position: ex.position, messageId: 'documentExample', data: { example: ex.text } };

    // Delimiters, among siblings: section runs, and 1. 2. written inside one paragraph.
    if (loud.has('arabic-dot')) {
      const expectedDot = expectedOf.get('arabic-dot')!;
      const styleOf = (m: Written) => markerStyle('arabic-dot', m.text);
      const checkList = (list: readonly Written[]) => {
        let mixed = false;
        let expectedSeen = false;
        for (const m of list) {
          if (styleOf(m) !== styleOf(list[0]!)) mixed = true;
          if (styleOf(m) === expectedDot) expectedSeen = true;
        }
        if (mixed) {
          list.forEach((m, i) => {
            if (styleOf(m) === expectedDot) return;
            // Point at the nearest sibling written as expected, else at the one before.
            let sibling: Written | undefined;
            for (let d = 1; d < list.length && !sibling; d++) {
              for (const j of [i - d, i + d]) if (!sibling && list[j] && styleOf(list[j]!) === expectedDot) sibling = list[j];
            }
            sibling ??= list[i - 1] ?? list[i + 1]!;
            report(m, 'mixedDelimiter', { sibling: sibling.text }, { position: sibling.position!, messageId: 'siblingMarker', data: { sibling: sibling.text } });
          });
        } else if (!preferStandard && !expectedSeen) {
          const example = exampleOf('arabic-dot', expectedDot);
          const expected = restyledMarker('arabic-dot', list[0]!.text, expectedDot);
          for (const m of list) done.add(m);
          context.report({
            messageId: 'runDelimiter',
            data: { found: list[0]!.text, example: example?.text ?? expected, expected },
            position: list[0]!.position!,
            fix: {
              messageId: 'rewriteRun',
              data: { expected },
              edits: list.map((m) => ({ start: m.position!.start.offset!, end: m.position!.end.offset!, text: restyledMarker('arabic-dot', m.text, expectedDot) })),
            },
            ...(example ? { related: [documentExample(example)!] } : {}),
          });
        }
      };
      // One buffer for every list: checkList keeps nothing of it.
      const list: Written[] = [];
      const siblings = (children: readonly unknown[]) => {
        list.length = 0;
        for (const child of children as Section[]) if (child.type === 'section' && child.marker?.kind === 'arabic-dot') list.push(child.marker);
        if (list.length) checkList(list);
      };
      siblings(tree.children);
      for (const section of sections) if (section.children.length > 1) siblings(section.children);
      list.length = 0;
      let p = 0;
      let current: Paragraph | undefined;
      for (const m of enumMarkers) {
        if (m.kind !== 'arabic-dot') continue;
        const at = m.position!.start.offset!;
        while (p < paragraphs.length && paragraphs[p]!.position!.end.offset! < at) p++;
        if (paragraphs[p] !== current && list.length) {
          checkList(list);
          list.length = 0;
        }
        current = paragraphs[p];
        list.push(m);
      }
      if (list.length) checkList(list);
    }

    const eachMarker = (visit: (m: Written, kind: MarkerKind) => void) => {
      for (const section of sections) if (section.marker) visit(section.marker, section.marker.kind);
      for (const m of enumMarkers) if (STRUCTURAL_KINDS.has(m.kind)) visit(m, m.kind as MarkerKind);
    };

    // Bracket width, over the whole document.
    for (const kind of BRACKETED) {
      if (!loud.has(kind)) continue;
      const expected = expectedOf.get(kind);
      const widths = census.styles(kind).filter((st) => st !== 'mixed').length;
      const example = exampleOf(kind, expected);
      eachMarker((m, k) => {
        if (k !== kind || done.has(m)) return;
        const style = markerStyle(kind, m.text);
        if (style === expected) return;
        if (style === 'mixed') report(m, 'halfBracket', {}, documentExample(example));
        else if (widths > 1) report(m, 'mixedBrackets', { example: example?.text ?? restyledMarker(kind, m.text, expected!) }, documentExample(example));
      });
    }

    // The standard forms, when asked for: everything else that is still written otherwise.
    if (preferStandard) {
      eachMarker((m, kind) => {
        const style = markerStyle(kind, m.text);
        if (!done.has(m) && style && style !== STANDARD_STYLE[kind]) report(m, 'nonStandard', {});
      });
    }
  },
};
