/**
 * The console window and the rules every web contents follows (the window's own, and any other
 * one Electron might create): stay on the appliance's origin, open no windows, attach no webviews.
 */
import { BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './logic/external-links.js';
import { hardenedWebPreferences, isAllowedNavigation } from './logic/security.js';
import { consoleUrl, MAIN_WINDOW, windowBackground } from './logic/window-options.js';

/**
 * Locks down `contents`: navigation and redirects only within `applianceOrigin()` (null until the
 * appliance is up: then nothing is allowed), new windows refused — https links go to the system
 * browser instead — and webviews never attached.
 */
export function hardenWebContents(contents: WebContents, applianceOrigin: () => string | null, report: (message: string) => void): void {
  const allowed = (url: string) => {
    const origin = applianceOrigin();
    return origin !== null && isAllowedNavigation(url, origin);
  };
  contents.on('will-navigate', (event) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    report(`Blocked navigation away from the embedded site: ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    report(`Blocked redirect away from the embedded site: ${event.url}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    else report(`Refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    report('Refused to attach a webview.');
  });
}

export interface MainWindowOptions {
  readonly applianceUrl: string;
  readonly preload: string;
  readonly additionalArguments: readonly string[];
  readonly report: (message: string, error?: unknown) => void;
}

/** Opens the console window on the appliance's /console, shown once it has painted. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...MAIN_WINDOW,
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      ...hardenedWebPreferences(opts.preload, opts.additionalArguments),
      // Repeated here, where static checkers (npm run electronegativity) look for them.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(consoleUrl(opts.applianceUrl)).catch((error: unknown) => opts.report('The console page did not load.', error));
  return win;
}

/** Brings `win` to the front (a second launch, a `.brcs` double-click). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
