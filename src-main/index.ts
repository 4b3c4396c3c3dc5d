/**
 * The desktop console's main process: one instance per user, the embedded appliance on a random
 * loopback port, one hardened window on its /console. Every decision is made in logic/ (plain,
 * tested in Node); this file and its siblings only wire those decisions to Electron.
 */
import { app, BrowserWindow, dialog, Menu, net, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { createAppliance, type Appliance } from '../appliance/src/index.js';
import { openLaunchTarget } from './brcs.js';
import { appMenuTemplate } from './logic/app-menu.js';
import { isNewerVersion } from './logic/auto-update.js';
import { desktopWords, word } from './logic/desktop-words.js';
import { LanguageMemory } from './logic/language-memory.js';
import { EMBEDDED_SITE, SitesStore } from './logic/sites.js';
import { consoleUrl } from './logic/window-options.js';
import { APP_TITLE } from './logic/os-integration.js';
import { createOsIntegration, type OsIntegration } from './os.js';
import { guardCertificates, promptForSite } from './sites.js';
import { ensureUpdateToken, fetchSiteVersion } from './updates.js';
import { applyRunAtStartup, readInstallSettings } from './install.js';
import { appInfoArguments, BRCS_READY_EVENT, type DesktopPlatform } from './logic/ipc-channels.js';
import { parseLaunchArgs, parseOpenedItem, type LaunchArgs, type LaunchTarget } from './logic/launch-args.js';
import { makeLaunchSecret } from './logic/launch-secret.js';
import { originOf } from './logic/origin.js';
import { desktopPaths, userDataOverride } from './logic/paths.js';
import { appSecretStore, keychainNoticeText, loginTokenAccount, updateTokenAccount } from './logic/secret-store.js';
import { createShutdown } from './logic/shutdown.js';
import { BrcsHandover } from './logic/brcs-handover.js';
import { registerIpcHandlers } from './ipc.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { SITE_PROMPT_PAGE, sitePromptPage } from './logic/site-prompt.js';
import { checkForUpdates } from './updates.js';
import { guardSession } from './session-guards.js';
import { guardDownloads } from './downloads.js';
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
  // Run by the .brcs handler (src-main/brcs.ts) once the window is up.
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

// Privileged schemes must be registered before the app is ready.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another console is running for this user: it receives our argv in 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    received(parseLaunchArgs(argv));
  });
  received(parseLaunchArgs(process.argv));
  void run();
}

