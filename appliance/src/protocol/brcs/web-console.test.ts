import { describe, expect, it } from 'vitest';
import { percentEncode } from './percent.js';
import { readWebConsoleScript, webConsoleScriptUrl } from './web-console.js';

describe('the web console hand-off', () => {
  it('carries a start_jump_item_session command through the URL fragment unchanged', () => {
    const command = { action: 'start_jump_item_session', params: { search_string: 'a&b=c%d #e', 'jump.method': 'pinned' }, custom: { external_key: 'Grüße 😀' } } as const;
    const url = webConsoleScriptUrl(command);
    expect(url).toMatch(/^\/console#client_script=[A-Za-z0-9\-._~%]+$/);
    expect(readWebConsoleScript(url.slice(url.indexOf('#')))).toEqual({ ok: true, command });
  });

  it('ignores fragments that carry no script', () => {
    expect(readWebConsoleScript('')).toBeNull();
    expect(readWebConsoleScript('#chat')).toBeNull();
    expect(readWebConsoleScript('#client_scripts=x')).toBeNull();
  });

  it('runs nothing but start_jump_item_session, and nothing the catalogue refuses', () => {
    const other = `#client_script=${percentEncode('action=push_and_start_local&hostname=ws-042')}`;
    expect(readWebConsoleScript(other)).toEqual({ ok: false, message: 'The web console runs only start_jump_item_session, not push_and_start_local.' });
    const tooLong = `#client_script=${percentEncode(`action=start_jump_item_session&search_string=${'x'.repeat(256)}`)}`;
    expect(readWebConsoleScript(tooLong)).toEqual({ ok: false, message: 'search_string is longer than 255 characters.' });
    expect(readWebConsoleScript('#client_script=%E0%A4')).toEqual({ ok: false, message: 'The client script in this address is not valid UTF-8 once decoded.' });
    expect(readWebConsoleScript(`#client_script=${percentEncode('action=evil')}`)).toMatchObject({ ok: false, message: expect.stringMatching(/^Unknown action "evil"/) });
  });
});
