/**
 * The main-process side of `window.repConsole`: one `ipcMain.handle` per channel of
 * logic/ipc-channels.ts. Each handler first checks who is calling (a frame of the appliance's
 * origin), then validates the arguments, and only then does anything.
 */
import { ipcMain, Notification } from 'electron';
import { IPC_CHANNELS, type IpcArgs, type IpcChannel, type IpcResult } from './logic/ipc-channels.js';
import { IpcRefusal, parseIpcArgs } from './logic/ipc-validation.js';
import type { SecretStore } from './logic/secret-store.js';
import { isTrustedSender } from './logic/security.js';

export interface IpcServices {
  readonly secrets: SecretStore;
  /** The SecretStore account holding the console's login token. */
  readonly loginTokenAccount: string;
  /** The SecretStore account holding the site's update token. */
  readonly updateTokenAccount: string;
  /** Called when a secret could not be stored because there is no keychain (the main process shows a notice). */
  readonly onSecretRefused?: () => void;
}

/** Registers every handler for a console served from `applianceOrigin`; returns a function that removes them. */
export function registerIpcHandlers(applianceOrigin: string, services: IpcServices): () => void {
  const channels: IpcChannel[] = [];

  function handle<C extends IpcChannel>(channel: C, run: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C>): void {
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url, applianceOrigin)) {
        throw new IpcRefusal(`Refused ${channel}: the call did not come from the console page of the embedded site.`);
      }
      return run(...parseIpcArgs(channel, raw));
    });
  }

  const { secrets, loginTokenAccount, updateTokenAccount } = services;
  const stored = (ok: boolean) => {
    if (!ok) services.onSecretRefused?.();
    return ok;
  };
  handle(IPC_CHANNELS.saveLoginToken, async (token) => (token === null ? secrets.delete(loginTokenAccount) : stored(await secrets.set(loginTokenAccount, token))));
  handle(IPC_CHANNELS.loadLoginToken, () => secrets.get(loginTokenAccount));
  handle(IPC_CHANNELS.notify, (title, body) => {
    // Not every Linux desktop runs a notification daemon; the console has its own in-window popups.
    if (Notification.isSupported()) new Notification({ title, body }).show();
  });
  handle(IPC_CHANNELS.saveUpdateToken, async (token) => stored(await secrets.set(updateTokenAccount, token)));
  handle(IPC_CHANNELS.keychainStatus, () => secrets.status());

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
