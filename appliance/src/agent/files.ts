/**
 * The agent's file listing, confined to its allowed paths (its --allow-path roots; by default the
 * user's home folder). Both the path as asked and the path after following symbolic links must lie
 * inside a root: `..`, absolute paths elsewhere and links pointing out are refused with E_PATH_NOT_ALLOWED.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { CodedError, type EndpointFileEntry, type EndpointFileListing } from '../protocol/index.js';

/** A listing stays well under the protocol's frame cap. */
export const MAX_LISTING_BYTES = 192 * 1024;

const caseless = process.platform === 'win32' || process.platform === 'darwin';
const key = (p: string) => (caseless ? p.toLowerCase() : p);

/** True when `p` is `root` or lies below it (both absolute, normalized). */
export function isWithin(p: string, root: string): boolean {
  const a = key(p);
  const r = key(root.endsWith(sep) ? root.slice(0, -1) : root);
  return a === r || a.startsWith(r + sep) || (r === '' && a.startsWith(sep));
}

/** The allowed roots, absolute and with links resolved (a root that does not exist is kept as given). */
export async function resolveRoots(roots: readonly string[]): Promise<string[]> {
  const list = roots.length ? roots : [homedir()];
  const out: string[] = [];
  for (const r of list) {
    const abs = resolve(r);
    out.push(await realpath(abs).catch(() => abs));
  }
  return [...new Set(out)];
}

/** Where a requested path points: '' or '~' is the first root, a relative path is below the first root. */
export function requestedPath(path: string, roots: readonly string[]): string {
  const first = roots[0]!;
  const p = path.trim();
  if (p === '' || p === '~') return first;
  if (p.startsWith('~/') || p.startsWith('~\\')) return resolve(first, p.slice(2));
  return isAbsolute(p) ? resolve(p) : resolve(first, p);
}

export async function listDirectory(path: string, roots: readonly string[]): Promise<EndpointFileListing> {
  if (path.includes('\0')) throw new CodedError('E_PATH_NOT_ALLOWED');
  const target = requestedPath(path, roots);
  if (!roots.some((r) => isWithin(target, r))) throw new CodedError('E_PATH_NOT_ALLOWED', `${target} is outside the folders this computer allows (${roots.join(', ')}).`);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new CodedError('E_PATH_NOT_FOUND', `${target} does not exist.`);
  }
  if (!roots.some((r) => isWithin(real, r))) throw new CodedError('E_PATH_NOT_ALLOWED', `${target} leads outside the folders this computer allows.`);
  const info = await stat(real).catch(() => null);
  if (!info?.isDirectory()) throw new CodedError('E_PATH_NOT_FOUND', `${target} is not a folder.`);
  let dirents;
  try {
    dirents = await readdir(real, { withFileTypes: true });
  } catch {
    throw new CodedError('E_PATH_NOT_FOUND', `${target} cannot be read.`);
  }
  dirents.sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || a.name.localeCompare(b.name));
  const entries: EndpointFileEntry[] = [];
  let bytes = 0;
  for (const d of dirents) {
    const s = await lstat(join(real, d.name)).catch(() => null);
    const entry: EndpointFileEntry = {
      name: d.name,
      kind: d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'link' : d.isFile() ? 'file' : 'other',
      size: s && d.isFile() ? s.size : 0,
      modifiedAt: (s?.mtime ?? new Date(0)).toISOString(),
      hidden: d.name.startsWith('.'),
    };
    bytes += JSON.stringify(entry).length + 1;
    if (bytes > MAX_LISTING_BYTES) break;
    entries.push(entry);
  }
  return { path: real, roots: [...roots], entries };
}
