/**
 * The app's own pages come from `app://rep-console/…` (a privileged, standard, secure custom scheme),
 * never from file:// or data: URLs: file:// would give a page the run of the disk, and data: pages
 * have an opaque origin no CSP or navigation rule can name. The console itself comes from its site
 * (https, or the embedded site on loopback); only the app's local pages use this scheme.
 *
 * Pure: what a request means (a page rendered from its query, or a file under the assets folder, or
 * a refusal); src-main/app-protocol.ts answers it through Electron's `protocol.handle`.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rep-console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** For protocol.registerSchemesAsPrivileged: a real origin (standard), a secure context, nothing more. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

/** Every answer's CSP: the app's pages are static, script-free forms. */
export const APP_PAGE_CSP = "default-src 'none'; img-src app:; style-src 'unsafe-inline'";

export type AppPages = Record<string, (query: URLSearchParams) => string>;

export type AppAnswer =
  | { kind: 'page'; html: string }
  | { kind: 'file'; path: string; type: string }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

const TYPES: Record<string, string> = { png: 'image/png', svg: 'image/svg+xml', css: 'text/css', ico: 'image/x-icon' };

/** The address of one of the app's pages, with its query. */
export function appPageUrl(page: string, query: Record<string, string | readonly string[] | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const one of typeof v === 'string' ? [v] : v) q.append(k, one);
  }
  const s = q.toString();
  return `${APP_ORIGIN}/${page}${s ? `?${s}` : ''}`;
}

/** What `url` asks for: one of `pages`, a file inside `assetsDir` (/assets/…), or a refusal. */
export function resolveAppRequest(url: string, pages: AppPages, assetsDir: string | null): AppAnswer {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'not a URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { kind: 'refused', status: 403, reason: 'another host' };
  const path = u.pathname;
  if (path.startsWith('/assets/')) {
    if (!assetsDir) return { kind: 'refused', status: 404, reason: 'no assets' };
    let name: string;
    try {
      name = decodeURIComponent(path.slice('/assets/'.length));
    } catch {
      return { kind: 'refused', status: 400, reason: 'bad encoding' };
    }
    // Only plain names: no folders, no traversal, no drive letters or backslashes.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name) || name.includes('..')) return { kind: 'refused', status: 403, reason: 'not a plain file name' };
    const full = resolve(assetsDir, name);
    const rel = relative(resolve(assetsDir), full);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) return { kind: 'refused', status: 403, reason: 'outside the assets folder' };
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
    if (!type) return { kind: 'refused', status: 403, reason: 'not an asset type' };
    return { kind: 'file', path: full, type };
  }
  const page = pages[path.slice(1)];
  if (!page) return { kind: 'refused', status: 404, reason: 'no such page' };
  return { kind: 'page', html: page(u.searchParams) };
}
