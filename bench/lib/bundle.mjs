/**
 * Bundles one of bench/lib/seed-*.ts (they import the appliance's TypeScript store) with esbuild into
 * out/bench/ (so external imports such as better-sqlite3 resolve from the repo), once per process and
 * name, and runs it: `runSeed('seed-jump', dataDir, '100000', password)` → its last stdout line as JSON.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// Not imported from appliance.mjs, which imports this module.
const repoRoot = resolve(import.meta.dirname, '../..');
const bundles = new Map();

export async function bundleSeed(name) {
  const outfile = join(repoRoot, `out/bench/${name}.shared.${process.pid}.mjs`);
  if (!bundles.has(name)) {
    process.once('exit', () => rmSync(outfile, { force: true }));
    bundles.set(name, build({ entryPoints: [join(repoRoot, `bench/lib/${name}.ts`)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning', absWorkingDir: repoRoot }));
  }
  await bundles.get(name);
  return outfile;
}

export async function runSeed(name, ...args) {
  const file = await bundleSeed(name);
  const out = execFileSync(process.execPath, [file, ...args.map(String)], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop());
}
