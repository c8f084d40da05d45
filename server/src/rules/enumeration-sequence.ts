/**
 * enumeration-sequence — inline enumerations (一是…二是…三是…, 第一，…第二，…) count up by one.
 * Reports write most of their substance this way, and a skipped, repeated or restarted item
 * (一是 → 三是, 三是 twice) is left behind when sentences are cut or moved while editing.
 *
 * A run is the markers of one kind in a paragraph. It goes on into a later paragraph of the same
 * section when that paragraph begins with a marker of the kind (一是… / 二是… / 三是… one per line).
 * A new run begins wherever the count starts again at 一: a paragraph may hold two enumerations
 * (problems, then causes), and each section has its own. A restart that is followed by the number
 * the run was due to reach (一是 二是 三是 [一是 二是] 四是) is an enumeration nested in an item with
 * the same words, which readers cannot tell apart — reported, and left out of the outer count.
 *
 * 第三、第四季度 and 第二、三批 are ordinal phrases, not enumerations, and are skipped.
 *
 * Fix: renumber the run from 一, changing only the numerals.
 */
import type { Fix, Rule, TextEdit } from '../engine/rule';
import { toChineseNumeral } from '../parser/numerals';
import type { EnumMarker, Paragraph, Section } from '../parser/types';
import { nestedRestarts } from './support/numbering';

type EnumKind = 'cn-shi' | 'cn-di';

/** 第三、第四… / 第二、三… : an ordinal phrase listing numbers, not the start of an enumerated item. */
const ORDINAL_LIST_NEXT = /[〇零一二三四五六七八九十百第]/;

/** Offsets of the numeral inside the marker: 「三」 of 三是, 「三」 of 第三. */
function numeralRange(marker: EnumMarker): [number, number] {
  const start = marker.position!.start.offset!;
  const end = marker.position!.end.offset!;
  return marker.kind === 'cn-shi' ? [start, end - 1] : [start + 1, end];
}

function written(marker: EnumMarker, value: number): string {
  return marker.kind === 'cn-shi' ? `${toChineseNumeral(value)}是` : `第${toChineseNumeral(value)}`;
}

interface Chain {
  kind: EnumKind;
  section: Section | undefined;
  markers: EnumMarker[];
}

