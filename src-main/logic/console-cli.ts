/**
 * The `rep-console` command (package.json "bin"): its arguments and what it prints, as plain
 * functions; src-main/cli/main.ts does the I/O.
 *
 *   rep-console [FILE.brcs-<site> | rep-console:URL ...]   launch the desktop console (Electron),
 *                                                          handing it the files/URLs after "--"
 *   rep-console brcs inspect FILE                         print FILE's commands as JSON
 *   rep-console --help | --version
 *
 * Exit codes: 0 done; 1 the file is malformed or unreadable, or no Electron binary; 2 usage.
 */
import { isAbsolute, resolve } from 'node:path';
import { classifyLaunchArg, isConsoleUrl, launchArgsFor } from './launch-args.js';

export const USAGE = `Usage:
  rep-console [FILE.brcs-<site> | rep-console:URL ...]   start the desktop console (opening the files/URLs)
  rep-console brcs inspect FILE                         print a .brcs file's commands as JSON
  rep-console --help | --version

Environment: ELECTRON_PATH  the Electron binary to run (default: the "electron" package's).`;

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type CliCommand =
  | { readonly kind: 'launch'; readonly targets: string[] }
  | { readonly kind: 'inspect'; readonly file: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

/**
 * Reads the command line (without node and the script). Files are made absolute against `cwd`
 * and, like URLs, checked against the console's own allow-list before anything starts: an option
 * the CLI does not know is refused, never passed on to Electron or Chromium.
 */
export function parseCliArgs(args: readonly string[], cwd: string): CliCommand {
  const [first, second, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (first === 'brcs') {
    if (second !== 'inspect') return { kind: 'usage-error', message: `Unknown command "brcs${second ? ` ${second.slice(0, 40)}` : ''}".` };
    if (rest.length !== 1 || rest[0] === '') return { kind: 'usage-error', message: 'brcs inspect takes exactly one FILE.' };
    return { kind: 'inspect', file: resolve(cwd, rest[0]!) };
  }
  const raw = first === '--' ? args.slice(1) : args;
  const targets: string[] = [];
  for (const arg of raw) {
    if (arg.startsWith('-')) return { kind: 'usage-error', message: `Unknown option "${arg.slice(0, 60)}".` };
    // URLs (any scheme: the allow-list refuses the ones that are not ours) and absolute paths as given.
    const looksLikeUrl = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(arg) && !/^[A-Za-z]:[\\/]/.test(arg);
    const candidate = isConsoleUrl(arg) || looksLikeUrl || isAbsolute(arg) ? arg : resolve(cwd, arg);
    const r = classifyLaunchArg(candidate);
    if (!('kind' in r)) return { kind: 'usage-error', message: `Cannot open "${r.arg}": ${r.reason}.` };
    targets.push(candidate);
  }
  return { kind: 'launch', targets };
}

/** Electron's command line for the app at `mainEntry` opening `targets` (always behind "--"). */
export function electronArgs(mainEntry: string, targets: readonly string[]): string[] {
  return [mainEntry, ...launchArgsFor(targets)];
}

/** The parser's result, as far as the CLI needs it (appliance/src/protocol/brcs parseBrcs). */
export type BrcsParseOutcome =
  | { ok: true; version: string; commands: { line: number; command: { action: string } & Record<string, unknown> }[]; warnings: { line: number; message: string }[] }
  | { ok: false; line: number; message: string };

/** Parameters whose values `inspect` never prints (a terminal's scrollback and CI logs keep them). */
export const REDACTED_PARAMS = ['password', 'token'];
export const REDACTED = '[redacted]';

function redact(command: Record<string, unknown>): Record<string, unknown> {
  const params = command.params;
  if (!params || typeof params !== 'object') return command;
  const copy: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const k of REDACTED_PARAMS) if (copy[k] !== undefined) copy[k] = REDACTED;
  return { ...command, params: copy };
}

/** What `brcs inspect` prints and exits with, for `file` and its parse outcome. */
export function inspectOutput(file: string, outcome: BrcsParseOutcome): { code: number; stdout: string; stderr: string } {
  if (!outcome.ok) {
    return { code: EXIT.failed, stdout: '', stderr: `rep-console: ${file}: ${outcome.message}\n` };
  }
  const report = {
    file,
    version: outcome.version,
    commands: outcome.commands.map(({ line, command }) => ({ line, ...redact(command) })),
    warnings: outcome.warnings,
  };
  return { code: EXIT.ok, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
}

/** Largest file `inspect` reads (a script holds at most 10 short lines). */
export const MAX_BRCS_BYTES = 1024 * 1024;
