/**
 * The desktop console's preload: exposes `window.repConsole` (RepConsoleApi, ./api.ts) and nothing
 * else. Runs sandboxed, bundled to CommonJS (out/preload/index.cjs): it may import `electron` and
 * the dependency-free IPC contract, nothing that needs Node or a package at run time.
 *
 * Each method is one `ipcRenderer.invoke` on a named channel with plain arguments; the page never
 * gets `ipcRenderer` itself, so it cannot reach a channel that is not listed here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRCS_READY_EVENT, IPC_CHANNELS, readAppInfo, type IpcArgs, type IpcChannel, type IpcResult } from '../src-main/logic/ipc-channels.js';
import type { RepConsoleApi } from './api.js';

/** A typed `invoke`: the channel decides the argument and result types. */
function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<C>>;
}

const info = readAppInfo(process.argv, process.platform);

const api: RepConsoleApi = {
  version: info.version,
  platform: info.platform,
  saveLoginToken: (token) => invoke(IPC_CHANNELS.saveLoginToken, token),
  loadLoginToken: () => invoke(IPC_CHANNELS.loadLoginToken),
  notify: (title, body) => {
    // Fire and forget (the API returns void): a refused or failed notification is not the page's problem.
    invoke(IPC_CHANNELS.notify, title, body).catch(() => undefined);
  },
  saveUpdateToken: (token) => invoke(IPC_CHANNELS.saveUpdateToken, token),
  keychainStatus: () => invoke(IPC_CHANNELS.keychainStatus),
  setWaitingCount: (waiting) => {
    invoke(IPC_CHANNELS.setWaitingCount, Math.max(0, Math.floor(waiting))).catch(() => undefined);
  },
  saveFile: (kind, suggestedName, data) => invoke(IPC_CHANNELS.saveFile, kind, suggestedName, data),
  openFiles: () => invoke(IPC_CHANNELS.openFiles),
  takeBrcsCommands: () => invoke(IPC_CHANNELS.takeBrcsCommands),
  setLanguage: (language) => {
    // Fire and forget, like setWaitingCount: the page's words do not wait for the menu's.
    invoke(IPC_CHANNELS.setLanguage, language).catch(() => undefined);
  },
  onBrcsCommandsReady: (listener) => {
    // The page gets a bare call, never the IPC event (its sender would expose ipcRenderer).
    const onReady = () => listener();
    ipcRenderer.on(BRCS_READY_EVENT, onReady);
    return () => void ipcRenderer.removeListener(BRCS_READY_EVENT, onReady);
  },
};

contextBridge.exposeInMainWorld('repConsole', Object.freeze(api));
