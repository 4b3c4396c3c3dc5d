import { describe, expect, it } from 'vitest';
import { BrcsCommand, type BrcsCommandInput } from './commands.js';
import { BrcsError, brcsFileName, encodeCommandLine, generateBrcs, parseBrcs, parseCommandLine, type ParseBrcsResult } from './script.js';

const commandsOf = (r: ParseBrcsResult) => (r.ok ? r.commands.map((c) => c.command) : r.message);
const errorOf = (r: ParseBrcsResult) => (r.ok ? null : { line: r.line, message: r.message });

describe('generateBrcs', () => {
  it('writes the header, login first, one command per line, and names the file .brcs-<site>', () => {
    const { fileName, text } = generateBrcs([{ action: 'start_jump_item_session', params: { search_string: 'dc01 & co', 'jump.method': 'pinned' }, custom: { external_key: 'INC-1' } }], { siteName: 'demo_site' });
    expect(fileName).toBe('start_jump_item_session.brcs-demo_site');
    expect(text).toBe('BRCS1.0\naction=login\naction=start_jump_item_session&jump.method=pinned&search_string=dc01%20%26%20co&session.custom.external_key=INC-1\n');
  });

  it('keeps a login the caller put first, and refuses one anywhere else', () => {
    const login = { action: 'login', params: { mechanism: 'one_time_token', token: 'abc' } } as const;
    expect(generateBrcs([login], { siteName: 's' }).text).toBe('BRCS1.0\naction=login&mechanism=one_time_token&token=abc\n');
    expect(() => generateBrcs([{ action: 'generate_session_key' }, login], { siteName: 's' })).toThrow(/login can only be the first command/);
  });

  it('writes the Shell Jump defaults out', () => {
    expect(encodeCommandLine({ action: 'start_shell_jump_session', params: { target: 'sw' }, custom: {} })).toBe('action=start_shell_jump_session&target=sw&protocol=ssh&port=22&terminal=xterm');
  });

  it('refuses more than 10 commands (login included) and commands the catalogue refuses', () => {
    const key: BrcsCommandInput = { action: 'generate_session_key' };
    expect(generateBrcs(Array<BrcsCommandInput>(9).fill(key), { siteName: 's' }).text.trim().split('\n')).toHaveLength(11);
    expect(() => generateBrcs(Array<BrcsCommandInput>(10).fill(key), { siteName: 's' })).toThrow(/at most 10 commands/);
    expect(() => generateBrcs([{ action: 'push_and_start_local', params: { hostname: 'x'.repeat(256) } }], { siteName: 's' })).toThrow(BrcsError);
    expect(() => generateBrcs([{ action: 'push_and_start_local', params: { hostname: 'bad\uD800' } }], { siteName: 's' })).toThrow(/not valid Unicode/);
  });

  it('keeps the site part of the file name to safe characters', () => {
    expect(brcsFileName('login', 'techcomm_ers')).toBe('login.brcs-techcomm_ers');
    expect(brcsFileName('login', 'a/b c')).toBe('login.brcs-a_b_c');
    expect(brcsFileName('login', '')).toBe('login.brcs-demo_site');
  });
});

