/**
 * The outline of a report: its numbered sections (levels 1–4) with the inline enumerations of
 * each section's own paragraphs as leaves. The CLI prints it; the editor turns it into document
 * symbols.
 */
import type { Position } from 'unist';
import type { EnumMarker, Paragraph, Root, Section } from '../parser/types';

export interface OutlineItem {
  marker: string;
  level: number;
  title: string;
  line: number;
  /** Whole extent (section: heading to last descendant) and the marker's own range. */
  position: Position;
  selection: Position;
  inline?: true;
  children: OutlineItem[];
}

const INLINE_TITLE_END = /[。；;，,：:！？!?]/;
const INLINE_TITLE_MAX = 40;

function inlineTitle(text: string, from: number, to: number): string {
  const slice = text.slice(from, Math.min(to, from + 200));
  const end = slice.search(INLINE_TITLE_END);
  const title = end >= 0 ? slice.slice(0, end) : slice;
  return title.length > INLINE_TITLE_MAX ? title.slice(0, INLINE_TITLE_MAX) + '…' : title;
}

function inlineItems(tree: Root, paragraph: Paragraph): OutlineItem[] {
  const markers: EnumMarker[] = [];
  for (const sentence of paragraph.children) for (const node of sentence.children) if (node.type === 'enumMarker') markers.push(node);
  const text = tree.data.text;
  const paragraphEnd = paragraph.position!.end.offset!;
  return markers.map((marker, i) => {
    const start = marker.position!.end.offset!;
    const next = markers[i + 1];
    const end = next ? next.position!.start.offset! : paragraphEnd;
    return {
      marker: marker.text,
      level: 5,
      title: inlineTitle(text, start, end),
      line: marker.position!.start.line,
      position: { start: marker.position!.start, end: (next ? next.position!.start : paragraph.position!.end) },
      selection: marker.position!,
      inline: true as const,
      children: [],
    };
  });
}

function sectionItem(tree: Root, section: Section): OutlineItem {
  const heading = section.children[0];
  const children: OutlineItem[] = [];
  for (const child of section.children.slice(1)) {
    if (child.type === 'section') children.push(sectionItem(tree, child));
    else if (child.type === 'paragraph') for (const item of inlineItems(tree, child)) children.push(item); // a paragraph may hold 100 000 items: no spread
  }
  return {
    marker: section.marker?.text ?? '',
    level: section.level,
    title: section.title,
    line: heading.position!.start.line,
    position: section.position!,
    selection: section.marker?.position ?? heading.position!,
    children,
  };
}

export function buildOutline(tree: Root): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const child of tree.children) {
    if (child.type === 'section') items.push(sectionItem(tree, child));
    else if (child.type === 'paragraph') for (const item of inlineItems(tree, child)) items.push(item);
  }
  return items;
}
