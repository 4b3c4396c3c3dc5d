import { afterEach, describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, type AppMenuInput, type MenuItemSpec } from './app-menu.js';
import { desktopWords } from './desktop-words.js';
import { EMBEDDED_SITE } from './sites.js';

afterEach(() => void desktopWords.set('en-US'));

const input = (over: Partial<AppMenuInput> = {}): AppMenuInput => ({
  platform: 'linux',
  appName: 'Rep Console',
  current: EMBEDDED_SITE,
  recent: ['https://support.example.com', 'http://127.0.0.1:4000'],
  showSite: vi.fn(),
  connectToAnotherSite: vi.fn(),
  ...over,
});
const labels = (items: readonly MenuItemSpec[] | undefined): (string | undefined)[] => (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);

describe('the application menu', () => {
  it('lists the embedded site, the remembered ones, Connect to Another Site… and Quit', () => {
    const i = input();
    const [site, edit, view, win] = appMenuTemplate(i);
    expect(labels([site!, edit!, view!, win!])).toEqual(['Site', 'Edit', 'View', 'Window']);
    expect(labels(site!.submenu)).toEqual(['Embedded Demo Site', 'support.example.com', '127.0.0.1:4000', 'Connect to Another Site…', 'Quit']);
    expect(site!.submenu!.filter((x) => x.type === 'radio').map((x) => x.checked)).toEqual([true, false, false]);
    site!.submenu![1]!.click?.();
    site!.submenu!.find((x) => x.label === 'Connect to Another Site…')!.click?.();
    expect(i.showSite).toHaveBeenCalledWith('https://support.example.com');
    expect(i.connectToAnotherSite).toHaveBeenCalledOnce();
    expect(site!.submenu!.at(-1)).toMatchObject({ role: 'quit' });
  });

  it('words every item itself, roles kept (Electron’s role labels would stay English)', () => {
    desktopWords.set('fr-FR');
    const [site, edit, view, win] = appMenuTemplate(input({ platform: 'win32', current: 'https://support.example.com' }));
    expect(labels(site!.submenu)).toEqual(['Site de démonstration intégré', 'support.example.com', '127.0.0.1:4000', 'Se connecter à un autre site…', 'Quitter']);
    expect(site!.submenu!.filter((x) => x.type === 'radio').map((x) => x.checked)).toEqual([false, true, false]);
    expect(labels([edit!, view!, win!])).toEqual(['Édition', 'Affichage', 'Fenêtre']);
    expect(edit!.submenu!.find((x) => x.role === 'copy')?.label).toBe('Copier');
    const everyItem = (items: readonly MenuItemSpec[]): MenuItemSpec[] => items.flatMap((x) => [x, ...everyItem(x.submenu ?? [])]);
    for (const item of everyItem(appMenuTemplate(input()))) if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
  });

  it('has the app menu and the macOS items on macOS, in German after a change', () => {
    desktopWords.set('de-DE');
    const [appMenu, site, edit] = appMenuTemplate(input({ platform: 'darwin' }));
    expect(appMenu!.label).toBe('Rep Console');
    expect(labels(appMenu!.submenu)).toEqual(['Über Rep Console', 'Dienste', 'Rep Console ausblenden', 'Andere ausblenden', 'Alle einblenden', 'Rep Console beenden']);
    expect(site!.submenu!.at(-1)).toMatchObject({ role: 'quit', label: 'Rep Console beenden' });
    expect(labels(edit!.submenu)).toContain('Einsetzen und Stil anpassen');
  });
});
