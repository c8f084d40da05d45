/**
 * The outline as document symbols (Outline view, breadcrumbs, sticky scroll, Go to Symbol) and
 * folding ranges. Sections keep their whole extent as range and their marker as selection range,
 * so clicking an entry puts the cursor on 「（三）」 and sticky scroll shows the heading while the
 * section's body scrolls by.
 */
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { OutlineItem } from '../engine/outline';
import { unistToRange } from './text';

/** Icons by depth: 一、 namespace, （一） module, 1. package, （1） object; 一是… as enumeration members. */
const KIND_BY_LEVEL: Record<number, SymbolKind> = {
  1: SymbolKind.Namespace,
  2: SymbolKind.Module,
  3: SymbolKind.Package,
  4: SymbolKind.Object,
};

export function symbolName(item: Pick<OutlineItem, 'marker' | 'title'>): string {
  // The marker stays in the name: reviewers cite sections by number (「（四）」), and Go to Symbol matches it.
  return `${item.marker}${item.title}`.trim() || item.marker || '—';
}

export function toDocumentSymbols(outline: readonly OutlineItem[]): DocumentSymbol[] {
  return outline.map((item) => {
    const range = unistToRange(item.position);
    const selection = unistToRange(item.selection);
    return {
      name: symbolName(item),
      kind: item.inline ? SymbolKind.EnumMember : KIND_BY_LEVEL[item.level] ?? SymbolKind.Object,
      range,
      // The selection must lie inside the range; a section's marker always does, this guards odd input.
      selectionRange: within(selection, range) ? selection : { start: range.start, end: range.start },
      children: toDocumentSymbols(item.children),
    };
  });
}

function within(inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): boolean {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** One folding range per section: its heading line to the last line of its content. */
export function toFoldingRanges(outline: readonly OutlineItem[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (items: readonly OutlineItem[]) => {
    for (const item of items) {
      if (item.inline) continue;
      const startLine = item.position.start.line - 1;
      const endLine = item.position.end.line - 1;
      if (endLine > startLine) ranges.push({ startLine, endLine });
      visit(item.children);
    }
  };
  visit(outline);
  return ranges;
}
