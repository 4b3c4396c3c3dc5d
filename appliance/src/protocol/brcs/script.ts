/**
 * BRCS files (FORMATS.md §BRCS): `BRCS1.0`, then one command per line, each
 * `action=<action>&key=value…` with RFC 3986 percent-encoding. Strict in what we write, lenient in
 * what we read (`\r\n`, blank lines, unknown parameters, upper-case enum values), and every refusal
 * names its line.
 */
import { BRCS_LIMITS, BrcsCommand, CUSTOM_PREFIX, clip, describeIssue, readBrcsCommand, type BrcsCommandInput } from './commands.js';
import { PercentError, percentDecode, percentEncode } from './percent.js';

export const BRCS_VERSION = '1.0';
/** The site short name used when the site has none configured. */
export const DEFAULT_SITE_SHORT_NAME = 'demo_site';

/** A generator refused its input (a program error, not a user's file): the message says why. */
export class BrcsError extends Error {
  override readonly name = 'BrcsError';
}

/** A command and the line of the file it came from (line 1 is the header). */
export interface LocatedCommand {
  line: number;
  command: BrcsCommand;
}

export interface BrcsWarning {
  line: number;
  message: string;
}

export type ParseBrcsResult =
  | { ok: true; version: string; commands: LocatedCommand[]; warnings: BrcsWarning[] }
  | { ok: false; line: number; message: string };

/** `<stem>.brcs-<siteName>`; the site name keeps to letters, digits, `_`, `-` and `.`. */
export function brcsFileName(stem: string, siteName: string): string {
  const site = siteName.replace(/[^A-Za-z0-9_.-]/g, '_') || DEFAULT_SITE_SHORT_NAME;
  return `${stem}.brcs-${site}`;
}

/** One command as a BRCS line: `action=…` first, then the parameters in catalogue order, then `session.custom.*`. */
export function encodeCommandLine(input: BrcsCommandInput): string {
  const parsed = BrcsCommand.safeParse(input);
  if (!parsed.success) throw new BrcsError(`${input.action}: ${describeIssue(parsed.error.issues[0]!)}`);
  const command = parsed.data;
  const pairs: [string, string][] = [['action', command.action]];
  for (const [key, value] of Object.entries(command.params)) if (value !== undefined) pairs.push([key, String(value)]);
  if ('custom' in command) for (const [code, value] of Object.entries(command.custom)) pairs.push([`${CUSTOM_PREFIX}${code}`, value]);
  try {
    return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  } catch (e) {
    if (e instanceof PercentError) throw new BrcsError(`${command.action}: a parameter ${e.message}.`);
    throw e;
  }
}

/**
 * A script for the desktop console: `login` first (inserted when the caller did not start with
 * one; without credentials it only makes sure someone is logged in), at most 10 commands.
 * Throws `BrcsError` for commands the catalogue refuses.
 */
export function generateBrcs(commands: readonly BrcsCommandInput[], opts: { siteName: string }): { fileName: string; text: string } {
  const all: BrcsCommandInput[] = commands[0]?.action === 'login' ? [...commands] : [{ action: 'login' }, ...commands];
  if (all.slice(1).some((c) => c.action === 'login')) throw new BrcsError('login can only be the first command of a script.');
  if (all.length > BRCS_LIMITS.commands) throw new BrcsError(`A script holds at most ${BRCS_LIMITS.commands} commands, login included; this one would hold ${all.length}.`);
  const lines = [`BRCS${BRCS_VERSION}`, ...all.map(encodeCommandLine)];
  return { fileName: brcsFileName(all[all.length - 1]!.action, opts.siteName), text: `${lines.join('\n')}\n` };
}

/**
 * Reads one command line (`action=…&k=v…`). Used for each line of a file, and by the web console
 * for the command `/api/client_script` hands it in the URL fragment.
 */
export function parseCommandLine(line: string): { ok: true; command: BrcsCommand; warnings: string[] } | { ok: false; message: string } {
  const pairs: [string, string][] = [];
  for (const part of line.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, message: part === '' ? 'There is an empty parameter (two "&" in a row, or one at the end).' : `"${clip(part)}" is not a key=value pair.` };
    let key: string;
    let value: string;
    try {
      key = percentDecode(part.slice(0, eq));
    } catch (e) {
      return { ok: false, message: `The parameter name "${clip(part.slice(0, eq))}" ${(e as Error).message}.` };
    }
    try {
      value = percentDecode(part.slice(eq + 1));
    } catch (e) {
      return { ok: false, message: `The value of ${clip(key)} ${(e as Error).message}.` };
    }
    pairs.push([key, value]);
  }
  const [first, ...rest] = pairs;
  if (!first || first[0] !== 'action') return { ok: false, message: 'A command must start with action=<action>.' };
  return readBrcsCommand(first[1], rest);
}

/** Reads a whole file. The first problem stops the reading; its message names the line. */
export function parseBrcs(text: string): ParseBrcsResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = /^BRCS(\d)\.(\d)$/.exec(lines[0]!.trim());
  if (!header) return fail(1, `The file does not start with a BRCS header (for example "BRCS${BRCS_VERSION}").`);
  if (header[1] !== '1') return fail(1, `BRCS version ${header[1]}.${header[2]} is not supported; this console reads version 1.x.`);
  const commands: LocatedCommand[] = [];
  const warnings: BrcsWarning[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const n = i + 1;
    if (line === '') continue;
    if (commands.length === BRCS_LIMITS.commands) return fail(n, `A script may hold at most ${BRCS_LIMITS.commands} commands.`);
    const r = parseCommandLine(line);
    if (!r.ok) return fail(n, r.message);
    commands.push({ line: n, command: r.command });
    for (const w of r.warnings) warnings.push({ line: n, message: `Line ${n}: ${w}` });
  }
  if (commands.length === 0) return fail(2, 'The script has no commands.');
  return { ok: true, version: `${header[1]}.${header[2]}`, commands, warnings };
}

function fail(line: number, message: string): ParseBrcsResult {
  return { ok: false, line, message: `Line ${line}: ${message}` };
}
