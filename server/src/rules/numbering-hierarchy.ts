/**
 * numbering-hierarchy — a marker must be of a lower level than the item it sits in
 * (GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）). Three shapes give a higher-level marker away
 * without guessing:
 *
 * - inside a paragraph: （一）…（二）… written in the body of item 2、 (level 2 inside level 3);
 * - a nested block: a run of siblings that starts again at 1 and is followed by the number the
 *   run was due to reach, 1 2 3 4 [1 2 3] 5 — sub-items written with their parent's numbering;
 * - an inversion: under one parent, a level-2 （一） after level-3 1、 2、 — the parser can only
 *   make them siblings, so the 1、 items hang at the wrong level or the （一） does.
 *
 * Skipping a level in order (一、 straight to 1.) is allowed by practice and not reported. A run
 * that restarts without resuming (1 2 3 [1 2 3 4]) may be a second list or a duplicate: that is
 * numbering-sequence's concern, not a hierarchy this rule can prove.
 *
 * Fix (inside paragraphs only): write the markers one level below the enclosing item, in the
 * document's own style for that level. Line-start markers get no fix: whether the block belongs
 * at level 3 or 4 is the writer's decision.
 */
import type { Fix, Rule, TextEdit } from '../engine/rule';
import { LEVEL_OF } from '../parser/markers';
import { toChineseNumeral } from '../parser/numerals';
import type { EnumMarker, MarkerKind, Paragraph, Section } from '../parser/types';
import {
  KIND_OF_LEVEL, NESTED_SECTION_BLOCK_MIN, STRUCTURAL_KINDS, nestedRestarts, preferredStyle, styleCensus, writeMarker,
  type StyleCensus,
} from './support/numbering';

/** A short display of a list of markers: 「(一)(二)(三)」, or first…last for long lists. */
function span(texts: readonly string[]): string {
  return texts.length <= 4 ? texts.join('') : `${texts[0]}…${texts[texts.length - 1]}`;
}

/** The marker one level below `level` in the document's style; 一是 below level 4. */
function childMarker(level: number, value: number, census: StyleCensus): { kind?: MarkerKind; text: string } {
  if (level >= 4) return { text: `${toChineseNumeral(value)}是` };
  const kind = KIND_OF_LEVEL[level]!;
  return { kind, text: writeMarker(kind, value, preferredStyle(census, kind)) };
}

