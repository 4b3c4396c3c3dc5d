/**
 * The sites the desktop console knows (FEATURES.md §H): the embedded demo site, always there and
 * the default, and every site the rep connected to ("Connect to another site"), remembered in a
 * small JSON file in userData. A site is its origin (`https://support.example.com`); a `.brcs`
 * file that names a site the console never connected to must be confirmed by the rep first.
 *
 * A certificate the rep explicitly trusted for a site (certificates.ts) is kept with it, by
 * SHA-256 fingerprint and PEM, so the same certificate is not asked about again — a different one is.
 * No secrets here: logins and update tokens live in the keychain (secret-store.ts).
 */
import { readFile } from 'node:fs/promises';
import { word } from './desktop-words.js';
import { writePrivateFile } from './private-file.js';

/** The embedded demo site's id (its origin changes every launch: a random loopback port). */
export const EMBEDDED_SITE = 'embedded';

export interface TrustedCertificate {
  /** `sha256/<base64>` as Electron reports it. */
  readonly fingerprint: string;
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validExpiry: number;
}

export interface RememberedSite {
  /** The site's origin, e.g. `https://support.example.com` (no path, no trailing slash). */
  readonly origin: string;
  /** The site's short name (`.brcs-<companySiteName>`), when known. */
  readonly shortName: string | null;
  readonly lastConnectedAt: string;
  readonly trustedCertificate: TrustedCertificate | null;
}

interface SitesFile {
  version: 1;
  /** The site the console opens on start: EMBEDDED_SITE or an origin. */
  current: string;
  sites: RememberedSite[];
}

/** At most this many remembered sites (oldest dropped). */
export const MAX_SITES = 50;

const EMPTY: SitesFile = { version: 1, current: EMBEDDED_SITE, sites: [] };

export type SiteUrlResult = { ok: true; origin: string } | { ok: false; message: string };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * What the rep typed in "Connect to another site" (or a `.brcs` file's `site`), as an origin:
 * https (http only for this computer), no credentials, nothing but the origin kept. A bare host
 * name gets https://.
 */
export function parseSiteUrl(input: string): SiteUrlResult {
  const text = input.trim();
  if (!text) return { ok: false, message: word('desktop.siteUrl.empty') };
  if (text.length > 2048) return { ok: false, message: word('desktop.siteUrl.tooLong') };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: word('desktop.siteUrl.notAddress', { text: text.slice(0, 80) }) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: word('desktop.siteUrl.notHttps') };
  if (url.username || url.password) return { ok: false, message: word('desktop.siteUrl.credentials') };
  if (!url.hostname) return { ok: false, message: word('desktop.siteUrl.noHost') };
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return { ok: false, message: word('desktop.siteUrl.plainHttp') };
  return { ok: true, origin: url.origin };
}

/** The question before a `.brcs` file (or a link) connects to a site this console never used; "Do Not Connect" the default. */
export function unknownSiteQuestion(origin: string): { title: string; message: string; detail: string; buttons: [string, string]; defaultId: 0; cancelId: 0 } {
  return {
    title: word('desktop.newSite.title'),
    message: word('desktop.newSite.message', { origin }),
    detail: word('desktop.newSite.detail'),
    buttons: [word('desktop.button.doNotConnect'), word('desktop.button.connect')],
    defaultId: 0,
    cancelId: 0,
  };
}

function isSite(value: unknown): value is RememberedSite {
  const s = value as RememberedSite;
  return (
    typeof s === 'object' && s !== null &&
    typeof s.origin === 'string' && parseSiteUrl(s.origin).ok &&
    (s.shortName === null || typeof s.shortName === 'string') &&
    typeof s.lastConnectedAt === 'string' &&
    (s.trustedCertificate === null || (typeof s.trustedCertificate === 'object' && typeof s.trustedCertificate.fingerprint === 'string' && typeof s.trustedCertificate.pem === 'string'))
  );
}

