/**
 * The desktop console's `.brcs` handler, in plain Node (FORMATS.md §BRCS, FEATURES.md §H): reads a
 * `.brcs-<companySiteName>` file, finds the site it belongs to (the `login` line's `site`, else the
 * remembered site with that short name), asks the rep before connecting to a site the console never
 * connected to, then runs the commands through the shared interpreter. `login` with
 * `mechanism=one_time_token` — the web console's hand-off — is redeemed over the console WebSocket
 * protocol (`auth.handoff`): the site logs this console in, ends the web console's login (telling it
 * why) and leaves the rep's sessions with the rep, customers connected.
 *
 * Everything that touches the outside is injected (the socket, the question to the rep, the other
 * commands' runner), so tests run the real thing against a real appliance and Electron wires the
 * same code to its dialogs (src-main/brcs.ts).
 */
import { interpretBrcs, parseBrcs, type BrcsCommandOf, type BrcsExecutor, type LocatedCommand } from '../../appliance/src/protocol/brcs/index.js';
import { word } from './desktop-words.js';
import { parseSiteUrl } from './sites.js';

/** Who the site says logged in (the part of the protocol's `Me` the main process reads). */
export interface Me {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
}

/** Largest `.brcs` file read (10 commands of at most a few KB each). */
export const MAX_BRCS_BYTES = 64 * 1024;

/** One console-protocol connection: request → result, or a rejection carrying `{ code, message }`. */
export interface ConsoleLink {
  call(method: string, params: unknown): Promise<unknown>;
  close(): void;
}

export interface SiteDirectory {
  isKnown(origin: string): Promise<boolean>;
  byShortName(shortName: string): Promise<{ origin: string } | null>;
  remember(origin: string, opts: { shortName?: string | null }): Promise<unknown>;
}

/** Every command but `login`: what the console window runs once logged in. */
export type OtherCommand = BrcsCommandOf<'generate_session_key' | 'push_and_start_local' | 'push_and_start_remote' | 'start_jump_item_session' | 'start_shell_jump_session'>;

export interface BrcsSessionDeps {
  readonly sites: SiteDirectory;
  /** Opens the console WebSocket of `origin` (`wss://…/ws/console`). */
  readonly connect: (origin: string) => Promise<ConsoleLink>;
  /** Asks the rep whether to connect to a site the console never connected to; false stops the script. */
  readonly confirmUnknownSite: (origin: string) => Promise<boolean>;
  /** Runs the commands after `login` (the console window's job); absent: they are refused by line. */
  readonly runCommand?: (command: OtherCommand) => Promise<void>;
  /**
   * Hand the commands after `login` to the console window instead (the desktop app): only `login`
   * runs here, the others come back in the result's `handed` for the window's interpreter.
   */
  readonly handOver?: boolean;
  /** A login token kept for the site (keychain), used by a `login` without credentials. */
  readonly savedLogin?: (origin: string) => Promise<string | null>;
}

export type BrcsSessionResult =
  | {
      readonly ok: true;
      readonly site: string;
      /** The desktop console's login on the site (keep it in the keychain; the window resumes with it). */
      readonly login: { readonly token: string; readonly me: Me } | null;
      /** The logged-in connection, still open (close it once the window is in). */
      readonly link: ConsoleLink | null;
      readonly ran: number;
      /** With `handOver`: the validated commands left for the window, with their lines. */
      readonly handed: readonly LocatedCommand[];
    }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly line?: number; readonly site?: string };

/** `.brcs-<companySiteName>` → the short name. */
export function siteShortNameOf(fileName: string): string | null {
  return /\.brcs-([A-Za-z0-9_.-]+)$/i.exec(fileName)?.[1] ?? null;
}

function refusal(e: unknown): { code: string; message: string } {
  const x = e as { code?: unknown; message?: unknown };
  return { code: typeof x?.code === 'string' ? x.code : 'E_BRCS_FAILED', message: typeof x?.message === 'string' ? x.message : String(e) };
}

