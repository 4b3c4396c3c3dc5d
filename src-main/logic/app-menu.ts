/**
 * The application menu, in the rep's language: Site (the embedded demo site, the remembered sites,
 * Connect to Another Site…, Quit) and the usual Edit, View and Window menus (on macOS the app menu
 * too). Electron's role menus ('editMenu'…) bring English labels of their own, so each is spelled
 * out here with its roles (which keep their accelerators and behaviour) and our words. Built again
 * whenever the language or the sites change (src-main/index.ts).
 */
import { word } from './desktop-words.js';
import { EMBEDDED_SITE } from './sites.js';

/** The Electron menu roles this menu uses. */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll' | 'startSpeaking' | 'stopSpeaking'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'close' | 'front' | 'window';

/** A menu item as Electron's `Menu.buildFromTemplate` takes it (the part we use). */
export interface MenuItemSpec {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'normal' | 'separator' | 'radio' | 'submenu';
  readonly checked?: boolean;
  readonly click?: () => void;
  readonly submenu?: MenuItemSpec[];
}

export interface AppMenuInput {
  /** `process.platform`: macOS gets the app menu and its own Edit and Window items. */
  readonly platform: string;
  /** The product name, for "About Rep Console", "Quit Rep Console". */
  readonly appName: string;
  /** The site the window shows: EMBEDDED_SITE or an origin. */
  readonly current: string | null;
  /** Remembered sites' origins, most recent first (at most 10 are listed). */
  readonly recent: readonly string[];
  readonly showSite: (id: string) => void;
  readonly connectToAnotherSite: () => void;
}

const separator: MenuItemSpec = { type: 'separator' };

/** The menu template for `input`, worded in the current language. */
export function appMenuTemplate(input: AppMenuInput): MenuItemSpec[] {
  const mac = input.platform === 'darwin';
  const app = { app: input.appName };
  const siteMenu: MenuItemSpec = {
    label: word('desktop.menu.site'),
    submenu: [
      { label: word('desktop.menu.embeddedSite'), type: 'radio', checked: input.current === EMBEDDED_SITE, click: () => input.showSite(EMBEDDED_SITE) },
      ...input.recent.slice(0, 10).map((origin): MenuItemSpec => ({ label: new URL(origin).host, type: 'radio', checked: input.current === origin, click: () => input.showSite(origin) })),
      separator,
      { label: word('desktop.menu.connectToAnother'), click: input.connectToAnotherSite },
      separator,
      { role: 'quit', label: mac ? word('desktop.menu.quitApp', app) : word(input.platform === 'win32' ? 'desktop.menu.exit' : 'desktop.menu.quit') },
    ],
  };
  const editMenu: MenuItemSpec = {
    label: word('desktop.menu.edit'),
    submenu: [
      { role: 'undo', label: word('desktop.menu.undo') },
      { role: 'redo', label: word('desktop.menu.redo') },
      separator,
      { role: 'cut', label: word('desktop.menu.cut') },
      { role: 'copy', label: word('desktop.menu.copy') },
      { role: 'paste', label: word('desktop.menu.paste') },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: word('desktop.menu.pasteAndMatchStyle') } as const] : []),
      { role: 'delete', label: word('desktop.menu.delete') },
      ...(mac ? [] : [separator]),
      { role: 'selectAll', label: word('desktop.menu.selectAll') },
      ...(mac
        ? [
            separator,
            {
              label: word('desktop.menu.speech'),
              submenu: [
                { role: 'startSpeaking', label: word('desktop.menu.startSpeaking') },
                { role: 'stopSpeaking', label: word('desktop.menu.stopSpeaking') },
              ],
            } satisfies MenuItemSpec,
          ]
        : []),
    ],
  };
  const viewMenu: MenuItemSpec = {
    label: word('desktop.menu.view'),
    submenu: [
      { role: 'reload', label: word('desktop.menu.reload') },
      { role: 'forceReload', label: word('desktop.menu.forceReload') },
      { role: 'toggleDevTools', label: word('desktop.menu.toggleDevTools') },
      separator,
      { role: 'resetZoom', label: word('desktop.menu.resetZoom') },
      { role: 'zoomIn', label: word('desktop.menu.zoomIn') },
      { role: 'zoomOut', label: word('desktop.menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: word('desktop.menu.toggleFullScreen') },
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: word('desktop.menu.window'),
    // On macOS the 'window' role lets the system list the open windows in it.
    ...(mac ? { role: 'window' as const } : {}),
    submenu: [
      { role: 'minimize', label: word('desktop.menu.minimize') },
      { role: 'zoom', label: word('desktop.menu.zoom') },
      ...(mac ? [separator, { role: 'front', label: word('desktop.menu.front') } as const] : [{ role: 'close', label: word('desktop.menu.close') } as const]),
    ],
  };
  const appMenu: MenuItemSpec = {
    label: input.appName,
    submenu: [
      { role: 'about', label: word('desktop.menu.about', app) },
      separator,
      { role: 'services', label: word('desktop.menu.services') },
      separator,
      { role: 'hide', label: word('desktop.menu.hide', app) },
      { role: 'hideOthers', label: word('desktop.menu.hideOthers') },
      { role: 'unhide', label: word('desktop.menu.unhide') },
      separator,
      { role: 'quit', label: word('desktop.menu.quitApp', app) },
    ],
  };
  return [...(mac ? [appMenu] : []), siteMenu, editMenu, viewMenu, windowMenu];
}
