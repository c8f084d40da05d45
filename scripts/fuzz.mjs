#!/usr/bin/env node
// Runs the properties of test/properties/properties.ts with fresh random seeds until the time is up:
//
//   npm run fuzz -- [--seconds N] [--seed N] [--property NAME]... [--hang-seconds N]
//
// The TypeScript sources run through tsx (a devDependency), so nothing needs building. Any failing
// input, shrunk by fast-check and then line by line and character by character, is saved as
// test/fixtures/fuzz/<hash>.json with the property and the seed, and the run exits with status 1;
// test/properties/regressions.test.ts then runs every property over it.
//
// The search runs in a worker thread; the main thread prints progress and watches for a check that
// never returns (a runaway loop or regular expression), which it saves like any other failure.
import * as crypto from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROGRESS_EVERY_MS = 30_000;
/** Cases per fast-check run: each run gets a seed of its own and its size in turn. */
const RUNS_PER_CHUNK = 40;
const SIZES = ['small', 'medium', 'large'];
const MINIMIZE_BUDGET_MS = 30_000;

function loadSources() {
  const { register } = createRequire(import.meta.url)('tsx/cjs/api');
  register();
  const require = createRequire(import.meta.url);
  return {
    fc: require('fast-check'),
    ...require(path.join(root, 'test/properties/properties.ts')),
    ...require(path.join(root, 'test/properties/generators.ts')),
    ...require(path.join(root, 'test/properties/fixtures.ts')),
    ...require(path.join(root, 'test/properties/minimize.ts')),
    ...require(path.join(root, 'server/src/engine/lint.ts')),
  };
}

const firstLine = (error) => String(error instanceof Error ? error.message : error).split('\n')[0].slice(0, 300);

if (isMainThread) await main();
else search(workerData);

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      seed: { type: 'string' },
      property: { type: 'string', multiple: true },
      // A single check taking longer than this is reported as a hang.
      'hang-seconds': { type: 'string', default: '120' },
    },
  });
  const seconds = Number(values.seconds);
  const hangMs = Number(values['hang-seconds']) * 1000;
  if (!(seconds > 0) || !(hangMs > 0)) {
    console.error('fuzz: --seconds and --hang-seconds must be positive numbers');
    process.exit(2);
  }
  const baseSeed = values.seed !== undefined ? Number(values.seed) : crypto.randomInt(0, 2 ** 31 - 1);
  const started = Date.now();
  const deadline = started + seconds * 1000;
  console.log(`fuzz: ${seconds} s from seed ${baseSeed} (repeat with --seed ${baseSeed})`);

  const counts = new Map();
  const failures = [];
  let current;
  let lastHeard = Date.now();
  let largest = { chars: 0, checkMs: 0 };
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { deadline, baseSeed, only: values.property ?? [] } });

  const finished = new Promise((resolve) => {
    worker.on('message', (message) => {
      lastHeard = Date.now();
      switch (message.kind) {
        case 'case':
          current = message;
          break;
        case 'largest':
          largest.chars = message.chars;
          break;
        case 'chunk':
          counts.set(message.property, (counts.get(message.property) ?? 0) + message.runs);
          break;
        case 'failure':
          failures.push(message);
          console.log(`\nfuzz: ${message.property} FAILED (seed ${message.seed}): ${message.failure}\n  saved ${path.relative(root, message.file)} (${message.chars} chars)\n`);
          break;
        case 'done':
          largest = message.largest;
          break;
        case 'error':
          console.error(`fuzz: ${message.error}`);
          failures.push(message);
          break;
      }
    });
    worker.on('error', (error) => {
      failures.push({ property: '(worker)', failure: firstLine(error) });
      console.error(error);
      resolve();
    });
    worker.on('exit', () => resolve());
  });

  const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
  const progress = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    const per = [...counts].map(([name, n]) => `${name} ${n}`).join(' · ');
    console.log(`[${String(elapsed).padStart(4)} s] ${total()} cases, ${failures.length} failures — ${per}`);
  }, PROGRESS_EVERY_MS);
  const watchdog = setInterval(async () => {
    if (Date.now() - lastHeard < hangMs || !current) return;
    clearInterval(watchdog);
    const { saveFixture } = loadSources();
    const failure = `no result after ${hangMs / 1000} s`;
    const file = saveFixture({ property: current.property, failure, seed: current.seed, path: '', format: current.format, rules: current.rules, text: current.text });
    failures.push({ property: current.property, failure });
    console.log(`\nfuzz: ${current.property} HUNG (seed ${current.seed}); saved ${path.relative(root, file)} (${current.text.length} chars)\n`);
    await worker.terminate();
  }, 1000);

  await finished;
  clearInterval(progress);
  clearInterval(watchdog);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log('\nfuzz: done');
  console.log(`  time            ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${baseSeed}`);
  console.log(`  cases tried     ${total()}`);
  for (const [name, n] of counts) console.log(`    ${name.padEnd(38)} ${n}`);
  const checked = largest.checkMs ? `, checked (parse and rules) in ${largest.checkMs.toFixed(1)} ms` : '';
  console.log(`  largest input   ${largest.chars} chars${checked}`);
  console.log(`  peak RSS        ${rssMb.toFixed(0)} MB`);
  console.log(`  failures        ${failures.length}${failures.length ? ' — ' + failures.map((f) => f.property).join(', ') : ''}`);
  process.exit(failures.length ? 1 : 0);
}