describe('parseBrcs', () => {
  it('reads \\n and \\r\\n files, blank lines and a BOM', () => {
    const text = '\uFEFFBRCS1.0\r\naction=login\r\n\r\naction=push_and_start_local&hostname=ws-042\r\n';
    const r = parseBrcs(text);
    expect(r.ok && r.commands.map((c) => c.line)).toEqual([2, 4]);
    expect(commandsOf(r)).toEqual([
      { action: 'login', params: {} },
      { action: 'push_and_start_local', params: { hostname: 'ws-042' }, custom: {} },
    ]);
  });

  it('checks the header', () => {
    expect(errorOf(parseBrcs('action=login'))).toEqual({ line: 1, message: 'Line 1: The file does not start with a BRCS header (for example "BRCS1.0").' });
    expect(errorOf(parseBrcs('BRCS 1.0\naction=login'))?.line).toBe(1);
    expect(errorOf(parseBrcs('BRCS2.0\naction=login'))?.message).toMatch(/version 2\.0 is not supported/);
    expect(parseBrcs('BRCS1.3\naction=login').ok).toBe(true);
    expect(errorOf(parseBrcs('BRCS1.0\n\n'))).toEqual({ line: 2, message: 'Line 2: The script has no commands.' });
  });

  it('names the line of an unknown action, a malformed pair or a duplicate parameter', () => {
    expect(errorOf(parseBrcs('BRCS1.0\naction=login\naction=rm_rf&path=%2F'))).toMatchObject({ line: 3, message: expect.stringMatching(/^Line 3: Unknown action "rm_rf"/) });
    expect(errorOf(parseBrcs('BRCS1.0\nhostname=x&action=push_and_start_local'))?.message).toBe('Line 2: A command must start with action=<action>.');
    expect(errorOf(parseBrcs('BRCS1.0\naction=push_and_start_local&hostname'))?.message).toBe('Line 2: "hostname" is not a key=value pair.');
    expect(errorOf(parseBrcs('BRCS1.0\naction=push_and_start_local&=x'))?.message).toBe('Line 2: "=x" is not a key=value pair.');
    expect(errorOf(parseBrcs('BRCS1.0\naction=push_and_start_local&&hostname=x'))?.message).toMatch(/^Line 2: There is an empty parameter/);
    expect(errorOf(parseBrcs('BRCS1.0\naction=login\naction=push_and_start_local&hostname=a&hostname=b'))?.message).toBe('Line 3: The parameter "hostname" is given more than once.');
    // Two parameters that only differ in how they were encoded are still the same parameter.
    expect(errorOf(parseBrcs('BRCS1.0\naction=push_and_start_local&hostname=a&host%6Eame=b'))?.line).toBe(2);
  });

  it('names the line of bad percent-encoding and of bytes that are not UTF-8', () => {
    expect(errorOf(parseBrcs('BRCS1.0\naction=push_and_start_local&hostname=50%'))?.message).toBe('Line 2: The value of hostname has a "%" that is not followed by two hexadecimal digits.');
    expect(errorOf(parseBrcs('BRCS1.0\naction=login\naction=push_and_start_local&hostname=%FF%FE'))?.message).toBe('Line 3: The value of hostname is not valid UTF-8 once decoded.');
    expect(errorOf(parseBrcs('BRCS1.0\naction=push_and_start_local&host%ZZ=1'))?.message).toMatch(/^Line 2: The parameter name "host%ZZ" has a "%"/);
  });

  it('names the line of a value over its limit', () => {
    const r = parseBrcs(`BRCS1.0\naction=login\naction=start_jump_item_session&search_string=${'a'.repeat(256)}`);
    expect(errorOf(r)).toEqual({ line: 3, message: 'Line 3: search_string is longer than 255 characters.' });
    const custom = `BRCS1.0\naction=generate_session_key&session.custom.note=${'b'.repeat(1025)}`;
    expect(errorOf(parseBrcs(custom))?.message).toBe('Line 2: session.custom.note is longer than 1024 characters.');
  });

  it('refuses an 11th command', () => {
    const ten = Array(10).fill('action=generate_session_key').join('\n');
    expect(parseBrcs(`BRCS1.0\n${ten}`).ok).toBe(true);
    expect(errorOf(parseBrcs(`BRCS1.0\n${ten}\naction=login`))).toEqual({ line: 12, message: 'Line 12: A script may hold at most 10 commands.' });
  });

  it('ignores unknown parameters, with a warning naming the line', () => {
    const r = parseBrcs('BRCS1.0\naction=login\naction=start_shell_jump_session&target=sw&colour=red');
    expect(r.ok && r.warnings).toEqual([{ line: 3, message: 'Line 3: The parameter "colour" is not used by start_shell_jump_session and was ignored.' }]);
  });

  it('reads + literally (RFC 3986), not as a space', () => {
    expect(parseCommandLine('action=push_and_start_local&hostname=a+b')).toMatchObject({ ok: true, command: { params: { hostname: 'a+b' } } });
  });
});

/**
 * Property-style round trip: for random commands with random text (unicode, astral characters, `&`,
 * `=`, `%`, `+`, newlines, a BOM, NUL), generating a file and parsing it gives the same commands.
 * A small seeded generator keeps failures reproducible without a property-testing dependency.
 */
