#!/usr/bin/env node
// Extension-host tests in a real VS Code, through the standard @vscode/test-electron runTests():
// a desktop VS Code when VSCODE_EXECUTABLE names one, otherwise code-server's real workbench and
// Node extension host with headless Chromium (scripts/vscode-test/code-server-vscode.mjs).
// The suite runs against a fresh copy of the fixtures, so nothing it edits is kept.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

// The suite is bundled per file; vscode and mocha come from the extension host and node_modules.
const suiteDir = path.join(root, 'test/vscode/suite');
const outDir = path.join(root, 'out/test/vscode');
fs.rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: fs.readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(suiteDir, f)),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

// A fresh workspace: corpus reports as report documents, one as a plain .txt named as users name
// their files (auto-detection), and a plain note that is not a report.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-workspace-'));
const corpus = path.join(root, 'test/fixtures/corpus');
for (const f of fs.readdirSync(corpus)) fs.copyFileSync(path.join(corpus, f), path.join(workspace, f.replace(/\.txt$/, '.report.txt')));
fs.copyFileSync(path.join(corpus, 'lianjiang-2020.txt'), path.join(workspace, '连江县2020年法治政府建设年度报告.txt'));
fs.writeFileSync(path.join(workspace, 'shopping-list.txt'), '一、买菜\n三、做饭\n今天天气很好。\n');
fs.writeFileSync(path.join(workspace, 'gap.report.txt'), '某县2023年法治政府建设年度报告\n一、主要举措\n（一）强化领导\n（三）健全制度\n');
fs.writeFileSync(path.join(workspace, 'empty.report.txt'), '');

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || path.join(root, 'scripts/vscode-test/code-server-vscode.mjs');
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(outDir, 'index.cjs'),
    launchArgs: [workspace],
    extensionTestsEnv: { REPORT_LINT_COUNTS_FILE: process.env.REPORT_LINT_COUNTS_FILE ?? '', REPORT_LINT_ACTIVATION_FILE: process.env.REPORT_LINT_ACTIVATION_FILE ?? '' },
  });
} catch (error) {
  console.error(`VS Code extension-host tests failed: ${error.message ?? error}`);
  process.exit(1);
}
