/**
 * The shape of `window.repConsole`: the one small capability object the desktop preload exposes to the
 * renderer. Only what a browser tab cannot do lives here; the console works without it (web) and
 * picks its platform implementation once, in src-renderer/platform/.
 */
export interface RepConsoleApi {
  /** App version and OS, for the About box and the platform chooser. */
  readonly version: string;
  readonly platform: 'win32' | 'darwin' | 'linux';
  /** Keep the console's resume token in the OS keychain (null = forget it). Resolves false when no keychain is available. */
  saveLoginToken(token: string | null): Promise<boolean>;
  /** The token saved by saveLoginToken, or null. */
  loadLoginToken(): Promise<string | null>;
  /** A desktop notification (new session in a queue, chat while unfocused). */
  notify(title: string, body: string): void;
  /**
   * Keep the update token the site hands out at login in the OS keychain (FEATURES.md §H); the
   * console's updater sends it with every update request. Resolves false when no keychain is available.
   * Optional (like keychainStatus): the page checks for it, so an older preload still works.
   */
  saveUpdateToken?(token: string): Promise<boolean>;
  /** Whether the OS keychain can remember secrets; when not, `reason` is the notice to show and `code` says which case. */
  keychainStatus?(): Promise<{ available: true } | { available: false; code: string; reason: string }>;
  /** Sessions waiting in the rep's queues: the dock/taskbar badge, the tray tooltip and the window title. */
  setWaitingCount?(waiting: number): void;
  /**
   * The native save dialog for a file from the remote computer or a screenshot (PNG), then writes
   * `data` there. Resolves with the name it was saved under (never the folder), or saved:false.
   */
  saveFile?(kind: 'file' | 'screenshot', suggestedName: string, data: Uint8Array): Promise<{ saved: true; fileName: string } | { saved: false }>;
  /** The native open dialog for files to upload: their names and bytes (at most 20 files, 256 MB), and the ones refused. */
  openFiles?(): Promise<{ files: { name: string; data: Uint8Array; lastModified?: number }[]; refused: { name: string; reason: string }[] }>;
  /**
   * The commands of a `.brcs` file after its `login` (FORMATS.md §BRCS), once: the console runs them
   * when the rep is in. onBrcsCommandsReady calls back when another file left commands; returns the unsubscribe.
   */
  takeBrcsCommands?(): Promise<{ file: string; commands: { line: number; command: unknown }[] }[]>;
  onBrcsCommandsReady?(listener: () => void): () => void;
  /**
   * The language the console shows, each time it is set: the app's own words (menu, native dialogs,
   * tray) follow it. Any other value is refused by the main process.
   */
  setLanguage?(language: 'en-US' | 'fr-FR' | 'de-DE'): void;
}

declare global {
  interface Window {
    repConsole?: RepConsoleApi;
  }
}
