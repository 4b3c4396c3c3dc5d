/**
 * The update feed's `latest.yml` (electron-updater's generic-provider format, FORMATS.md §Update
 * feed): what the appliance serves at `/download/update/<platform>/latest.yml` so a console can
 * find and verify a newer version.
 *
 *   version: 1.2.3
 *   files:
 *     - url: Rep-Console-Setup-1.2.3.exe
 *       sha512: <base64 of the SHA-512 of the file>
 *       size: 12345
 *   path: Rep-Console-Setup-1.2.3.exe        # legacy fields: the first file again
 *   sha512: <same>
 *   releaseDate: '2026-11-23T08:00:00.000Z'
 *
 * Pure (node:crypto only): the appliance serves it (http/desktop-routes.ts) and the desktop side
 * re-exports it (src-main/logic/update-feed.ts, through the appliance's public entry).
 */
import { createHash } from 'node:crypto';

export interface FeedFile {
  /** File name (or URL relative to the feed), e.g. `Rep-Console-Setup-1.2.3.exe`. */
  readonly url: string;
  /** Base64 of the SHA-512 of the file's bytes (what electron-updater verifies). */
  readonly sha512: string;
  readonly size: number;
}

export interface LatestYml {
  readonly version: string;
  readonly files: readonly FeedFile[];
  readonly releaseDate: Date | string;
  /** Optional release notes (plain text). */
  readonly releaseNotes?: string;
}

/** The feed entry for a file's bytes. */
export function feedFile(url: string, bytes: Uint8Array): FeedFile {
  return { url, sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.byteLength };
}

const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const BASE64_SHA512 = /^[A-Za-z0-9+/]{86}==$/;

/** YAML single-quoted scalar: always valid, whatever the text holds ('' escapes a quote). */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Writes `latest.yml`. Throws on what electron-updater would reject (no files, a bad hash or version). */
export function latestYml(feed: LatestYml): string {
  if (!VERSION.test(feed.version)) throw new Error(`"${feed.version}" is not a semantic version.`);
  if (feed.files.length === 0) throw new Error('An update feed lists at least one file.');
  for (const f of feed.files) {
    if (!f.url || /[\r\n]/.test(f.url)) throw new Error(`Bad file URL: ${JSON.stringify(f.url)}`);
    if (!BASE64_SHA512.test(f.sha512)) throw new Error(`${f.url}: sha512 must be the base64 of a SHA-512 digest.`);
    if (!Number.isSafeInteger(f.size) || f.size < 0) throw new Error(`${f.url}: size must be a byte count.`);
  }
  const date = typeof feed.releaseDate === 'string' ? new Date(feed.releaseDate) : feed.releaseDate;
  if (Number.isNaN(date.getTime())) throw new Error('releaseDate is not a date.');
  const first = feed.files[0]!;
  const lines = [
    `version: ${feed.version}`,
    'files:',
    ...feed.files.flatMap((f) => [`  - url: ${quote(f.url)}`, `    sha512: ${f.sha512}`, `    size: ${f.size}`]),
    `path: ${quote(first.url)}`,
    `sha512: ${first.sha512}`,
    `releaseDate: ${quote(date.toISOString())}`,
  ];
  if (feed.releaseNotes) lines.push(`releaseNotes: ${quote(feed.releaseNotes.replace(/\r?\n/g, ' '))}`);
  return `${lines.join('\n')}\n`;
}
