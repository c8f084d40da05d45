/**
 * Hovers. On a rate, a total or a change: the computation behind it and whether it agrees with
 * what the report states, so a reviewer can check a figure without a calculator. On a section
 * marker: its place in the outline — the path from the top and its rank among its siblings —
 * which is what a reviewer needs when a report is discussed by number.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { OutlineItem } from '../engine/outline';
import type { Locale } from '../engine/rule';
import type { StatisticExplanation } from '../rules/support/statistics';
import type { DocumentFacts } from './facts';
import { t } from './i18n';
import { symbolName } from './symbols';
import { rangeContains, unistToRange } from './text';

const quote = (text: string, locale: Locale) => (locale === 'zh' ? `「${text}」` : `“${text}”`);

/** The chain of outline items (outermost first) whose marker is under the position. */
function markerPath(items: readonly OutlineItem[], position: Position): OutlineItem[] | undefined {
  for (const item of items) {
    if (rangeContains(unistToRange(item.selection), position)) return [item];
    if (rangeContains(unistToRange(item.position), position)) {
      const inner = markerPath(item.children, position);
      if (inner) return [item, ...inner];
    }
  }
  return undefined;
}

export function markerHover(outline: readonly OutlineItem[], position: Position, locale: Locale): Hover | undefined {
  const path = markerPath(outline, position);
  if (!path) return undefined;
  const item = path[path.length - 1]!;
  const parent = path[path.length - 2];
  // Siblings are the items of the same kind under the same parent: the 2. in 「第 2 项，共 3 项」 counts 1. 2. 3., not the paragraphs' 一是.
  const siblings = (parent ? parent.children : outline).filter((s) => !!s.inline === !!item.inline && s.level === item.level);
  const index = siblings.indexOf(item) + 1;
  const lines = [
    quote(path.map(symbolName).join(' › '), locale),
    '',
    `${t('itemOf', locale, { index, count: siblings.length })} · ${item.inline ? t('inlineItem', locale) : t('level', locale, { level: item.level })}`,
  ];
  return { contents: { kind: MarkupKind.Markdown, value: lines.map(escapeMarkdown).join('\n') }, range: unistToRange(item.selection) };
}

/** Reports are full of （）、*、_ and 1. that Markdown would turn into lists or emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-.!|]/g, '\\$&');
}

export function statisticHover(statistics: readonly StatisticExplanation[], position: Position, locale: Locale): Hover | undefined {
  // Several explanations may cover one figure (a total that is also a rate's base): show them all.
  const here = statistics.filter((s) => rangeContains(unistToRange(s.position), position));
  if (!here.length) return undefined;
  const value = here
    .map((s) => `**${t(`kind_${s.kind}`, locale)}** · ${t(`verdict_${s.verdict}`, locale)}\n\n${escapeMarkdown(s.text[locale])}`)
    .join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: unistToRange(here[0]!.position) };
}

export function hover(facts: DocumentFacts, position: Position, locale: Locale): Hover | undefined {
  return statisticHover(facts.statistics, position, locale) ?? markerHover(facts.outline, position, locale);
}
