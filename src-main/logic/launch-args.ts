/**
 * What a launch asks the console to open: a `.brcs-<site>` script (a double-click, or the file
 * association on Windows/Linux passing its path) or a `rep-console:` URL (the custom scheme). The
 * OS hands these over on the command line of the first instance, or of a second one that the
 * single-instance lock turns into a `second-instance` event carrying its argv.
 *
 * Only recognises them here; running scripts is the `.brcs` handler's job (FORMATS.md §BRCS).
 */

/** The custom URL scheme (electron-builder.yml `protocols`). */
export const URL_SCHEME = 'rep-console';

/** `.brcs-<companySiteName>`: the site's short name is letters, digits, `_`, `-` and `.`. */
const BRCS_FILE = /\.brcs-[A-Za-z0-9_.-]+$/;

export type LaunchTarget = { kind: 'brcs-file'; path: string } | { kind: 'url'; url: string };

/** True when `fileName` (a name or path) is a Representative Console Script. */
export function isBrcsFileName(fileName: string): boolean {
  return BRCS_FILE.test(fileName);
}

/** True when `arg` is a URL in our scheme. */
export function isConsoleUrl(arg: string): boolean {
  return arg.toLowerCase().startsWith(`${URL_SCHEME}:`);
}

/**
 * The launch targets in `argv`, in order. Switches (`--foo`, Chromium's and ours) and everything
 * else — the executable, the app path in development — are skipped.
 */
export function findLaunchTargets(argv: readonly string[]): LaunchTarget[] {
  const targets: LaunchTarget[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (isConsoleUrl(arg)) targets.push({ kind: 'url', url: arg });
    else if (isBrcsFileName(arg)) targets.push({ kind: 'brcs-file', path: arg });
  }
  return targets;
}
