/**
 * The desktop console's main process: one instance per user, the embedded appliance on a random
 * loopback port, one hardened window on its /console. Every decision is made in logic/ (plain,
 * tested in Node); this file and its siblings only wire those decisions to Electron.
 */
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { createAppliance, VERSION as SITE_VERSION, type Appliance } from '../appliance/src/index.js';
import { applyRunAtStartup, readInstallSettings } from './install.js';
import { appInfoArguments, type DesktopPlatform } from './logic/ipc-channels.js';
import { parseLaunchArgs, parseOpenedItem, type LaunchArgs, type LaunchTarget } from './logic/launch-args.js';
import { makeLaunchSecret } from './logic/launch-secret.js';
import { originOf } from './logic/origin.js';
import { desktopPaths, userDataOverride } from './logic/paths.js';
import { appSecretStore, loginTokenAccount, updateTokenAccount } from './logic/secret-store.js';
import { createShutdown } from './logic/shutdown.js';
import { registerIpcHandlers } from './ipc.js';
import { checkForUpdates } from './updates.js';
import { guardSession } from './session-guards.js';
import { createMainWindow, focusWindow, hardenWebContents } from './window.js';

function report(message: string, error?: unknown): void {
  console.error(`rep-console: ${message}${error === undefined ? '' : ` (${error instanceof Error ? error.message : String(error)})`}`);
}

// Before anything asks for a path: the single-instance lock and the site both live in userData.
const userDataDir = userDataOverride(process.env);
if (userDataDir) app.setPath('userData', userDataDir);
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

// Files and URLs the OS asks us to open (FORMATS.md §BRCS). Registered before anything else:
// macOS sends 'open-file' / 'open-url' as soon as the app launches, possibly before 'ready'.
// Command lines go through parseLaunchArgs (only what follows "--", a strict allow-list); the
// events through the same allow-list. Refused arguments are logged, never opened.
const launchTargets: LaunchTarget[] = [];
let onLaunchTargets: (() => void) | null = null;
function received(args: LaunchArgs): void {
  for (const r of args.refused) report(`Refused a launch argument "${r.arg}": ${r.reason}.`);
  if (args.targets.length === 0) return;
  launchTargets.push(...args.targets);
  // Running them is the .brcs handler's job (the web → desktop hand-off), not this wiring's.
  report(`Received ${args.targets.length} .brcs file(s) or rep-console: URL(s); running them is not supported yet.`);
  onLaunchTargets?.();
}
app.on('open-file', (event, path) => {
  event.preventDefault();
  received(parseOpenedItem('file', path));
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  received(parseOpenedItem('url', url));
});

if (!app.requestSingleInstanceLock()) {
  // Another console is running for this user: it receives our argv in 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    received(parseLaunchArgs(argv));
    onLaunchTargets?.();
  });
  received(parseLaunchArgs(process.argv));
  void run();
}

async function run(): Promise<void> {
  let appliance: Appliance | null = null;
  let applianceOrigin: string | null = null;
  let mainWindow: BrowserWindow | null = null;
  onLaunchTargets = () => focusWindow(mainWindow);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, () => applianceOrigin, report));
  app.on('window-all-closed', () => app.quit());
  const shutdown = createShutdown({
    close: () => appliance?.close() ?? Promise.resolve(),
    exit: (code) => app.exit(code),
    report,
  });
  app.on('before-quit', (event) => shutdown.onBeforeQuit(() => event.preventDefault()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  await app.whenReady();
  const paths = desktopPaths({ userData: app.getPath('userData'), mainDir: import.meta.dirname });
  const launchSecret = makeLaunchSecret();
  try {
    appliance = await createAppliance({
      dataDir: paths.dataDir,
      host: '127.0.0.1',
      port: 0,
      demo: true,
      launchSecret,
      logFile: paths.applianceLog,
      rendererDir: paths.rendererDir,
    });
  } catch (error) {
    report('The embedded site did not start.', error);
    dialog.showErrorBox(
      'Rep Console could not start',
      `The embedded site in ${paths.dataDir} did not start: ${error instanceof Error ? error.message : String(error)}\n\nIts log is ${paths.applianceLog}.`,
    );
    app.exit(1);
    return;
  }
  applianceOrigin = originOf(appliance.url);
  if (!applianceOrigin) throw new Error(`The embedded site reported an unusable URL: ${appliance.url}`);

  guardSession(session.defaultSession, applianceOrigin, launchSecret);
  // The OS keychain through safeStorage; without a real one (Linux basic_text included) nothing is
  // stored, and the first refused save tells the rep why (FEATURES.md §H).
  const secrets = appSecretStore(safeStorage, paths.secretsDir);
  let keychainNoticeShown = false;
  const keychainNotice = async () => {
    const status = await secrets.status();
    if (status.available || keychainNoticeShown) return;
    keychainNoticeShown = true;
    report(`${status.code}: ${status.reason}`);
    const options = { type: 'warning' as const, title: 'Rep Console', message: 'Nothing will be remembered on this computer', detail: status.reason, buttons: ['OK'] };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)).catch(() => undefined);
  };
  const site = 'embedded';
  registerIpcHandlers(applianceOrigin, {
    secrets,
    loginTokenAccount: loginTokenAccount(site),
    updateTokenAccount: updateTokenAccount(site),
    onSecretRefused: () => void keychainNotice(),
  });
  mainWindow = createMainWindow({
    applianceUrl: appliance.url,
    preload: paths.preload,
    additionalArguments: appInfoArguments({ version: app.getVersion(), platform: process.platform as DesktopPlatform }),
    report,
  });
  mainWindow.on('closed', () => (mainWindow = null));

  // What the installer recorded: run at startup, and whether (and how) this copy updates itself.
  const settings = await readInstallSettings(app, report);
  await applyRunAtStartup(app, settings, report);
  void checkForUpdates({
    settings,
    secrets,
    updateTokenAccount: updateTokenAccount(site),
    siteOrigin: applianceOrigin,
    siteVersion: SITE_VERSION,
    appVersion: app.getVersion(),
    window: () => mainWindow,
    report,
  }).catch((error: unknown) => report('The update check failed.', error));
}
