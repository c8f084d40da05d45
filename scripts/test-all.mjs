#!/usr/bin/env node
// Runs every test layer in order and ends with one line counting them all:
//   1. plain Node: parser, rules, engine, CLI, the language server over stdio (mocha);
//   2. extension-host tests inside a real VS Code (test/vscode/run.mjs);
//   3. the UI test in the real workbench, with screenshots (test/vscode-ui/run.mjs).
// `--unit` runs only the first layer. A layer that cannot start counts as a failure, never a skip.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyUnit = process.argv.includes('--unit');
const layers = [
  { name: 'plain Node', command: [path.join(root, 'node_modules/.bin/mocha')] },
  ...(onlyUnit
    ? []
    : [
        { name: 'VS Code extension host', command: [process.execPath, path.join(root, 'test/vscode/run.mjs')] },
        { name: 'VS Code UI', command: [process.execPath, path.join(root, 'test/vscode-ui/run.mjs')] },
      ]),
].filter((layer) => layer.name === 'plain Node' || fs.existsSync(layer.command[1]));

const total = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
for (const layer of layers) {
  const countsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-counts-')), 'counts.json');
  const started = Date.now();
  const result = spawnSync(layer.command[0], layer.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REPORT_LINT_COUNTS_FILE: countsFile },
  });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(countsFile)) counts = JSON.parse(fs.readFileSync(countsFile, 'utf8'));
  // A layer that crashed or never reported its counts is a failure, whatever it printed.
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped ?? 0;
  summary.push(`${layer.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\n' + summary.join('\n'));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
