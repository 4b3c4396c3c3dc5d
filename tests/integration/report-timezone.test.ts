/**
 * Reports read and write times on the site's clock (/login > Status time zone): the date filter's days
 * are the site's calendar days, the CSV's times are the site's wall clock and its header names the zone.
 * A zone fourteen hours ahead of UTC makes the difference visible whatever the time of the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { portal, rep } from '../helpers/support.js';

const ZONE = 'Pacific/Kiritimati'; // UTC+14, no daylight saving
let app: RunningAppliance;
let cookie = '';
let lsid = '';

const post = (path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url, cookie }, body: JSON.stringify(body) });
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  const r = await post('/login/api/login', { username: 'admin', password: 'password' });
  cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
  expect((await post('/login/api/site/timezone', { timeZone: ZONE })).status).toBe(200);
  const admin = await rep(app.url, 'admin');
  const joined = await portal(app.url, { name: 'Zoned Zelda', connect: true });
  lsid = joined.body.sessionId;
  await admin.call('session.accept', { sessionId: lsid });
  await admin.call('session.end', { sessionId: lsid });
  admin.close();
}, 60_000);
afterAll(async () => {
  await app?.stop({ remove: true });
});

const search = async (q: Record<string, string>) => {
  const r = await fetch(`${app.url}/login/api/reports?${new URLSearchParams(q)}`, { headers: { cookie } });
  return (await r.json()) as { rows: { lsid: string; startedAt: string }[]; timeZone: string };
};

describe('Reports in the site time zone', () => {
  it('reads the date filter as the site’s calendar days', async () => {
    const row = (await search({ customer: 'Zoned Zelda' })).rows[0]!;
    const siteDay = day(Date.parse(row.startedAt) + 14 * 3600_000);
    const nextDay = day(Date.parse(`${siteDay}T00:00:00Z`) + 86_400_000);
    const found = await search({ from: siteDay, to: nextDay });
    expect(found.timeZone).toBe(ZONE);
    expect(found.rows.map((r) => r.lsid)).toContain(lsid);
    // The day after, on the site's clock, does not hold it.
    expect((await search({ from: nextDay })).rows.map((r) => r.lsid)).not.toContain(lsid);
    // A date with an explicit zone is taken as given.
    expect((await search({ from: `${siteDay}T00:00:00+14:00`, to: `${nextDay}T00:00:00+14:00` })).rows.map((r) => r.lsid)).toContain(lsid);
  });

  it('writes the CSV on the site’s clock, naming the zone', async () => {
    const r = await fetch(`${app.url}/login/api/reports.csv?customer=Zoned%20Zelda`, { headers: { cookie } });
    const [header, line] = (await r.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain(`"Start Time (${ZONE})"`);
    const row = (await search({ customer: 'Zoned Zelda' })).rows[0]!;
    const wall = new Date(Date.parse(row.startedAt) + 14 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(line).toContain(`"${wall}"`);
  });

  it('the session page says which zone its times are in', async () => {
    const r = await fetch(`${app.url}/login/api/reports/${lsid}`, { headers: { cookie } });
    expect(((await r.json()) as { timeZone: string }).timeZone).toBe(ZONE);
  });
});
