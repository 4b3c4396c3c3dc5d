/**
 * My Account > Download Representative Console: the desktop console installers this site has, found
 * in the build's dist/ folder (electron-builder and `npm run build:msi` put them there; issue 7 builds
 * them). Only files listed here can be downloaded, by exact name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type InstallerPlatform = 'windows-exe' | 'windows-msi' | 'macos' | 'linux-appimage' | 'linux-deb';

export interface ConsoleInstaller {
  platform: InstallerPlatform;
  fileName: string;
  bytes: number;
}

const PATTERNS: [InstallerPlatform, RegExp][] = [
  ['windows-msi', /\.msi$/i],
  ['windows-exe', /\.exe$/i],
  ['macos', /\.dmg$/i],
  ['linux-appimage', /\.AppImage$/],
  ['linux-deb', /\.deb$/i],
];

/** The repository's dist/ (next to the package.json that names rep-console), or REP_DIST_DIR. */
export function findDistDir(): string | null {
  if (process.env.REP_DIST_DIR) return process.env.REP_DIST_DIR;
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'rep-console') return join(dir, 'dist');
      } catch {
        // not ours
      }
    }
    dir = dirname(dir);
  }
  return null;
}

/** Installers of the desktop console in `dir` (none when the build made none). */
export function listConsoleInstallers(dir: string | null): ConsoleInstaller[] {
  if (!dir || !existsSync(dir)) return [];
  const out: ConsoleInstaller[] = [];
  for (const name of readdirSync(dir).sort()) {
    // Jump Client installers and blockmaps are not the console.
    if (!/^rep-console/i.test(name) || name.endsWith('.blockmap')) continue;
    const platform = PATTERNS.find(([, re]) => re.test(name))?.[0];
    if (!platform) continue;
    const st = statSync(join(dir, name));
    if (st.isFile()) out.push({ platform, fileName: name, bytes: st.size });
  }
  return out;
}
