import { afterEach, describe, expect, it } from 'vitest';
import {
  autoUpdateEnabled,
  channelFileName,
  decideUpdate,
  isNewerVersion,
  MANUAL_NO_AUTO_UPDATE,
  MANUAL_PER_MACHINE,
  UPDATE_ERROR_1_1GWS,
  updateFailure,
  updateFeedUrl,
  updatePlatform,
  updateRequestHeaders,
  type UpdateDecision,
} from './auto-update.js';
import { desktopWords } from './desktop-words.js';

const ERROR = { action: 'error', code: '1.1gws', message: UPDATE_ERROR_1_1GWS } as const;
const PER_MACHINE = { action: 'manual', message: MANUAL_PER_MACHINE } as const;
const NO_AUTO = { action: 'manual', message: MANUAL_NO_AUTO_UPDATE } as const;

// per-user/per-machine × SHOULDAUTOUPDATE × token × site upgraded: all 16 rows.
const table: [scope: 'per-user' | 'per-machine', shouldAutoUpdate: boolean, hasToken: boolean, siteUpgraded: boolean, expected: UpdateDecision][] = [
  ['per-user', true, true, true, { action: 'update' }],
  ['per-user', true, false, true, ERROR],
  ['per-user', false, true, true, NO_AUTO],
  ['per-user', false, false, true, NO_AUTO],
  ['per-machine', true, true, true, PER_MACHINE],
  ['per-machine', true, false, true, PER_MACHINE],
  ['per-machine', false, true, true, PER_MACHINE],
  ['per-machine', false, false, true, PER_MACHINE],
  ['per-user', true, true, false, { action: 'none' }],
  ['per-user', true, false, false, { action: 'none' }],
  ['per-user', false, true, false, { action: 'none' }],
  ['per-user', false, false, false, { action: 'none' }],
  ['per-machine', true, true, false, { action: 'none' }],
  ['per-machine', true, false, false, { action: 'none' }],
  ['per-machine', false, true, false, { action: 'none' }],
  ['per-machine', false, false, false, { action: 'none' }],
];

describe('decideUpdate', () => {
  it.each(table)('%s, SHOULDAUTOUPDATE=%s, token=%s, site upgraded=%s', (scope, shouldAutoUpdate, hasToken, siteUpgraded, expected) => {
    expect(decideUpdate({ scope, shouldAutoUpdate, hasToken, siteUpgraded })).toEqual(expected);
  });

  it('shows the vendor message word for word', () => {
    expect(UPDATE_ERROR_1_1GWS).toBe(
      'Error communicating with the server during software update. Please upgrade your software by downloading it from the website. (1.1gws)',
    );
  });

  it('checks for updates only per user with SHOULDAUTOUPDATE=1', () => {
    expect(autoUpdateEnabled({ scope: 'per-user', shouldAutoUpdate: true })).toBe(true);
    expect(autoUpdateEnabled({ scope: 'per-user', shouldAutoUpdate: false })).toBe(false);
    expect(autoUpdateEnabled({ scope: 'per-machine', shouldAutoUpdate: true })).toBe(false);
  });
});

describe('versions, feed and failures', () => {
  it('compares versions', () => {
    expect(isNewerVersion('0.2.0', '0.1.9')).toBe(true);
    expect(isNewerVersion('0.10.0', '0.9.0')).toBe(true);
    expect(isNewerVersion('0.1.0', '0.1.0')).toBe(false);
    expect(isNewerVersion('0.1.0', '0.2.0')).toBe(false);
    expect(isNewerVersion('1.0.0', '1.0.0-beta.2')).toBe(true);
    expect(isNewerVersion('1.0.0-beta.10', '1.0.0-beta.2')).toBe(true);
    expect(isNewerVersion('junk', '1.0.0')).toBe(false);
  });

  it("builds the generic provider's feed URL, channel file and token header", () => {
    expect(updateFeedUrl('http://127.0.0.1:4321', 'win')).toBe('http://127.0.0.1:4321/download/update/win/');
    expect(updateFeedUrl('https://support.example.com/', 'linux')).toBe('https://support.example.com/download/update/linux/');
    expect([channelFileName('win'), channelFileName('mac'), channelFileName('linux')]).toEqual(['latest.yml', 'latest-mac.yml', 'latest-linux.yml']);
    expect([updatePlatform('win32'), updatePlatform('darwin'), updatePlatform('linux'), updatePlatform('aix')]).toEqual(['win', 'mac', 'linux', null]);
    expect(updateRequestHeaders('t0k')).toEqual({ Authorization: 'Bearer t0k' });
  });

  it('maps a refused token (401/403) to 1.1gws, anything else to "unreachable"', () => {
    expect(updateFailure(Object.assign(new Error('HttpError: 401 Unauthorized'), { statusCode: 401 })).code).toBe('1.1gws');
    expect(updateFailure(new Error('Error: 403 Forbidden "method: GET url: ..."')).message).toBe(UPDATE_ERROR_1_1GWS);
    expect(updateFailure(new Error('connect ECONNREFUSED 127.0.0.1:1')).code).toBe('unreachable');
  });
});

describe('update notices in the rep’s language', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('words the decision and the (1.1gws) error in French or German, the code kept', () => {
    desktopWords.set('fr-FR');
    expect(decideUpdate({ scope: 'per-machine', shouldAutoUpdate: false, hasToken: false, siteUpgraded: true })).toEqual({ action: 'manual', message: expect.stringMatching(/^Le site a été mis à niveau\./) });
    expect(decideUpdate({ scope: 'per-user', shouldAutoUpdate: true, hasToken: false, siteUpgraded: true })).toMatchObject({ action: 'error', code: '1.1gws', message: expect.stringMatching(/\(1\.1gws\)$/) });
    desktopWords.set('de-DE');
    expect(updateFailure(Object.assign(new Error('401'), { statusCode: 401 })).message).toMatch(/^Fehler bei der Kommunikation .* \(1\.1gws\)$/);
    // The English constants stay the vendor's words.
    expect(UPDATE_ERROR_1_1GWS).toMatch(/^Error communicating/);
  });
});
