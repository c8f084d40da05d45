#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests() can launch
// (pass this file as vscodeExecutablePath): it accepts test-electron's arguments, runs the
// extension tests in the real workbench and Node extension host of code-server with headless
// Chromium as the window, and exits with the tests' exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, makeRunDir, startCodeServer } from './code-server.mjs';

const TIMEOUT_MS = Number(process.env.REPORT_LINT_VSCODE_TIMEOUT_MS || 300_000);

function parseArgs(argv) {
  const options = { positionals: [] };
  for (const arg of argv) {
    const m = /^--([\w-]+)=(.*)$/.exec(arg);
    if (m) options[m[1]] = m[2];
    else if (!arg.startsWith('--')) options.positionals.push(arg);
  }
  return options;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const devPath = args.extensionDevelopmentPath;
  const testsPath = args.extensionTestsPath;
  if (!devPath || !testsPath) throw new Error('expected --extensionDevelopmentPath= and --extensionTestsPath=');
  const runDir = makeRunDir();
  const folder = args.positionals[0] ? path.resolve(args.positionals[0]) : fs.mkdtempSync(path.join(runDir, 'workspace-'));

  const server = await startCodeServer({ runDir, userDataDir: args['user-data-dir'], extensionsDir: args['extensions-dir'] });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      // The workbench forwards console calls with their printf-style format string first.
      const text = Array.isArray(logArgs) ? format(...logArgs) : String(logArgs);
      (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
    await page.goto(server.url(folder, [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]]));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') {
      await page.screenshot({ path: path.join(runDir, 'timeout.png') }).catch(() => {});
      process.stderr.write(`code-server-vscode: the extension tests did not finish within ${TIMEOUT_MS} ms; screenshot and logs in ${runDir}\n`);
      return 1;
    }
    return code;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`code-server-vscode: ${error.message}\n`);
    process.exit(1);
  },
);
