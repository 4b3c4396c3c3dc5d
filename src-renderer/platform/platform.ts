/**
 * What differs between the console in a browser tab and in the desktop app, behind one interface.
 * `console/main.ts` picks the implementation once; nothing else asks "am I in Electron?".
 */
import type { ConsoleKind } from '../../appliance/src/protocol/index.js';
import type { UiLanguage } from '../../appliance/src/protocol/ui-languages.js';

export interface Platform {
  /** Sent with `auth.login` / `auth.resume`. */
  readonly kind: ConsoleKind;
  /** Whether the Actions menu offers "Desktop Representative Console" (the browser only). */
  readonly offersDesktopHandoff: boolean;
  /** A login token kept from an earlier run (the desktop keychain), or null. */
  loadLoginToken(): Promise<string | null>;
  /**
   * Keeps a fresh login across reloads / restarts. The web console trades the token for an HttpOnly
   * cookie (so no script can read it); the desktop console stores it in the OS keychain.
   * Rejects with an Error whose message says what did not work; the login itself still stands.
   */
  rememberLogin(token: string): Promise<void>;
  /** Log Out: forget the kept login (web: clears the cookie; desktop: clears the keychain). */
  forgetLogin(): Promise<void>;
  /**
   * The kept login is dead (kicked, expired). The desktop drops it; the browser leaves the cookie
   * alone because it is shared by every tab and may already hold another tab's newer login.
   */
  dropStaleLogin(): Promise<void>;
  /** A system notification (desktop); the browser relies on the in-page popup. */
  notify(title: string, body: string): void;
  /** Desktop only: the count of waiting sessions on the badge / tray / title. */
  setWaitingCount?(waiting: number): void;
  /**
   * Desktop only (absent in the browser, which downloads and picks files itself): the native save
   * dialog for a file from the remote computer or a screenshot, and the native open dialog for uploads.
   */
  saveFile?(kind: 'file' | 'screenshot', suggestedName: string, data: Uint8Array): Promise<{ saved: true; fileName: string } | { saved: false }>;
  openFiles?(): Promise<{ files: { name: string; data: Uint8Array; lastModified?: number }[]; refused: { name: string; reason: string }[] }>;
  /** Desktop only: the commands `.brcs` files left for this console (once), and a call when more arrive. */
  takeBrcsCommands?(): Promise<{ file: string; commands: { line: number; command: unknown }[] }[]>;
  onBrcsCommandsReady?(listener: () => void): () => void;
  /** Desktop only: tells the app which language the page shows (its menu and native dialogs follow). */
  setLanguage?(language: UiLanguage): void;
}
