/**
 * /login > Jump Policies over HTTP on a real demo appliance: list (schedule in words, open now or
 * when next, what uses it), create, edit, delete; who may (administrators; a rep gets 403, nobody
 * 401, a form post E_CSRF); bad input with coded 400s; and a rep's Jump following the edited policy
 * (refused outside the new window with when it opens next; "Start anyway" for those who may edit
 * policies).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let adminCookie: string;
let anaCookie: string;
let ana: TestClient;
let admin: TestClient;

const login = async (username: string, password: string) => {
  const r = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
};

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  [adminCookie, anaCookie] = await Promise.all([login('admin', 'password'), login('ana', 'Support-Demo-1')]);
  [ana, admin] = await Promise.all([rep(app.url, 'ana'), rep(app.url, 'admin')]);
});
afterAll(async () => {
  ana?.close();
  admin?.close();
  await app?.stop({ remove: true });
});

const call = async (method: string, path: string, body?: unknown, cookie = adminCookie, type = 'application/json') => {
  const r = await fetch(app.url + path, { method, headers: { cookie, 'content-type': type }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as any) : null };
};

const policy = (over: Record<string, unknown> = {}) => ({
  name: 'Weekend support',
  code: 'weekend-support',
  description: 'Saturdays in New York',
  scheduleEnabled: true,
  timeZone: 'America/New_York',
  windows: [{ days: ['sat'], start: '09:00', end: '17:00' }],
  forceEnd: true,
  presentPrompt: 'prompt',
  notPresentPrompt: 'no_prompt',
  promptTimeoutSeconds: 120,
  ...over,
});

describe('listing', () => {
  it('lists the demo policies with their schedule in words, whether open now, prompting and how many Jump Items use them; and the time zones', async () => {
    const r = await call('GET', '/login/api/jump-policies');
    expect(r.status).toBe(200);
    const byCode = Object.fromEntries(r.body.policies.map((p: { code: string }) => [p.code, p]));
    expect(byCode['business-hours']).toMatchObject({ name: 'Business hours', summary: 'Mon–Fri 08:00–18:00 (Europe/Paris)', jumpItems: 2, presentPrompt: 'prompt', promptTimeoutSeconds: 60 });
    expect(byCode['maintenance-window']).toMatchObject({ forceEnd: true, jumpItems: 1 });
    expect(byCode['attended-only']).toMatchObject({ summary: 'No schedule: sessions may start at any time', openNow: true, nextStartText: null });
    if (!byCode['maintenance-window'].openNow) expect(byCode['maintenance-window'].nextStartText).toMatch(/\(Europe\/Paris\)$/);
    expect(r.body.timeZones).toEqual(expect.arrayContaining(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo']));
  });
});

describe('create, edit, delete', () => {
  let id: number;
  it('creates a policy; its code name must be new', async () => {
    const r = await call('POST', '/login/api/jump-policies', policy());
    expect(r.status).toBe(200);
    expect(r.body.policy).toMatchObject({ code: 'weekend-support', summary: 'Sat 09:00–17:00 (America/New_York)', jumpItems: 0, forceEnd: true, promptTimeoutSeconds: 120 });
    id = r.body.policy.id;
    const again = await call('POST', '/login/api/jump-policies', policy({ name: 'Other' }));
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'E_JUMP_POLICY_EXISTS' } } });
  });

  it('edits it (the code name stays); unknown ids are 404', async () => {
    const r = await call('POST', `/login/api/jump-policies/${id}`, policy({ windows: [{ days: ['sat', 'sun'], start: '22:00', end: '06:00' }], forceEnd: false }));
    expect(r.status).toBe(200);
    expect(r.body.policy).toMatchObject({ id, summary: 'Sat, Sun 22:00–06:00 (America/New_York)', forceEnd: false });
    expect((await call('POST', `/login/api/jump-policies/${id}`, policy({ code: 'renamed' }))).body.error.code).toBe('E_JUMP_POLICY_INVALID');
    expect(await call('POST', '/login/api/jump-policies/99999', policy())).toMatchObject({ status: 404, body: { error: { code: 'E_JUMP_POLICY_NOT_FOUND' } } });
  });

  it('deletes it; a second delete is 404', async () => {
    expect((await call('POST', `/login/api/jump-policies/${id}/delete`, {})).status).toBe(204);
    expect((await call('POST', `/login/api/jump-policies/${id}/delete`, {})).status).toBe(404);
    const list = await call('GET', '/login/api/jump-policies');
    expect(list.body.policies.map((p: { code: string }) => p.code)).not.toContain('weekend-support');
  });
});

describe('who may', () => {
  it('a rep without "Override Jump Policy schedules" gets 403; nobody logged in 401; a form post E_CSRF', async () => {
    expect((await call('GET', '/login/api/jump-policies', undefined, anaCookie)).status).toBe(403);
    expect((await call('POST', '/login/api/jump-policies', policy({ code: 'by-ana' }), anaCookie)).status).toBe(403);
    expect((await call('GET', '/login/api/jump-policies', undefined, '')).status).toBe(401);
    const form = await call('POST', '/login/api/jump-policies', 'name=x', adminCookie, 'application/x-www-form-urlencoded');
    expect(form.body.error.code).toBe('E_CSRF');
  });
});

describe('bad input: 400 with a message, nothing saved', () => {
  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'E_JUMP_POLICY_INVALID', /not a time zone/],
    ['a schedule without entries', { windows: [] }, 'E_JUMP_POLICY_INVALID', /at least one entry/],
    ['force end without a schedule', { scheduleEnabled: false, windows: [] }, 'E_JUMP_POLICY_INVALID', /needs a schedule/],
    ['an entry without days', { windows: [{ days: [], start: '09:00', end: '10:00' }] }, 'E_BAD_PARAMS', /day/],
    ['a time that is not one', { windows: [{ days: ['mon'], start: '25:00', end: '10:00' }] }, 'E_BAD_PARAMS', /./],
    ['an unknown day', { windows: [{ days: ['someday'], start: '09:00', end: '10:00' }] }, 'E_BAD_PARAMS', /./],
    ['a prompt timeout out of range', { promptTimeoutSeconds: 5 }, 'E_BAD_PARAMS', /./],
    ['an unknown prompting rule', { presentPrompt: 'maybe' }, 'E_BAD_PARAMS', /./],
    ['a bad code name', { code: 'has space' }, 'E_BAD_PARAMS', /code name/],
    ['a control character in the name', { name: 'bad\u0007name' }, 'E_BAD_PARAMS', /control characters/],
    ['an empty name', { name: '   ' }, 'E_BAD_PARAMS', /needs a name/],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'E_BAD_PARAMS', /./],
    ['an unknown field', { color: 'red' }, 'E_BAD_PARAMS', /./],
  ];
  for (const [what, over, code, message] of bad) {
    it(what, async () => {
      const r = await call('POST', '/login/api/jump-policies', policy({ code: `bad-${what.length}`, ...over }));
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toMatch(message);
    });
  }
  it('nothing of the above was saved; broken JSON is E_BAD_JSON', async () => {
    const list = await call('GET', '/login/api/jump-policies');
    expect(list.body.policies.filter((p: { code: string }) => p.code.startsWith('bad-'))).toEqual([]);
    expect((await call('POST', '/login/api/jump-policies', '{"name":')).body.error.code).toBe('E_BAD_JSON');
  });
});

describe('a Jump follows the edited policy', () => {
  it('closed now in Asia/Tokyo: refused with when it opens next in that zone; an administrator may start anyway', async () => {
    const { policies } = (await call('GET', '/login/api/jump-policies')).body as { policies: { id: number; code: string }[] };
    const attended = policies.find((p) => p.code === 'attended-only')!;
    // A window of one minute, starting 12 hours from now on the Tokyo clock: closed now, whatever the time.
    const tokyo = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    const at = new Date(Date.now() + 12 * 3_600_000);
    const parts = Object.fromEntries(tokyo.formatToParts(at).map((p) => [p.type, p.value]));
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
    const start = `${parts.hour}:${parts.minute}`;
    const endMin = (Number(parts.hour) * 60 + Number(parts.minute) + 1) % 1440;
    const end = `${String(Math.floor(endMin / 60)).padStart(2, '0')}:${String(endMin % 60).padStart(2, '0')}`;
    const saved = await call('POST', `/login/api/jump-policies/${attended.id}`, {
      name: 'Attended sessions only', code: 'attended-only', description: '', scheduleEnabled: true, timeZone: 'Asia/Tokyo',
      windows: [{ days: [['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][day]], start, end }], forceEnd: false,
      presentPrompt: 'no_prompt', notPresentPrompt: 'no_prompt', promptTimeoutSeconds: 60,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.policy.openNow).toBe(false);
    expect(saved.body.policy.nextStartText).toMatch(/\(Asia\/Tokyo\)$/);

    const itemId = (await admin.call('jump.list', { search: 'LT-HR-12' })).items[0]!.id;
    const refused = await ana.call('jump.start', { itemId }).then(() => null, (e: { code: string; message: string }) => e);
    expect(refused).toMatchObject({ code: 'E_JUMP_SCHEDULE' });
    expect(refused!.message).toBe(`The Jump Policy's schedule does not permit a session to start at this time. A session may start next at: ${saved.body.policy.nextStartText}`);
    expect((await ana.call('jump.start', { itemId, override: true }).catch((e: { code: string }) => e)) as { code: string }).toMatchObject({ code: 'E_FORBIDDEN' });
    const { sessionId } = await admin.call('jump.start', { itemId, override: true });
    await admin.call('session.end', { sessionId });
  });
});