async function run(): Promise<void> {
  let appliance: Appliance | null = null;
  let applianceOrigin: string | null = null;
  let mainWindow: BrowserWindow | null = null;
  /** The site the window shows: the embedded demo site, or one the rep connected to (its origin). */
  let site: { id: string; origin: string } | null = null;
  const siteOrigin = () => site?.origin ?? null;
  /** The console version the current site offered at the last update check (null: not asked yet). */
  let lastOfferedVersion: string | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, siteOrigin, report));
  app.on('window-all-closed', () => app.quit());
  const shutdown = createShutdown({
    close: () => appliance?.close() ?? Promise.resolve(),
    exit: (code) => app.exit(code),
    report,
  });
  app.on('before-quit', (event) => shutdown.onBeforeQuit(() => event.preventDefault()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  await app.whenReady();
  // The language the rep last read (else the OS's) until the console page says which one it shows (IPC setLanguage).
  const languageMemory = new LanguageMemory(join(app.getPath('userData'), 'language.json'));
  desktopWords.set((await languageMemory.load()) ?? app.getLocale());
  const paths = desktopPaths({ userData: app.getPath('userData'), mainDir: import.meta.dirname });
  // The app's own pages (the site prompt) come from app://rep-console, never file:// or data:.
  serveAppProtocol({ [SITE_PROMPT_PAGE]: sitePromptPage }, null);
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
      word('desktop.startup.failedTitle', { app: APP_TITLE }),
      word('desktop.startup.failedDetail', { dir: paths.dataDir, error: error instanceof Error ? error.message : String(error), log: paths.applianceLog }),
    );
    app.exit(1);
    return;
  }
  applianceOrigin = originOf(appliance.url);
  if (!applianceOrigin) throw new Error(`The embedded site reported an unusable URL: ${appliance.url}`);

  guardSession(session.defaultSession, applianceOrigin, launchSecret);
  // Downloads (File Transfer) through the native save dialog, only from the site the window shows.
  guardDownloads(session.defaultSession, () => site?.origin ?? null, report);
  // The OS keychain through safeStorage; without a real one (Linux basic_text included) nothing is
  // stored, and the first refused save tells the rep why (FEATURES.md §H).
  const secrets = appSecretStore(safeStorage, paths.secretsDir);
  let keychainNoticeShown = false;
  const keychainNotice = async () => {
    const status = await secrets.status();
    if (status.available || keychainNoticeShown) return;
    keychainNoticeShown = true;
    report(`${status.code}: ${status.reason}`);
    const options = { type: 'warning' as const, title: APP_TITLE, ...keychainNoticeText(status), buttons: [word('desktop.button.ok')] };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)).catch(() => undefined);
  };
  const embeddedOrigin = applianceOrigin;
  /** Logins from .brcs hand-offs, by site, until the window picks them up (memory only: works without a keychain too). */
  const pendingLogins = new Map<string, string>();
  // A .brcs file's commands after `login`, until the window of their site takes them.
  const brcsHandover = new BrcsHandover();
  const sites = new SitesStore(join(app.getPath('userData'), 'sites.json'));
  guardCertificates(sites, () => (site && site.id !== EMBEDDED_SITE ? site.origin : null), () => mainWindow, report);
  const os: OsIntegration = createOsIntegration(() => mainWindow, join(paths.rendererDir, '..', '..', 'build', 'icon.png'), report);
  const settings = await readInstallSettings(app, report);
  const fetcher: typeof fetch = (input, init) => net.fetch(input instanceof Request ? input : String(input), init);
  const updateContext = () => ({
    settings,
    secrets,
    updateTokenAccount: updateTokenAccount(site?.id ?? EMBEDDED_SITE),
    siteOrigin: site?.origin ?? embeddedOrigin,
    appVersion: app.getVersion(),
    window: () => mainWindow,
    report,
  });
  registerIpcHandlers(siteOrigin, () => ({
    secrets,
    loginTokenAccount: loginTokenAccount(site?.id ?? EMBEDDED_SITE),
    updateTokenAccount: updateTokenAccount(site?.id ?? EMBEDDED_SITE),
    onSecretRefused: () => void keychainNotice(),
    // The first login on a site stores the update token it hands out (FEATURES.md §H).
    onLogin: (token) => void ensureUpdateToken(fetcher, updateContext(), token),
    takePendingLogin: () => {
      const pending = site ? pendingLogins.get(site.id) : undefined;
      if (site) pendingLogins.delete(site.id);
      return pending ?? null;
    },
    takeBrcsCommands: () => brcsHandover.take(site?.id ?? null),
    // The console page's language: the menu, the tray and every later dialog follow it.
    setLanguage: (language) => void desktopWords.set(language),
    os,
  }));

  /** Shows `id`'s console (EMBEDDED_SITE or an origin) in the window, and remembers the choice. */
  const showSite = async (id: string): Promise<void> => {
    site = id === EMBEDDED_SITE ? { id, origin: embeddedOrigin } : { id, origin: id };
    os.setSite(id === EMBEDDED_SITE ? null : new URL(id).host);
    if (id === EMBEDDED_SITE) await sites.useEmbedded();
    else await sites.remember(id);
    lastOfferedVersion = null;
    mainWindow?.loadURL(consoleUrl(site.origin)).catch((error: unknown) => report(`The console of ${site?.origin} did not load.`, error));
    await buildMenu();
  };

  const buildMenu = async (): Promise<void> => {
    const recent = (await sites.list()).map((r) => r.origin);
    const template = appMenuTemplate({
      platform: process.platform,
      appName: APP_TITLE,
      current: site?.id ?? null,
      recent,
      showSite: (id) => void showSite(id),
      connectToAnotherSite: () =>
        void promptForSite(mainWindow, recent).then((origin) => {
          if (origin) void showSite(origin);
        }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  desktopWords.onChange((language) => {
    void languageMemory.save(language).catch((error: unknown) => report('The language could not be remembered.', error));
    void buildMenu().catch((error: unknown) => report('The menu could not be rebuilt.', error));
    os.reword();
  });

  const startSite = await sites.current();
  site = startSite === EMBEDDED_SITE ? { id: EMBEDDED_SITE, origin: embeddedOrigin } : { id: startSite, origin: startSite };
  mainWindow = createMainWindow({
    applianceUrl: site.origin,
    preload: paths.preload,
    additionalArguments: appInfoArguments({ version: app.getVersion(), platform: process.platform as DesktopPlatform }),
    report,
  });
  mainWindow.on('closed', () => (mainWindow = null));
  os.setSite(site.id === EMBEDDED_SITE ? null : new URL(site.id).host);
  await buildMenu();

  // .brcs files and rep-console: URLs, from this launch's command line and any later ones.
  const runTargets = async (): Promise<void> => {
    focusWindow(mainWindow);
    for (const target of launchTargets.splice(0)) {
      await openLaunchTarget(
        {
          sites,
          window: () => mainWindow,
          embedded: () => ({ origin: embeddedOrigin, launchSecret }),
          savedLogin: (origin) => secrets.get(loginTokenAccount(origin === embeddedOrigin ? EMBEDDED_SITE : origin)),
          useLogin: async (origin, token) => {
            const id = origin === embeddedOrigin ? EMBEDDED_SITE : origin;
            pendingLogins.set(id, token);
            if (!(await secrets.set(loginTokenAccount(id), token))) void keychainNotice();
            void ensureUpdateToken(fetcher, { ...updateContext(), updateTokenAccount: updateTokenAccount(id), siteOrigin: origin }, token);
            await showSite(id);
          },
          report,
          handOver: (origin, file, commands) => {
            if (brcsHandover.put(origin === embeddedOrigin ? EMBEDDED_SITE : origin, file, commands)) mainWindow?.webContents.send(BRCS_READY_EVENT);
          },
        },
        target,
      ).catch((error: unknown) => report('A .brcs file could not be run.', error));
    }
  };
  onLaunchTargets = () => void runTargets();
  if (launchTargets.length) void runTargets();

  // What the installer recorded: run at startup, and whether (and how) this copy updates itself.
  await applyRunAtStartup(app, settings, report);
  // The site's offered version, checked now and every 30 s: an upgraded site (in the demo: /login >
  // Status > Upgrade (demo)) shows its update arriving, once per version.
  const checkSite = async () => {
    const ctx = updateContext();
    const offered = await fetchSiteVersion(fetcher, ctx.siteOrigin);
    if (!offered || offered === lastOfferedVersion) return;
    lastOfferedVersion = offered;
    if (!isNewerVersion(offered, ctx.appVersion)) return;
    await checkForUpdates({ ...ctx, siteVersion: offered });
  };
  void checkSite().catch((error: unknown) => report('The update check failed.', error));
  setInterval(() => void checkSite().catch((error: unknown) => report('The update check failed.', error)), 30_000).unref();
}
