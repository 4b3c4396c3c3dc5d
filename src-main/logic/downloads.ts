/**
 * Downloads in the desktop console window (FEATURES.md §H "native open/save dialogs"): a file the
 * rep downloads from the remote computer (File Transfer's Download: a one-time
 * `/console/api/files/<id>/<token>/<name>` URL of the site) goes through the native save dialog,
 * suggested under its own (safe) name in the Downloads folder, and is written only where the rep
 * picked (Electron's download item streams it there, so the browser's size limits and Resume stay).
 * Anything not from the site the window shows — another origin, `data:`, `file:` — is refused.
 * Plain decisions here; src-main/downloads.ts hands them to `session.on('will-download')`.
 */
import { word } from './desktop-words.js';
import { originOf } from './origin.js';
import { saveDialogPlan, type SaveDialogPlan } from './os-integration.js';

export type DownloadDecision =
  | { readonly allow: false; readonly reason: string }
  | (SaveDialogPlan & {
      readonly allow: true;
      /** File Transfer's download of a remote file, or something else the site's page offered. */
      readonly kind: 'remote-file' | 'site';
    });

/** The path of File Transfer's download URLs (appliance/src/ws/file-transfer.ts). */
const REMOTE_FILE_PATH = /^\/console\/api\/files\/[^/]+\/[^/]+\/[^/]+$/;

/** The origin a download URL belongs to: its own, or for `blob:<origin>/<uuid>` the page's that made it. */
function downloadOrigin(url: string): { origin: string | null; path: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { origin: null, path: '' };
  }
  if (parsed.protocol === 'blob:') return { origin: originOf(parsed.pathname), path: '' };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { origin: null, path: '' };
  return { origin: parsed.origin, path: parsed.pathname };
}

/** The extension filter for `name` ("report.pdf" → PDF files first), always with All files. */
function filtersFor(name: string): { name: string; extensions: string[] }[] {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  const all = { name: word('desktop.save.allFiles'), extensions: ['*'] };
  return ext ? [{ name: word('desktop.save.typeFile', { type: ext.toUpperCase() }), extensions: [ext] }, all] : [all];
}

/**
 * What to do with a download the window started: `url` and `suggestedName` as Electron's download
 * item reports them, `siteOrigin` the site the window shows (null before any: nothing is allowed).
 */
export function downloadDecision(url: string, suggestedName: string, siteOrigin: string | null): DownloadDecision {
  const site = originOf(siteOrigin);
  if (site === null || !site.startsWith('http')) return { allow: false, reason: 'no site is shown in the window' };
  const { origin, path } = downloadOrigin(url);
  if (origin === null) return { allow: false, reason: 'only downloads from the site are saved' };
  if (origin !== site) return { allow: false, reason: `the download comes from ${origin}, not from the site (${site})` };
  const remote = REMOTE_FILE_PATH.test(path);
  let fromUrl = '';
  if (remote) {
    try {
      fromUrl = decodeURIComponent(path.split('/').pop() ?? '');
    } catch {
      fromUrl = '';
    }
  }
  // The same save dialog as File Transfer's saveFile (safe name, Downloads), with a filter for the file's type.
  const plan = saveDialogPlan('file', suggestedName || fromUrl);
  return { ...plan, allow: true, kind: remote ? 'remote-file' : 'site', title: remote ? plan.title : word('desktop.save.saveAs'), filters: filtersFor(plan.fileName) };
}
