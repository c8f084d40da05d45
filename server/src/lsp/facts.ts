/**
 * What the editor features read about a report besides its diagnostics: the outline, the
 * required parts, the computations behind its rates and totals, and where the closing starts. Plain data, so a worker thread can compute it for
 * a huge document and send it back; for ordinary documents it is computed from the cached tree on
 * the first request that needs it.
 */
import type { Position } from 'unist';
import { buildOutline, type OutlineItem } from '../engine/outline';
import type { Root } from '../parser/types';
import { findReportParts, type ReportPartId } from '../rules/support/report-parts';
import { explainStatistics, type StatisticExplanation } from '../rules/support/statistics';

export interface PartFact {
  position: Position;
  unnumbered: boolean;
}

export interface DocumentFacts {
  outline: OutlineItem[];
  parts: Partial<Record<ReportPartId, PartFact>>;
  statistics: StatisticExplanation[];
  reportYear?: number;
  plansYear?: number;
  /** Offset where the closing (organ and date) begins: new parts go before it. */
  closingStart?: number;
  textLength: number;
}

/**
 * `statistics: false` leaves the computations out: a document above its size limit gets no
 * statistics findings, and working them out for its hovers would cost what the limit saves.
 */
export function documentFacts(tree: Root, options: { statistics: boolean } = { statistics: true }): DocumentFacts {
  const found = findReportParts(tree);
  const parts: DocumentFacts['parts'] = {};
  for (const [id, part] of Object.entries(found.parts) as Array<[ReportPartId, NonNullable<(typeof found.parts)[ReportPartId]>]>) {
    // The part's section node stays behind: it links to the whole tree, which must not cross threads.
    parts[id] = { position: part.position, unnumbered: part.unnumbered };
  }
  return {
    outline: buildOutline(tree),
    parts,
    statistics: options.statistics ? explainStatistics(tree) : [],
    ...(found.reportYear !== undefined ? { reportYear: found.reportYear } : {}),
    ...(found.plansYear !== undefined ? { plansYear: found.plansYear } : {}),
    ...(tree.closing ? { closingStart: tree.closing.position!.start.offset! } : {}),
    textLength: tree.data.text.length,
  };
}

/** The facts of an analysis, computed (from its tree) or parsed (from its worker's JSON) on first use and kept with it. */
export function factsOf(analysis: { facts?: DocumentFacts; tree?: Root; factsJson?: Uint8Array; largeDocument?: boolean }): DocumentFacts | undefined {
  if (!analysis.facts) {
    if (analysis.factsJson) analysis.facts = JSON.parse(new TextDecoder().decode(analysis.factsJson)) as DocumentFacts;
    else if (analysis.tree) analysis.facts = documentFacts(analysis.tree, { statistics: !analysis.largeDocument });
    // Every feature reads the facts from here on: let the tree and the JSON go.
    delete analysis.factsJson;
    delete analysis.tree;
  }
  return analysis.facts;
}
