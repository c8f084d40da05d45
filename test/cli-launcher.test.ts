import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'out/cli.cjs');
const report = path.join(root, 'test/fixtures/corpus/lianjiang-2020.txt');

/** The built command with XDG_CACHE_HOME pointing where the test says. */
function runCli(cacheHome: string) {
  assert.ok(fs.existsSync(cli), 'run npm run build first');
  const r = spawnSync(process.execPath, [cli, '--format', 'json', report], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (cacheHome: string) => {
  const dir = path.join(cacheHome, 'report-lint', 'code-cache');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
};

describe('CLI launcher (code cache)', () => {
  let reference: string;
  before(() => {
    reference = runCli(fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-cache-'))).stdout;
    assert.ok(JSON.parse(reference)[0].messages.length > 0);
  });

  it('writes the cache on the first run and gives the same output with it', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-cache-'));
    const first = runCli(home);
    assert.equal(first.stdout, reference);
    const files = cacheFiles(home);
    assert.equal(files.length, 1);
    assert.ok(fs.statSync(files[0]!).size > 10_000, 'the cache holds compiled code');
    const second = runCli(home);
    assert.equal(second.status, first.status);
    assert.equal(second.stdout, reference);
    assert.equal(second.stderr, '');
  });

  it('replaces a damaged cache and still runs', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-cache-'));
    runCli(home);
    const [file] = cacheFiles(home);
    fs.writeFileSync(file!, Buffer.from('not a code cache'));
    const r = runCli(home);
    assert.equal(r.stdout, reference);
    assert.equal(r.stderr, '');
    assert.ok(fs.statSync(file!).size > 10_000, 'rewritten');
  });

  it('runs when the cache folder cannot be written', () => {
    // A file where the cache folder should be: mkdir fails, the command does not.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-cache-'));
    fs.writeFileSync(path.join(home, 'report-lint'), 'a file, not a folder');
    const r = runCli(home);
    assert.equal(r.stdout, reference);
    assert.equal(r.stderr, '');
  });

  it('drops caches of earlier bundles', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-cache-'));
    const dir = path.join(home, 'report-lint', 'code-cache');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cli-v0.0.0-x64-1-1.bin'), 'old');
    runCli(home);
    const names = cacheFiles(home).map((f) => path.basename(f));
    assert.equal(names.length, 1);
    assert.notEqual(names[0], 'cli-v0.0.0-x64-1-1.bin');
  });
});
