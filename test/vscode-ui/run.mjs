#!/usr/bin/env node
// The UI test layer: mocha over test/vscode-ui/*.test.ts in plain Node, driving the real VS Code
// workbench (code-server) in headless Chromium. Screenshots go to test-output/screenshots/.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(
  path.join(root, 'node_modules/.bin/mocha'),
  ['--no-config', '--node-option', 'import=tsx', '--reporter', path.join(root, 'test/support/count-reporter.cjs'), '--timeout', '180000', 'test/vscode-ui/*.test.ts'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
