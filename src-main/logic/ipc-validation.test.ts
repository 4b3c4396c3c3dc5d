import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, IPC_LIMITS } from './ipc-channels.js';
import { IPC_ARG_SCHEMAS, IpcRefusal, isIpcChannel, parseIpcArgs } from './ipc-validation.js';

describe('IPC argument validation', () => {
  it('has a schema for every channel', () => {
    expect(Object.keys(IPC_ARG_SCHEMAS).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('accepts well-formed calls', () => {
    expect(parseIpcArgs(IPC_CHANNELS.saveLoginToken, ['tok_0123456789abcdef'])).toEqual(['tok_0123456789abcdef']);
    expect(parseIpcArgs(IPC_CHANNELS.saveLoginToken, [null])).toEqual([null]);
    expect(parseIpcArgs(IPC_CHANNELS.loadLoginToken, [])).toEqual([]);
    expect(parseIpcArgs(IPC_CHANNELS.notify, ['New session', 'Your Personal Queue has a new session.'])).toEqual(['New session', 'Your Personal Queue has a new session.']);
    expect(parseIpcArgs(IPC_CHANNELS.notify, ['Chat', ''])).toEqual(['Chat', '']);
  });

  it('refuses wrong types, counts and sizes, naming the channel but not the value', () => {
    const bad: [string, unknown[]][] = [
      [IPC_CHANNELS.saveLoginToken, []],
      [IPC_CHANNELS.saveLoginToken, [42]],
      [IPC_CHANNELS.saveLoginToken, ['has space secret']],
      [IPC_CHANNELS.saveLoginToken, ['']],
      [IPC_CHANNELS.saveLoginToken, ['x'.repeat(IPC_LIMITS.tokenMaxLength + 1)]],
      [IPC_CHANNELS.saveLoginToken, ['ok', 'extra']],
      [IPC_CHANNELS.loadLoginToken, ['x']],
      [IPC_CHANNELS.notify, ['only title']],
      [IPC_CHANNELS.notify, ['', 'body']],
      [IPC_CHANNELS.notify, ['t'.repeat(IPC_LIMITS.notificationTitleMaxLength + 1), 'b']],
      [IPC_CHANNELS.notify, ['t', 'b'.repeat(IPC_LIMITS.notificationBodyMaxLength + 1)]],
      [IPC_CHANNELS.notify, [{ toString: () => 'x' }, 'b']],
    ];
    for (const [channel, args] of bad) {
      expect(() => parseIpcArgs(channel as never, args), `${channel} ${JSON.stringify(args)}`).toThrow(IpcRefusal);
    }
    try {
      parseIpcArgs(IPC_CHANNELS.saveLoginToken, ['has space secret']);
    } catch (e) {
      expect((e as Error).message).toContain(IPC_CHANNELS.saveLoginToken);
      expect((e as Error).message).not.toContain('has space secret');
    }
  });

  it('knows its channels', () => {
    expect(isIpcChannel(IPC_CHANNELS.notify)).toBe(true);
    expect(isIpcChannel('rep-console:shell-exec')).toBe(false);
  });
});

describe('OS integration channels', () => {
  it('accept a waiting count and a file to save; refuse the rest', () => {
    expect(parseIpcArgs(IPC_CHANNELS.setWaitingCount, [3])).toEqual([3]);
    expect(parseIpcArgs(IPC_CHANNELS.openFiles, [])).toEqual([]);
    expect(parseIpcArgs(IPC_CHANNELS.takeBrcsCommands, [])).toEqual([]);
    const png = new Uint8Array([137, 80, 78, 71]);
    expect(parseIpcArgs(IPC_CHANNELS.saveFile, ['screenshot', 'WS-042.png', png])).toEqual(['screenshot', 'WS-042.png', png]);
    for (const [channel, args] of [
      [IPC_CHANNELS.setWaitingCount, [-1]],
      [IPC_CHANNELS.setWaitingCount, [1.5]],
      [IPC_CHANNELS.setWaitingCount, ['3']],
      [IPC_CHANNELS.saveFile, ['exe', 'a', png]],
      [IPC_CHANNELS.saveFile, ['file', '', png]],
      [IPC_CHANNELS.saveFile, ['file', 'a', 'not bytes']],
      [IPC_CHANNELS.saveFile, ['file', 'x'.repeat(300), png]],
      [IPC_CHANNELS.openFiles, ['/etc/passwd']],
      [IPC_CHANNELS.takeBrcsCommands, ['https://evil.example']],
    ] as const) {
      expect(() => parseIpcArgs(channel, [...args])).toThrow(IpcRefusal);
    }
  });
});

describe('the console page’s language', () => {
  it('accepts exactly the offered languages', () => {
    for (const language of ['en-US', 'fr-FR', 'de-DE']) expect(parseIpcArgs(IPC_CHANNELS.setLanguage, [language])).toEqual([language]);
  });

  it('refuses other languages, tags the picker never sends, and anything not one string', () => {
    for (const args of [[], ['es-ES'], ['fr'], ['FR-fr'], ['de_DE'], [' en-US'], [''], [42], [null], [['fr-FR']], [{ toString: () => 'fr-FR' }], ['fr-FR', 'de-DE']]) {
      expect(() => parseIpcArgs(IPC_CHANNELS.setLanguage, args), JSON.stringify(args)).toThrow(IpcRefusal);
    }
    expect(() => parseIpcArgs(IPC_CHANNELS.setLanguage, ['<img src=x>'])).toThrow(/rep-console:set-language/);
  });
});
