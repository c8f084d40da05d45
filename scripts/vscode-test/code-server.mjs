// A real VS Code on a machine with no VS Code download: code-server (the genuine workbench and Node
// extension host) with Debian's headless Chromium as the window, driven by playwright-core.
// Used by the test-electron launcher (extension-host tests) and by the UI test.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Installs (once, cached) and returns the code-server entry point; throws with the reason. */
export function codeServerEntry() {
  const fromEnv = process.env.CODE_SERVER_ENTRY;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const out = execFileSync('bash', [path.join(here, 'install-runtime.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const entry = out.trim().split('\n').pop();
  if (!entry || !fs.existsSync(entry)) throw new Error(`code-server is not installed (install-runtime printed: ${out.trim()})`);
  return entry;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
}

const DEFAULT_SETTINGS = {
  // The web workbench auto-saves by default; tests must not write fixtures back.
  'files.autoSave': 'off',
  // The Welcome page steals focus from the editor under test.
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};

/**
 * Starts code-server on a free loopback port in its own process group, with profile folders under
 * runDir. Returns { port, url(folder, payload), stop() }.
 */
export async function startCodeServer({ runDir, userDataDir, extensionsDir, settings = {}, env = {} }) {
  const entry = codeServerEntry();
  fs.mkdirSync(runDir, { recursive: true });
  userDataDir ??= path.join(runDir, 'user-data');
  extensionsDir ??= path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const configFile = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  for (const d of ['config', 'data', 'cache', 'tmp']) fs.mkdirSync(path.join(runDir, d), { recursive: true });

  const port = await freePort();
  const log = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--config', configFile,
    ],
    {
      detached: true, // its own process group: extension hosts outlive the browser and must be killed with it
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        ...env,
        XDG_CONFIG_HOME: path.join(runDir, 'config'),
        XDG_DATA_HOME: path.join(runDir, 'data'),
        XDG_CACHE_HOME: path.join(runDir, 'cache'),
        TMPDIR: path.join(runDir, 'tmp'),
      },
    },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  try {
    await waitForHealth(port, child);
  } catch (error) {
    stop();
    throw new Error(`${error.message}; see ${path.join(runDir, 'code-server.log')}`);
  }
  const url = (folder, payload) => {
    const params = new URLSearchParams();
    if (folder) params.set('folder', folder);
    if (payload) params.set('payload', JSON.stringify(payload));
    return `http://127.0.0.1:${port}/?${params}`;
  };
  return { port, url, stop, userDataDir, extensionsDir, logFile: path.join(runDir, 'code-server.log') };
}

/** Launches Debian's Chromium headless through playwright-core (which downloads no browser). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Without these Chromium keeps opening connections that this machine's closed network refuses.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function makeRunDir(prefix = 'report-lint-vscode-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
