import { describe, expect, it } from 'vitest';
import { parseStartSession } from './start-session.js';

const lookup = { repByName: (n: string) => (n === 'ana' ? 2 : null), issueByCode: (c: string) => (c === 'printer' ? 3 : null) };

describe('Session Generation API parameters', () => {
  it('routes by rep id, rep name, short key, or issue', () => {
    expect(parseStartSession({ id: '7' }, lookup).route).toEqual({ repId: 7 });
    expect(parseStartSession({ name: 'ana' }, lookup).route).toEqual({ repId: 2 });
    expect(parseStartSession({ short_key: '1234 5678 9012' }, lookup).route).toEqual({ shortKey: '1234 5678 9012' });
    expect(parseStartSession({ issue_menu: '1', codeName: 'printer' }, lookup).route).toEqual({ issueId: 3 });
    expect(parseStartSession({ issue_menu: '1', id: '5' }, lookup).route).toEqual({ issueId: 5 });
  });

  it('reads customer fields, click-to-chat and custom attributes, ignoring unknown parameters', () => {
    const p = parseStartSession(
      { id: '1', c2cjs: '1', 'customer.name': ' Li ', 'customer.company': 'Contoso', 'customer.company_code': 'C-9', 'customer.details': 'VPN', 'session.custom.external_key': 'INC-42', 'session.custom.asset': 'LT-7', utm_source: 'x' },
      lookup,
    );
    expect(p).toMatchObject({ name: 'Li', company: 'Contoso', details: 'VPN', browser: true, customAttributes: { external_key: 'INC-42', asset: 'LT-7', company_code: 'C-9' } });
    expect(parseStartSession({ id: '1' }, lookup)).toMatchObject({ name: 'Customer', browser: false });
  });

  it.each([
    [{}, /Say how to reach/],
    [{ issue_menu: '1', codeName: 'printer', id: '3' }, /not both/],
    [{ issue_menu: '1', codeName: 'nope' }, /does not exist/],
    [{ name: 'nobody' }, /not available/],
    [{ id: 'x' }, /representative id/],
    [{ id: '1', 'session.custom.big': 'x'.repeat(1025) }, /longer than 1024/],
    [{ id: '1', ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`session.custom.a${i}`, 'x'.repeat(1000)])) }, /10 KB/],
    [{ id: '1', 'session.custom.bad name': 'x' }, /not valid/],
  ])('refuses %j', (q, msg) => {
    expect(() => parseStartSession(q as Record<string, string>, lookup)).toThrow(msg);
  });
});
