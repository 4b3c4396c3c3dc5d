import { afterEach, describe, expect, it } from 'vitest';
import { desktopWords } from './desktop-words.js';
import { DIALOG_LIMITS, notificationPlan, openDialogPlan, safeFileName, saveDialogPlan, savePathFor, unreadableReason, uploadSelection, waitingIndicators } from './os-integration.js';

describe('waiting sessions on the badge, tray and title', () => {
  it.each([
    [0, { badgeCount: 0, overlayText: null, trayTooltip: 'Rep Console: no sessions waiting', windowTitle: 'Rep Console' }],
    [1, { badgeCount: 1, overlayText: '1', trayTooltip: 'Rep Console: 1 session waiting', windowTitle: '(1) Rep Console' }],
    [12, { badgeCount: 12, overlayText: '9+', trayTooltip: 'Rep Console: 12 sessions waiting', windowTitle: '(12) Rep Console' }],
    [-3, { badgeCount: 0, overlayText: null }],
    [Number.NaN, { badgeCount: 0 }],
  ])('%s waiting', (n, expected) => {
    expect(waitingIndicators(n)).toMatchObject(expected);
  });

  it('names the site when it is not the embedded one', () => {
    expect(waitingIndicators(2, 'support.example.com').windowTitle).toBe('(2) Rep Console — support.example.com');
    expect(waitingIndicators(2, 'support.example.com').trayTooltip).toBe('Rep Console — support.example.com: 2 sessions waiting');
  });
});

describe('notifications', () => {
  it('only when the window is not focused, one clean line each', () => {
    expect(notificationPlan('New Session', 'Kim is waiting in General', true)).toBeNull();
    expect(notificationPlan('New Session', 'Kim\nis\u0007 waiting', false)).toEqual({ title: 'New Session', body: 'Kim is waiting', silent: false });
    expect(notificationPlan('  ', 'x', false)).toBeNull();
    expect(notificationPlan('t'.repeat(100), 'b'.repeat(500), false)).toMatchObject({ title: 't'.repeat(64), body: 'b'.repeat(240) });
  });
});

describe('save and open dialogs', () => {
  it('suggest safe names in the right folder', () => {
    expect(saveDialogPlan('file', '../../etc/passwd')).toMatchObject({ fileName: 'etc_passwd', folder: 'downloads' });
    expect(saveDialogPlan('file', 'C:\\Windows\\report.txt').fileName).toBe('C_Windows_report.txt');
    expect(saveDialogPlan('screenshot', 'WS-042 12:00')).toMatchObject({ fileName: 'WS-042 12_00.png', folder: 'pictures', filters: [{ extensions: ['png'] }] });
    expect(saveDialogPlan('screenshot', 'shot.PNG').fileName).toBe('shot.png');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('...')).toBe('download');
  });

  it('write exactly where the rep picked, nothing else', () => {
    expect(savePathFor('/home/ana/Downloads/report.txt')).toBe('/home/ana/Downloads/report.txt');
    expect(savePathFor('C:\\Users\\ana\\Pictures\\WS-042')).toBe('C:\\Users\\ana\\Pictures\\WS-042');
    expect(savePathFor('D:/shots/a.PNG')).toBe('D:/shots/a.PNG');
    expect(savePathFor('\\\\server\\share\\a.txt')).toBe('\\\\server\\share\\a.txt');
    for (const bad of [undefined, '', 'report.txt', '../etc/passwd', '/home/ana/', 'C:report.txt']) expect(savePathFor(bad), String(bad)).toBeNull();
  });

  it('take at most 20 files and 256 MB per upload', () => {
    const big = DIALOG_LIMITS.maxFileBytes;
    const r = uploadSelection([
      { path: '/home/ana/a.txt', size: 10 },
      { path: 'C:\\Users\\ana\\huge.iso', size: big + 1 },
      ...Array.from({ length: 21 }, (_, i) => ({ path: `/tmp/f${i}`, size: 1 })),
    ]);
    expect(r.accepted).toHaveLength(20);
    expect(r.accepted[0]).toEqual({ path: '/home/ana/a.txt', name: 'a.txt' });
    expect(r.refused).toEqual([{ name: 'huge.iso', reason: 'larger than 256 MB' }, { name: 'f19', reason: 'more than 20 files at once' }, { name: 'f20', reason: 'more than 20 files at once' }]);
  });
});

describe('in the rep’s language', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('counts waiting sessions and words the dialogs in French or German', () => {
    desktopWords.set('fr-FR');
    expect(waitingIndicators(0)).toMatchObject({ trayTooltip: 'Rep Console : aucune session en attente', windowTitle: 'Rep Console' });
    expect(waitingIndicators(1, 'support.example.com')).toMatchObject({ overlayDescription: '1 session en attente', trayTooltip: 'Rep Console — support.example.com : 1 session en attente' });
    expect(saveDialogPlan('screenshot', 'x')).toMatchObject({ title: 'Enregistrer la capture d’écran', filters: [{ name: 'Image PNG' }] });
    expect(openDialogPlan()).toEqual({ title: 'Téléverser des fichiers', properties: ['openFile', 'multiSelections'] });
    desktopWords.set('de-DE');
    expect(waitingIndicators(12).overlayDescription).toBe('12 wartende Sitzungen');
    expect(saveDialogPlan('file', 'a.txt')).toMatchObject({ title: 'Datei speichern', filters: [{ name: 'Alle Dateien' }] });
    const r = uploadSelection([{ path: '/tmp/huge.iso', size: DIALOG_LIMITS.maxFileBytes + 1 }]);
    expect(r.refused).toEqual([{ name: 'huge.iso', reason: 'größer als 256 MB' }]);
    expect(unreadableReason()).toBe('keine lesbare Datei');
  });
});
