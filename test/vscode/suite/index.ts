/**
 * Runs inside the VS Code extension host (test-electron's extensionTestsPath): mocha over every
 * *.test.cjs bundled beside this file. Counts go to REPORT_LINT_COUNTS_FILE for the summary line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.cjs')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`\n${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      const countsFile = process.env.REPORT_LINT_COUNTS_FILE;
      if (countsFile) fs.writeFileSync(countsFile, JSON.stringify({ passed: passes, failed, skipped: pending }));
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
  });
}