export const numberingHierarchy: Rule = {
  meta: {
    id: 'numbering-hierarchy',
    description: {
      zh: '序号层次应由高到低：较高层次的序号不能用在较低层次之内',
      en: 'Numbering levels go from outer to inner: a higher-level marker must not be used inside a lower level',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      inlineHigher: {
        zh: '层次错误：段内序号「{found}」是第{level}层序号，却用在第{parentLevel}层「{parent}」之内；应改用下一层序号，如「{expected}」',
        en: 'Wrong level: “{found}” is a level-{level} marker used inside the level-{parentLevel} item “{parent}”; use a lower-level marker such as “{expected}”',
      },
      nestedRestart: {
        zh: '层次错误：「{found}」在「{previous}」与「{next}」之间重新起编，是嵌在上一项中的子项，却用了第{level}层序号；应改用下一层序号，如「{expected}」',
        en: 'Wrong level: “{found}” starts again between “{previous}” and “{next}”: these are sub-items of the item before, written with level-{level} markers; use a lower-level marker such as “{expected}”',
      },
      higherAfterLower: {
        zh: '层次颠倒：第{level}层序号「{found}」排在同属一个上级的第{lowerLevel}层序号「{lower}」之后；应先用第{level}层、再在其下用第{lowerLevel}层',
        en: 'Levels inverted: the level-{level} marker “{found}” follows the level-{lowerLevel} marker “{lower}” under the same parent; level {level} should come first, with level {lowerLevel} inside it',
      },
      enclosingItem: { zh: '所在的上级条目「{parent}」', en: 'enclosing item “{parent}”' },
      previousSibling: { zh: '重新起编前的一项「{previous}」', en: 'item before the restart “{previous}”' },
      resumingSibling: { zh: '接续原编号的一项「{next}」', en: 'item resuming the numbering “{next}”' },
      lowerSibling: { zh: '排在前面的较低层序号「{lower}」', en: 'lower-level marker before it “{lower}”' },
      rewrite: { zh: '改为下一层序号「{expected}」', en: 'Rewrite as lower-level markers “{expected}”' },
    },
  },

  check(tree, context) {
    const { paragraphs, enumMarkers, sections } = tree.data.index;
    const sectionOf = tree.data.sectionOf;
    // The document's own style for the suggested markers: only taken when there is something to say.
    let census: StyleCensus | undefined;
    const style = () => (census ??= styleCensus(tree));

    // 1. Structural markers written inside a paragraph, at or above the level of their section,
    //    grouped per paragraph and kind so that （一）（二）（三） written together are one finding.
    let group: EnumMarker[] = [];
    let groupParagraph: Paragraph | undefined;
    const flush = () => {
      if (group.length) reportInline(group, sectionOf.get(groupParagraph!)!);
      group = [];
    };
    let p = 0;
    for (const marker of enumMarkers) {
      if (!STRUCTURAL_KINDS.has(marker.kind)) continue;
      const at = marker.position!.start.offset!;
      while (p < paragraphs.length && paragraphs[p]!.position!.end.offset! < at) p++;
      const paragraph = paragraphs[p];
      if (!paragraph) break;
      const section = sectionOf.get(paragraph);
      if (!section?.marker || LEVEL_OF[marker.kind as MarkerKind] > section.level) continue;
      if (paragraph !== groupParagraph || marker.kind !== group[0]?.kind) {
        flush();
        groupParagraph = paragraph;
      }
      group.push(marker);
    }
    flush();

    function reportInline(markers: EnumMarker[], section: Section) {
      const first = markers[0]!;
      const parent = section.marker!;
      const targets = markers.map((m) => childMarker(section.level, m.value, style()));
      const expected = span(targets.map((t) => t.text));
      const fix: Fix | undefined = targets[0]!.kind
        ? {
            messageId: 'rewrite',
            data: { expected },
            edits: markers.map((m, i): TextEdit => ({ start: m.position!.start.offset!, end: m.position!.end.offset!, text: targets[i]!.text })),
          }
        : undefined;
      context.report({
        messageId: 'inlineHigher',
        data: { found: span(markers.map((m) => m.text)), level: LEVEL_OF[first.kind as MarkerKind], parentLevel: section.level, parent: parent.text, expected },
        position: { start: first.position!.start, end: markers[markers.length - 1]!.position!.end },
        related: [{ position: parent.position, messageId: 'enclosingItem', data: { parent: parent.text } }],
        ...(fix ? { fix } : {}),
      });
    }

    // 2. Nested blocks inside a sibling run, and 3. a higher level after a lower one, in one pass
    //    over each parent's children.
    let indexOf: Map<Section, number> | undefined;
    // Last value seen per level among the current parent's children: a 1 after a value means a
    // restart, and only then is the run gathered (nothing is allocated for the usual report).
    const lastValue = new Int32Array(4);
    const checkParent = (children: readonly unknown[], parent: Section | undefined) => {
      lastValue.fill(0);
      let restartLevels = 0;
      let deepest: Section | undefined;
      let inverted = false;
      for (const child of children as Section[]) {
        if (child.type !== 'section' || !child.marker) continue;
        if (child.marker.value === 1 && lastValue[child.level - 1]! >= 1) restartLevels |= 1 << (child.level - 1);
        lastValue[child.level - 1] = child.marker.value;
        // Under one parent the parser nests deeper markers, so siblings of different levels only
        // happen when the deeper ones come first: report the first higher-level marker after them.
        if (parent && !inverted && deepest && child.level < deepest.level) {
          inverted = true;
          context.report({
            messageId: 'higherAfterLower',
            data: { found: child.marker.text, level: child.level, lower: deepest.marker!.text, lowerLevel: deepest.level },
            position: child.marker.position,
            related: [{ position: deepest.marker!.position, messageId: 'lowerSibling', data: { lower: deepest.marker!.text } }],
          });
        }
        if (!deepest || child.level > deepest.level) deepest = child;
      }
      for (let level = 1; level <= 4; level++) {
        if (!(restartLevels & (1 << (level - 1)))) continue;
        reportNested((children as Section[]).filter((c) => c.type === 'section' && c.marker && c.level === level));
      }
    };
    checkParent(tree.children, undefined);
    for (const section of sections) if (section.children.length > 1) checkParent(section.children, section);

    function reportNested(run: Section[]) {
      for (const block of nestedRestarts(run.map((s) => s.marker!.value), NESTED_SECTION_BLOCK_MIN)) {
        const first = run[block.start]!;
        const last = run[block.end]!;
        const previous = run[block.start - 1]!.marker!;
        const next = run[block.end + 1]!.marker!;
        if (!indexOf) {
          indexOf = new Map();
          sections.forEach((s, i) => indexOf!.set(s, i));
        }
        // The block belongs inside the item just before it in document order, often a deeper one.
        const before = sections[indexOf.get(first)! - 1]!;
        context.report({
          messageId: 'nestedRestart',
          data: {
            found: `${first.marker!.text}—${last.marker!.text}`,
            previous: previous.text,
            next: next.text,
            level: first.level,
            expected: childMarker(Math.max(before.level, first.level), 1, style()).text,
          },
          position: { start: first.marker!.position.start, end: last.marker!.position.end },
          related: [
            { position: previous.position, messageId: 'previousSibling', data: { previous: previous.text } },
            { position: next.position, messageId: 'resumingSibling', data: { next: next.text } },
          ],
        });
      }
    }
  },
};
