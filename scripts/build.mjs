// Bundles the CLI, the Node API, the language server and the VS Code client to CommonJS.
// unified and its plugins are ESM-only; bundling is what lets them run in CommonJS hosts.
// Bundles are minified (with source maps): smaller files load faster, which is most of a cold
// CLI run and of the extension's activation.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
};

await Promise.all([
  // The command is a small launcher (out/cli.cjs) that loads the checker (out/cli-main.cjs) with a code cache.
  build({ ...common, entryPoints: { cli: 'server/src/cli-launcher.ts' }, outdir: 'out', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { 'cli-main': 'server/src/cli.ts' }, outdir: 'out' }),
  build({ ...common, entryPoints: { api: 'server/src/api.ts', server: 'server/src/server.ts' }, outdir: 'out' }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'out', external: ['vscode'] }),
]);
