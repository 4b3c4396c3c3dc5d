/**
 * The desktop console's main process: one instance per user, the embedded appliance on a random
 * loopback port, one hardened window on its /console. Every decision is made in logic/ (plain,
 * tested in Node); this file and its siblings only wire those decisions to Electron.
 */
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { createAppliance, type Appliance } from '../appliance/src/index.js';
import { appInfoArguments, type DesktopPlatform } from './logic/ipc-channels.js';
import { findLaunchTargets, type LaunchTarget } from './logic/launch-args.js';
import { makeLaunchSecret } from './logic/launch-secret.js';
import { originOf } from './logic/origin.js';
import { desktopPaths, userDataOverride } from './logic/paths.js';
import { loginTokenAccount, SafeStorageSecretStore } from './logic/secret-store.js';
import { createShutdown } from './logic/shutdown.js';
import { registerIpcHandlers } from './ipc.js';
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

if (!app.requestSingleInstanceLock()) {
  // Another console is running for this user: it received our argv in 'second-instance'.
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  let appliance: Appliance | null = null;
  let applianceOrigin: string | null = null;
  let mainWindow: BrowserWindow | null = null;

  // Files and URLs the OS asked us to open, until the `.brcs` handler (issue 7) takes them over.
  const launchTargets: LaunchTarget[] = findLaunchTargets(process.argv);
  const received = (targets: LaunchTarget[]) => {
    launchTargets.push(...targets);
    if (targets.length > 0) report(`Received ${targets.length} .brcs file(s) or rep-console: URL(s); running them is not supported yet.`);
    focusWindow(mainWindow);
  };
  app.on('second-instance', (_event, argv) => received(findLaunchTargets(argv)));
  // macOS delivers files and URLs as events instead, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    received(findLaunchTargets([path]));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    received(findLaunchTargets([url]));
  });

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
  registerIpcHandlers(applianceOrigin, {
    secrets: new SafeStorageSecretStore(safeStorage, paths.secretsDir),
    loginTokenAccount: loginTokenAccount('embedded'),
  });
  mainWindow = createMainWindow({
    applianceUrl: appliance.url,
    preload: paths.preload,
    additionalArguments: appInfoArguments({ version: app.getVersion(), platform: process.platform as DesktopPlatform }),
    report,
  });
  mainWindow.on('closed', () => (mainWindow = null));
}
