import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { line, SYSTEM_LINES, type SystemLineKey } from '../protocol/index.js';
import { englishOf } from './system-line-text.js';

describe('system lines in English', () => {
  it('every template is a valid ICU message', () => {
    for (const [key, template] of Object.entries(SYSTEM_LINES)) expect(() => new IntlMessageFormat(template, 'en-US'), key).not.toThrow();
  });

  it('reads as the session log always did', () => {
    const cases: [SystemLineKey, Record<string, string | number>, string][] = [
      ['member.joined', { name: 'Ana Lopez' }, 'Ana Lopez joined the session.'],
      ['prompt.asked', { name: 'Ana', kind: 'screen_control' }, 'Ana is requesting to view and control your computer. Waiting on the customer to respond to the prompt.'],
      ['prompt.refused', { kind: 'file_transfer' }, 'The customer refused the request to transfer files to and from your computer.'],
      ['member.dropped', { name: 'Ana', why: 'admin' }, 'Ana was logged out by an administrator and left the session.'],
      ['jump.warning', { minutes: 1 }, "The Jump Policy's schedule ends this session in 1 minute. Save your work."],
      ['jump.warning', { minutes: 5 }, "The Jump Policy's schedule ends this session in 5 minutes. Save your work."],
      ['jump.pinnedPersonal', { name: 'Ana', password: 'yes' }, "Ana pinned a Jump Client to Ana's personal list, with a password."],
      ['jump.pinned', { name: 'Ana', group: 'Finance', password: 'no' }, 'Ana pinned a Jump Client to Finance.'],
      ['file.deleted', { name: 'Ana', count: 1, item: 'a.txt', host: 'pc' }, 'Ana deleted a.txt on pc.'],
      ['file.deleted', { name: 'Ana', count: 1200, item: 'a.txt', host: 'pc' }, 'Ana deleted 1200 items on pc.'],
      ['file.cancelledWhy', { direction: 'upload', file: 'a.txt', reason: 'Disk full.', reasonCode: 'E_FILE_IO' }, 'The upload of a.txt was cancelled: Disk full.'],
      ['screen.started', { name: 'Ana', host: 'pc', control: 'no' }, 'Ana started screen sharing with pc (view only).'],
      ['button.deployed', { name: 'Ana', description: 'Help', host: 'pc', queue: 'Ana Lopez', expiry: '1w' }, 'Ana deployed a Support Button “Help” on pc (Ana Lopez, expires 1 week from now).'],
      ['credentials.injected', { name: 'Ana', credential: 'admin', host: 'pc', source: 'ecm' }, 'Ana injected the credentials “admin” (ECM) into pc.'],
    ];
    for (const [key, args, text] of cases) expect(englishOf(line(key, args))).toBe(text);
  });

  it('a key this appliance does not know reads as the key, never throws', () => {
    expect(englishOf({ key: 'future.line', args: {} })).toBe('future.line');
  });
});

describe('a line with an argument missing', () => {
  it('falls back to its template instead of throwing inside a transaction', () => {
    expect(englishOf({ key: 'member.joined', args: {} })).toBe('{name} joined the session.');
  });
});
