// Bundles the CLI and the Node API to CommonJS.
// unified and its plugins are ESM-only; bundling is what lets them run in CommonJS hosts.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
};

await Promise.all([
  build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'out', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { api: 'server/src/api.ts', server: 'server/src/server.ts' }, outdir: 'out' }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'out', external: ['vscode'] }),
]);
if (watch) console.log('watch mode is not supported; run npm run build after changes');
