// Builds everything the appliance serves and the desktop app loads:
//   out/renderer/{console,admin,portal}  Svelte pages (Vite)
//   out/appliance/{index,cli}.js          the appliance (esbuild, node deps left external)
//   out/main/index.js, out/preload/index.cjs  the Electron main process and preload
//   out/console-cli/cli.js                the `rep-console` command (plain Node)
import { build as viteBuild } from 'vite';
import { cpSync, readFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv[2];

async function buildRenderer() {
  await viteBuild({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function buildNode() {
  const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
  await esbuild({
    ...common,
    format: 'esm',
    entryPoints: { index: 'appliance/src/index.ts', cli: 'appliance/src/cli/main.ts' },
    outdir: resolve(root, 'out/appliance'),
    absWorkingDir: root,
  });
  // The XML APIs' schemas travel with the bundles (out/xsd), so installers serve /api/*.xsd too.
  cpSync(resolve(root, 'appliance/xsd'), resolve(root, 'out/xsd'), { recursive: true });
  // The appliance first: it is what the other bundles and the tests need most.
  await esbuild({
    ...common,
    format: 'esm',
    entryPoints: { index: 'src-main/index.ts' },
    outdir: resolve(root, 'out/main'),
    absWorkingDir: root,
    external: ['electron'],
  });
  // The `rep-console` command (bin/rep-console.js): plain Node, no Electron.
  await esbuild({
    ...common,
    format: 'esm',
    entryPoints: { cli: 'src-main/cli/main.ts' },
    outdir: resolve(root, 'out/console-cli'),
    absWorkingDir: root,
    define: { __REP_CONSOLE_VERSION__: JSON.stringify(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version) },
  });
  // Sandboxed preloads must be CommonJS.
  await esbuild({
    ...common,
    format: 'cjs',
    entryPoints: { index: 'src-preload/index.ts' },
    outdir: resolve(root, 'out/preload'),
    outExtension: { '.js': '.cjs' },
    absWorkingDir: root,
    external: ['electron'],
  });
}

if (!only || only === 'renderer') await buildRenderer();
if (!only || only === 'node') await buildNode();
console.log('build: done');
