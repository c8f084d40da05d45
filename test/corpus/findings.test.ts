/**
 * The full findings of every rule on each corpus report, as golden files: any change in what is
 * reported shows up in review (UPDATE_GOLDEN=1 npm test rewrites them).
 */
import { lint } from '../../server/src/api';
import { assertGolden, CORPUS, readCorpus } from '../support/golden';

describe('corpus findings', () => {
  for (const name of CORPUS) {
    it(`golden findings: ${name}`, () => {
      const messages = lint(readCorpus(name)).map((m) => ({
        rule: m.ruleId,
        id: m.messageId,
        severity: m.severity,
        at: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
        message: m.message,
        ...(m.fix ? { fix: m.fix.description ?? true } : {}),
      }));
      assertGolden(`${name.replace(/\.txt$/, '')}.findings.json`, messages);
    });
  }
});
