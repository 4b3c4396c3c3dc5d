import { describe, expect, it } from 'vitest';
import { DEFAULT_MSI_OPTIONS, detectPlatform, exeCommand, msiCommand } from './install-commands.js';

describe('installer command lines', () => {
  it('picks the platform from the browser', () => {
    expect(detectPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120')).toBe('windows');
    expect(detectPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 Safari/605')).toBe('macos');
    expect(detectPlatform('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120')).toBe('linux');
    expect(detectPlatform('', 'macOS')).toBe('macos');
  });

  it('writes the MSI command with its optional parameters; per machine never auto-updates', () => {
    expect(msiCommand('rep-console-0.1.0-x64.msi', DEFAULT_MSI_OPTIONS)).toBe('msiexec /i rep-console-0.1.0-x64.msi ALLUSERS="" RUNATSTARTUP=0 SHOULDAUTOUPDATE=1 /quiet');
    expect(msiCommand('rep-console-0.1.0-x64.msi', { installDir: 'C:\\Program Files\\Rep Console', allUsers: true, runAtStartup: true, autoUpdate: true, quiet: false })).toBe(
      'msiexec /i rep-console-0.1.0-x64.msi INSTALLDIR="C:\\Program Files\\Rep Console" ALLUSERS=1 RUNATSTARTUP=1 SHOULDAUTOUPDATE=0',
    );
    expect(exeCommand('rep-console-setup-0.1.0.exe')).toBe('rep-console-setup-0.1.0.exe /S');
  });
});
