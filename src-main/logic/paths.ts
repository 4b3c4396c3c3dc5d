/**
 * Where the desktop console keeps and finds things. The bundles sit side by side in `out/`
 * (`out/main/index.js`, `out/preload/index.cjs`, `out/renderer/`), inside app.asar once packaged,
 * so everything is found relative to the main bundle's own directory — never the working directory,
 * which is wherever the user (or the OS, for a `.brcs` double-click) started us from.
 */
import { isAbsolute, join } from 'node:path';

/** What the main process knows about its location and Electron's per-user directory. */
export interface AppLocations {
  /** `app.getPath('userData')`: per user, per app; survives updates. */
  readonly userData: string;
  /** The directory of the main bundle (`import.meta.dirname` of out/main/index.js). */
  readonly mainDir: string;
}

export interface DesktopPaths {
  /** The embedded site's data directory (SQLite database and files). */
  readonly dataDir: string;
  /** Where the SecretStore keeps its encrypted blobs. */
  readonly secretsDir: string;
  /** The embedded appliance's log (there is no terminal to log to in an installed app). */
  readonly applianceLog: string;
  /** The sandboxed preload bundle (CommonJS: sandboxed preloads cannot be ES modules). */
  readonly preload: string;
  /** The built Svelte pages the embedded appliance serves. */
  readonly rendererDir: string;
}

/** Every path the desktop console uses, derived from where Electron says things are. */
export function desktopPaths({ userData, mainDir }: AppLocations): DesktopPaths {
  return {
    dataDir: join(userData, 'site'),
    secretsDir: userData,
    applianceLog: join(userData, 'logs', 'appliance.log'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
  };
}

/** The environment variable that moves the whole per-user directory (tests, trainers running two demos side by side). */
export const USER_DATA_ENV = 'REP_CONSOLE_USER_DATA_DIR';

/**
 * The user-data directory asked for in the environment, or null to keep Electron's default. Only
 * absolute paths count: a relative one would depend on the working directory, which varies.
 */
export function userDataOverride(env: Readonly<Record<string, string | undefined>>): string | null {
  const dir = env[USER_DATA_ENV]?.trim();
  return dir && isAbsolute(dir) ? dir : null;
}
