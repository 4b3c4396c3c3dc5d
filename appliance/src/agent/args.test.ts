import { describe, expect, it } from 'vitest';
import { parseCustomerArgs, parseJumpClientArgs, DEFAULT_INSTALL_DIR } from './args.js';

describe('jump-client command line', () => {
  it('takes the installer flags in both --flag value and --flag=value forms; --allow-path repeats', () => {
    const a = parseJumpClientArgs([
      '--site', 'http://127.0.0.1:9000/', '--key=abc', '--install-dir', '/opt/jc', '--jc-jump-group', 'jumpgroup:dc-servers',
      '--jc-tag=db', '--jc-comments', 'rack 4', '--allow-path', '/srv', '--allow-path=/var/log',
    ]);
    expect(a).toEqual({ site: 'http://127.0.0.1:9000', key: 'abc', installDir: '/opt/jc', jumpGroup: { kind: 'jumpgroup', code: 'dc-servers' }, tag: 'db', comments: 'rack 4', allowPaths: ['/srv', '/var/log'], consent: null, presence: null });
    expect(parseJumpClientArgs(['--site', 'https://s.example', '--jc-jump-group', 'user:ana'])).toMatchObject({ key: null, installDir: DEFAULT_INSTALL_DIR, jumpGroup: { kind: 'user', username: 'ana' } });
  });

  it('refuses what it does not understand, with the usage line', () => {
    expect(() => parseJumpClientArgs(['--key', 'k'])).toThrow(/--site is required.*usage/);
    expect(() => parseJumpClientArgs(['--site', 'ftp://x'])).toThrow(/http/);
    expect(() => parseJumpClientArgs(['--site', 'http://x', '--jc-jump-group', 'team:x'])).toThrow(/user:NAME or jumpgroup:CODE/);
    expect(() => parseJumpClientArgs(['--site', 'http://x', '--bogus', '1'])).toThrow(/Unknown option --bogus/);
    expect(() => parseJumpClientArgs(['--site', 'http://x', '--key'])).toThrow(/needs a value/);
    expect(() => parseJumpClientArgs(['--site', 'http://x', '--key', 'a', '--key', 'b'])).toThrow(/more than once/);
  });
});

describe('customer command line', () => {
  it('needs the site and the session key', () => {
    expect(parseCustomerArgs(['--site', 'http://127.0.0.1:1', '--key', '123 456 789', '--name', 'Pat'])).toEqual({ site: 'http://127.0.0.1:1', key: '123 456 789', name: 'Pat', allowPaths: [], supportButton: null });
    expect(() => parseCustomerArgs(['--site', 'http://127.0.0.1:1'])).toThrow(/--key/);
  });
});

describe('jump-client prompting flags', () => {
  it('--consent allow|deny|ignore|ask and --presence present|absent; anything else is refused', () => {
    expect(parseJumpClientArgs(['--site', 'http://x', '--consent', 'deny', '--presence=present'])).toMatchObject({ consent: 'deny', presence: 'present' });
    expect(() => parseJumpClientArgs(['--site', 'http://x', '--consent', 'maybe'])).toThrow(/--consent must be allow, deny, ignore or ask/);
    expect(() => parseJumpClientArgs(['--site', 'http://x', '--presence', 'here'])).toThrow(/--presence must be present or absent/);
  });
});
