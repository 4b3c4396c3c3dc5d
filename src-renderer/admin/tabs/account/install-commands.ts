/**
 * My Account > Download Representative Console: the platform the browser runs on (the chooser's
 * default) and the exact installer command lines (FORMATS.md §Installers, build/msi/rep-console.wxs).
 */
export type Platform = 'windows' | 'macos' | 'linux';

export const PLATFORM_LABELS: Record<Platform, string> = {
  windows: 'Windows (x64)',
  macos: 'macOS',
  linux: 'Linux (x64)',
};

/** The platform a browser's user agent (or userAgentData.platform) names; Windows when unsure, as most reps use it. */
export function detectPlatform(userAgent: string, uaPlatform = ''): Platform {
  const s = `${uaPlatform} ${userAgent}`.toLowerCase();
  if (/android|iphone|ipad/.test(s)) return 'windows';
  if (/mac ?os|macintosh|mac_powerpc|darwin/.test(s)) return 'macos';
  if (/linux|x11|cros|ubuntu|debian|fedora/.test(s)) return 'linux';
  return 'windows';
}

export interface MsiOptions {
  installDir: string;
  allUsers: boolean;
  runAtStartup: boolean;
  autoUpdate: boolean;
  quiet: boolean;
}

export const DEFAULT_MSI_OPTIONS: MsiOptions = { installDir: '', allUsers: false, runAtStartup: false, autoUpdate: true, quiet: true };

const quoteWin = (v: string) => (/[\s"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** `msiexec /i FILE [INSTALLDIR=…] ALLUSERS=""|1 RUNATSTARTUP=0|1 SHOULDAUTOUPDATE=0|1 [/quiet]`. Per machine never auto-updates. */
export function msiCommand(fileName: string, o: MsiOptions): string {
  const parts = ['msiexec', '/i', quoteWin(fileName)];
  if (o.installDir.trim()) parts.push(`INSTALLDIR=${quoteWin(o.installDir.trim())}`);
  parts.push(`ALLUSERS=${o.allUsers ? '1' : '""'}`);
  parts.push(`RUNATSTARTUP=${o.runAtStartup ? '1' : '0'}`);
  parts.push(`SHOULDAUTOUPDATE=${o.autoUpdate && !o.allUsers ? '1' : '0'}`);
  if (o.quiet) parts.push('/quiet');
  return parts.join(' ');
}

/** The NSIS installer run silently. */
export function exeCommand(fileName: string): string {
  return `${quoteWin(fileName)} /S`;
}

/** Expected installer names when the build produced none (what electron-builder and build:msi name them). */
export function expectedFileName(kind: 'exe' | 'msi' | 'dmg' | 'AppImage' | 'deb', version: string): string {
  switch (kind) {
    case 'exe':
      return `rep-console-setup-${version}.exe`;
    case 'msi':
      return `rep-console-${version}-x64.msi`;
    case 'dmg':
      return `rep-console-${version}.dmg`;
    case 'AppImage':
      return `rep-console-${version}.AppImage`;
    case 'deb':
      return `rep-console_${version}_amd64.deb`;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}
