/**
 * Software updates (FEATURES.md §H, FORMATS.md §Update feed). The console updates itself only when
 * it was installed per user with SHOULDAUTOUPDATE=1; it then asks the site it is connected to,
 * with the update token the site handed it at the first login, through electron-updater's generic
 * provider at `<site>/download/update/<platform>/`. A console without the token that finds the
 * site upgraded — or one whose token the site refuses — shows the vendor's (1.1gws) error.
 */
import { englishWord, word } from './desktop-words.js';
import type { InstallSettings } from './install-settings.js';

/**
 * The vendor's message, word for word (seeds: My Account, MSI installs), in English; the rep is
 * shown it in their language (desktop.update.error1gws), "(1.1gws)" included.
 */
export const UPDATE_ERROR_1_1GWS = englishWord('desktop.update.error1gws');

export interface UpdateSituation {
  readonly scope: InstallSettings['scope'];
  /** SHOULDAUTOUPDATE as the installer recorded it. */
  readonly shouldAutoUpdate: boolean;
  /** An update token is in the keychain for this site. */
  readonly hasToken: boolean;
  /** The site runs a newer version than this console. */
  readonly siteUpgraded: boolean;
}

export type UpdateDecision =
  /** Nothing to do: the console is as new as the site. */
  | { readonly action: 'none' }
  /** Download and install the site's version (electron-updater, generic provider, with the token). */
  | { readonly action: 'update' }
  /** This install does not update itself: tell the rep, who (or whose administrator) reinstalls. */
  | { readonly action: 'manual'; readonly message: string }
  /** Should update but cannot: no token. The vendor's (1.1gws) error. */
  | { readonly action: 'error'; readonly code: '1.1gws'; readonly message: string };

/** The notices of a console that does not update itself, in English (the rep reads them in their language). */
export const MANUAL_PER_MACHINE = englishWord('desktop.update.manualPerMachine');
export const MANUAL_NO_AUTO_UPDATE = englishWord('desktop.update.manualNoAutoUpdate');

/**
 * The decision table (per-user/per-machine × SHOULDAUTOUPDATE × token × site upgraded); messages
 * in the rep's language:
 *
 * | site upgraded | scope       | SHOULDAUTOUPDATE | token | →                     |
 * |---------------|-------------|------------------|-------|-----------------------|
 * | no            | any         | any              | any   | none                  |
 * | yes           | per-machine | any              | any   | manual (never updates)|
 * | yes           | per-user    | 0                | any   | manual (reinstall)    |
 * | yes           | per-user    | 1                | no    | error 1.1gws          |
 * | yes           | per-user    | 1                | yes   | update                |
 */
export function decideUpdate(s: UpdateSituation): UpdateDecision {
  if (!s.siteUpgraded) return { action: 'none' };
  if (s.scope === 'per-machine') return { action: 'manual', message: word('desktop.update.manualPerMachine') };
  if (!s.shouldAutoUpdate) return { action: 'manual', message: word('desktop.update.manualNoAutoUpdate') };
  if (!s.hasToken) return { action: 'error', code: '1.1gws', message: word('desktop.update.error1gws') };
  return { action: 'update' };
}

/** Whether this install checks for updates at all (only per-user installs with SHOULDAUTOUPDATE=1). */
export function autoUpdateEnabled(settings: Pick<InstallSettings, 'scope' | 'shouldAutoUpdate'>): boolean {
  return settings.scope === 'per-user' && settings.shouldAutoUpdate;
}

/** A newer `remote` than `local` (major.minor.patch; a pre-release tag sorts before its release). */
export function isNewerVersion(remote: string, local: string): boolean {
  const parse = (v: string) => {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(v.trim());
    return m ? { n: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null } : null;
  };
  const a = parse(remote);
  const b = parse(local);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a.n[i] !== b.n[i]) return a.n[i]! > b.n[i]!;
  if (a.pre === b.pre) return false;
  if (a.pre === null) return true;
  if (b.pre === null) return false;
  return a.pre.localeCompare(b.pre, 'en', { numeric: true }) > 0;
}

export type UpdatePlatform = 'win' | 'mac' | 'linux';

export function updatePlatform(platform: string): UpdatePlatform | null {
  return platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : platform === 'linux' ? 'linux' : null;
}

/** The generic provider's base URL on `siteOrigin`: `<site>/download/update/<platform>/`. */
export function updateFeedUrl(siteOrigin: string, platform: UpdatePlatform): string {
  return new URL(`/download/update/${platform}/`, siteOrigin).toString();
}

/**
 * The file electron-updater asks for under the feed URL: `latest.yml` on Windows, `latest-mac.yml`
 * and `latest-linux.yml` elsewhere (its channel naming). The appliance should serve the same
 * content under `latest.yml` (FORMATS.md) and under this name.
 */
export function channelFileName(platform: UpdatePlatform): string {
  return platform === 'win' ? 'latest.yml' : `latest-${platform}.yml`;
}

/** The header carrying the update token on every feed and download request. */
export function updateRequestHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * What an updater failure means for the rep: the site refusing the token (401/403) is the same
 * (1.1gws) error as having none (in the rep's language); anything else is a plain "could not
 * check", not worth a dialog (logged, in English).
 */
export function updateFailure(error: unknown): { code: '1.1gws'; message: string } | { code: 'unreachable'; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 401 || status === 403 || /\b(401|403)\b/.test(text)) return { code: '1.1gws', message: word('desktop.update.error1gws') };
  return { code: 'unreachable', message: `The site could not be asked for updates (${text.split('\n')[0]}).` };
}
