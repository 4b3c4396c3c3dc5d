/**
 * What a launch asks the console to open: a `.brcs-<site>` script (a double-click: the file
 * association passes its path) or a `rep-console:` URL (the custom scheme). The OS hands these over
 * on the command line of the first instance, or of a second one that the single-instance lock turns
 * into a `second-instance` event carrying its argv; macOS sends `open-file` / `open-url` events.
 *
 * A command line is attacker-shaped: a web page can launch `rep-console:<anything>`, and a URL
 * that Chromium or Node read as a switch (`--gpu-launcher=calc`, `--inspect`, ...) runs code
 * (CVE-2018-1000006). So every registration (MSI, NSIS, the Linux desktop entry, the CLI) puts
 * `--` before the file or URL, Chromium stops reading switches there, and `parseLaunchArgs` reads
 * only what follows the first `--`, through a strict allow-list: an absolute path ending in
 * `.brcs-<site>`, a local `file:` URL of one, or a URL in our scheme. Anything else is refused with
 * a reason, never passed on. Running scripts is the `.brcs` handler's job (FORMATS.md §BRCS).
 */

/** The custom URL scheme (electron-builder.yml `protocols`, build/msi, the desktop entry). */
export const URL_SCHEME = 'rep-console';

/** `.brcs-<companySiteName>`: the site's short name is letters, digits, `_`, `-` and `.`. */
const BRCS_FILE = /\.brcs-[A-Za-z0-9_.-]+$/i;

/** Longest argument considered at all (a URL, a path); Windows paths stop at 32,767 characters. */
export const MAX_LAUNCH_ARG_LENGTH = 4096;
/** At most this many files/URLs per launch (a BRCS file holds at most 10 commands; this is generous). */
export const MAX_LAUNCH_TARGETS = 16;

export type LaunchTarget = { kind: 'brcs-file'; path: string } | { kind: 'url'; url: string };

export interface RefusedLaunchArg {
  /** The argument, shortened for logs. */
  readonly arg: string;
  readonly reason: string;
}

export interface LaunchArgs {
  readonly targets: LaunchTarget[];
  readonly refused: RefusedLaunchArg[];
}

/** True when `fileName` (a name or path) is a Representative Console Script. */
export function isBrcsFileName(fileName: string): boolean {
  return BRCS_FILE.test(fileName);
}

/** True when `arg` starts with our scheme (any case, as URL schemes are). */
export function isConsoleUrl(arg: string): boolean {
  return arg.toLowerCase().startsWith(`${URL_SCHEME}:`);
}

// C0 controls, DEL, and the Unicode line/paragraph separators and BOM: never in a file name we open.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029\ufeff]/;
/** RFC 3986 characters only (unreserved, reserved, `%`): no spaces, quotes, backslashes or `<>{}|^\``. */
const URL_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
/** Dashes a switch may start with, ASCII or look-alikes a shell or a locale could turn into one. */
const SWITCH_START = /^[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s).replace(CONTROL, '?');

/** Why `arg` is not a URL we accept, or null when it is one. */
function urlProblem(arg: string): string | null {
  if (!URL_CHARS.test(arg)) return 'the URL has characters a URL cannot hold unencoded';
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    return 'the URL does not parse';
  }
  if (url.protocol !== `${URL_SCHEME}:`) return `only ${URL_SCHEME}: URLs are accepted`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(arg);
  } catch {
    return 'the URL has a broken %-escape';
  }
  if (CONTROL.test(decoded)) return 'the URL encodes control characters';
  return null;
}

/** The local path in a `file:` URL (what Linux file managers pass for %U), or a reason it is not one. */
function filePathFromUrl(arg: string): { path: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    return { problem: 'the file URL does not parse' };
  }
  if (url.host !== '' && url.host !== 'localhost') return { problem: 'only local files are opened, not files on another host' };
  if (url.search || url.hash) return { problem: 'a file URL with a query or fragment is not a script' };
  try {
    return { path: decodeURIComponent(url.pathname) };
  } catch {
    return { problem: 'the file URL has a broken %-escape' };
  }
}

