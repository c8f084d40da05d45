/**
 * Golden files: the full output for a whole report, kept in test/golden/ so that any change in
 * what is reported shows up in review. `UPDATE_GOLDEN=1 npm test` rewrites them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixText } from '../../server/src/engine/fix';
import type { LintMessage } from '../../server/src/engine/rule';

export const GOLDEN_DIR = path.resolve(__dirname, '../golden');
export const CORPUS_DIR = path.resolve(__dirname, '../fixtures/corpus');
export const CORPUS = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();

export function readCorpus(name: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8');
}

export function assertGolden(name: string, actual: unknown): void {
  const file = path.join(GOLDEN_DIR, name);
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  assert.ok(fs.existsSync(file), `missing golden file ${file}; run UPDATE_GOLDEN=1 npm test and review it`);
  assert.deepEqual(JSON.parse(text), JSON.parse(fs.readFileSync(file, 'utf8')));
}

/**
 * For every corpus report: applying all fixes of `lint` leaves nothing for those rules to fix, and
 * every non-blank line no fix was offered on survives unchanged.
 */
export function itFixesCorpusCleanly(lint: (text: string) => LintMessage[]): void {
  const at = (m: LintMessage) => `${m.ruleId}@${m.line}${m.endLine !== m.line ? `-${m.endLine}` : ''}`;
  for (const name of CORPUS) {
    it(`${name}: fixing leaves nothing for these rules to fix and changes only the reported lines`, () => {
      const text = readCorpus(name);
      const before = lint(text).filter((m) => m.fix);
      const { output, messages } = fixText(text, lint);
      assert.deepEqual(messages.filter((m) => m.fix).map(at), []);
      const touched = new Set<number>();
      for (const m of before) for (let line = m.line; line <= m.endLine; line++) touched.add(line);
      const kept = text.split('\n').filter((line, i) => !touched.has(i + 1) && line.trim() !== '');
      const after = new Set(output.split('\n'));
      assert.deepEqual(kept.filter((line) => !after.has(line)), []);
    });
  }
}
