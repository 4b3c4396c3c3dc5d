import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consentResponder, consentText, defaultConsentMode } from './consent.js';

const q = { repName: 'Ana Lopez', itemName: 'LT-1', policyName: 'Attended', timeoutSeconds: 1 };

describe('jump-client --consent', () => {
  it('allow and deny answer at once, and are logged', async () => {
    const log: string[] = [];
    expect(await consentResponder('allow', (l) => log.push(l))(q)).toBe('allow');
    expect(await consentResponder('deny', (l) => log.push(l))(q)).toBe('deny');
    expect(log).toEqual(['Ana Lopez asked to start a session (Jump Policy "Attended"): allowed', 'Ana Lopez asked to start a session (Jump Policy "Attended"): denied']);
  });

  it('ask: the person at the terminal answers y or n; no answer in time is none', async () => {
    const io = () => ({ input: new PassThrough(), output: new PassThrough() });
    const a = io();
    const yes = consentResponder('ask', () => {}, a)(q);
    a.input.write('maybe\ny\n');
    expect(await yes).toBe('allow');
    expect(String(a.output.read())).toContain(`${consentText(q)}\nPlease answer y or n.`);
    const b = io();
    const no = consentResponder('ask', () => {}, b)(q);
    b.input.write('no\n');
    expect(await no).toBe('deny');
    expect(await consentResponder('ask', () => {}, io())(q)).toBe('none');
  });

  it('defaults to asking in a terminal, to not answering as a service', () => {
    expect(defaultConsentMode(true)).toBe('ask');
    expect(defaultConsentMode(false)).toBe('ignore');
  });
});
