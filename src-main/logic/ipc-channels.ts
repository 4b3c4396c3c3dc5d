/**
 * The IPC contract between the preload and the main process: channel names, what each carries,
 * and the app facts handed to the preload on its command line. Both sides import this one module,
 * so a channel cannot be renamed on one side only.
 *
 * This module is bundled into the sandboxed preload, which is CommonJS without Node and without
 * `require` for packages: it must import nothing at all. The runtime validation of what arrives in
 * the main process (zod) lives beside it in ipc-validation.ts, checked against these types.
 */

/** Every channel, by the RepConsoleApi method it serves. */
export const IPC_CHANNELS = {
  saveLoginToken: 'rep-console:save-login-token',
  loadLoginToken: 'rep-console:load-login-token',
  notify: 'rep-console:notify',
  saveUpdateToken: 'rep-console:save-update-token',
  keychainStatus: 'rep-console:keychain-status',
  setWaitingCount: 'rep-console:set-waiting-count',
  saveFile: 'rep-console:save-file',
  openFiles: 'rep-console:open-files',
  takeBrcsCommands: 'rep-console:take-brcs-commands',
  setLanguage: 'rep-console:set-language',
} as const;

/** Main → renderer (no payload): a `.brcs` file left commands for the window; it takes them with takeBrcsCommands. */
export const BRCS_READY_EVENT = 'rep-console:brcs-ready';

/**
 * The commands of a `.brcs` file after its `login`, handed to the window to run (FORMATS.md §BRCS).
 * Already validated by the main process; the renderer's interpreter validates each again before it runs.
 */
export interface HandedBrcs {
  /** The file's name, for messages. */
  file: string;
  commands: { line: number; command: unknown }[];
}

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** What each channel's `invoke` sends and what its handler resolves with. */
export interface IpcContract {
  [IPC_CHANNELS.saveLoginToken]: { args: [token: string | null]; result: boolean };
  [IPC_CHANNELS.loadLoginToken]: { args: []; result: string | null };
  [IPC_CHANNELS.notify]: { args: [title: string, body: string]; result: void };
  [IPC_CHANNELS.saveUpdateToken]: { args: [token: string]; result: boolean };
  [IPC_CHANNELS.keychainStatus]: { args: []; result: KeychainInfo };
  [IPC_CHANNELS.setWaitingCount]: { args: [waiting: number]; result: void };
  [IPC_CHANNELS.saveFile]: { args: [kind: SaveFileKind, suggestedName: string, data: Uint8Array]; result: SavedFile };
  [IPC_CHANNELS.openFiles]: { args: []; result: OpenedFiles };
  [IPC_CHANNELS.takeBrcsCommands]: { args: []; result: HandedBrcs[] };
  [IPC_CHANNELS.setLanguage]: { args: [language: DesktopLanguage]; result: void };
}

/**
 * The languages the console page can tell the main process it shows (its own words: menus, native
 * dialogs). The same list as appliance/src/protocol/ui-languages.ts, spelled out because this
 * module imports nothing; ipc-validation.ts fails to compile if the two differ.
 */
export type DesktopLanguage = 'en-US' | 'fr-FR' | 'de-DE';

/** What a save dialog is for: a file from the remote computer, or a screenshot (PNG). */
export type SaveFileKind = 'file' | 'screenshot';
/** Saved (the name it got, never the folder), or the rep cancelled. */
export type SavedFile = { saved: true; fileName: string } | { saved: false };
/** The files the rep picked to upload, read by the main process; the ones it would not read, with why. */
export interface OpenedFiles {
  /** `lastModified`: the file's modification time (ms since 1970), so a re-picked file resumes its upload. */
  files: { name: string; data: Uint8Array; lastModified: number }[];
  refused: { name: string; reason: string }[];
}

/** Whether secrets can be remembered, and if not the coded reason to show (secret-store.ts KeychainStatus). */
export type KeychainInfo = { available: true } | { available: false; code: string; reason: string };

export type IpcArgs<C extends IpcChannel> = IpcContract[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** Size limits on what the renderer may send (a console token is 16–256 characters today). */
export const IPC_LIMITS = {
  tokenMaxLength: 1024,
  notificationTitleMaxLength: 200,
  notificationBodyMaxLength: 1000,
  waitingMax: 1_000_000,
  fileNameMaxLength: 255,
  /** Same as os-integration.ts DIALOG_LIMITS.maxFileBytes. */
  fileMaxBytes: 256 * 1024 * 1024,
} as const;

/** The OSes the console supports, as `process.platform` spells them. */
export type DesktopPlatform = 'win32' | 'darwin' | 'linux';

/** Facts about the app the preload exposes as `version` / `platform`. */
export interface AppInfo {
  readonly version: string;
  readonly platform: DesktopPlatform;
}

const VERSION_ARG = '--rep-console-version=';
const PLATFORM_ARG = '--rep-console-platform=';

function isDesktopPlatform(value: string): value is DesktopPlatform {
  return value === 'win32' || value === 'darwin' || value === 'linux';
}

/**
 * The `additionalArguments` that carry `info` to the preload: the app version is only known to
 * the main process (`app.getVersion()`), and a sandboxed preload can read `process.argv` but not
 * ask for it synchronously without blocking the renderer.
 */
export function appInfoArguments(info: AppInfo): string[] {
  return [`${VERSION_ARG}${info.version}`, `${PLATFORM_ARG}${info.platform}`];
}

/**
 * The AppInfo found in `argv` (the preload's `process.argv`), falling back to `fallbackPlatform`
 * (the preload's `process.platform`) and version "0.0.0" for whatever is missing or malformed.
 */
export function readAppInfo(argv: readonly string[], fallbackPlatform: string): AppInfo {
  const value = (prefix: string) => argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  const version = value(VERSION_ARG);
  const platform = value(PLATFORM_ARG);
  return {
    version: version && /^[0-9A-Za-z.+-]{1,64}$/.test(version) ? version : '0.0.0',
    platform: platform && isDesktopPlatform(platform) ? platform : isDesktopPlatform(fallbackPlatform) ? fallbackPlatform : 'linux',
  };
}