/** Why `path` is not a script path we open, or null when it is one. */
function pathProblem(path: string): string | null {
  if (CONTROL.test(path)) return 'the path has control characters';
  if (!isBrcsFileName(path)) return 'only .brcs-<site> files and rep-console: URLs are opened';
  // Absolute only: a relative path depends on the working directory (the CLI resolves its own).
  // No UNC or device paths (\\server\share, \\?\, \\.\): opening one reaches out over the network.
  const posix = path.startsWith('/') && !path.startsWith('//');
  const windowsDrive = /^[A-Za-z]:[\\/]/.test(path);
  if (!posix && !windowsDrive) return 'the path must be absolute and local (no network or device paths)';
  return null;
}

/** One argument after `--`: a target, or the reason it is refused. */
export function classifyLaunchArg(arg: string): LaunchTarget | RefusedLaunchArg {
  const refuse = (reason: string): RefusedLaunchArg => ({ arg: clip(arg), reason });
  if (typeof arg !== 'string' || arg.length === 0) return refuse('empty argument');
  if (arg.length > MAX_LAUNCH_ARG_LENGTH) return refuse(`longer than ${MAX_LAUNCH_ARG_LENGTH} characters`);
  if (SWITCH_START.test(arg)) return refuse('switches are never read after "--"');
  if (arg !== arg.trim()) return refuse('leading or trailing white space');
  if (isConsoleUrl(arg)) {
    const problem = urlProblem(arg);
    return problem ? refuse(problem) : { kind: 'url', url: arg };
  }
  if (/^file:/i.test(arg)) {
    const r = filePathFromUrl(arg);
    if ('problem' in r) return refuse(r.problem);
    const problem = pathProblem(r.path);
    return problem ? refuse(problem) : { kind: 'brcs-file', path: r.path };
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(arg) && !/^[A-Za-z]:[\\/]/.test(arg)) return refuse(`only ${URL_SCHEME}: URLs are accepted`);
  const problem = pathProblem(arg);
  return problem ? refuse(problem) : { kind: 'brcs-file', path: arg };
}

/**
 * The files and URLs a command line asks us to open: only what follows the first `--` counts
 * (everything before it is the executable, the app path in development, and Chromium's and our
 * own switches). Nothing after `--` is ever read as a switch; what the allow-list refuses is
 * reported, not opened.
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const targets: LaunchTarget[] = [];
  const refused: RefusedLaunchArg[] = [];
  const start = argv.indexOf('--');
  if (start < 0) return { targets, refused };
  for (const arg of argv.slice(start + 1)) {
    const r = classifyLaunchArg(arg);
    if ('kind' in r) {
      if (targets.length < MAX_LAUNCH_TARGETS) targets.push(r);
      else refused.push({ arg: r.kind === 'url' ? clip(r.url) : clip(r.path), reason: `more than ${MAX_LAUNCH_TARGETS} files or URLs at once` });
    } else {
      refused.push(r);
    }
  }
  return { targets, refused };
}

/**
 * macOS's `open-file` (a path) and `open-url` (a URL) events: not a command line, but the same
 * allow-list applies — a path must be a `.brcs-<site>` file, a URL must be in our scheme.
 */
export function parseOpenedItem(kind: 'file' | 'url', value: string): LaunchArgs {
  const r = classifyLaunchArg(value);
  if ('kind' in r && r.kind === (kind === 'file' ? 'brcs-file' : 'url')) return { targets: [r], refused: [] };
  return { targets: [], refused: ['kind' in r ? { arg: clip(value), reason: `not a ${kind === 'file' ? '.brcs file' : `${URL_SCHEME}: URL`}` } : r] };
}

/** The arguments that hand `targets` to the console: always behind `--` (the CLI, autostart, registrations). */
export function launchArgsFor(targets: readonly string[]): string[] {
  return targets.length === 0 ? [] : ['--', ...targets];
}
