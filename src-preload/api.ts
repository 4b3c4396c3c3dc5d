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
}

declare global {
  interface Window {
    repConsole?: RepConsoleApi;
  }
}
