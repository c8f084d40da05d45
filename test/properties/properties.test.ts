/**
 * The properties of properties.ts over random and mutated reports. The seed is fixed so that
 * `npm test` is repeatable; `npm run fuzz` searches with fresh seeds and saves what it finds in
 * test/fixtures/fuzz/. PROPERTY_SEED=<n> runs the same properties from another seed.
 */
import fc from 'fast-check';
import { CORPUS, readCorpus } from '../support/golden';
import { caseArb, type Case } from './generators';
import { PROPERTIES } from './properties';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);

/** Checked before the random cases, whatever the seed: the empty text, and each real report as it is. */
const EXAMPLES: Case[] = [
  { text: '', format: 'text', rules: 'default' },
  { text: '', format: 'markdown', rules: 'all' },
  ...CORPUS.map((name): Case => ({ text: readCorpus(name), format: 'text', rules: 'all' })),
];

describe('properties of random reports', () => {
  PROPERTIES.forEach((property, i) => {
    it(`${property.name} (${property.runs} cases)`, () => {
      // One seed per property, so that they do not all see the same reports.
      fc.assert(
        fc.property(caseArb, (c) => property.check(c)),
        { seed: SEED + i, numRuns: property.runs, examples: EXAMPLES.map((c) => [c]) },
      );
    });
  });
});