function search({ deadline, baseSeed, only }) {
  try {
    searchUntil(deadline, baseSeed, only);
  } catch (error) {
    parentPort.postMessage({ kind: 'error', error: error?.stack ?? String(error) });
  }
}

function searchUntil(deadline, baseSeed, only) {
  const { fc, PROPERTIES, caseArb, saveFixture, minimize, lintText, lintOptionsOf } = loadSources();
  const properties = PROPERTIES.filter((p) => !only.length || only.includes(p.name));
  if (!properties.length) throw new Error(`no property named ${only.join(', ')}; known: ${PROPERTIES.map((p) => p.name).join(', ')}`);
  const failed = new Set();
  let largest = undefined;
  let chunk = 0;

  while (Date.now() < deadline && failed.size < properties.length) {
    for (const property of properties) {
      if (failed.has(property.name) || Date.now() >= deadline) continue;
      const seed = (baseSeed + chunk * 7919) | 0;
      const baseSize = SIZES[chunk % SIZES.length];
      chunk++;
      const check = (c) => {
        parentPort.postMessage({ kind: 'case', property: property.name, seed, ...c });
        property.check(c);
      };
      let shrinking = false;
      fc.configureGlobal({ baseSize });
      const details = fc.check(
        fc.property(caseArb, (c) => {
          if (!shrinking && (!largest || c.text.length > largest.text.length)) {
            largest = c;
            parentPort.postMessage({ kind: 'largest', chars: c.text.length });
          }
          try {
            check(c);
          } catch (error) {
            shrinking = true;
            throw error;
          }
        }),
        { seed, numRuns: RUNS_PER_CHUNK, plugins: [fc.interruptAfterTimeLimit(Math.max(1, deadline - Date.now()))] },
      );
      parentPort.postMessage({ kind: 'chunk', property: property.name, runs: details.numRuns });
      if (!details.failed || details.counterexample === null) continue;

      failed.add(property.name);
      const fails = (c) => {
        try {
          check(c);
          return false;
        } catch {
          return true;
        }
      };
      const small = minimize(details.counterexample[0], fails, MINIMIZE_BUDGET_MS);
      let failure = firstLine(details.errorInstance);
      try {
        property.check(small);
      } catch (error) {
        failure = firstLine(error);
      }
      const file = saveFixture({ property: property.name, failure, seed, path: details.counterexamplePath ?? '', size: baseSize, format: small.format, rules: small.rules, text: small.text });
      parentPort.postMessage({ kind: 'failure', property: property.name, seed, failure, file, chars: small.text.length });
    }
  }

  let checkMs = 0;
  if (largest) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      lintText(largest.text, lintOptionsOf(largest));
      times.push(performance.now() - t0);
    }
    checkMs = times.sort((a, b) => a - b)[1];
  }
  parentPort.postMessage({ kind: 'done', largest: { chars: largest?.text.length ?? 0, checkMs } });
}
