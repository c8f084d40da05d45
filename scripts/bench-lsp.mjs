// Language-server figures for npm run bench: the bundled server over stdio, driven as an editor would.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

function percentile(samples, q) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

// The flags and environment the extension starts the server with (client/src/extension.ts).
const serverProcess = JSON.parse(fs.readFileSync(new URL('../server/src/lsp/server-process.json', import.meta.url), 'utf8'));

async function startServer(serverPath) {
  const child = spawn(process.execPath, [...serverProcess.execArgv, serverPath, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...serverProcess.env },
  });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map(); // uri → { version, resolve }
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const w = waiters.get(params.uri);
    if (w && (params.version === undefined || params.version >= w.version)) {
      waiters.delete(params.uri);
      w.resolve(params);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } }, workspace: { configuration: true } },
    locale: 'zh-cn',
  });
  connection.sendNotification('initialized', {});
  const diagnosticsFor = (uri, version, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      waiters.set(uri, { version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  const stop = async () => {
    try {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
    } catch {
      // already gone
    }
    setTimeout(() => child.kill('SIGKILL'), 500).unref();
  };
  return { connection, child, diagnosticsFor, stop };
}

/** Open, then edit one character at a time and time each edit's diagnostics. */
async function keystrokes(server, uri, text, edits) {
  const { connection, diagnosticsFor } = server;
  let version = 1;
  const opened = diagnosticsFor(uri, version);
  const t0 = performance.now();
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version, text } });
  await opened;
  const openMs = performance.now() - t0;
  const samples = [];
  // Type at the end of the first line, as a writer would, then delete it again.
  const firstLineEnd = text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length;
  for (let i = 0; i < edits; i++) {
    version++;
    const typing = i % 2 === 0;
    const change = typing
      ? { range: { start: { line: 0, character: firstLineEnd }, end: { line: 0, character: firstLineEnd } }, text: '，' }
      : { range: { start: { line: 0, character: firstLineEnd }, end: { line: 0, character: firstLineEnd + 1 } }, text: '' };
    const done = diagnosticsFor(uri, version);
    const start = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    samples.push(performance.now() - start);
  }
  return { openMs, samples, version };
}

export async function lspFigures({ serverPath, fiftyKb, fiveMb, quick }) {
  const figures = [];
  const server = await startServer(serverPath);
  try {
    const small = await keystrokes(server, 'file:///bench/lianjiang.report.txt', fiftyKb, quick ? 40 : 200);
    figures.push({ key: 'lsp_keystroke_50kb_p50', label: 'keystroke → diagnostics, 50 KB report, p50', value: percentile(small.samples, 0.5), unit: 'ms' });
    figures.push({ key: 'lsp_keystroke_50kb_p95', label: 'keystroke → diagnostics, 50 KB report, p95', value: percentile(small.samples, 0.95), unit: 'ms', budget: 15 });

    const big = await keystrokes(server, 'file:///bench/big.report.txt', fiveMb, quick ? 4 : 10);
    figures.push({ key: 'lsp_open_5mb', label: 'open 5 MB document → first diagnostics', value: big.openMs, unit: 'ms' });
    figures.push({ key: 'lsp_keystroke_5mb_p50', label: 'keystroke → diagnostics, 5 MB document, p50', value: percentile(big.samples, 0.5), unit: 'ms' });
    figures.push({ key: 'lsp_keystroke_5mb_p95', label: 'keystroke → diagnostics, 5 MB document, p95', value: percentile(big.samples, 0.95), unit: 'ms' });
    figures.push({ key: 'lsp_rss_5mb', label: 'server RSS with the 5 MB document open', value: rssMb(server.child.pid), unit: 'MB', budget: 120 });

    // Requests on the small document while the big one is being analysed after an edit.
    const hover = [];
    const symbols = [];
    const bigSymbols = [];
    let version = big.version;
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      version++;
      const analysed = server.diagnosticsFor('file:///bench/big.report.txt', version);
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'file:///bench/big.report.txt', version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 ? '' : ' ' }],
      });
      const t1 = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///bench/lianjiang.report.txt' }, position: { line: 1, character: 0 } });
      hover.push(performance.now() - t1);
      const t2 = performance.now();
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/lianjiang.report.txt' } });
      symbols.push(performance.now() - t2);
      const t3 = performance.now();
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/big.report.txt' } });
      bigSymbols.push(performance.now() - t3);
      await analysed;
    }
    figures.push({ key: 'lsp_hover_during_analysis_max', label: 'hover while a 5 MB analysis runs, max', value: Math.max(...hover), unit: 'ms', budget: 50 });
    figures.push({ key: 'lsp_symbols_during_analysis_max', label: 'document symbols (50 KB) while a 5 MB analysis runs, max', value: Math.max(...symbols), unit: 'ms', budget: 50 });
    figures.push({ key: 'lsp_big_symbols_during_analysis_max', label: 'document symbols (5 MB) right after its own edit, max', value: Math.max(...bigSymbols), unit: 'ms' });
  } finally {
    await server.stop();
  }
  return figures;
}
