/**
 * The main-process side of `window.repConsole`: one `ipcMain.handle` per channel of
 * logic/ipc-channels.ts. Each handler first checks who is calling (a frame of the appliance's
 * origin), then validates the arguments, and only then does anything.
 */
import { ipcMain } from 'electron';
import { IPC_CHANNELS, type DesktopLanguage, type HandedBrcs, type IpcArgs, type IpcChannel, type IpcResult } from './logic/ipc-channels.js';
import { IpcRefusal, parseIpcArgs } from './logic/ipc-validation.js';
import type { SecretStore } from './logic/secret-store.js';
import type { OsIntegration } from './os.js';
import { isTrustedSender } from './logic/security.js';

export interface IpcServices {
  readonly secrets: SecretStore;
  /** The SecretStore account holding the console's login token. */
  readonly loginTokenAccount: string;
  /** The SecretStore account holding the site's update token. */
  readonly updateTokenAccount: string;
  /** Called when a secret could not be stored because there is no keychain (the main process shows a notice). */
  readonly onSecretRefused?: () => void;
  /** Called after the console kept a new login token (the first login fetches the update token). */
  readonly onLogin?: (token: string) => void;
  /** A login handed to the window once, in memory (a .brcs hand-off), read before the keychain's. */
  readonly takePendingLogin?: () => string | null;
  /** The `.brcs` commands left for this site's window (logic/brcs-handover.ts), once. */
  readonly takeBrcsCommands?: () => HandedBrcs[];
  /** The language the console page shows (the main process's own words follow it). */
  readonly setLanguage?: (language: DesktopLanguage) => void;
  /** Badge, notifications, native dialogs. */
  readonly os: OsIntegration;
}

/**
 * Registers every handler for the console of the site the window shows (`siteOrigin()`: the embedded
 * appliance, or the site the rep connected to); returns a function that removes them. The account
 * names are asked for on each call, as they follow the current site.
 */
export function registerIpcHandlers(siteOrigin: () => string | null, services: IpcServices | (() => IpcServices)): () => void {
  const svc = typeof services === 'function' ? services : () => services;
  const channels: IpcChannel[] = [];

  function handle<C extends IpcChannel>(channel: C, run: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C>): void {
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
      const origin = siteOrigin();
      if (origin === null || !isTrustedSender(event.senderFrame?.url, origin)) {
        throw new IpcRefusal(`Refused ${channel}: the call did not come from the console page of the embedded site.`);
      }
      return run(...parseIpcArgs(channel, raw));
    });
  }

  const stored = (ok: boolean) => {
    if (!ok) svc().onSecretRefused?.();
    return ok;
  };
  handle(IPC_CHANNELS.saveLoginToken, async (token) => {
    const { secrets, loginTokenAccount, onLogin } = svc();
    if (token === null) return secrets.delete(loginTokenAccount);
    const ok = stored(await secrets.set(loginTokenAccount, token));
    onLogin?.(token);
    return ok;
  });
  handle(IPC_CHANNELS.loadLoginToken, async () => svc().takePendingLogin?.() ?? (await svc().secrets.get(svc().loginTokenAccount)));
  handle(IPC_CHANNELS.notify, (title, body) => svc().os.notify(title, body));
  handle(IPC_CHANNELS.saveUpdateToken, async (token) => stored(await svc().secrets.set(svc().updateTokenAccount, token)));
  handle(IPC_CHANNELS.keychainStatus, () => svc().secrets.status());
  handle(IPC_CHANNELS.setWaitingCount, (waiting) => svc().os.setWaiting(waiting));
  handle(IPC_CHANNELS.saveFile, (kind, name, data) => svc().os.saveFile(kind, name, data));
  handle(IPC_CHANNELS.openFiles, () => svc().os.openFiles());
  handle(IPC_CHANNELS.takeBrcsCommands, () => svc().takeBrcsCommands?.() ?? []);
  handle(IPC_CHANNELS.setLanguage, (language) => svc().setLanguage?.(language));

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
