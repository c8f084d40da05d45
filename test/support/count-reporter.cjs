// Mocha's spec reporter, followed by the plain closing line every CI reader recognises. When
// REPORT_LINT_COUNTS_FILE is set, the counts are also written there for the run that sums all layers.
const fs = require('node:fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      const skipped = pending ? `, ${pending} skipped` : '';
      process.stdout.write(`\n${passes} passed, ${failures} failed${skipped}\n`);
      if (process.env.REPORT_LINT_COUNTS_FILE) {
        fs.writeFileSync(process.env.REPORT_LINT_COUNTS_FILE, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
      }
    });
  }
}
module.exports = CountReporter;
