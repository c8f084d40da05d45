/** Shared by the numbering rules: sibling runs of structural markers, and writing a marker anew. */
import { toChineseNumeral } from '../../parser/numerals';
import type { Marker, MarkerKind, Root, Section } from '../../parser/types';

/** Sections under one parent that share a marker kind, in document order. */
export interface SiblingRun {
  kind: MarkerKind;
  parent: Section | undefined;
  sections: Array<Section & { marker: Marker }>;
}

export function siblingRuns(tree: Root): SiblingRun[] {
  const runs: SiblingRun[] = [];
  const collect = (children: readonly unknown[], parent: Section | undefined) => {
    const byKind = new Map<MarkerKind, SiblingRun>();
    for (const child of children as Section[]) {
      if (child.type !== 'section') continue;
      if (child.marker) {
        let run = byKind.get(child.marker.kind);
        if (!run) {
          run = { kind: child.marker.kind, parent, sections: [] };
          byKind.set(child.marker.kind, run);
          runs.push(run);
        }
        run.sections.push(child as Section & { marker: Marker });
      }
      collect(child.children, child);
    }
  };
  collect(tree.children, undefined);
  return runs;
}

/** The marker text with another ordinal, keeping its brackets and delimiter as written. */
export function renumberedMarker(marker: Pick<Marker, 'kind' | 'text'>, value: number): string {
  switch (marker.kind) {
    case 'cn-dun':
      return marker.text.replace(/^[〇零一二三四五六七八九十百]+/, toChineseNumeral(value));
    case 'cn-paren':
      return marker.text.replace(/[〇零一二三四五六七八九十百]+/, toChineseNumeral(value));
    case 'arabic-dot':
    case 'arabic-paren':
      return marker.text.replace(/\d+/, String(value));
  }
}
