/**
 * The report-lint command (out/cli.cjs): loads the checker (out/cli-main.cjs) with V8's code cache
 * and runs it.
 *
 * A single run checks one report in a few milliseconds; most of a cold run is Node starting and
 * compiling the checker's bundle. The code cache keeps the compiled bundle — including the
 * functions the previous run compiled on first use — in the user's cache folder, so later runs
 * skip that work (Node 22 does the same with module.enableCompileCache; Node 20 has no such
 * switch). The cache is only an optimisation: a missing, stale or unwritable cache changes nothing
 * but the time, and V8 itself rejects data made by another Node version or for another bundle.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface CliModule {
  run(): void;
}

const MAIN = path.join(__dirname, 'cli-main.cjs');

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'report-lint', 'code-cache');
}

function load(): CliModule {
  const source = fs.readFileSync(MAIN, 'utf8');
  const stat = fs.statSync(MAIN);
  // Named after the bundle's size and time and the Node version: a rebuilt bundle or another Node gets its own file.
  const name = `cli-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}.bin`;
  const dir = cacheDir();
  const cacheFile = path.join(dir, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new vm.Script(wrapper, { filename: MAIN, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as CliModule, filename: MAIN, id: MAIN, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(MAIN), module, MAIN, path.dirname(MAIN));
  module.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so that the functions it compiled are in the cache too.
    process.once('exit', () => saveCache(script, dir, cacheFile));
  }
  return module.exports;
}

function saveCache(script: vm.Script, dir: string, cacheFile: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Caches of earlier bundles are of no further use.
    for (const old of fs.readdirSync(dir)) if (old.startsWith('cli-') && path.join(dir, old) !== cacheFile) fs.rmSync(path.join(dir, old), { force: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
  } catch {
    // A read-only home or a full disk: the next run compiles again, nothing else changes.
  }
}

let cli: CliModule;
try {
  cli = load();
} catch {
  // Whatever went wrong with the cache, the command itself must run.
  cli = require(MAIN) as CliModule;
}
cli.run();