export const enumerationSequence: Rule = {
  meta: {
    id: 'enumeration-sequence',
    description: {
      zh: '段内列举（一是、二是……；第一、第二……）应依次递增，不跳号、不重号、不中途重来',
      en: 'Inline enumerations (一是, 二是…; 第一, 第二…) count up by one, without gaps, repeats or restarts',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      startGap: { zh: '列举应从「{expected}」开始，此处为「{found}」', en: 'The enumeration should start at “{expected}”, found “{found}”' },
      gap: {
        zh: '列举不连续：「{previous}」之后应为「{expected}」，此处为「{found}」',
        en: 'The enumeration skips: after “{previous}” expected “{expected}”, found “{found}”',
      },
      duplicate: {
        zh: '列举重复：「{found}」与上一项相同，应为「{expected}」',
        en: 'Repeated item: “{found}” repeats the previous item; expected “{expected}”',
      },
      backwards: {
        zh: '列举倒退：「{found}」出现在「{previous}」之后，应为「{expected}」',
        en: 'The enumeration goes backwards: “{found}” after “{previous}”; expected “{expected}”',
      },
      restart: {
        zh: '列举中途重来：「{previous}」之后又从「{found}」数起，随后接「{next}」；应接续为「{expected}」，或把插入的列举改用其他写法',
        en: 'The enumeration starts again: “{found}” follows “{previous}”, and “{next}” comes after; continue with “{expected}”, or word the inserted list differently',
      },
      previousItem: { zh: '上一项「{previous}」', en: 'previous item “{previous}”' },
      resumingItem: { zh: '接续原列举的「{next}」', en: '“{next}” resuming the enumeration' },
      renumber: { zh: '重新编排本组列举（{first}—{last}）', en: 'Renumber this enumeration ({first}–{last})' },
    },
  },

  check(tree, context) {
    const { paragraphs, enumMarkers } = tree.data.index;
    const text = tree.data.text;
    const sectionOf = tree.data.sectionOf;

    // Gather chains: runs per paragraph, joined when a paragraph of the same section opens with the kind.
    const chains: Chain[] = [];
    const open = new Map<EnumKind, Chain>();
    let p = 0;
    let paragraph: Paragraph | undefined;
    const seenInParagraph = new Set<EnumKind>();
    for (const marker of enumMarkers) {
      if (marker.kind !== 'cn-shi' && marker.kind !== 'cn-di') continue;
      const start = marker.position!.start.offset!;
      if (marker.kind === 'cn-di') {
        const end = marker.position!.end.offset!;
        if (text[end] === '、' && ORDINAL_LIST_NEXT.test(text[end + 1] ?? '')) continue;
      }
      while (p < paragraphs.length && paragraphs[p]!.position!.end.offset! < start) p++;
      if (paragraphs[p] !== paragraph) {
        paragraph = paragraphs[p];
        seenInParagraph.clear();
      }
      const kind = marker.kind;
      if (!seenInParagraph.has(kind)) {
        seenInParagraph.add(kind);
        const section = paragraph && sectionOf.get(paragraph);
        const chain = open.get(kind);
        const opensParagraph = paragraph !== undefined && paragraph.position!.start.offset === start;
        if (!(chain && opensParagraph && chain.section === section)) {
          const fresh: Chain = { kind, section, markers: [] };
          chains.push(fresh);
          open.set(kind, fresh);
        }
      }
      open.get(kind)!.markers.push(marker);
    }

    for (const chain of chains) {
      const { markers } = chain;
      const values = markers.map((m) => m.value);
      const nested = new Set<number>();
      for (const block of nestedRestarts(values, 1)) {
        for (let i = block.start; i <= block.end; i++) nested.add(i);
        const first = markers[block.start]!;
        const previous = markers[block.start - 1]!;
        const next = markers[block.end + 1]!;
        context.report({
          messageId: 'restart',
          data: { found: first.text, previous: previous.text, next: next.text, expected: written(first, previous.value + 1) },
          position: first.position!,
          related: [
            { position: previous.position!, messageId: 'previousItem', data: { previous: previous.text } },
            { position: next.position!, messageId: 'resumingItem', data: { next: next.text } },
          ],
        });
      }
      // Split what remains where the count starts again at one.
      const runs: EnumMarker[][] = [];
      markers.forEach((m, i) => {
        if (nested.has(i)) return;
        if (!runs.length || m.value === 1) runs.push([]);
        runs[runs.length - 1]!.push(m);
      });
      for (const run of runs) checkRun(run);
    }

    function checkRun(run: EnumMarker[]) {
      const edits: TextEdit[] = [];
      run.forEach((m, i) => {
        if (m.value === i + 1) return;
        const [start, end] = numeralRange(m);
        edits.push({ start, end, text: toChineseNumeral(i + 1) });
      });
      if (!edits.length) return;
      const fix: Fix = { messageId: 'renumber', data: { first: written(run[0]!, 1), last: written(run[0]!, run.length) }, edits };
      const first = run[0]!;
      if (first.value !== 1) {
        context.report({ messageId: 'startGap', data: { expected: written(first, 1), found: first.text }, position: first.position!, fix });
      }
      for (let i = 1; i < run.length; i++) {
        const m = run[i]!;
        const previous = run[i - 1]!;
        if (m.value === previous.value + 1) continue;
        const data = { previous: previous.text, expected: written(m, previous.value + 1), found: m.text };
        const messageId = m.value === previous.value ? 'duplicate' : m.value < previous.value ? 'backwards' : 'gap';
        context.report({
          messageId,
          data,
          position: m.position!,
          related: [{ position: previous.position!, messageId: 'previousItem', data: { previous: previous.text } }],
          fix,
        });
      }
    }
  },
};
