/**
 * Actions > Desktop Representative Console (the web console only): asks the site for a hand-off
 * file — a `.brcs-<companySiteName>` whose `login` carries a one-time, short-lived token, never a
 * password — and saves it through the browser's download. Opening it with the desktop console logs
 * that console in, moves the rep's sessions to it and logs this web console out (it says why).
 */
import type { ConsoleClient } from '../../lib/client.js';
import { t } from '../../lib/i18n/index.svelte.js';

/** The file's MIME type (the Linux desktop entry registers the same; browsers only need it to download). */
export const BRCS_MIME = 'application/x-rep-console-script';

export async function downloadDesktopHandoff(client: ConsoleClient): Promise<{ fileName: string; expiresAt: string }> {
  const file = await client.call('desktop.handoff', {});
  const url = URL.createObjectURL(new Blob([file.text], { type: BRCS_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to have read it; the token expires soon after anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName: file.fileName, expiresAt: file.expiresAt };
}

/** What the console says once the file is saved. */
export function handoffNotice(fileName: string, expiresAt: string, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((Date.parse(expiresAt) - now) / 60_000));
  return t('console.topbar.desktopSaved', { file: fileName, count: minutes });
}
