import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/api';
import { parse } from '../../server/src/parser';
import { findReportParts } from '../../server/src/rules/support/report-parts';
import { PART_IDS, SKELETON_SNIPPET } from '../../client/src/names';
import { expandSnippet, KNOWN_VARIABLES, parseSnippet, walk, type SnippetNode } from './snippet-syntax';
import { ROOT } from './source-strings';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributions: Array<{ language: string; path: string }> = manifest.contributes.snippets;
const files = [...new Set(contributions.map((c) => c.path))];

function readSnippets(file: string): Record<string, Snippet> {
  // Strict JSON on purpose: VS Code would accept comments and trailing commas, other tools would not.
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

const bodyText = (snippet: Snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
const prefixes = (snippet: Snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]);

function tabStops(nodes: SnippetNode[]): Array<Extract<SnippetNode, { type: 'tabstop' }>> {
  const found: Array<Extract<SnippetNode, { type: 'tabstop' }>> = [];
  walk(nodes, (node) => node.type === 'tabstop' && found.push(node));
  return found;
}

/** Fixed values, so that the expanded skeleton does not depend on the day the tests run. */
const VARIABLES = { CURRENT_YEAR: '2027', CURRENT_MONTH: '02', CURRENT_DATE: '20' };

describe('snippets', () => {
  it('every contributed snippet file exists and is strict JSON', () => {
    assert.ok(files.length > 0);
    for (const file of files) assert.doesNotThrow(() => readSnippets(file), file);
  });

  for (const file of files) {
    describe(file, () => {
      const snippets = readSnippets(file);

      it('has snippets with prefixes, a body and a description in Chinese and English', () => {
        assert.ok(Object.keys(snippets).length > 0);
        for (const [name, snippet] of Object.entries(snippets)) {
          assert.ok(prefixes(snippet).length > 0 && prefixes(snippet).every((p) => typeof p === 'string' && p.trim() === p && p !== ''), name);
          assert.ok(bodyText(snippet).length > 0, name);
          assert.match(snippet.description ?? '', /\p{Script=Han}/u, `${name}: description needs Chinese`);
          assert.match(snippet.description ?? '', /[A-Za-z]{3}/, `${name}: description needs English`);
        }
      });

      it('bodies parse, use known variables, and number their tab stops 1…n without gaps', () => {
        for (const [name, snippet] of Object.entries(snippets)) {
          const nodes = parseSnippet(bodyText(snippet));
          walk(nodes, (node) => {
            if (node.type === 'variable') assert.ok(KNOWN_VARIABLES.has(node.name), `${name}: unknown variable $${node.name}`);
          });
          const stops = tabStops(nodes);
          const numbers = [...new Set(stops.map((s) => s.index).filter((i) => i > 0))].sort((a, b) => a - b);
          assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(',')}`);
          // Two different defaults for one tab stop: VS Code shows the first and silently drops the other.
          for (const index of numbers) {
            const withDefault = stops.filter((s) => s.index === index && (s.children || s.choices));
            assert.ok(withDefault.length <= 1, `${name}: tab stop ${index} has ${withDefault.length} defaults`);
          }
          assert.ok(stops.filter((s) => s.index === 0).length <= 1, `${name}: more than one $0`);
        }
      });
    });
  }

  it('no two snippets for the same language share a prefix', () => {
    const byLanguage = new Map<string, Map<string, string>>();
    for (const { language, path: file } of contributions) {
      const seen = byLanguage.get(language) ?? new Map<string, string>();
      byLanguage.set(language, seen);
      for (const [name, snippet] of Object.entries(readSnippets(file))) {
        for (const prefix of prefixes(snippet)) {
          assert.ok(!seen.has(prefix), `${language}: prefix "${prefix}" used by "${seen.get(prefix)}" and "${name}"`);
          seen.set(prefix, name);
        }
      }
    }
  });

  it('the New Report Draft command inserts a snippet that exists for the report language', () => {
    const reportFiles = contributions.filter((c) => c.language === 'report').map((c) => c.path);
    assert.ok(reportFiles.some((file) => SKELETON_SNIPPET in readSnippets(file)), SKELETON_SNIPPET);
  });

  // The skeletons are what a new report starts from: as inserted, before anything is typed, the
  // checker must find all four required parts in them and nothing worse than a hint.
  describe('the report skeletons pass the checker', () => {
    const skeletons = readSnippets('snippets/skeleton.code-snippets');
    for (const [name, snippet] of Object.entries(skeletons)) {
      it(name, () => {
        const text = expandSnippet(parseSnippet(bodyText(snippet)), VARIABLES);
        const serious = lint(text).filter((m) => m.severity === 'error' || m.severity === 'warning');
        assert.deepEqual(serious.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`), []);
        const { parts } = findReportParts(parse(text));
        assert.deepEqual(PART_IDS.filter((id) => !parts[id]), [], 'missing parts');
      });
    }
  });
});
