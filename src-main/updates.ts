/**
 * Software updates through electron-updater's generic provider against the connected site's feed
 * (FORMATS.md §Update feed). Every decision is logic/auto-update.ts's; this file asks the keychain
 * for the update token, shows the rep what the decision says, and drives electron-updater.
 */
import { dialog, type BrowserWindow } from 'electron';
import {
  autoUpdateEnabled,
  decideUpdate,
  isNewerVersion,
  updateFailure,
  updateFeedUrl,
  updatePlatform,
  updateRequestHeaders,
} from './logic/auto-update.js';
import { word } from './logic/desktop-words.js';
import { APP_TITLE } from './logic/os-integration.js';
import type { InstallSettings } from './logic/install-settings.js';
import type { SecretStore } from './logic/secret-store.js';

export { ensureUpdateToken, fetchSiteVersion } from './logic/update-token.js';

export interface UpdateContext {
  readonly settings: InstallSettings;
  readonly secrets: SecretStore;
  readonly updateTokenAccount: string;
  /** The site's origin (the feed is below it) and the version it runs. */
  readonly siteOrigin: string;
  readonly siteVersion: string;
  readonly appVersion: string;
  readonly window: () => BrowserWindow | null;
  readonly report: (message: string, error?: unknown) => void;
}

function show(ctx: UpdateContext, type: 'info' | 'error', message: string): void {
  const win = ctx.window();
  const title = word(type === 'error' ? 'desktop.update.errorTitle' : 'desktop.update.availableTitle');
  const options = { type, title: APP_TITLE, message: title, detail: message, buttons: [word('desktop.button.ok')] };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).catch(() => undefined);
}

/** Decides (logic/auto-update.ts) and acts: nothing, a notice, the (1.1gws) error, or an update. */
export async function checkForUpdates(ctx: UpdateContext): Promise<void> {
  const token = await ctx.secrets.get(ctx.updateTokenAccount);
  const decision = decideUpdate({
    scope: ctx.settings.scope,
    shouldAutoUpdate: ctx.settings.shouldAutoUpdate,
    hasToken: token !== null,
    siteUpgraded: isNewerVersion(ctx.siteVersion, ctx.appVersion),
  });
  if (decision.action === 'none') return;
  if (decision.action === 'manual') return show(ctx, 'info', decision.message);
  if (decision.action === 'error') return show(ctx, 'error', decision.message);

  const platform = updatePlatform(process.platform);
  if (!platform || !autoUpdateEnabled(ctx.settings) || token === null) return;
  // Loaded only here: most installs never auto-update, and it needs the packaged app's app-update.yml.
  const { default: updater } = await import('electron-updater');
  const { autoUpdater } = updater;
  autoUpdater.setFeedURL({ provider: 'generic', url: updateFeedUrl(ctx.siteOrigin, platform) });
  autoUpdater.requestHeaders = updateRequestHeaders(token);
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => {
    const failure = updateFailure(error);
    if (failure.code === '1.1gws') show(ctx, 'error', failure.message);
    else ctx.report(failure.message);
  });
  try {
    await autoUpdater.checkForUpdatesAndNotify();
  } catch (error) {
    const failure = updateFailure(error);
    if (failure.code === '1.1gws') show(ctx, 'error', failure.message);
    else ctx.report(failure.message, error);
  }
}
