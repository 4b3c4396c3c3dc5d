/**
 * What the update feed offers each platform (FORMATS.md §Update feed): the installer its updater
 * downloads — the NSIS EXE on Windows, the AppImage on Linux — when the build produced one for the
 * served version (found by console-installers.ts, the list My Account shows), else the demo's
 * stand-in package, so the feed, its hash and the download can be shown end to end on machines
 * that build no Windows or Linux package.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { listConsoleInstallers } from './console-installers.js';

export type UpdatePlatform = 'win' | 'mac' | 'linux';
export const UPDATE_PLATFORMS: readonly UpdatePlatform[] = ['win', 'mac', 'linux'];

export interface UpdatePackage {
  readonly file: string;
  readonly size: number;
  /** The built file's path, or the demo package's bytes. */
  readonly source: { path: string } | { bytes: Buffer };
}

/** The built installer an updater downloads for `version` (its name carries the version), if any. */
export function builtPackage(distDir: string | null, platform: UpdatePlatform, version: string): UpdatePackage | null {
  const kind = platform === 'win' ? 'windows-exe' : platform === 'linux' ? 'linux-appimage' : null;
  if (!kind || !distDir) return null;
  const found = listConsoleInstallers(distDir).find((i) => i.platform === kind && i.fileName.includes(version));
  return found ? { file: found.fileName, size: found.bytes, source: { path: join(distDir, found.fileName) } } : null;
}

/** The demo's stand-in: a small text file named for the version and platform. */
export function demoPackage(platform: UpdatePlatform, version: string): UpdatePackage {
  const bytes = Buffer.from(`Rep Console ${version} (${platform}): demo update package. No installer for this platform was built on the site.\n`);
  return { file: `rep-console-${version}-${platform}-demo-update.txt`, size: bytes.byteLength, source: { bytes } };
}

const hashCache = new Map<string, string>();

/** Base64 SHA-512 (what electron-updater verifies), cached for built files by path, size and time. */
export async function packageSha512(pkg: UpdatePackage): Promise<string> {
  if ('bytes' in pkg.source) return createHash('sha512').update(pkg.source.bytes).digest('base64');
  const { path } = pkg.source;
  const st = statSync(path);
  const key = `${path}\0${st.size}\0${st.mtimeMs}`;
  const hit = hashCache.get(key);
  if (hit) return hit;
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const digest = hash.digest('base64');
  hashCache.set(key, digest);
  return digest;
}
