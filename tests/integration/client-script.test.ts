/** /api/client_script against a real appliance: .brcs downloads, the web console hand-off, and every refusal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrcs, readWebConsoleScript, type BrcsCommand } from '../../appliance/src/protocol/index.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

const get = (query: string) => fetch(`${app.url}/api/client_script?${query}`, { redirect: 'manual' });
const post = (body: string, query = '') =>
  fetch(`${app.url}/api/client_script${query ? `?${query}` : ''}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

/** Downloads a script and reads it back with the console's own parser. */
async function script(r: Response): Promise<BrcsCommand[]> {
  const text = await r.text();
  expect(r.status, text).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/octet-stream');
  expect(r.headers.get('cache-control')).toBe('no-store');
  const parsed = parseBrcs(text);
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.warnings).toEqual([]);
  return parsed.commands.map((c) => c.command);
}

const fileName = (r: Response) => /attachment; filename="([^"]+)"/.exec(r.headers.get('content-disposition') ?? '')?.[1];

/** Follows the web console hand-off: the criteria the console will run. */
function handedOver(r: Response) {
  expect(r.status).toBe(303);
  const location = r.headers.get('location') ?? '';
  expect(location).toMatch(/^\/console#client_script=/);
  const s = readWebConsoleScript(location.slice(location.indexOf('#')));
  if (!s?.ok) throw new Error(`no script in ${location}`);
  return { location, command: s.command };
}

async function refused(r: Response, message: RegExp): Promise<void> {
  const text = await r.text();
  expect(r.status, text).toBe(400);
  expect(r.headers.get('content-type')).toContain('text/plain');
  expect(r.headers.get('location')).toBeNull();
  expect(r.headers.get('content-disposition')).toBeNull();
  expect(text).toMatch(/^E_BAD_PARAMS: /);
  expect(text).toMatch(message);
}

describe('type=rep&operation=generate: a .brcs-<site> file with login first', () => {
  const base = 'type=rep&operation=generate';

  it('login (with and without credentials)', async () => {
    const bare = await get(`${base}&action=login`);
    expect(fileName(bare)).toBe('login.brcs-demo_site');
    expect(await script(bare)).toEqual([{ action: 'login', params: {} }]);
    const creds = await get(`${base}&action=login&mechanism=username_password&username=ana&password=Support-Demo-1`);
    expect(await script(creds)).toEqual([{ action: 'login', params: { mechanism: 'username_password', username: 'ana', password: 'Support-Demo-1' } }]);
  });

  it('generate_session_key with public_portal_hostname and custom attributes', async () => {
    const r = await get(`${base}&action=generate_session_key&public_portal_hostname=support.example.com&session.custom.external_key=INC-1001&session.custom.note=Caf%C3%A9+%26+more`);
    expect(fileName(r)).toBe('generate_session_key.brcs-demo_site');
    expect(await script(r)).toEqual([
      { action: 'login', params: {} },
      { action: 'generate_session_key', params: { public_portal_hostname: 'support.example.com' }, custom: { external_key: 'INC-1001', note: 'Café & more' } },
    ]);
  });

  it('push_and_start_local', async () => {
    expect((await script(await get(`${base}&action=push_and_start_local&hostname=ABCDEF02`)))[1]).toEqual({ action: 'push_and_start_local', params: { hostname: 'ABCDEF02' }, custom: {} });
  });

  it('push_and_start_remote, with and without a Jumpoint', async () => {
    expect((await script(await get(`${base}&action=push_and_start_remote&target=ABCDEF02&jumpoint=Network01`)))[1]).toEqual({ action: 'push_and_start_remote', params: { target: 'ABCDEF02', jumpoint: 'Network01' }, custom: {} });
    expect((await script(await get(`${base}&action=push_and_start_remote&target=10.20.0.5`)))[1]).toEqual({ action: 'push_and_start_remote', params: { target: '10.20.0.5' }, custom: {} });
  });

  it('start_jump_item_session with every criterion', async () => {
    const q = 'jump.method=pinned&credential_id=12&search_string=dc01&client.hostname=corp&client.comments=domain&client.tag=critical&client.public_ip=203.0&client.private_ip=10.0.0';
    expect((await script(await get(`${base}&action=start_jump_item_session&${q}`)))[1]).toEqual({
      action: 'start_jump_item_session',
      params: { 'jump.method': 'pinned', credential_id: '12', search_string: 'dc01', 'client.hostname': 'corp', 'client.comments': 'domain', 'client.tag': 'critical', 'client.public_ip': '203.0', 'client.private_ip': '10.0.0' },
      custom: {},
    });
  });

  it('start_shell_jump_session, with the defaults filled in and with every parameter', async () => {
    const plain = await get(`${base}&action=start_shell_jump_session&target=core-sw-01.net.example`);
    expect(fileName(plain)).toBe('start_shell_jump_session.brcs-demo_site');
    expect((await script(plain))[1]).toEqual({ action: 'start_shell_jump_session', params: { target: 'core-sw-01.net.example', protocol: 'ssh', port: 22, terminal: 'xterm' }, custom: {} });
    const full = await get(`${base}&action=start_shell_jump_session&target=fw&jumpoint=JP-LYON&username=admin&protocol=telnet&port=23&terminal=vt100&session.custom.ticket=7`);
    expect((await script(full))[1]).toEqual({ action: 'start_shell_jump_session', params: { target: 'fw', jumpoint: 'JP-LYON', username: 'admin', protocol: 'telnet', port: 23, terminal: 'vt100' }, custom: { ticket: '7' } });
  });

  it('takes the same parameters as a form post, and ignores unknown ones', async () => {
    const r = await post(`${base}&action=push_and_start_local&hostname=WS+042&utm_source=ticketing`);
    expect(await script(r)).toEqual([
      { action: 'login', params: {} },
      { action: 'push_and_start_local', params: { hostname: 'WS 042' }, custom: {} },
    ]);
    // Query and body together make one parameter list.
    expect((await script(await post('hostname=split', `${base}&action=push_and_start_local`)))[1]).toMatchObject({ params: { hostname: 'split' } });
  });
});

describe('type=web_console&operation=execute&action=start_jump_item_session: to the web console', () => {
  const base = 'type=web_console&operation=execute&action=start_jump_item_session';

  const CRITERIA: [string, string][] = [
    ['search_string', 'ABCDEF02'],
    ['client.hostname', 'dc01.corp'],
    ['client.comments', 'domain controller'],
    ['client.tag', 'critical'],
    ['client.public_ip', '203.0.113.10'],
    ['client.private_ip', '10.0.0.10'],
  ];

  it.each(CRITERIA)('carries %s alone', async (key, value) => {
    const { command } = handedOver(await get(`${base}&${key}=${encodeURIComponent(value)}`));
    expect(command).toEqual({ action: 'start_jump_item_session', params: { [key]: value }, custom: {} });
  });

  it('carries jump.method and credential_id next to a criterion', async () => {
    const { command } = handedOver(await get(`${base}&search_string=ws-042&jump.method=pinned&credential_id=4`));
    expect(command.params).toEqual({ search_string: 'ws-042', 'jump.method': 'pinned', credential_id: '4' });
  });

  it('carries every criterion combined, with custom attributes and text that needs encoding', async () => {
    const all = [...CRITERIA, ['jump.method', 'pinned'], ['credential_id', '9'], ['session.custom.external_key', 'INC & 42 = 100%'], ['session.custom.note', 'Grüße 😀']];
    const q = all.map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&');
    const { command } = handedOver(await get(`${base}&${q}`));
    expect(command).toEqual({
      action: 'start_jump_item_session',
      params: Object.fromEntries(all.filter(([k]) => !k!.startsWith('session.custom.'))),
      custom: { external_key: 'INC & 42 = 100%', note: 'Grüße 😀' },
    });
  });

  it('works as a form post too', async () => {
    const { command } = handedOver(await post(`${base}&client.tag=finance`));
    expect(command.params).toEqual({ 'client.tag': 'finance' });
  });

  it('puts nothing secret in the console URL: unknown parameters (a password) are dropped', async () => {
    const { location, command } = handedOver(await get(`${base}&search_string=dc01&password=Support-Demo-1&username=ana`));
    expect(location).not.toMatch(/Support-Demo-1|password/i);
    expect(command.params).toEqual({ search_string: 'dc01' });
  });

  it('lands on the console page (the fragment stays in the browser)', async () => {
    const r = await fetch(`${app.url}/api/client_script?${base}&search_string=dc01`);
    expect(r.status).toBe(200);
    expect(new URL(r.url).pathname).toBe('/console');
    expect(r.headers.get('content-type')).toContain('text/html');
  });
});

describe('bad requests: HTTP 400 with a plain message, nothing started', () => {
  const rep = 'type=rep&operation=generate';
  const web = 'type=web_console&operation=execute&action=start_jump_item_session';
  const long = (n: number) => 'x'.repeat(n);

  it('a missing or unknown type, or the wrong operation for it', async () => {
    await refused(await get(''), /type must be rep .* or web_console/);
    await refused(await get('type=desktop&operation=generate&action=login'), /type must be rep/);
    await refused(await get('type=rep&operation=execute&action=login'), /type=rep takes operation=generate/);
    await refused(await get('type=rep&action=login'), /type=rep takes operation=generate/);
    await refused(await get('type=web_console&operation=generate&action=start_jump_item_session&search_string=x'), /type=web_console takes operation=execute/);
  });

  it('a missing or unknown action', async () => {
    await refused(await get(rep), /action is required/);
    await refused(await get(`${rep}&action=delete_everything`), /Unknown action "delete_everything"/);
  });

  it('any action but start_jump_item_session for web_console', async () => {
    for (const action of ['login', 'generate_session_key', 'push_and_start_local', 'push_and_start_remote', 'start_shell_jump_session', 'nope']) {
      await refused(await get(`type=web_console&operation=execute&action=${action}&hostname=x&target=x`), /type=web_console accepts only action=start_jump_item_session/);
    }
  });

  it('start_jump_item_session without search_string or a client.* field', async () => {
    await refused(await get(`${web}&jump.method=pinned`), /needs search_string or at least one of client\.hostname/);
    await refused(await get(`${rep}&action=start_jump_item_session`), /needs search_string/);
  });

  it('a criterion over 255 characters (each of them, either type)', async () => {
    for (const key of ['search_string', 'client.hostname', 'client.comments', 'client.tag', 'client.public_ip', 'client.private_ip', 'credential_id']) {
      const q = `${key}=${long(256)}${key === 'credential_id' ? '&search_string=x' : ''}`;
      await refused(await get(`${web}&${q}`), new RegExp(`${key.replace('.', '\\.')} is longer than 255 characters`));
      await refused(await get(`${rep}&action=start_jump_item_session&${q}`), /is longer than 255 characters/);
    }
    await refused(await get(`${rep}&action=push_and_start_local&hostname=${long(256)}`), /hostname is longer than 255 characters/);
  });

  it('custom fields over 1024 characters, or over 10 KB together with the external key', async () => {
    await refused(await get(`${web}&search_string=x&session.custom.note=${long(1025)}`), /session\.custom\.note is longer than 1024 characters/);
    const ten = Array.from({ length: 10 }, (_, i) => `session.custom.f${i}=${long(1024)}`).join('&');
    expect((await get(`${rep}&action=generate_session_key&${ten}`)).status).toBe(200);
    await refused(await get(`${rep}&action=generate_session_key&${ten}&session.custom.external_key=INC-1`), /longer than 10 KB/);
    await refused(await post(`${web}&search_string=x&${ten}&session.custom.external_key=INC-1`), /longer than 10 KB/);
  });

  it('a parameter given twice (in the query, or in query and body)', async () => {
    await refused(await get(`${web}&search_string=a&search_string=b`), /"search_string" is given more than once/);
    await refused(await get(`${web}&action=start_jump_item_session&search_string=a`), /"action" is given more than once/);
    await refused(await get(`type=rep&type=web_console&operation=generate&action=login`), /"type" is given more than once/);
    await refused(await post('hostname=b', `${rep}&action=push_and_start_local&hostname=a`), /"hostname" is given more than once/);
    await refused(await get(`${rep}&action=start_shell_jump_session&target=a&session.custom.x=1&session.custom.x=2`), /"session\.custom\.x" is given more than once/);
  });

  it('text that is not UTF-8, or a broken percent escape', async () => {
    await refused(await get(`${web}&search_string=%FF%FE`), /The value of search_string is not valid UTF-8/);
    await refused(await get(`${web}&search_string=%C3`), /not valid UTF-8/);
    await refused(await get(`${web}&search_string=100%`), /not followed by two hexadecimal digits/);
    await refused(await get(`${web}&search%ZZ=1&search_string=x`), /The parameter name "search%ZZ"/);
    const latin1 = await fetch(`${app.url}/api/client_script?${rep}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new Uint8Array([...new TextEncoder().encode('action=push_and_start_local&hostname=caf'), 0xe9]),
    });
    await refused(latin1, /The form body is not valid UTF-8/);
  });

  it('values the catalogue does not allow', async () => {
    await refused(await get(`${web}&search_string=x&jump.method=teleport`), /jump\.method must be one of push, local_push, pinned, rdp, vnc, shelljump/);
    await refused(await get(`${rep}&action=start_shell_jump_session&target=a&port=0`), /port must be a whole number from 1 to 65535/);
    await refused(await get(`${rep}&action=start_shell_jump_session&target=a&protocol=rdp`), /protocol must be one of ssh, telnet/);
    await refused(await get(`${rep}&action=start_shell_jump_session`), /target is required/);
    await refused(await get(`${rep}&action=push_and_start_local`), /hostname is required/);
    await refused(await get(`${rep}&action=login&username=ana&password=x`), /login needs mechanism, username and password together \(missing: mechanism\)/);
  });

  it('never echoes a password in a refusal', async () => {
    const r = await get(`${rep}&action=login&mechanism=username_password&username=ana&password=${long(300)}`);
    const text = await r.text();
    expect(r.status).toBe(400);
    expect(text).toMatch(/^E_BAD_PARAMS: password is longer than 255 characters\./);
    expect(text).not.toContain(long(20));
  });
});
