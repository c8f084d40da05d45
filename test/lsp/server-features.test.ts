/** The bundled server over stdio: document symbols, folding, hovers, completion and the checklist. */
import { strict as assert } from 'node:assert';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver/node';
import { buildOutline, type OutlineItem } from '../../server/src/engine/outline';
import { parse } from '../../server/src/parser';
import { REPORT_PART_LABELS } from '../../server/src/rules/support/report-parts';
import { explainStatistics } from '../../server/src/rules/support/statistics';
import type { ChecklistResult } from '../../server/src/lsp/protocol';
import { readCorpus } from '../support/golden';
import { PARTIAL, REPORT } from './support/samples';
import { TestClient, fileUri } from './support/lsp-client';

const uriOf = (name: string) => fileUri(path.join(os.tmpdir(), 'report-lint-features', name));

/** Name, 0-based line span and children of an outline item, as the symbol for it must be. */
function expectedSymbol(item: OutlineItem): unknown {
  return {
    name: `${item.marker}${item.title}`,
    lines: [item.position.start.line - 1, item.position.end.line - 1],
    selection: [item.selection.start.line - 1, item.selection.start.column - 1, item.selection.end.column - 1],
    children: item.children.map(expectedSymbol),
  };
}

function symbolShape(symbol: DocumentSymbol): unknown {
  return {
    name: symbol.name,
    lines: [symbol.range.start.line, symbol.range.end.line],
    selection: [symbol.selectionRange.start.line, symbol.selectionRange.start.character, symbol.selectionRange.end.character],
    children: (symbol.children ?? []).map(symbolShape),
  };
}

const hoverText = (hover: Hover | null) => ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\(.)/g, '$1');

/** The 0-based line and character of the first occurrence of `needle` (plus `delta` characters). */
function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('LSP server: navigation and editing features', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('gives the outline as hierarchical document symbols', async () => {
    const text = readCorpus('luopu-2022.txt');
    const uri = uriOf('luopu.txt');
    client.open(uri, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const outline = buildOutline(parse(text));
    assert.ok(outline.length > 0);
    assert.deepEqual(symbols.map(symbolShape), outline.map(expectedSymbol));
    // Kinds by depth: 一、 namespace (3), （一） module (2), inline 一是 enum member (22).
    assert.equal(symbols[0]!.kind, 3);
    assert.equal(symbols[0]!.children![0]!.kind, 2);
    assert.ok(symbols[0]!.children![0]!.children!.every((s) => s.kind === 22));
  });

  it('folds each section from its heading to the end of its content', async () => {
    const uri = uriOf('folding.txt');
    client.open(uri, REPORT);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    // 一、 (line 2) runs to 2、加强信用监管 (line 7); （一） to its rate line; （二） to 2、; 四、 to its last （二）.
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [[2, 7], [3, 4], [5, 7], [8, 9], [10, 11], [12, 14]],
    );
  });

  it('shows a section marker’s place in the outline on hover', async () => {
    const uri = uriOf('hover.txt');
    client.open(uri, REPORT);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(REPORT, '2、加强信用监管', 1) });
    const text = hoverText(hover);
    assert.match(text, /「一、2023年推进法治政府建设的主要举措和成效 › （二）深化政务公开 › 2、加强信用监管」/);
    assert.match(text, /第 2 项，共 2 项/);
    assert.deepEqual(hover.range, { start: positionOf(REPORT, '2、加强信用监管'), end: positionOf(REPORT, '2、加强信用监管', 2) });
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(REPORT, '现将') });
    assert.equal(none, null, 'no hover on ordinary prose');
  });

  it('shows the computation behind a rate on hover', async () => {
    const uri = uriOf('rate.txt');
    client.open(uri, REPORT);
    // Find the rate from the text and the statistics module, not from fixed coordinates.
    const explained = explainStatistics(parse(REPORT)).find((e) => e.kind === 'rate')!;
    assert.ok(explained, 'the sample has a checkable rate');
    const at = { line: explained.position.start.line - 1, character: explained.position.start.column };
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
    const text = hoverText(hover);
    assert.ok(text.includes(explained.text.zh), text);
    assert.match(text, /38\/40/);
    assert.match(text, /数据自洽/);
  });

  it('completes the next marker at each level, in the document’s style, and the missing parts', async () => {
    const uri = uriOf('completion.txt');
    client.open(uri, PARTIAL);
    const lines = PARTIAL.split('\n');
    const line = lines.indexOf('2、加强信用监管') + 1; // the empty line after it
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 0 } });
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 4), ['3、', '（1）', '（三）', '二、'], 'the deepest level first, 1、-style kept');
    for (const id of ['shortcomings', 'leaderDuty', 'plans'] as const) assert.ok(labels.includes(REPORT_PART_LABELS[id].zh), `offers ${id}`);
    assert.ok(!labels.includes(REPORT_PART_LABELS.measures.zh), 'not a part that is there');
    const plans = items.find((i) => i.label === REPORT_PART_LABELS.plans.zh)!;
    assert.match((plans.textEdit as { newText: string }).newText, /^二、2024年推进法治政府建设的主要安排\n/);

    // A typed prefix narrows the offer and is replaced by the marker.
    client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '（' }]);
    const typed = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 1 } });
    const markers = typed.filter((i) => i.kind === 20);
    assert.deepEqual(markers.map((i) => i.label), ['（1）', '（三）']);
    assert.deepEqual((markers[0]!.textEdit as { range: unknown }).range, { start: { line, character: 0 }, end: { line, character: 1 } });

    // Inside prose there is nothing to offer.
    const prose = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 4 } });
    assert.deepEqual(prose, []);
  });

  it('answers reportLint/checklist with the parts, counts per rule and totals', async () => {
    const uri = uriOf('checklist.txt');
    client.open(uri, PARTIAL.replace('（二）', '（三）'));
    const result = await client.request<ChecklistResult>('reportLint/checklist', { uri });
    assert.deepEqual(result.items.map((i) => [i.id, i.present]), [['measures', true], ['shortcomings', false], ['leaderDuty', false], ['plans', false]]);
    assert.equal(result.items[0]!.label, REPORT_PART_LABELS.measures.zh);
    assert.deepEqual(result.items[0]!.range?.start, { line: 1, character: 0 });
    assert.ok(result.counts.some((c) => c.ruleId === 'numbering-sequence' && c.count === 1));
    const total = result.totals.error + result.totals.warning + result.totals.information + result.totals.hint;
    assert.equal(total, result.counts.reduce((sum, c) => sum + c.count, 0));

    const note = uriOf('note.txt');
    client.open(note, '购物清单：苹果、梨。\n', 'plaintext');
    assert.equal(await client.request('reportLint/checklist', { uri: note }), null, 'not a report');
  });
});
