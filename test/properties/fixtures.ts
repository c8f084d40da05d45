/**
 * Saved failures: one JSON file per failing input in test/fixtures/fuzz/, named by a short hash
 * of the input. JSON rather than a .txt file because a failing text may hold lone surrogates, NUL
 * or a lone \r, which JSON keeps exactly. regressions.test.ts runs every property over each.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Case, Format, RuleSet } from './generators';

export const FUZZ_FIXTURES_DIR = path.resolve(__dirname, '../fixtures/fuzz');

export interface FuzzFixture {
  /** The property that failed on this input. */
  property: string;
  /** The first line of the failure, as it was when the input was saved. */
  failure: string;
  /** fast-check's seed and counterexample path; `fc.assert(…, { seed, path })` replays the search. */
  seed: number;
  path: string;
  /** fast-check's baseSize for that search (the fuzz script varies it). */
  size?: string;
  format: Format;
  rules: RuleSet;
  text: string;
}

export function fixtureName(c: Case): string {
  return createHash('sha256').update(`${c.format}\0${c.rules}\0${c.text}`).digest('hex').slice(0, 12) + '.json';
}

/** Writes the fixture unless the same input is already saved; returns its path. */
export function saveFixture(fixture: FuzzFixture, dir = FUZZ_FIXTURES_DIR): string {
  const file = path.join(dir, fixtureName(fixture));
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const { property, failure, seed, path: counterexamplePath, size, format, rules, text } = fixture;
    // The text last: it is the long part.
    const ordered = { property, failure, seed, path: counterexamplePath, ...(size ? { size } : {}), format, rules, text };
    fs.writeFileSync(file, JSON.stringify(ordered, null, 2) + '\n');
  }
  return file;
}

export function loadFixtures(dir = FUZZ_FIXTURES_DIR): Array<{ file: string; fixture: FuzzFixture }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, fixture: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as FuzzFixture }));
}

export function caseOf(fixture: FuzzFixture): Case {
  return { text: fixture.text, format: fixture.format, rules: fixture.rules };
}
