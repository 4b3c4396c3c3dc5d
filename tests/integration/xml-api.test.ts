/**
 * The integration APIs over real HTTP against a real appliance: /oauth2/token (client credentials),
 * /api/command and /api/reporting, every answer validated against the served XSDs with
 * `xmllint --schema` (Debian's libxml2-utils); bad and expired tokens; a read-only account refused
 * on state changes; XML special characters in chat lines escaped.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';

const DEMO_CLIENT = { id: 'demo-api-client', secret: 'Demo-API-Secret-1' };
const HOSTILE_CHAT = `<script>alert("x")</script> & 'quotes' ]]> \u0001bell`;
const HOSTILE_NAME = `=cmd|' /C calc'!A0 <Tom & "Jerry">`;

let app: RunningAppliance;
let dir: string;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
  dir = mkdtempSync(join(tmpdir(), 'rep-xsd-'));
  for (const name of ['command', 'reporting']) {
    const r = await fetch(`${app.url}/api/${name}.xsd`);
    expect(r.status).toBe(200);
    writeFileSync(join(dir, `${name}.xsd`), await r.text());
  }
});
afterAll(async () => {
  await app?.stop({ remove: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let docs = 0;
/** Validates a document with xmllint against the XSD the appliance served; throws with xmllint's words otherwise. */
function validate(xml: string, schema: 'command' | 'reporting'): void {
  const file = join(dir, `doc-${++docs}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(dir, `${schema}.xsd`), file], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`${schema} answer does not validate:\n${String((e as { stderr?: Buffer }).stderr)}\n${xml.slice(0, 2000)}`);
  }
}

/** One XPath value from a document (namespaces ignored through local-name()). */
function xpath(xml: string, expr: string): string {
  const file = join(dir, `q-${++docs}.xml`);
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--xpath', expr, file], { stdio: 'pipe' }).toString().replace(/\n$/, '');
}

async function token(id: string, secret: string): Promise<{ status: number; body: any }> {
  const r = await fetch(`${app.url}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return { status: r.status, body: await r.json() };
}

async function call(api: 'command' | 'reporting', bearer: string | null, params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; xml: string }> {
  const qs = new URLSearchParams(params).toString();
  const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
  const r =
    method === 'GET'
      ? await fetch(`${app.url}/api/${api}?${qs}`, { headers })
      : await fetch(`${app.url}/api/${api}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: qs });
  const xml = await r.text();
  expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
  validate(xml, api);
  return { status: r.status, xml };
}

const errorCode = (xml: string): string | null => /<error [^>]*code="(E_[A-Z_]+)"/.exec(xml)?.[1] ?? null;

async function adminCookie(): Promise<string> {
  const r = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

async function adminPost(cookie: string, path: string, body: unknown): Promise<any> {
  const r = await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  expect(r.status, path).toBe(200);
  return r.json();
}

/** A whole support session: hostile customer name and chat, a granted permission, ended by the rep. */
async function finishedSession(): Promise<string> {
  const ana = await rep(app.url, 'ana');
  const key = await ana.call('sessionKey.generate', { expiresInMinutes: 10 });
  const joined = await portal(app.url, { name: HOSTILE_NAME, company: 'Acme & Sons', sessionKey: key.key });
  const sessionId: string = joined.body.sessionId;
  const { client: cust } = await customer(app.url, joined.body.customerToken);
  await ana.call('session.accept', { sessionId });
  await ana.call('session.chat', { sessionId, body: HOSTILE_CHAT });
  await cust.customer('customer.chat', { body: 'Thanks & bye <3' });
  const { prompt } = await ana.call('session.prompt', { sessionId, kind: 'screen_control' });
  await eventOf(cust, 'customer.prompt', (p) => p.id === prompt.id);
  await cust.customer('customer.answer', { promptId: prompt.id, allow: true });
  await eventOf(ana, 'session.prompt', (p) => p.id === prompt.id && p.state === 'allowed');
  await ana.call('session.end', { sessionId });
  cust.close();
  ana.close();
  return sessionId;
}

describe('/oauth2/token', () => {
  it('trades the demo account’s client credentials for an hour’s bearer token', async () => {
    const t = await token(DEMO_CLIENT.id, DEMO_CLIENT.secret);
    expect(t.status).toBe(200);
    expect(t.body).toEqual({ access_token: expect.stringMatching(/^[\w-]{40,}$/), token_type: 'Bearer', expires_in: 3600 });
  });

  it('refuses a wrong secret, an unknown client and another grant type', async () => {
    expect(await token(DEMO_CLIENT.id, 'wrong')).toMatchObject({ status: 401, body: { error: 'invalid_client', code: 'E_API_CLIENT_INVALID' } });
    expect(await token('nobody', DEMO_CLIENT.secret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const r = await fetch(`${app.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=password&client_id=${DEMO_CLIENT.id}&client_secret=${DEMO_CLIENT.secret}` });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'unsupported_grant_type', code: 'E_API_GRANT_UNSUPPORTED' });
  });
});

describe('command API → reporting API', () => {
  it('reports a finished session with its transcript escaped, and every answer validates', async () => {
    const bearer = (await token(DEMO_CLIENT.id, DEMO_CLIENT.secret)).body.access_token as string;
    const info = await call('command', bearer, { action: 'get_api_info' });
    expect(xpath(info.xml, 'string(//*[local-name()="perm_command"])')).toBe('full_access');

    // A logged-in rep appears in get_logged_in_reps.
    const ben = await rep(app.url, 'ben');
    const reps = await call('command', bearer, { action: 'get_logged_in_reps' });
    expect(xpath(reps.xml, 'string(//*[local-name()="rep"][*[local-name()="private_display_name"]="Ben Walker"]/*[local-name()="support_session_count"])')).toBe('0');
    const teams = await call('command', bearer, { action: 'get_support_teams' }, 'POST');
    expect(xpath(teams.xml, 'count(//*[local-name()="support_team"])')).toBe('2');

    const lsid = await finishedSession();
    const report = await call('reporting', bearer, { generate_report: 'SupportSession', lsid });
    expect(report.status).toBe(200);
    // The hostile chat line survives the round trip exactly (the control character becomes U+FFFD).
    const bodies = xpath(report.xml, '//*[local-name()="event"][@event_type="Chat Message"]/*[local-name()="body"]/text()');
    expect(report.xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'quotes\' ]]&gt; \uFFFDbell');
    expect(bodies).toContain('&lt;script&gt;');
    expect(xpath(report.xml, 'string(//*[local-name()="primary_customer"])')).toBe(HOSTILE_NAME);
    expect(xpath(report.xml, 'string(//*[local-name()="primary_rep"])')).toBe('Ana Lopez');
    expect(xpath(report.xml, 'count(//*[local-name()="event"][@event_type="Permission Granted"])')).toBe('1');
    expect(xpath(report.xml, 'string(//*[local-name()="end_time"]/@timestamp)')).toMatch(/^\d{10}$/);

    // The same session through the time-window forms and the listing.
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await call('reporting', bearer, { generate_report: 'SupportSession', start_date: today, duration: '1' });
    expect(byDay.xml).toContain(`lsid="${lsid}"`);
    const ended = await call('reporting', bearer, { generate_report: 'SupportSessionListing', end_time: String(Math.floor(Date.now() / 1000) + 5), duration: '0' });
    expect(ended.xml).toContain(`lsid="${lsid}"`);
    await call('reporting', bearer, { generate_report: 'SupportSessionSummary', start_time: String(Math.floor(Date.now() / 1000) - 3600), duration: '0' });
    await call('reporting', bearer, { generate_report: 'JumpItem' });

    // An open session: attributes set and read back, transfer, terminate.
    const open = await portal(app.url, { name: 'Open Olivia', connect: true });
    const sid: string = open.body.sessionId;
    await call('command', bearer, { action: 'set_session_attributes', lsid: sid, 'session.custom.ticket': 'INC-42 <urgent>', 'session.custom.external_key': 'EXT-1' }, 'POST');
    await call('command', bearer, { action: 'set_session_attributes', lsid: sid, 'session.custom.note': 'kept' });
    await call('command', bearer, { action: 'set_session_attributes', lsid: sid, 'session.custom.note': '' });
    const attrs = await call('command', bearer, { action: 'get_session_attributes', lsid: sid });
    expect(xpath(attrs.xml, 'string(//*[local-name()="custom_attribute"][@code_name="ticket"])')).toBe('INC-42 <urgent>');
    expect(xpath(attrs.xml, 'string(//*[local-name()="external_key"])')).toBe('EXT-1');
    expect(attrs.xml).not.toContain('code_name="note"');
    const moved = await call('command', bearer, { action: 'transfer_session', lsid: sid, queue_id: 'rep_username:ben' });
    expect(xpath(moved.xml, 'local-name(/*)')).toBe('success');
    const q = await ben.call('queues.list', {});
    expect(q.sessions.find((s: { id: string }) => s.id === sid)?.queueId).toMatch(/^personal:/);
    await call('command', bearer, { action: 'terminate_session', lsid: sid });
    expect(errorCode((await call('command', bearer, { action: 'terminate_session', lsid: sid })).xml)).toBe('E_SESSION_ENDED');
    const key = await call('command', bearer, { action: 'generate_session_key', type: 'support', queue_id: 'rep_username:ben' });
    expect(xpath(key.xml, 'string(//*[local-name()="short_key"])')).toMatch(/^\d{12}$/);

    // Keys into the general queue, a team's queue (by id and by code) and an issue's team queue:
    // the customer who redeems one waits in that queue, not in a rep's personal queue.
    const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    const team = db.prepare('SELECT id, code FROM teams ORDER BY id LIMIT 1').get() as { id: number; code: string };
    const issue = db.prepare('SELECT code_name, team_id FROM issues ORDER BY id LIMIT 1').get() as { code_name: string; team_id: number } | undefined;
    const queued = async (queueId: string) => {
      const k = await call('command', bearer, { action: 'generate_session_key', type: 'support', queue_id: queueId });
      expect(xpath(k.xml, 'local-name(/*)'), queueId).toBe('session_key');
      const digits = xpath(k.xml, 'string(//*[local-name()="short_key"])');
      const joined = await portal(app.url, { name: `Keyed ${queueId}`, sessionKey: digits });
      expect(joined.status, queueId).toBe(200);
      return (db.prepare('SELECT queue_id FROM sessions WHERE id = ?').get(joined.body.sessionId) as { queue_id: string }).queue_id;
    };
    expect(await queued('general')).toBe('general');
    expect(await queued(`team:${team.id}`)).toBe(`team:${team.id}`);
    expect(await queued(`team:${team.code}`)).toBe(`team:${team.id}`);
    expect(issue, 'the demo site has portal issues').toBeDefined();
    expect(await queued(`issue:${issue!.code_name}`)).toBe(`team:${issue!.team_id}`);
    expect(await queued('rep_username:ben')).toMatch(/^personal:/);
    db.close();
    expect(errorCode((await call('command', bearer, { action: 'generate_session_key', type: 'support', queue_id: 'team:no-such-team' })).xml)).toBe('E_TARGET_NOT_FOUND');
    ben.close();

    // Bad requests are XML errors with stable codes.
    expect(errorCode((await call('command', bearer, { action: 'no_such_action' })).xml)).toBe('E_API_UNKNOWN_ACTION');
    expect(errorCode((await call('command', bearer, { action: 'transfer_session', lsid: sid, queue_id: 'somewhere' })).xml)).toBe('E_API_BAD_QUEUE');
    expect(errorCode((await call('reporting', bearer, { generate_report: 'Nope' })).xml)).toBe('E_API_UNKNOWN_REPORT');
    expect(errorCode((await call('reporting', bearer, { generate_report: 'SupportSession', lsid, start_date: today, duration: '1' })).xml)).toBe('E_REPORT_FILTER_CONFLICT');
    expect(errorCode((await call('reporting', bearer, { generate_report: 'SupportSession', lsid: 'not-an-lsid' })).xml)).toBe('E_REPORT_BAD_LSID');
  });
});

describe('tokens and access', () => {
  it('no token, a made-up token and an expired token are 401 XML errors', async () => {
    const none = await call('command', null, { action: 'get_api_info' });
    expect([none.status, errorCode(none.xml)]).toEqual([401, 'E_API_TOKEN_MISSING']);
    const fake = await call('reporting', 'made-up-token', { generate_report: 'JumpItem' });
    expect([fake.status, errorCode(fake.xml)]).toEqual([401, 'E_API_TOKEN_INVALID']);

    const bearer = (await token(DEMO_CLIENT.id, DEMO_CLIENT.secret)).body.access_token as string;
    // Age every token in the site's database by two hours (the appliance keeps running: WAL allows it).
    const db = new Database(join(app.dataDir, 'site.db'));
    db.prepare("UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour')").run();
    db.close();
    const expired = await call('command', bearer, { action: 'get_api_info' });
    expect([expired.status, errorCode(expired.xml)]).toEqual([401, 'E_API_TOKEN_EXPIRED']);
  });

  it('a read-only account reads but may not change anything; without reporting it gets no reports; a new secret ends old tokens', async () => {
    const cookie = await adminCookie();
    const created = await adminPost(cookie, '/login/api/api-accounts', { name: 'Monitoring (read only)', comments: '', enabled: true, commandAccess: 'read_only', reporting: false });
    expect(created.clientSecret).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(await (await fetch(app.url + '/login/api/api-accounts', { headers: { cookie } })).json())).not.toContain(created.clientSecret);
    const bearer = (await token(created.account.clientId, created.clientSecret)).body.access_token as string;

    expect((await call('command', bearer, { action: 'get_support_teams' })).status).toBe(200);
    const open = await portal(app.url, { name: 'Read Only Rita', connect: true });
    const sid = String(open.body.sessionId);
    for (const params of [
      { action: 'set_session_attributes', lsid: sid, 'session.custom.x': 'y' },
      { action: 'terminate_session', lsid: sid },
      { action: 'transfer_session', lsid: sid, queue_id: 'general' },
      { action: 'generate_session_key', type: 'support', queue_id: 'rep_username:ana' },
    ] as Record<string, string>[]) {
      const r = await call('command', bearer, params, 'POST');
      expect([r.status, errorCode(r.xml)], params.action).toEqual([403, 'E_API_READ_ONLY']);
    }
    const reportRefused = await call('reporting', bearer, { generate_report: 'JumpItem' });
    expect([reportRefused.status, errorCode(reportRefused.xml)]).toEqual([403, 'E_API_NO_REPORTING']);

    const again = await adminPost(cookie, `/login/api/api-accounts/${created.account.id}/secret`, {});
    expect(again.clientSecret).not.toBe(created.clientSecret);
    expect(errorCode((await call('command', bearer, { action: 'get_api_info' })).xml)).toBe('E_API_TOKEN_INVALID');
    expect((await token(created.account.clientId, created.clientSecret)).status).toBe(401);
    expect((await token(created.account.clientId, again.clientSecret)).status).toBe(200);

    // Disabled: no token at all.
    await adminPost(cookie, `/login/api/api-accounts/${created.account.id}`, { name: 'Monitoring (read only)', comments: '', enabled: false, commandAccess: 'read_only', reporting: false });
    expect((await token(created.account.clientId, again.clientSecret)).status).toBe(401);
  });

  it('only administrators manage API accounts; secrets are stored hashed', async () => {
    const ben = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ben', password: 'Support-Demo-1' }) });
    const cookie = ben.headers.get('set-cookie')?.split(';')[0] ?? '';
    const r = await fetch(app.url + '/login/api/api-accounts', { headers: { cookie } });
    expect(r.status).toBe(403);
    const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    const rows = db.prepare('SELECT secret_hash FROM api_accounts').all() as { secret_hash: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(DEMO_CLIENT.secret);
  });
});
