/**
 * Finds an Electron binary that actually runs here: `ELECTRON_PATH`, else the path the `electron`
 * package exports. Our build machines cannot download Electron (the package is installed for its
 * typings only), so "no binary" is a normal answer, and the suite then skips with the reason.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export type ElectronBinary = { runs: true; path: string; version: string } | { runs: false; reason: string };

/** How long `electron --version` may take before we call the binary broken. */
const PROBE_TIMEOUT_MS = 15_000;

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value ?? '');
  return text.trim().split('\n')[0] || 'no output';
}

/** Where an Electron binary should be, or why there is none to try. */
function candidate(env: NodeJS.ProcessEnv): { path: string; from: string } | { reason: string } {
  const fromEnv = env.ELECTRON_PATH?.trim();
  if (fromEnv) return { path: fromEnv, from: 'ELECTRON_PATH' };
  try {
    const exported: unknown = createRequire(import.meta.url)('electron');
    if (typeof exported === 'string' && exported) return { path: exported, from: 'the electron package' };
    return { reason: 'ELECTRON_PATH is not set and the electron package exports no binary path' };
  } catch (error) {
    // The package's own message ("failed to install correctly, please delete node_modules/electron
    // and try installing again") suggests a fix that cannot work here: say what actually happened.
    const why = /failed to install correctly/i.test(firstLine(error)) ? 'its binary download is skipped on this machine' : firstLine(error);
    return { reason: `ELECTRON_PATH is not set and the electron package has no binary (${why})` };
  }
}

/**
 * Whether an Electron binary runs on this machine: it must exist and answer `--version` (exit 0)
 * within 15 s. Never throws; a failure comes back as a reason worth printing.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const found = candidate(env);
  if ('reason' in found) return { runs: false, reason: found.reason };
  // ELECTRON_RUN_AS_NODE would make the binary a plain Node, which answers --version too.
  const { ELECTRON_RUN_AS_NODE: _asNode, ...probeEnv } = env;
  const probe = spawnSync(found.path, ['--version'], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS, env: probeEnv });
  if (probe.error) return { runs: false, reason: `${found.path} (from ${found.from}) did not run: ${firstLine(probe.error)}` };
  if (probe.status !== 0) {
    const how = probe.signal ? `was killed by ${probe.signal}` : `exited with ${probe.status}`;
    return { runs: false, reason: `${found.path} --version (from ${found.from}) ${how}: ${firstLine(probe.stderr || probe.stdout)}` };
  }
  return { runs: true, path: found.path, version: probe.stdout.trim() };
}
