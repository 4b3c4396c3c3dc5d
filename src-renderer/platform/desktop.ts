/** The console inside the desktop app: the login token lives in the OS keychain via the preload. */
import type { RepConsoleApi } from '../../src-preload/api.js';
import type { Platform } from './platform.js';
import { t } from '../lib/i18n/index.svelte.js';

export function createDesktopPlatform(api: RepConsoleApi): Platform {
  const save = async (token: string | null): Promise<void> => {
    if (!(await api.saveLoginToken(token)) && token !== null) {
      throw new Error(t('common.login.noKeychain'));
    }
  };
  return {
    kind: 'desktop',
    offersDesktopHandoff: false,
    loadLoginToken: async () => {
      try {
        return await api.loadLoginToken();
      } catch {
        return null;
      }
    },
    rememberLogin: (token) => save(token),
    forgetLogin: () => save(null),
    dropStaleLogin: () => save(null),
    notify: (title, body) => api.notify(title, body),
    // Optional in the bridge (an older preload lacks them): offered only when the preload has them.
    ...(api.setWaitingCount ? { setWaitingCount: (n: number) => api.setWaitingCount?.(n) } : {}),
    ...(api.saveFile ? { saveFile: api.saveFile.bind(api) } : {}),
    ...(api.openFiles ? { openFiles: api.openFiles.bind(api) } : {}),
    ...(api.takeBrcsCommands ? { takeBrcsCommands: api.takeBrcsCommands.bind(api) } : {}),
    ...(api.onBrcsCommandsReady ? { onBrcsCommandsReady: api.onBrcsCommandsReady.bind(api) } : {}),
    ...(api.setLanguage ? { setLanguage: api.setLanguage.bind(api) } : {}),
  };
}