describe('generate → parse round trip', () => {
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = ['a', 'Z', '9', ' ', '&', '=', '%', '%25', '%zz', '+', '#', '?', '/', '\n', '\r\n', '\r', '\t', 'é', 'ß', 'İ', '中文', '😀', '👩‍💻', '\uFEFF', '\u0000', '~', '-', '.', '_', '"', "'", '\\', 'action=login', 'BRCS1.0'];

  function makeCommand(rand: () => number): BrcsCommandInput {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const str = (max: number) => {
      let s = '';
      const want = 1 + Math.floor(rand() * (rand() < 0.1 ? max : 24));
      while (s.length < want) {
        const next = pick(PIECES);
        if (s.length + next.length > max) break;
        s += next;
      }
      return s || 'x';
    };
    const maybe = (max = 255) => (rand() < 0.5 ? str(max) : undefined);
    const custom = () => {
      const out: Record<string, string> = {};
      const n = Math.floor(rand() * 4);
      for (let i = 0; i < n; i++) out[pick(['external_key', 'ticket', 'a.b-c_d', `f${i}`])] = rand() < 0.1 ? '' : str(1024);
      return out;
    };
    const strip = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    switch (pick(['generate_session_key', 'push_and_start_local', 'push_and_start_remote', 'start_jump_item_session', 'start_shell_jump_session'] as const)) {
      case 'generate_session_key':
        return { action: 'generate_session_key', params: strip({ public_portal_hostname: maybe() }), custom: custom() };
      case 'push_and_start_local':
        return { action: 'push_and_start_local', params: { hostname: str(255) }, custom: custom() };
      case 'push_and_start_remote':
        return { action: 'push_and_start_remote', params: strip({ target: str(255), jumpoint: maybe() }), custom: custom() };
      case 'start_jump_item_session':
        return {
          action: 'start_jump_item_session',
          params: strip({
            'jump.method': rand() < 0.5 ? pick(['push', 'local_push', 'pinned', 'rdp', 'vnc', 'shelljump'] as const) : undefined,
            credential_id: maybe(),
            search_string: str(255),
            'client.hostname': maybe(),
            'client.comments': maybe(),
            'client.tag': maybe(),
            'client.public_ip': maybe(),
            'client.private_ip': maybe(),
          }),
          custom: custom(),
        };
      case 'start_shell_jump_session':
        return {
          action: 'start_shell_jump_session',
          params: strip({
            target: str(255),
            jumpoint: maybe(),
            username: maybe(),
            protocol: rand() < 0.5 ? pick(['ssh', 'telnet'] as const) : undefined,
            port: rand() < 0.5 ? 1 + Math.floor(rand() * 65535) : undefined,
            terminal: rand() < 0.5 ? pick(['xterm', 'vt100'] as const) : undefined,
          }),
          custom: custom(),
        };
    }
  }

  it('gives back the same commands for 500 random scripts', () => {
    const rand = rng(20260518);
    for (let run = 0; run < 500; run++) {
      const commands = Array.from({ length: 1 + Math.floor(rand() * 9) }, () => makeCommand(rand));
      const login: BrcsCommandInput[] =
        rand() < 0.3 ? [{ action: 'login', params: { mechanism: 'username_password', username: 'ana & co', password: 'p=%😀\n' } }] : [];
      const { text } = generateBrcs([...login, ...commands], { siteName: 'demo_site' });
      // Strict in what we emit: only the header, unreserved characters, escapes, `&`, `=` and newlines.
      expect(text).toMatch(/^BRCS1\.0\n([A-Za-z0-9\-._~%&=]+\n)+$/);
      const parsed = parseBrcs(text);
      const expected = [login[0] ?? { action: 'login' }, ...commands].map((c) => BrcsCommand.parse(c));
      expect(commandsOf(parsed), `run ${run}:\n${text}`).toEqual(expected);
      expect(parsed.ok && parsed.warnings).toEqual([]);
      // The same file with Windows line endings reads the same.
      expect(commandsOf(parseBrcs(text.replace(/\n/g, '\r\n')))).toEqual(expected);
    }
  });
});