/** Reads what a sites file holds; anything unreadable or malformed counts as "no sites yet". */
export function readSitesFile(text: string | null): SitesFile {
  if (!text) return { ...EMPTY, sites: [] };
  try {
    const raw = JSON.parse(text) as Partial<SitesFile>;
    const sites = Array.isArray(raw.sites) ? raw.sites.filter(isSite).slice(0, MAX_SITES) : [];
    const current = typeof raw.current === 'string' && (raw.current === EMBEDDED_SITE || sites.some((s) => s.origin === raw.current)) ? raw.current : EMBEDDED_SITE;
    return { version: 1, current, sites };
  } catch {
    return { ...EMPTY, sites: [] };
  }
}

/** The remembered sites in `path` (userData/sites.json); writes are atomic (temp file + rename). */
export class SitesStore {
  private data: SitesFile | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async load(): Promise<SitesFile> {
    if (this.data) return this.data;
    let text: string | null = null;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      /* no file yet */
    }
    this.data = readSitesFile(text);
    return this.data;
  }

  private save(): Promise<void> {
    const snapshot = `${JSON.stringify(this.data, null, 2)}\n`;
    this.writing = this.writing.then(() => writePrivateFile(this.path, snapshot));
    return this.writing;
  }

  /** Remembered sites, most recently connected first (the embedded site is not listed: it is always there). */
  async list(): Promise<RememberedSite[]> {
    return [...(await this.load()).sites].sort((a, b) => b.lastConnectedAt.localeCompare(a.lastConnectedAt));
  }

  async get(origin: string): Promise<RememberedSite | null> {
    return (await this.load()).sites.find((s) => s.origin === origin) ?? null;
  }

  /** Whether the console connected to `origin` before (the embedded site always counts). */
  async isKnown(origin: string): Promise<boolean> {
    return origin === EMBEDDED_SITE || (await this.get(origin)) !== null;
  }

  /** The site a `.brcs-<shortName>` file belongs to, when exactly one remembered site has that short name. */
  async byShortName(shortName: string): Promise<RememberedSite | null> {
    const matches = (await this.load()).sites.filter((s) => s.shortName !== null && s.shortName.toLowerCase() === shortName.toLowerCase());
    return matches.length === 1 ? matches[0]! : null;
  }

  /** The site the console opens on start. */
  async current(): Promise<string> {
    return (await this.load()).current;
  }

  /** Records a successful connection (and makes it the current site). */
  async remember(origin: string, opts: { shortName?: string | null } = {}): Promise<RememberedSite> {
    const parsed = parseSiteUrl(origin);
    if (!parsed.ok) throw new Error(parsed.message);
    const data = await this.load();
    const old = data.sites.find((s) => s.origin === parsed.origin);
    const site: RememberedSite = {
      origin: parsed.origin,
      shortName: opts.shortName ?? old?.shortName ?? null,
      lastConnectedAt: this.now().toISOString(),
      trustedCertificate: old?.trustedCertificate ?? null,
    };
    data.sites = [site, ...data.sites.filter((s) => s.origin !== parsed.origin)]
      .sort((a, b) => b.lastConnectedAt.localeCompare(a.lastConnectedAt))
      .slice(0, MAX_SITES);
    data.current = parsed.origin;
    await this.save();
    return site;
  }

  /** Back to the embedded demo site on the next start. */
  async useEmbedded(): Promise<void> {
    (await this.load()).current = EMBEDDED_SITE;
    await this.save();
  }

  /** Keeps the certificate the rep trusted for `origin` (replacing an earlier one). */
  async trustCertificate(origin: string, certificate: TrustedCertificate): Promise<void> {
    const data = await this.load();
    const old = data.sites.find((s) => s.origin === origin);
    const site: RememberedSite = old
      ? { ...old, trustedCertificate: certificate }
      : { origin, shortName: null, lastConnectedAt: this.now().toISOString(), trustedCertificate: certificate };
    data.sites = [site, ...data.sites.filter((s) => s.origin !== origin)].slice(0, MAX_SITES);
    await this.save();
  }

  async forget(origin: string): Promise<boolean> {
    const data = await this.load();
    const before = data.sites.length;
    data.sites = data.sites.filter((s) => s.origin !== origin);
    if (data.current === origin) data.current = EMBEDDED_SITE;
    await this.save();
    return data.sites.length < before;
  }
}