/** Reads and runs one `.brcs` file. Never throws: a failure says why (and which line). */
export async function runBrcsFile(file: { name: string; text: string }, deps: BrcsSessionDeps): Promise<BrcsSessionResult> {
  if (Buffer.byteLength(file.text, 'utf8') > MAX_BRCS_BYTES) return { ok: false, code: 'E_BRCS_TOO_LARGE', message: word('desktop.brcs.tooLarge', { file: file.name, size: MAX_BRCS_BYTES / 1024 }) };
  const parsed = parseBrcs(file.text);
  if (!parsed.ok) return { ok: false, code: 'E_BRCS_MALFORMED', message: `${file.name}: ${parsed.message}`, line: parsed.line };

  // The site: the hand-off's own `site`, else the remembered site of the file's short name.
  const first = parsed.commands[0]!;
  const shortName = siteShortNameOf(file.name);
  let origin: string | null = null;
  if (first.command.action === 'login' && first.command.params.site !== undefined) {
    const site = parseSiteUrl(first.command.params.site);
    if (!site.ok) return { ok: false, code: 'E_BRCS_MALFORMED', message: word('desktop.brcs.badSite', { file: file.name, line: first.line, problem: site.message }), line: first.line };
    origin = site.origin;
  } else if (shortName) {
    origin = (await deps.sites.byShortName(shortName))?.origin ?? null;
  }
  if (!origin) {
    return { ok: false, code: 'E_BRCS_UNKNOWN_SITE', message: word('desktop.brcs.unknownSite', { file: file.name, site: shortName ?? '?' }) };
  }
  if (!(await deps.sites.isKnown(origin)) && !(await deps.confirmUnknownSite(origin))) {
    return { ok: false, code: 'E_BRCS_SITE_DECLINED', message: word('desktop.brcs.declined', { origin }), site: origin };
  }

  let link: ConsoleLink | null = null;
  let login: { token: string; me: Me } | null = null;
  /** The code of the site's refusal (E_HANDOFF_USED…): the interpreter keeps only the message. */
  let lastCode: string | undefined;
  const open = async () => (link ??= await deps.connect(origin));
  const site = async <T>(method: string, params: unknown): Promise<T> => {
    try {
      return (await (await open()).call(method, params)) as T;
    } catch (e) {
      lastCode = refusal(e).code;
      throw new Error(refusal(e).message);
    }
  };
  const executor: BrcsExecutor = {
    login: async (c) => {
      const p = c.params;
      if (p.mechanism === 'one_time_token') {
        login = await site('auth.handoff', { token: p.token, console: 'desktop' });
      } else if (p.mechanism === 'username_password') {
        login = await site('auth.login', { username: p.username, password: p.password, console: 'desktop' });
      } else {
        // No credentials: the login this console kept for the site, if any; else the rep logs in in the window.
        const saved = (await deps.savedLogin?.(origin)) ?? null;
        if (saved) login = await site('auth.resume', { token: saved, console: 'desktop' });
      }
    },
    generateSessionKey: (c) => forward(c),
    pushAndStartLocal: (c) => forward(c),
    pushAndStartRemote: (c) => forward(c),
    startJumpItemSession: (c) => forward(c),
    startShellJumpSession: (c) => forward(c),
  };
  async function forward(command: OtherCommand): Promise<void> {
    if (!deps.runCommand) throw new Error(word('desktop.brcs.cannotRun'));
    await deps.runCommand(command);
  }

  const handOver = deps.handOver === true && !deps.runCommand;
  const isLogin = (c: LocatedCommand) => c.command.action === 'login';
  const result = await interpretBrcs(handOver ? parsed.commands.filter(isLogin) : parsed.commands, executor);
  if (!result.ok) {
    (link as ConsoleLink | null)?.close();
    // The site's own code (E_HANDOFF_USED...) when the site refused; the interpreter's line either way.
    return { ok: false, code: lastCode ?? 'E_BRCS_FAILED', message: result.message, line: result.line, site: origin };
  }
  await deps.sites.remember(origin, { shortName });
  return { ok: true, site: origin, login, link, ran: result.ran, handed: handOver ? parsed.commands.filter((c) => !isLogin(c)) : [] };
}
