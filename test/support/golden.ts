/**
 * Golden files: the full output for a whole report, kept in test/golden/ so that any change in
 * what is reported shows up in review. `UPDATE_GOLDEN=1 npm test` rewrites them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
