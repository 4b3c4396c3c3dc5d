/**
 * The application menu, in the rep's language: Site (the embedded demo site, the remembered sites,
 * Connect to Another Site…, Quit) and the usual Edit, View and Window menus (on macOS the app menu
 * too). Electron's role menus ('editMenu'…) bring English labels of their own, so each is spelled
 * out here with its roles (which keep their accelerators and behaviour) and our words. Built again
 * whenever the language or the sites change (src-main/index.ts).
 */
import { word, type DesktopKey, type WordValues } from './desktop-words.js';
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

/** Roles whose label is the catalogue's `desktop.menu.<role>`. */
type WordedRole = { [R in MenuRole]: `desktop.menu.${R}` extends DesktopKey ? R : never }[MenuRole];

/** A role item (Electron's accelerator and behaviour) with our words for its label. */
const roleItem = (role: WordedRole, values?: WordValues): MenuItemSpec => ({ role, label: word(`desktop.menu.${role}`, values) });

/** The menu template for `input`, worded in the current language. */
export function appMenuTemplate(input: AppMenuInput): MenuItemSpec[] {
  const mac = input.platform === 'darwin';
  const app = { app: input.appName };
  const quit: MenuItemSpec = { role: 'quit', label: mac ? word('desktop.menu.quitApp', app) : word(input.platform === 'win32' ? 'desktop.menu.exit' : 'desktop.menu.quit') };
  const siteMenu: MenuItemSpec = {
    label: word('desktop.menu.site'),
    submenu: [
      { label: word('desktop.menu.embeddedSite'), type: 'radio', checked: input.current === EMBEDDED_SITE, click: () => input.showSite(EMBEDDED_SITE) },
      ...input.recent.slice(0, 10).map((origin): MenuItemSpec => ({ label: new URL(origin).host, type: 'radio', checked: input.current === origin, click: () => input.showSite(origin) })),
      separator,
      { label: word('desktop.menu.connectToAnother'), click: input.connectToAnotherSite },
      separator,
      quit,
    ],
  };
  const editMenu: MenuItemSpec = {
    label: word('desktop.menu.edit'),
    submenu: [
      roleItem('undo'),
      roleItem('redo'),
      separator,
      roleItem('cut'),
      roleItem('copy'),
      roleItem('paste'),
      ...(mac ? [roleItem('pasteAndMatchStyle')] : []),
      roleItem('delete'),
      ...(mac ? [] : [separator]),
      roleItem('selectAll'),
      ...(mac ? [separator, { label: word('desktop.menu.speech'), submenu: [roleItem('startSpeaking'), roleItem('stopSpeaking')] }] : []),
    ],
  };
  const viewMenu: MenuItemSpec = {
    label: word('desktop.menu.view'),
    submenu: [
      roleItem('reload'),
      roleItem('forceReload'),
      roleItem('toggleDevTools'),
      separator,
      roleItem('resetZoom'),
      roleItem('zoomIn'),
      roleItem('zoomOut'),
      separator,
      roleItem('togglefullscreen'),
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: word('desktop.menu.window'),
    // On macOS the 'window' role lets the system list the open windows in it.
    ...(mac ? { role: 'window' as const } : {}),
    submenu: [roleItem('minimize'), roleItem('zoom'), ...(mac ? [separator, roleItem('front')] : [roleItem('close')])],
  };
  const appMenu: MenuItemSpec = {
    label: input.appName,
    submenu: [roleItem('about', app), separator, roleItem('services'), separator, roleItem('hide', app), roleItem('hideOthers'), roleItem('unhide'), separator, quit],
  };
  return [...(mac ? [appMenu] : []), siteMenu, editMenu, viewMenu, windowMenu];
}
