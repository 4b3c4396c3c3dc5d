/**
 * Opening `.brcs-<companySiteName>` files in the app: reads the file, runs it with the desktop
 * side's session code (logic/brcs-session.ts: site check, question before a new site, the hand-off
 * token redeemed over the console protocol), then hands the login to the window: the token goes to
 * the keychain under that site, the window opens the site's console, which resumes with it. The
 * redeeming connection stays open until the window is in, so the rep never looks "disconnected".
 */
import { dialog, type BrowserWindow } from 'electron';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_BRCS_BYTES, runBrcsFile, type BrcsSessionResult } from './logic/brcs-session.js';
import { openConsoleLink } from './logic/console-link.js';
import { word } from './logic/desktop-words.js';
import { APP_TITLE } from './logic/os-integration.js';
import type { LocatedCommand } from '../appliance/src/protocol/brcs/index.js';
import type { LaunchTarget } from './logic/launch-args.js';
import type { SitesStore } from './logic/sites.js';
import { confirmUnknownSite } from './sites.js';

export interface BrcsContext {
  readonly sites: SitesStore;
  readonly window: () => BrowserWindow | null;
  /** The embedded site's origin, and the launch secret its desktop connections carry. */
  readonly embedded: () => { origin: string; launchSecret: string } | null;
  /** Keeps the login for `site` (keychain) and shows that site's console in the window. */
  readonly useLogin: (origin: string, token: string) => Promise<void>;
  readonly savedLogin: (origin: string) => Promise<string | null>;
  readonly report: (message: string, error?: unknown) => void;
  /** Leaves the file's commands after `login` for the window of `origin` (logic/brcs-handover.ts). */
  readonly handOver?: (origin: string, file: string, commands: readonly LocatedCommand[]) => void;
}

/** Reads at most MAX_BRCS_BYTES (+1 to notice a larger file) of a script. */
async function readScript(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_BRCS_BYTES + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

async function show(ctx: BrcsContext, message: string, detail: string): Promise<void> {
  const w = ctx.window();
  const options = { type: 'error' as const, title: APP_TITLE, message, detail, buttons: [word('desktop.button.ok')] };
  await (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options)).catch(() => undefined);
}

/** Runs one launch target (a `.brcs` file; `rep-console:` URLs are only logged for now). */
export async function openLaunchTarget(ctx: BrcsContext, target: LaunchTarget): Promise<BrcsSessionResult | null> {
  if (target.kind === 'url') {
    ctx.report(`Received ${target.url.slice(0, 80)}: rep-console: links carry no commands yet.`);
    return null;
  }
  const name = basename(target.path);
  let text: string;
  try {
    text = await readScript(target.path);
  } catch (error) {
    await show(ctx, word('desktop.brcs.openFailed', { file: name }), error instanceof Error ? error.message : String(error));
    return null;
  }
  const result = await runBrcsFile(
    { name, text },
    {
      // The embedded site (a new loopback port each launch) is always known and never remembered.
      sites: {
        isKnown: async (origin) => origin === ctx.embedded()?.origin || (await ctx.sites.isKnown(origin)),
        byShortName: (shortName) => ctx.sites.byShortName(shortName),
        remember: async (origin, opts) => (origin === ctx.embedded()?.origin ? undefined : ctx.sites.remember(origin, opts)),
      },
      connect: async (origin) => {
        const embedded = ctx.embedded();
        const site = await ctx.sites.get(origin);
        return openConsoleLink(origin, {
          trustedCertificatePem: site?.trustedCertificate?.pem ?? null,
          headers: embedded && embedded.origin === origin ? { 'x-rep-launch-secret': embedded.launchSecret } : {},
        });
      },
      confirmUnknownSite: (origin) => confirmUnknownSite(ctx.window(), origin),
      savedLogin: ctx.savedLogin,
      handOver: ctx.handOver !== undefined,
    },
  );
  if (!result.ok) {
    ctx.report(`${name}: ${result.code}: ${result.message}`);
    await show(ctx, word('desktop.brcs.runFailed', { file: name }), result.message);
    return result;
  }
  // Before the window shows the site: its console takes the commands once the rep is in.
  if (result.handed.length) ctx.handOver?.(result.site, name, result.handed);
  if (result.login) {
    await ctx.useLogin(result.site, result.login.token);
    // Closed once the window's own connection is up: the rep never drops out of their sessions.
    setTimeout(() => result.link?.close(), 30_000).unref();
  } else result.link?.close();
  return result;
}
