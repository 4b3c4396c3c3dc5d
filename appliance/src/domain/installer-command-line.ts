/**
 * The command lines the Mass Deployment Wizard shows for an installer (FEATURES.md §D, FORMATS.md
 * §Installers): the EXE's flags, the same settings as MSI properties, and the real, runnable agent.
 *
 *   EXE   rep-jump-client-<key>.exe --install-dir "C:\Program Files\Rep" --jc-jump-group jumpgroup:servers --jc-tag web
 *   MSI   msiexec /i rep-jump-client-<key>.msi KEY_INFO=<key> INSTALLDIR="C:\Program Files\Rep" jc_jump_group=jumpgroup:servers jc_tag=web
 *   agent npx rep-appliance jump-client --site https://support.example.com --key <key> --install-dir … --jc-jump-group …
 *
 * MSI properties follow the vendor's rule: strip the leading dashes, turn the remaining dashes into
 * underscores, give the value with `=`; the one exception is --install-dir, which becomes INSTALLDIR.
 */

export interface InstallerCommandOptions {
  /** The site's address, e.g. https://support.example.com (only the agent's line names it). */
  siteUrl: string;
  key: string;
  installDir: string | null;
  /** `user:NAME` or `jumpgroup:CODE`. */
  jumpGroup: string | null;
  tag: string;
  comments: string;
}

export interface InstallerCommandLines {
  exe: string;
  msi: string;
  /** This project's real Jump Client, runnable in a Rep Console checkout (POSIX shell quoting). */
  agent: string;
}

export const installerFileName = (key: string, ext: 'exe' | 'msi' | 'sh' | 'cmd'): string => `rep-jump-client-${key}.${ext}`;

/** The installer's settings as EXE flags, in the vendor's order; empty ones are left out. */
export function installerFlags(o: Pick<InstallerCommandOptions, 'installDir' | 'jumpGroup' | 'tag' | 'comments'>): [flag: string, value: string][] {
  const flags: [string, string][] = [];
  if (o.installDir) flags.push(['--install-dir', o.installDir]);
  if (o.jumpGroup) flags.push(['--jc-jump-group', o.jumpGroup]);
  if (o.tag) flags.push(['--jc-tag', o.tag]);
  if (o.comments) flags.push(['--jc-comments', o.comments]);
  return flags;
}

/** The MSI property for an EXE flag: `--jc-jump-group` → `jc_jump_group`, `--install-dir` → `INSTALLDIR`. */
export function msiPropertyFor(flag: string): string {
  if (flag === '--install-dir') return 'INSTALLDIR';
  return flag.replace(/^-+/, '').replace(/-/g, '_');
}

// What needs no quotes anywhere: letters, digits and a few punctuation marks no shell treats specially.
const PLAIN = /^[A-Za-z0-9_\-.:/\\@+]+$/;

/**
 * One argument for cmd.exe and the Windows argument parser (CommandLineToArgvW, the C runtime, Node):
 * in double quotes when it holds anything but plain characters, embedded quotes doubled, and the
 * backslashes before a quote doubled so `"C:\Dir\"` does not swallow its closing quote.
 */
export function quoteWindows(value: string): string {
  if (PLAIN.test(value)) return value;
  const inner = value.replace(/(\\*)"/g, '$1$1""').replace(/(\\+)$/, '$1$1');
  return `"${inner}"`;
}

/** A property value for msiexec: in double quotes when needed, embedded quotes doubled (msiexec has no backslash escapes). */
export function quoteMsi(value: string): string {
  if (PLAIN.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** One argument for a POSIX shell: single quotes when needed, an embedded one as '\''. */
export function quotePosix(value: string): string {
  if (PLAIN.test(value) && !value.includes('\\')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function exeCommandLine(o: InstallerCommandOptions): string {
  return [installerFileName(o.key, 'exe'), ...installerFlags(o).flatMap(([flag, value]) => [flag, quoteWindows(value)])].join(' ');
}

export function msiCommandLine(o: InstallerCommandOptions): string {
  const props = [`KEY_INFO=${quoteMsi(o.key)}`, ...installerFlags(o).map(([flag, value]) => `${msiPropertyFor(flag)}=${quoteMsi(value)}`)];
  return ['msiexec', '/i', installerFileName(o.key, 'msi'), ...props].join(' ');
}

/** `npx rep-appliance jump-client --site URL --key KEY [flags]`: the agent this project ships (PRODUCT.md). */
export function agentCommandLine(o: InstallerCommandOptions): string {
  const args = ['--site', o.siteUrl, '--key', o.key, ...installerFlags(o).flat()];
  return ['npx', 'rep-appliance', 'jump-client', ...args.map(quotePosix)].join(' ');
}

export function installerCommandLines(o: InstallerCommandOptions): InstallerCommandLines {
  return { exe: exeCommandLine(o), msi: msiCommandLine(o), agent: agentCommandLine(o) };
}
