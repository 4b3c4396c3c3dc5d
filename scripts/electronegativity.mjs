// `npm run electronegativity`: Doyensec's Electronegativity over the desktop app's sources —
// src-main, src-preload — and the built renderer (out/renderer, from `npm run build`). Fails on
// any finding of HIGH severity or above (confidence any), and on files it could not parse.
// Run through its programmatic API: its CLI resolves a `commander` it does not declare and breaks
// next to newer ones. The check that downloads Electron's release list is excluded (no network
// here); the Electron version is taken from the installed `electron` package instead.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { transform } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity').default ?? require('@doyensec/electronegativity');

/** Needs the network: it fetches the list of Electron releases and their security fixes. */
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const HIGH = 3; // Electronegativity's severities: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3.

const electronVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')).version;

// One input holding all three, so the app-wide checks (navigation limits, permission handler, CSP)
// see the main process and the pages together. Its parser predates class private fields, which
// the built renderer (Svelte 5) uses: the renderer's scripts are lowered to ES2020 for the scan.
if (!existsSync(resolve(root, 'out/renderer'))) {
  console.error('electronegativity: out/renderer does not exist (run `npm run build`)');
  process.exit(1);
}
const stage = mkdtempSync(join(tmpdir(), 'rep-electronegativity-'));
const tests = /\.test\.ts$/;
cpSync(resolve(root, 'src-main'), join(stage, 'src-main'), { recursive: true, filter: (f) => !tests.test(f) && !f.includes('/fixtures') });
cpSync(resolve(root, 'src-preload'), join(stage, 'src-preload'), { recursive: true, filter: (f) => !tests.test(f) });
cpSync(resolve(root, 'out/renderer'), join(stage, 'renderer'), { recursive: true, filter: (f) => !f.endsWith('.map') });
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk(join(stage, 'renderer')).filter((f) => f.endsWith('.js'))) {
  const { code } = await transform(readFileSync(file, 'utf8'), { target: 'es2020', format: 'esm', loader: 'js' });
  writeFileSync(file, code);
}

let failed = 0;
try {
  const result = await run({
    input: stage,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED.map((c) => c.toLowerCase()),
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const severe = result.issues.filter((i) => i.severity.value >= HIGH);
  const parseErrors = result.errors.filter((e) => !e.tolerable);
  console.log(`src-main + src-preload + out/renderer: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} finding(s), ${severe.length} high or critical`);
  for (const i of result.issues) {
    const mark = i.severity.value >= HIGH ? 'FAIL' : 'note';
    console.log(`  ${mark} ${i.id} [${i.severity.name}/${i.confidence.name}] ${i.file}:${i.location.line}:${i.location.column}${i.manualReview ? ' (manual review)' : ''}`);
  }
  for (const e of parseErrors) console.log(`  FAIL could not parse ${relative(stage, e.file)}: ${e.message}`);
  failed = severe.length + parseErrors.length;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
if (failed) {
  console.error(`electronegativity: ${failed} problem(s): findings of high severity, or files it could not read`);
  process.exit(1);
}
console.log('electronegativity: no high-severity finding');
