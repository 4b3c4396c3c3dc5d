/** The Mass Deployment Wizard's command lines: the EXE flags, the MSI property rule, and quoting for cmd.exe, msiexec and sh. */
import { describe, expect, it } from 'vitest';
import {
  agentCommandLine,
  exeCommandLine,
  installerFlags,
  msiCommandLine,
  msiPropertyFor,
  quoteMsi,
  quotePosix,
  quoteWindows,
  type InstallerCommandOptions,
} from './installer-command-line.js';

const KEY = 'w0dc3056g7ff8d1j68ee6wi6dhwzfeffgggyezh7c40jc90';
const full: InstallerCommandOptions = {
  siteUrl: 'https://support.example.com',
  key: KEY,
  installDir: 'C:\\Program Files\\Rep',
  jumpGroup: 'jumpgroup:servers',
  tag: 'web tier',
  comments: 'Rack 4, "blue" cabinet',
};

describe('MSI properties from the EXE flags (FEATURES.md §D)', () => {
  it('strip the leading dashes, turn the other dashes into underscores; --install-dir is INSTALLDIR', () => {
    expect(msiPropertyFor('--jc-jump-group')).toBe('jc_jump_group');
    expect(msiPropertyFor('--jc-tag')).toBe('jc_tag');
    expect(msiPropertyFor('--jc-comments')).toBe('jc_comments');
    expect(msiPropertyFor('--install-dir')).toBe('INSTALLDIR');
  });

  it('the vendor’s own example comes out the same', () => {
    const line = msiCommandLine({ siteUrl: 'https://x', key: KEY, installDir: null, jumpGroup: 'user:admin', tag: 'servers', comments: '' });
    expect(line).toBe(`msiexec /i rep-jump-client-${KEY}.msi KEY_INFO=${KEY} jc_jump_group=user:admin jc_tag=servers`);
  });
});

describe('command lines', () => {
  it('EXE: the key is in the file name, the flags follow in the vendor’s order', () => {
    expect(exeCommandLine(full)).toBe(
      `rep-jump-client-${KEY}.exe --install-dir "C:\\Program Files\\Rep" --jc-jump-group jumpgroup:servers --jc-tag "web tier" --jc-comments "Rack 4, ""blue"" cabinet"`,
    );
  });

  it('MSI: KEY_INFO, then INSTALLDIR and the jc_ properties with = and msiexec quoting', () => {
    expect(msiCommandLine(full)).toBe(
      `msiexec /i rep-jump-client-${KEY}.msi KEY_INFO=${KEY} INSTALLDIR="C:\\Program Files\\Rep" jc_jump_group=jumpgroup:servers jc_tag="web tier" jc_comments="Rack 4, ""blue"" cabinet"`,
    );
  });

  it('the real agent: npx rep-appliance jump-client with --site and --key, quoted for sh', () => {
    expect(agentCommandLine(full)).toBe(
      `npx rep-appliance jump-client --site https://support.example.com --key ${KEY} --install-dir 'C:\\Program Files\\Rep' --jc-jump-group jumpgroup:servers --jc-tag 'web tier' --jc-comments 'Rack 4, "blue" cabinet'`,
    );
  });

  it('leave out what the installer does not set', () => {
    const bare = { siteUrl: 'http://127.0.0.1:8080', key: KEY, installDir: null, jumpGroup: null, tag: '', comments: '' };
    expect(installerFlags(bare)).toEqual([]);
    expect(exeCommandLine(bare)).toBe(`rep-jump-client-${KEY}.exe`);
    expect(msiCommandLine(bare)).toBe(`msiexec /i rep-jump-client-${KEY}.msi KEY_INFO=${KEY}`);
    expect(agentCommandLine(bare)).toBe(`npx rep-appliance jump-client --site http://127.0.0.1:8080 --key ${KEY}`);
  });

  it('a personal list is user:NAME', () => {
    expect(exeCommandLine({ ...full, installDir: null, tag: '', comments: '', jumpGroup: 'user:ana' })).toBe(`rep-jump-client-${KEY}.exe --jc-jump-group user:ana`);
  });
});

describe('quoting', () => {
  it('cmd.exe and the Windows argument parser: plain values bare, others in double quotes with quotes doubled', () => {
    expect(quoteWindows('servers')).toBe('servers');
    expect(quoteWindows('jumpgroup:dc-servers')).toBe('jumpgroup:dc-servers');
    expect(quoteWindows('C:\\Rep')).toBe('C:\\Rep');
    expect(quoteWindows('two words')).toBe('"two words"');
    expect(quoteWindows('say "hi"')).toBe('"say ""hi"""');
    expect(quoteWindows('')).toBe('""');
    // cmd.exe's own special characters are safe inside quotes.
    expect(quoteWindows('a&b|c<d>e^f')).toBe('"a&b|c<d>e^f"');
  });

  it('backslashes before a quote are doubled, so "C:\\Dir\\" keeps its closing quote', () => {
    expect(quoteWindows('C:\\Program Files\\Rep\\')).toBe('"C:\\Program Files\\Rep\\\\"');
    expect(quoteWindows('a\\"b')).toBe('"a\\\\""b"');
    // Backslashes anywhere else stay as they are.
    expect(quoteWindows('C:\\My Dir\\x')).toBe('"C:\\My Dir\\x"');
  });

  it('msiexec: quotes doubled, backslashes untouched', () => {
    expect(quoteMsi('C:\\Program Files\\Rep\\')).toBe('"C:\\Program Files\\Rep\\"');
    expect(quoteMsi('say "hi"')).toBe('"say ""hi"""');
    expect(quoteMsi('servers')).toBe('servers');
  });

  it('sh: single quotes, an embedded one closed and reopened', () => {
    expect(quotePosix('servers')).toBe('servers');
    expect(quotePosix("it's here")).toBe("'it'\\''s here'");
    expect(quotePosix('$HOME `x`')).toBe("'$HOME `x`'");
    expect(quotePosix('C:\\Rep')).toBe("'C:\\Rep'");
  });
});
