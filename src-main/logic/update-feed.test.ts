import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { feedFile, latestYml } from './update-feed.js';

// electron-updater's own parser: what the console will run on the served file.
const { parseUpdateInfo } = createRequire(import.meta.url)('electron-updater/out/providers/Provider.js') as {
  parseUpdateInfo: (raw: string, channelFile: string, url: URL) => Record<string, unknown>;
};

const bytes = Buffer.from('pretend installer bytes');
const file = feedFile('Rep Console Setup 1.2.3.exe', bytes);

describe('feedFile', () => {
  it('hashes with SHA-512 in base64 and counts bytes', () => {
    expect(file).toEqual({ url: 'Rep Console Setup 1.2.3.exe', sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.length });
  });
});

describe('latestYml', () => {
  it("writes what electron-updater's generic provider reads, legacy path/sha512 included", () => {
    const text = latestYml({ version: '1.2.3', files: [file, feedFile('rep-console-1.2.3.msi', Buffer.from('x'))], releaseDate: '2026-11-23T08:00:00Z' });
    expect(text).toBe(
      [
        'version: 1.2.3',
        'files:',
        "  - url: 'Rep Console Setup 1.2.3.exe'",
        `    sha512: ${file.sha512}`,
        `    size: ${bytes.length}`,
        "  - url: 'rep-console-1.2.3.msi'",
        `    sha512: ${createHash('sha512').update('x').digest('base64')}`,
        '    size: 1',
        "path: 'Rep Console Setup 1.2.3.exe'",
        `sha512: ${file.sha512}`,
        "releaseDate: '2026-11-23T08:00:00.000Z'",
        '',
      ].join('\n'),
    );
    const parsed = parseUpdateInfo(text, 'latest.yml', new URL('http://127.0.0.1/download/update/win/latest.yml'));
    expect(parsed).toMatchObject({ version: '1.2.3', path: file.url, sha512: file.sha512, releaseDate: '2026-11-23T08:00:00.000Z' });
    expect(parsed.files).toEqual([
      { url: file.url, sha512: file.sha512, size: bytes.length },
      expect.objectContaining({ url: 'rep-console-1.2.3.msi', size: 1 }),
    ]);
  });

  it('quotes names and notes safely', () => {
    const text = latestYml({ version: '2.0.0-beta.1', files: [feedFile("it's: #1.exe", bytes)], releaseDate: new Date(0), releaseNotes: "Line 1\nIt's new" });
    const parsed = parseUpdateInfo(text, 'latest.yml', new URL('http://x/latest.yml'));
    expect(parsed).toMatchObject({ version: '2.0.0-beta.1', path: "it's: #1.exe", releaseNotes: "Line 1 It's new" });
  });

  it('refuses what a console would reject', () => {
    const ok = { version: '1.0.0', files: [file], releaseDate: new Date() };
    expect(() => latestYml({ ...ok, version: '1.0' })).toThrow(/semantic version/);
    expect(() => latestYml({ ...ok, files: [] })).toThrow(/at least one file/);
    expect(() => latestYml({ ...ok, files: [{ ...file, sha512: 'abc' }] })).toThrow(/sha512/);
    expect(() => latestYml({ ...ok, files: [{ ...file, size: -1 }] })).toThrow(/size/);
    expect(() => latestYml({ ...ok, files: [{ ...file, url: 'a\nb' }] })).toThrow(/URL/);
    expect(() => latestYml({ ...ok, releaseDate: 'not a date' })).toThrow(/date/);
  });
});
