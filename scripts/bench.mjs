#!/usr/bin/env node
// npm run bench — speed and memory figures for the checker, the CLI and the language server.
// Prints a table and writes bench-results/latest.json. Budgets are printed beside the figures;
// this is a benchmark, not a test: it never fails on a missed budget, it says so.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const api = require(path.join(root, 'out/api.cjs'));
const corpusDir = path.join(root, 'test/fixtures/corpus');
const quick = process.argv.includes('--quick');

const results = { date: new Date().toISOString(), node: process.version, machine: `${process.platform} ${process.arch}`, figures: {} };
const rows = [];
const record = (key, label, value, unit, budget) => {
  results.figures[key] = { value, unit, ...(budget !== undefined ? { budget } : {}) };
  const verdict = budget === undefined ? '' : value <= budget ? 'ok' : 'MISSED';
  rows.push([label, `${format(value)} ${unit}`, budget === undefined ? '' : `≤ ${budget} ${unit}`, verdict]);
};
const format = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), min: s[0] };
}

function time(fn, runs, warmup = Math.min(50, runs)) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(samples);
}

// ---- full check through the Node API -----------------------------------------------------------
const corpus = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(corpusDir, f), 'utf8') }));
const all = corpus.map((c) => c.text).join('\n');
const concat = (bytes) => {
  let s = '';
  while (Buffer.byteLength(s) < bytes) s += all + '\n';
  return s;
};
// Warm means the compiler has finished with the code: a few hundred runs of a small report, as
// a few minutes of typing would give the language server.
const sizes = [
  ...corpus.map((c) => ({ name: c.name, text: c.text, runs: quick ? 50 : 300, warmup: quick ? 200 : 500 })),
  { name: '~100 KB', text: concat(100_000), runs: quick ? 20 : 100, warmup: 50 },
  { name: '~1 MB', text: concat(1_000_000), runs: quick ? 5 : 20, warmup: 5 },
  { name: '~5 MB', text: concat(5_000_000), runs: quick ? 3 : 8, warmup: 2 },
];

const floorRegexes = [/[。！？]/g, /\d+(?:\.\d+)?/g];
function floor(text) {
  let n = 0;
  for (const re of floorRegexes) {
    re.lastIndex = 0;
    while (re.exec(text)) n++;
  }
  return n;
}

const checkTimes = {};
for (const s of sizes) {
  const kb = Buffer.byteLength(s.text) / 1024;
  const full = time(() => api.lint(s.text), s.runs, s.warmup);
  const fl = time(() => floor(s.text), s.runs, s.warmup);
  checkTimes[s.name] = { kb, ...full };
  const key = s.name.replace(/[^\w]+/g, '_');
  const budget = s.name === 'lianjiang-2020.txt' ? 2 : s.name === '~5 MB' ? 150 : undefined;
  record(`check_${key}_median`, `full check ${s.name} (${kb.toFixed(0)} KB) median`, full.median, 'ms', budget);
  record(`check_${key}_p95`, `full check ${s.name} p95`, full.p95, 'ms');
  record(`throughput_${key}`, `throughput ${s.name}`, kb / full.median, 'KB/ms');
  record(`floor_ratio_${key}`, `full check / regex floor ${s.name} (floor ${format(fl.median)} ms)`, full.median / fl.median, '×');
}
// The same 5 MB with the size limit the CLI and the editor apply by default (1 000 000 characters):
// above it only the structure and numbering rules run.
{
  const text = sizes.find((s) => s.name === '~5 MB').text;
  const limited = time(() => api.lint(text, { maxDocumentSize: 1_000_000 }), quick ? 3 : 8, 2);
  record('check_5mb_size_limit_median', 'check ~5 MB with the default size limit (structure rules) median', limited.median, 'ms');
}
const a = checkTimes['~100 KB'];
const b = checkTimes['~5 MB'];
record('growth_exponent', 'growth exponent 100 KB → 5 MB (1.0 = linear)', Math.log(b.median / a.median) / Math.log(b.kb / a.kb), '', 1.1);

// ---- cold CLI ------------------------------------------------------------------------------------
// A whole process per run. The command keeps a code cache in the user's cache folder, so the
// first run after installing is measured apart, with an empty cache folder; Node's own start-up
// (node -e 0) is the floor.
{
  const cli = path.join(root, 'out/cli.cjs');
  const file = path.join(corpusDir, 'lianjiang-2020.txt');
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-bench-cache-'));
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  const wall = (args) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { encoding: 'utf8', env });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const firstRun = wall([cli, '--format', 'json', file]);
  const samples = [];
  const floorSamples = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    samples.push(wall([cli, '--format', 'json', file]));
    floorSamples.push(wall(['-e', '0']));
  }
  fs.rmSync(cacheHome, { recursive: true, force: true });
  record('cli_cold_median', 'cold report-lint on one report (whole process) median', stats(samples).median, 'ms', 200);
  record('cli_first_run', 'cold report-lint, first run (empty code cache)', firstRun, 'ms');
  record('node_startup_median', 'node -e 0 (Node start-up alone) median', stats(floorSamples).median, 'ms');
}

// ---- bundle sizes ----------------------------------------------------------------------------------
for (const f of ['cli.cjs', 'cli-main.cjs', 'api.cjs', 'server.cjs', 'client.cjs']) {
  const p = path.join(root, 'out', f);
  if (fs.existsSync(p)) record(`bundle_${f}`, `bundle out/${f}`, fs.statSync(p).size / 1024, 'KB');
}
const vsix = fs.readdirSync(root).find((f) => f.endsWith('.vsix'));
if (vsix) record('vsix_size', `package ${vsix}`, fs.statSync(path.join(root, vsix)).size / 1024, 'KB');

// ---- language server over stdio -------------------------------------------------------------------
const serverPath = path.join(root, 'out/server.cjs');
if (fs.existsSync(serverPath)) {
  const { lspFigures } = await import('./bench-lsp.mjs');
  const figures = await lspFigures({ serverPath, fiftyKb: corpus.find((c) => c.name === 'lianjiang-2020.txt').text, fiveMb: concat(5_000_000), quick });
  for (const f of figures) record(f.key, f.label, f.value, f.unit, f.budget);
}

// ---- extension activation in a real VS Code -------------------------------------------------------
// The extension-host suite (code-server and its Node extension host, installed on first use) opens a
// report, and the extension reports how long activation took until its language server was ready.
if (!quick) {
  const activationFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-activation-')), 'activation.json');
  const run = spawnSync(process.execPath, [path.join(root, 'test/vscode/run.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REPORT_LINT_ACTIVATION_FILE: activationFile, REPORT_LINT_COUNTS_FILE: path.join(path.dirname(activationFile), 'counts.json') },
  });
  if (fs.existsSync(activationFile)) {
    const { activationMs } = JSON.parse(fs.readFileSync(activationFile, 'utf8'));
    record('extension_activation', 'extension activation → language server ready (code-server)', activationMs, 'ms');
  } else {
    console.error(`extension activation not measured: the VS Code extension-host run failed\n${(run.stderr ?? '').slice(-2000)}`);
  }
}

// ---- print and save ----------------------------------------------------------------------------------
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
console.log(`report-lint benchmark — node ${process.version}, ${results.machine}${quick ? ' (quick)' : ''}\n`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
const outDir = path.join(root, 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten to ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
