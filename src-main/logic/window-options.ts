/** The main window's size and chrome: the console is dense, and is designed for 1366×768 and up (UI.md). */

export const MAIN_WINDOW = {
  title: 'Rep Console',
  width: 1366,
  height: 820,
  minWidth: 1024,
  minHeight: 640,
  // Shown on `ready-to-show`, so the rep never sees a blank white frame first.
  show: false,
} as const;

/**
 * The window's background before the first paint: the console's own `--bg` for the OS theme
 * (src-renderer/styles/theme.css), so resizing or a slow first paint does not flash white in dark mode.
 */
export function windowBackground(prefersDark: boolean): string {
  return prefersDark ? '#12161d' : '#f5f6f8';
}

/** The console page of an appliance at `applianceUrl` (with or without a trailing slash). */
export function consoleUrl(applianceUrl: string): string {
  return `${applianceUrl.replace(/\/+$/, '')}/console`;
}
