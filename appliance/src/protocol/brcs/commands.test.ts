import { describe, expect, it } from 'vitest';
import { JumpMethod } from '../models.js';
import { BRCS_ACTIONS, BrcsCommand, brcsParamNames, readBrcsCommand, type ReadCommandResult } from './commands.js';

const read = (action: string, params: Record<string, string> = {}) => readBrcsCommand(action, Object.entries(params));
const refusal = (r: ReadCommandResult) => (r.ok ? null : r.message);
const long = (n: number) => 'x'.repeat(n);

describe('the command catalogue', () => {
  it('holds exactly the documented actions', () => {
    expect(BRCS_ACTIONS).toEqual(['login', 'generate_session_key', 'push_and_start_local', 'push_and_start_remote', 'start_jump_item_session', 'start_shell_jump_session']);
    expect(brcsParamNames('start_shell_jump_session')).toEqual(['target', 'jumpoint', 'username', 'protocol', 'port', 'terminal']);
  });

  it('fills in the Shell Jump defaults: ssh, port 22, xterm', () => {
    const r = read('start_shell_jump_session', { target: 'core-sw-01' });
    expect(r).toEqual({ ok: true, warnings: [], command: { action: 'start_shell_jump_session', params: { target: 'core-sw-01', protocol: 'ssh', port: 22, terminal: 'xterm' }, custom: {} } });
  });

  it('reads the port as a number and enumerated values without regard to case', () => {
    const r = read('start_shell_jump_session', { target: 'h', protocol: 'TELNET', port: '2323', terminal: 'VT100' });
    expect(r.ok && r.command.params).toEqual({ target: 'h', protocol: 'telnet', port: 2323, terminal: 'vt100' });
    expect(refusal(read('start_shell_jump_session', { target: 'h', port: '0' }))).toBe('port must be a whole number from 1 to 65535.');
    expect(refusal(read('start_shell_jump_session', { target: 'h', port: '65536' }))).toBe('port must be a whole number from 1 to 65535.');
    expect(refusal(read('start_shell_jump_session', { target: 'h', port: '22a' }))).toBe('port must be a whole number from 1 to 65535.');
    expect(refusal(read('start_shell_jump_session', { target: 'h', protocol: 'rlogin' }))).toBe('protocol must be one of ssh, telnet.');
    expect(refusal(read('start_shell_jump_session', { target: 'h', terminal: 'ansi' }))).toBe('terminal must be one of xterm, vt100.');
  });

  it('accepts every Jump method the console knows as jump.method', () => {
    for (const m of JumpMethod.options) expect(read('start_jump_item_session', { 'jump.method': m, search_string: 'x' }).ok).toBe(true);
    expect(refusal(read('start_jump_item_session', { 'jump.method': 'teleport', search_string: 'x' }))).toBe('jump.method must be one of push, local_push, pinned, rdp, vnc, shelljump.');
  });

  it('requires the documented required parameters; an empty value counts as missing', () => {
    expect(refusal(read('push_and_start_local'))).toBe('hostname is required.');
    expect(refusal(read('push_and_start_local', { hostname: '' }))).toBe('hostname is required.');
    expect(refusal(read('push_and_start_remote', { jumpoint: 'JP' }))).toBe('target is required.');
    expect(refusal(read('start_shell_jump_session'))).toBe('target is required.');
    expect(read('generate_session_key').ok).toBe(true);
  });

  it('needs search_string or a client.* field for start_jump_item_session', () => {
    expect(refusal(read('start_jump_item_session', { 'jump.method': 'pinned' }))).toMatch(/needs search_string or at least one of client\.hostname/);
    expect(refusal(read('start_jump_item_session', { credential_id: '7' }))).toMatch(/needs search_string/);
    for (const k of ['search_string', 'client.hostname', 'client.comments', 'client.tag', 'client.public_ip', 'client.private_ip']) {
      expect(read('start_jump_item_session', { [k]: 'x' }).ok).toBe(true);
    }
  });

  it('keeps every criterion and parameter within 255 characters', () => {
    expect(read('start_jump_item_session', { search_string: long(255) }).ok).toBe(true);
    expect(refusal(read('start_jump_item_session', { search_string: long(256) }))).toBe('search_string is longer than 255 characters.');
    expect(refusal(read('start_jump_item_session', { 'client.tag': long(256) }))).toBe('client.tag is longer than 255 characters.');
    expect(refusal(read('start_jump_item_session', { search_string: 'x', credential_id: long(256) }))).toBe('credential_id is longer than 255 characters.');
    expect(refusal(read('push_and_start_local', { hostname: long(256) }))).toBe('hostname is longer than 255 characters.');
    expect(refusal(read('generate_session_key', { public_portal_hostname: long(256) }))).toBe('public_portal_hostname is longer than 255 characters.');
  });

  it('gathers session.custom.* and keeps them within 1024 each and 10 KB together (external key included)', () => {
    const r = read('push_and_start_remote', { target: 'h', 'session.custom.external_key': 'INC-1', 'session.custom.note': '' });
    expect(r.ok && r.command).toEqual({ action: 'push_and_start_remote', params: { target: 'h' }, custom: { external_key: 'INC-1', note: '' } });
    expect(refusal(read('generate_session_key', { 'session.custom.a': long(1025) }))).toBe('session.custom.a is longer than 1024 characters.');
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`session.custom.f${i}`, long(1024)]));
    expect(read('generate_session_key', ten).ok).toBe(true);
    expect(refusal(read('generate_session_key', { ...ten, 'session.custom.external_key': 'x' }))).toMatch(/together \(external key included\) are longer than 10 KB/);
    expect(refusal(read('generate_session_key', { 'session.custom.bad code': 'x' }))).toMatch(/^session\.custom\.bad code is not a valid custom attribute code name/);
  });

  it('takes login credentials all together or not at all, and never a token with a password', () => {
    expect(read('login').ok).toBe(true);
    const full = read('login', { mechanism: 'username_password', username: 'ana', password: 'secret' });
    expect(full.ok && full.command).toEqual({ action: 'login', params: { mechanism: 'username_password', username: 'ana', password: 'secret' } });
    expect(refusal(read('login', { username: 'ana' }))).toBe('login needs mechanism, username and password together (missing: mechanism, password).');
    expect(refusal(read('login', { mechanism: 'username_password', username: 'ana' }))).toBe('login needs mechanism, username and password together (missing: password).');
    expect(refusal(read('login', { mechanism: 'kerberos', username: 'a', password: 'b' }))).toBe('mechanism must be one of username_password, one_time_token.');
    expect(read('login', { mechanism: 'one_time_token', token: 't0k3n' }).ok).toBe(true);
    expect(refusal(read('login', { mechanism: 'one_time_token' }))).toBe('login with mechanism=one_time_token needs a token.');
    expect(refusal(read('login', { mechanism: 'one_time_token', token: 't', password: 'p' }))).toBe('login with mechanism=one_time_token takes no username or password.');
    expect(refusal(read('login', { token: 't' }))).toBe('login takes a token only with mechanism=one_time_token.');
  });

  it('ignores unknown parameters with a warning, and session.custom.* on login', () => {
    const r = read('push_and_start_local', { hostname: 'h', colour: 'blue' });
    expect(r).toMatchObject({ ok: true, warnings: ['The parameter "colour" is not used by push_and_start_local and was ignored.'] });
    const l = read('login', { 'session.custom.x': '1' });
    expect(l.ok && l.warnings).toHaveLength(1);
  });

  it('refuses an unknown action and a parameter given twice', () => {
    expect(refusal(read('format_disk'))).toMatch(/^Unknown action "format_disk"\. The documented actions are login, /);
    expect(refusal(readBrcsCommand('push_and_start_local', [['hostname', 'a'], ['hostname', 'b']]))).toBe('The parameter "hostname" is given more than once.');
    expect(refusal(readBrcsCommand('push_and_start_local', [['hostname', 'a'], ['action', 'login']]))).toBe('The parameter "action" is given more than once.');
    expect(refusal(read('__proto__'))).toMatch(/^Unknown action/);
    expect(refusal(read('toString'))).toMatch(/^Unknown action/);
  });

  it('validates hand-built commands with the same schema', () => {
    expect(BrcsCommand.safeParse({ action: 'start_jump_item_session' }).success).toBe(false);
    expect(BrcsCommand.parse({ action: 'start_jump_item_session', params: { search_string: 'x' } })).toEqual({ action: 'start_jump_item_session', params: { search_string: 'x' }, custom: {} });
  });
});
