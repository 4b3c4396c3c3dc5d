import { afterEach, describe, expect, it } from 'vitest';
import { desktopWords } from './desktop-words.js';
import { downloadDecision } from './downloads.js';

const SITE = 'http://127.0.0.1:41234';

describe('downloads from the console window', () => {
  it('File Transfer downloads get the native save dialog in Downloads, under their own safe name', () => {
    const url = `${SITE}/console/api/files/t_1/tok/Quarterly%20Report.pdf`;
    expect(downloadDecision(url, 'Quarterly Report.pdf', SITE)).toEqual({
      allow: true,
      kind: 'remote-file',
      title: 'Save File',
      fileName: 'Quarterly Report.pdf',
      folder: 'downloads',
      filters: [{ name: 'PDF file', extensions: ['pdf'] }, { name: 'All files', extensions: ['*'] }],
    });
    // Electron could not tell the name: the one in the URL; a hostile name loses its path and device name.
    expect(downloadDecision(`${SITE}/console/api/files/t_1/tok/notes.txt`, '', SITE)).toMatchObject({ fileName: 'notes.txt' });
    expect(downloadDecision(`${SITE}/console/api/files/t_1/tok/x`, '..\\..\\Windows\\system32\\evil.dll', SITE)).toMatchObject({ fileName: 'Windows_system32_evil.dll' });
    expect(downloadDecision(`${SITE}/console/api/files/t_1/tok/x`, 'CON', SITE)).toMatchObject({ fileName: '_CON', filters: [{ name: 'All files', extensions: ['*'] }] });
    expect(downloadDecision(`${SITE}/console/api/files/t_1/tok/%E0%A4%A`, '', SITE)).toMatchObject({ allow: true, fileName: 'download' });
  });

  it('other downloads the site page offers (its own blob: URLs included) get a Save As dialog', () => {
    expect(downloadDecision(`${SITE}/console/api/report.csv`, 'report.csv', SITE)).toMatchObject({ allow: true, kind: 'site', title: 'Save As', fileName: 'report.csv' });
    expect(downloadDecision(`blob:${SITE}/5b1f6c1e-8a52-4d0f-9e1e-1f2a3b4c5d6e`, 'chat.txt', SITE)).toMatchObject({ allow: true, kind: 'site' });
  });

  it('refuses anything not from the site the window shows', () => {
    for (const [url, site] of [
      ['https://evil.example/console/api/files/a/b/c.exe', SITE],
      [`http://127.0.0.1:41235/console/api/files/a/b/c`, SITE],
      [`${SITE}.evil.example/console/api/files/a/b/c`, SITE],
      ['blob:https://evil.example/5b1f6c1e', SITE],
      ['data:application/octet-stream;base64,AAAA', SITE],
      ['file:///etc/passwd', SITE],
      ['not a url', SITE],
      [`${SITE}/console/api/files/a/b/c`, null],
      [`${SITE}/console/api/files/a/b/c`, 'file:///'],
    ] as const) {
      const d = downloadDecision(url, 'c', site);
      expect(d.allow, url).toBe(false);
    }
    expect(downloadDecision('https://evil.example/x', 'x', SITE)).toMatchObject({ reason: `the download comes from https://evil.example, not from the site (${SITE})` });
  });
});

describe('save dialogs in the rep’s language', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('words the title and the filters', () => {
    desktopWords.set('de-DE');
    expect(downloadDecision(`${SITE}/console/api/files/t_1/tok/a.pdf`, 'a.pdf', SITE)).toMatchObject({ title: 'Datei speichern', filters: [{ name: 'PDF-Datei' }, { name: 'Alle Dateien' }] });
    desktopWords.set('fr-FR');
    expect(downloadDecision(`${SITE}/console/api/report.csv`, 'report.csv', SITE)).toMatchObject({ title: 'Enregistrer sous', filters: [{ name: 'Fichier CSV' }, { name: 'Tous les fichiers' }] });
  });
});
