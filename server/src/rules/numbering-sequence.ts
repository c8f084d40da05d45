/**
 * numbering-sequence — sibling section markers must count up by one: 一、二、三、, （一）（二）（三）,
 * 1. 2. 3., （1）（2）（3）. A gap (（三）→（五）) usually means a section was deleted or moved while
 * editing; a duplicate or a step backwards means two drafts were merged. Readers and reviewers
 * cite sections by number, so a broken sequence makes the report hard to discuss.
 *
 * Writers who number level-3 items continuously across level-2 sections (1. 2. under （一）, then
 * 3. 4. under （二）) do so on purpose; when most runs of a kind continue the previous run, that
 * is the document's style and a continuing run is not a gap.
 *
 * A block that restarts at 1 inside a run and is followed by the run's next number is a nested
 * list (numbering-hierarchy reports it) and is left out of the run.
 *
 * Fix: renumber the whole run from its expected start, keeping each marker's brackets and delimiter.
 */
import type { Rule, TextEdit } from '../engine/rule';
import type { MarkerKind } from '../parser/types';
import { mainRun, renumberedMarker, siblingRuns, type SiblingRun } from './support/numbering';

/** Kinds whose runs mostly continue the previous run's count instead of restarting at 1. */
function continuousKinds(runs: SiblingRun[]): Set<MarkerKind> {
  const votes = new Map<MarkerKind, { restart: number; continued: number; lastValue?: number }>();
  for (const run of runs) {
    const v = votes.get(run.kind) ?? { restart: 0, continued: 0 };
    const first = run.sections[0]!.marker.value;
    if (v.lastValue !== undefined) {
      if (first === 1) v.restart++;
      else if (first === v.lastValue + 1) v.continued++;
    }
    v.lastValue = run.sections[run.sections.length - 1]!.marker.value;
    votes.set(run.kind, v);
  }
  return new Set([...votes].filter(([, v]) => v.continued > v.restart).map(([kind]) => kind));
}

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    description: {
      zh: '同级序号应依次递增，不跳号、不重号、不倒退',
      en: 'Sibling numbering markers must count up by one, without gaps, duplicates or steps back',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      startGap: { zh: '序号应从「{expected}」开始，此处为「{found}」', en: 'Numbering should start at “{expected}”, found “{found}”' },
      gap: {
        zh: '序号不连续：「{previous}」之后应为「{expected}」，此处为「{found}」',
        en: 'Numbering skips: after “{previous}” expected “{expected}”, found “{found}”',
      },
      duplicate: {
        zh: '序号重复：「{found}」与上一项相同，应为「{expected}」',
        en: 'Duplicate number: “{found}” repeats the previous item; expected “{expected}”',
      },
      backwards: {
        zh: '序号倒退：「{found}」出现在「{previous}」之后，应为「{expected}」',
        en: 'Numbering goes backwards: “{found}” after “{previous}”; expected “{expected}”',
      },
      previousItem: { zh: '上一项「{previous}」', en: 'previous item “{previous}”' },
      renumber: { zh: '重新编排本组序号（{first}—{last}）', en: 'Renumber this run ({first}–{last})' },
    },
  },

  check(tree, context) {
    // A list nested inside an item but written with its parent's numbering (1 2 [1 2 3] 3) is
    // numbering-hierarchy's finding; renumbering it into the outer run would only hide it.
    const runs = siblingRuns(tree).map(mainRun);
    const continuous = continuousKinds(runs);
    const lastValueOfKind = new Map<MarkerKind, number>();

    for (const run of runs) {
      const { sections } = run;
      const first = sections[0]!.marker.value;
      const previousLast = lastValueOfKind.get(run.kind);
      let start = 1;
      if (continuous.has(run.kind) && previousLast !== undefined && first !== 1) start = previousLast + 1;
      // The next run continues from where this one ends once renumbered, not as written: otherwise
      // each renumbering would move the next run's start, and fix-all would need a pass per run.
      lastValueOfKind.set(run.kind, start + sections.length - 1);

      const edits: TextEdit[] = [];
      sections.forEach((section, i) => {
        const marker = section.marker;
        const expectedValue = start + i;
        if (marker.value !== expectedValue) {
          edits.push({ start: marker.position.start.offset!, end: marker.position.end.offset!, text: renumberedMarker(marker, expectedValue) });
        }
      });
      if (!edits.length) continue;
      const fix = {
        messageId: 'renumber',
        data: { first: renumberedMarker(sections[0]!.marker, start), last: renumberedMarker(sections[0]!.marker, start + sections.length - 1) },
        edits,
      };

      // Report each place where the sequence breaks, judged against the item before it as written.
      sections.forEach((section, i) => {
        const marker = section.marker;
        if (i === 0) {
          if (marker.value !== start) {
            context.report({
              messageId: 'startGap',
              data: { expected: renumberedMarker(marker, start), found: marker.text },
              position: marker.position,
              fix,
            });
          }
          return;
        }
        const previous = sections[i - 1]!.marker;
        const expected = renumberedMarker(marker, previous.value + 1);
        const data = { previous: previous.text, expected, found: marker.text };
        const related = [{ position: previous.position, messageId: 'previousItem', data }];
        if (marker.value === previous.value + 1) return;
        const messageId = marker.value === previous.value ? 'duplicate' : marker.value < previous.value ? 'backwards' : 'gap';
        context.report({ messageId, data, position: marker.position, related, fix });
      });
    }
  },
};
