/**
 * Completion at the start of a line: the next numbering marker at each level of the section the
 * cursor is in (after （三） offer （四）, after 2. offer 3., in the document's own delimiter and
 * bracket style), and the required parts the report still lacks, as ready-made sections.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import type { OutlineItem } from '../engine/outline';
import type { Locale } from '../engine/rule';
import { matchLeadingMarker } from '../parser/markers';
import type { MarkerKind } from '../parser/types';
import { renumberedMarker } from '../rules/support/numbering';
import { partTemplate, REPORT_PART_LABELS, type ReportPartId } from '../rules/support/report-parts';
import type { DocumentFacts } from './facts';
import { t } from './i18n';

const KIND_OF_LEVEL: Record<number, MarkerKind> = { 1: 'cn-dun', 2: 'cn-paren', 3: 'arabic-dot', 4: 'arabic-paren' };
const STANDARD_FIRST: Record<MarkerKind, string> = { 'cn-dun': '一、', 'cn-paren': '（一）', 'arabic-dot': '1.', 'arabic-paren': '（1）' };
const PART_ORDER: readonly ReportPartId[] = ['measures', 'shortcomings', 'leaderDuty', 'plans'];

/** What may precede a marker on its line: indentation and Markdown heading or list syntax. */
const LINE_LEAD = /^[ \t\u3000]*(?:#{1,6}[ \t]+|[-*+][ \t]+)?/;
/** A marker being typed: nothing yet, an opening bracket, digits or Chinese numerals. */
const MARKER_PREFIX = /^[（(]?[〇零一二三四五六七八九十百\d]*$/;

export interface CompletionContext {
  /** The text of the line before the cursor. */
  linePrefix: string;
  /** 0-based line and UTF-16 character of the cursor. */
  line: number;
  character: number;
  /** Offset of the cursor in the document. */
  offset: number;
}

/** The sections enclosing the last heading before the offset, outermost first (inline items excluded). */
function contextPath(outline: readonly OutlineItem[], offset: number): OutlineItem[] {
  const path: OutlineItem[] = [];
  let items = outline;
  for (;;) {
    let last: OutlineItem | undefined;
    for (const item of items) if (!item.inline && item.position.start.offset! < offset) last = item;
    if (!last) return path;
    path.push(last);
    items = last.children;
  }
}

/** The first marker of a kind as this document writes that kind (（一） or (一), 1. or 1、), else the standard one. */
function firstMarkerOf(kind: MarkerKind, outline: readonly OutlineItem[]): string {
  // Breadth first, with a read index rather than shift(): an outline can have 100 000 items.
  const queue = [...outline];
  for (let next = 0; next < queue.length; next++) {
    const item = queue[next]!;
    const found = !item.inline ? matchLeadingMarker(item.marker) : undefined;
    if (found?.kind === kind) return renumberedMarker({ kind, text: found.text }, 1);
    for (const child of item.children) queue.push(child);
  }
  return STANDARD_FIRST[kind];
}

export function completions(facts: DocumentFacts, context: CompletionContext, locale: Locale): CompletionItem[] {
  const lead = LINE_LEAD.exec(context.linePrefix)![0];
  const typed = context.linePrefix.slice(lead.length);
  if (!MARKER_PREFIX.test(typed)) return [];
  const range: Range = { start: { line: context.line, character: context.character - typed.length }, end: { line: context.line, character: context.character } };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem & { label: string }) => {
    if (seen.has(item.label) || !item.label.startsWith(typed)) return;
    seen.add(item.label);
    items.push({ ...item, sortText: String(items.length).padStart(3, '0'), textEdit: { range, newText: item.label }, filterText: item.label });
  };

  const path = contextPath(facts.outline, context.offset);
  // Deepest level first: right after 2. the writer most likely wants 3.
  const deepest = path[path.length - 1];
  const deepestLevel = deepest?.level ?? 0;
  for (let i = path.length - 1; i >= 0; i--) {
    const section = path[i]!;
    const marker = matchLeadingMarker(section.marker);
    if (!marker) continue;
    add({ label: renumberedMarker(marker, marker.value + 1), kind: CompletionItemKind.EnumMember, detail: t('nextMarker', locale, { level: section.level }) });
    if (i === path.length - 1 && deepestLevel < 4) {
      const kind = KIND_OF_LEVEL[deepestLevel + 1]!;
      add({ label: firstMarkerOf(kind, facts.outline), kind: CompletionItemKind.EnumMember, detail: t('firstChild', locale, { level: deepestLevel + 1 }) });
    }
  }
  if (!path.length) add({ label: firstMarkerOf('cn-dun', facts.outline), kind: CompletionItemKind.EnumMember, detail: t('nextMarker', locale, { level: 1 }) });

  // Missing parts, numbered as the next top-level section; a report without numbered sections gets a paragraph.
  const top = path[0] && matchLeadingMarker(path[0].marker);
  const numbered = facts.outline.some((item) => !item.inline);
  const nextTop = top ? renumberedMarker(top, top.value + 1) : numbered ? firstMarkerOf('cn-dun', facts.outline) : '';
  for (const id of PART_ORDER) {
    if (facts.parts[id]) continue;
    const text = partTemplate(id, { marker: nextTop, year: facts.reportYear, locale });
    const label = REPORT_PART_LABELS[id][locale];
    if (seen.has(label)) continue;
    seen.add(label);
    items.push({
      label,
      kind: CompletionItemKind.Module,
      detail: t('missingPart', locale),
      documentation: text,
      sortText: String(items.length).padStart(3, '0'),
      filterText: typed + label,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: text },
    });
  }
  return items;
}
