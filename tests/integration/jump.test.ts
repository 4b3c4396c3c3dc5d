/**
 * Jump technology on a real demo appliance: the Jump Items list (search, paging, groups, personal
 * lists, team leads), jump.start (a session like an accepted one, events, last accessed, Frequently
 * Used, the endpoint bound), every refusal, overriding a schedule, Jump Client passwords, Pin as
 * Jump Client and Unpin. Schedules and policies are changed by writing the site's database, the way
 * an administrator's edit would land.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { eventOf, portal, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let ana: TestClient;
let ben: TestClient;
let carla: TestClient;
let admin: TestClient;

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  [ana, ben, carla, admin] = await Promise.all([rep(app.url, 'ana'), rep(app.url, 'ben'), rep(app.url, 'carla'), rep(app.url, 'admin')]);
});
afterAll(async () => {
  for (const c of [ana, ben, carla, admin]) c?.close();
  await app?.stop({ remove: true });
});

const names = (items: { name: string }[]) => items.map((i) => i.name);
const all = async (c: TestClient, params: Record<string, unknown> = {}) => (await c.call('jump.list', { pageSize: 50, ...params })).items;
const idOf = async (name: string) => (await all(admin, { search: name })).find((i) => i.name === name)!.id;
const refusal = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);

/** Writes to the live site database (WAL: the appliance sees it on its next read). */
function sql(statement: string, ...args: unknown[]): void {
  const db = new Database(join(app.dataDir, 'site.db'));
  db.pragma('busy_timeout = 5000');
  try {
    db.prepare(statement).run(...args);
  } finally {
    db.close();
  }
}

/** The weekday three days from now in Paris, as the policy windows' bit mask: a window then is closed now. */
function closedDayMask(): number {
  const day = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', weekday: 'short' }).format(Date.now() + 3 * 86_400_000);
  return 1 << ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(day);
}

describe('the Jump Items list', () => {
  it('shows each rep the groups they belong to and their own personal list', async () => {
    expect((await ana.call('jump.list', {})).total).toBe(26); // four groups + two personal items
    expect((await ben.call('jump.list', {})).total).toBe(21); // no Network Devices
    expect((await admin.call('jump.list', {})).total).toBe(28); // all Jump Items, every personal list
    expect(names(await all(ben))).not.toContain('core-sw-01');
    expect(names((await ben.call('jump.list', {})).groups.map((g) => ({ name: g.name })))).toEqual(['Branch Offices', 'Data Center Servers', 'HQ Workstations']);
  });

  it('personal lists are the owner’s; a team lead also sees their members’', async () => {
    expect(names(await all(ana, { groupId: 'personal' }))).toEqual(['LAB-VM-ANA (test VM)', 'LT-ANA (laptop)']);
    expect(names(await all(ben, { groupId: 'personal' }))).toEqual([]);
    const carlas = await all(carla, { groupId: 'personal' });
    expect(names(carlas)).toEqual(['DIETER-PI (home lab)', 'TEST-W11-DB']);
    expect(carlas[0]).toMatchObject({ groupName: 'Personal', ownerName: 'Dieter Braun', canStart: true, canEdit: false });
    expect(names(await all(ana, { search: 'TEST-W11' }))).toEqual([]);
    const dieterPi = await idOf('DIETER-PI (home lab)');
    expect(await refusal(ana.call('jump.details', { itemId: dieterPi }))).toBe('E_FORBIDDEN');
    expect(await refusal(ana.call('jump.start', { itemId: dieterPi }))).toBe('E_FORBIDDEN');
  });

  it('searches name, hostname, comments, tag and both IP addresses, long and short terms', async () => {
    expect(names(await all(ana, { search: '10.0.0.10' }))).toEqual(['DC01 – Domain Controller']); // private IP
    expect(names(await all(ana, { search: '203.0.113.21' }))).toEqual(['FILE-SRV-02']); // public IP
    expect(names(await all(ana, { search: 'finance' }))).toEqual(['WS-107 Finance – M. Keller', 'WS-115 Finance – J. Novak']);
    expect(names(await all(ana, { search: 'Kasse 2' }))).toEqual(['MUENCHEN-POS-02']); // comments
    expect(names(await all(ana, { search: 'mac-design-03.corp' }))).toEqual(['MAC-DESIGN-03']); // hostname
    expect(names(await all(ana, { search: 'DATABASE' }))).toEqual(['SQL-PROD-01']); // tag, any case
    expect(names(await all(ana, { search: 'dc' }))).toEqual(expect.arrayContaining(['DC01 – Domain Controller', 'DC02 – Domain Controller'])); // two letters
    expect(await all(ana, { search: '50%' })).toEqual([]);
    expect(await all(ben, { search: 'core-sw' })).toEqual([]); // not in Ben's groups
  });

  it('pages 50 at a time at most, with the total', async () => {
    const first = await ana.call('jump.list', { pageSize: 10 });
    const third = await ana.call('jump.list', { pageSize: 10, page: 2 });
    expect(first.items).toHaveLength(10);
    expect(third).toMatchObject({ total: 26, page: 2, pageSize: 10 });
    expect(third.items).toHaveLength(6);
    expect(new Set([...names(first.items), ...names(third.items)]).size).toBe(16);
    expect(await refusal(ana.call('jump.list', { pageSize: 51 }))).toBe('E_BAD_PARAMS');
    const servers = (await ana.call('jump.list', {})).groups.find((g) => g.name === 'Data Center Servers')!;
    expect((await ana.call('jump.list', { groupId: servers.id })).total).toBe(7);
  });

  it('details: hostname, addresses, OS, comments, tag, group, policy and its schedule, status, dates', async () => {
    const d = await ana.call('jump.details', { itemId: await idOf('WS-107 Finance – M. Keller') });
    expect(d).toMatchObject({
      hostname: 'ws-107.corp.example', privateIp: '10.1.0.107', publicIp: '198.51.100.107', os: 'windows', comments: 'Finance, two monitors', tag: 'finance',
      groupName: 'HQ Workstations', status: 'active', policyName: 'Business hours', presence: 'present',
    });
    expect(d.policy).toMatchObject({ name: 'Business hours', timeZone: 'Europe/Paris', summary: 'Mon–Fri 08:00–18:00 (Europe/Paris)', presentPrompt: 'prompt' });
    expect(typeof d.createdAt).toBe('string');
  });
});

describe('jump.start', () => {
  it('starts a session like an accepted one: owned, active, in the personal queue, narrated, endpoint bound', async () => {
    const itemId = await idOf('WS-042 Reception');
    ana.events.length = 0;
    const { sessionId } = await ana.call('jump.start', { itemId });

    const queued = await eventOf(ana, 'queue.session', (s) => s.id === sessionId);
    expect(queued).toMatchObject({ type: 'jump', status: 'active', customerName: 'WS-042 Reception', computer: 'ws-042.corp.example', ownerName: 'Ana Lopez', jumpItemId: itemId });
    expect((await ana.call('session.mine', {})).sessions.map((m) => m.session.id)).toContain(sessionId);
    const detail = await ana.call('session.open', { sessionId });
    expect(detail.myRole).toBe('owner');
    expect(detail.customer.connected).toBe(true);
    expect(detail.messages.map((m) => m.body)).toContain('Ana Lopez started a Jump to WS-042 Reception.');

    // Last Accessed and Frequently Used follow; other reps who see the item get it live.
    const changed = await eventOf(ben, 'jump.item', (d) => d.itemId === itemId && d.item?.lastAccessed);
    expect(Date.now() - Date.parse(changed.item.lastAccessed)).toBeLessThan(60_000);
    expect((await ana.call('jump.frequent', {})).items[0]).toMatchObject({ id: itemId, starts: 1 });
    expect((await ben.call('jump.frequent', {})).items).toEqual([]);

    // The session reaches the Jump Client: a shell opens on it.
    const { shellId } = await ana.call('session.shell.open', { sessionId, cols: 80, rows: 24 });
    await eventOf(ana, 'session.shell.output', (d) => d.shellId === shellId, 10_000);
    await ana.call('session.end', { sessionId });

    const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    const kinds = db.prepare('SELECT kind FROM session_events WHERE session_id = ? ORDER BY id').all(sessionId).map((r) => (r as { kind: string }).kind);
    const log = db.prepare('SELECT COUNT(*) AS n FROM jump_access_log WHERE session_id = ?').get(sessionId) as { n: number };
    db.close();
    expect(kinds.slice(0, 2)).toEqual(['session.start', 'jump.start']);
    expect(kinds).toContain('session.end');
    expect(log.n).toBe(1);
  });

  it('refuses Offline and Unusable items', async () => {
    expect(await refusal(ana.call('jump.start', { itemId: await idOf('FILE-SRV-02') }))).toBe('E_JUMP_ITEM_OFFLINE');
    expect(await refusal(ana.call('jump.start', { itemId: await idOf('build-agent-07') }))).toBe('E_JUMP_ITEM_OFFLINE');
  });

  it('refuses what the rep may not reach, and items that do not exist', async () => {
    expect(await refusal(ben.call('jump.start', { itemId: await idOf('core-sw-01') }))).toBe('E_FORBIDDEN');
    expect(await refusal(ana.call('jump.start', { itemId: 999_999 }))).toBe('E_JUMP_ITEM_NOT_FOUND');
  });

  it('outside the Jump Policy’s schedule: refused with when it may start next; those who may edit policies override', async () => {
    sql("UPDATE jump_policy_windows SET days = ? WHERE policy_id = (SELECT id FROM jump_policies WHERE code = 'business-hours')", closedDayMask());
    const itemId = await idOf('WS-107 Finance – M. Keller');
    const err = await ana.call('jump.start', { itemId }).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: 'E_JUMP_SCHEDULE' });
    expect((err as { message: string }).message).toMatch(
      /^The Jump Policy's schedule does not permit a session to start at this time\. A session may start next at: [A-Z][a-z]+ \d{1,2}, \d{4} 08:00 AM \(Europe\/Paris\)$/,
    );
    expect(await refusal(ana.call('jump.start', { itemId, override: true }))).toBe('E_FORBIDDEN');
    expect(await refusal(admin.call('jump.start', { itemId }))).toBe('E_JUMP_SCHEDULE');
    const { sessionId } = await admin.call('jump.start', { itemId, override: true });
    const detail = await admin.call('session.open', { sessionId });
    expect(detail.messages.map((m) => m.body)).toContain('Administrator overrode the schedule of the Jump Policy "Business hours".');
    await admin.call('session.end', { sessionId });
    expect((await ana.call('jump.details', { itemId })).policy).toMatchObject({ openNow: false, nextStartText: expect.stringMatching(/08:00 AM \(Europe\/Paris\)$/) });
  });

  it('a policy that needs someone to allow the session refuses when nobody is at the computer', async () => {
    sql("UPDATE jump_items SET policy_id = (SELECT id FROM jump_policies WHERE code = 'attended-only') WHERE name = 'DC02 – Domain Controller'");
    expect(await refusal(ana.call('jump.start', { itemId: await idOf('DC02 – Domain Controller') }))).toBe('E_JUMP_NOBODY_PRESENT');
    // Someone is at LT-HR-12: the same policy asks them, and the demo user's Allow (a few seconds later) lets the Jump start.
    const { sessionId } = await ana.call('jump.start', { itemId: await idOf('LT-HR-12 (laptop)') });
    await ana.call('session.end', { sessionId });
  });
});

describe('Pin as Jump Client, passwords and Unpin', () => {
  it('a lead with the edit role pins a Jump session’s client with a password; others then need it', async () => {
    const itemId = await idOf('web-01 (nginx)');
    const servers = (await carla.call('jump.groups', {})).groups.find((g) => g.name === 'Data Center Servers')!;
    expect(servers).toMatchObject({ role: 'edit', canPin: true });
    const { sessionId } = await carla.call('jump.start', { itemId });
    const { item } = await carla.call('session.pin', { sessionId, target: { groupId: servers.id }, password: 'Pin-Secret-1' });
    expect(item).toMatchObject({ id: itemId, passwordProtected: true, groupName: 'Data Center Servers' });
    await carla.call('session.end', { sessionId });

    expect(await refusal(ana.call('jump.start', { itemId }))).toBe('E_JUMP_PASSWORD_REQUIRED');
    expect(await refusal(ana.call('jump.start', { itemId, password: 'wrong' }))).toBe('E_JUMP_PASSWORD_WRONG');
    const ok = await ana.call('jump.start', { itemId, password: 'Pin-Secret-1' });
    await ana.call('session.end', { sessionId: ok.sessionId });

    // Unpin: not for those who cannot edit the group; the item vanishes for everyone else.
    expect(await refusal(ana.call('jump.unpin', { itemId }))).toBe('E_FORBIDDEN');
    ana.events.length = 0;
    await carla.call('jump.unpin', { itemId });
    await eventOf(ana, 'jump.item', (d) => d.itemId === itemId && d.item === null);
    expect(names(await all(ana, { search: 'web-01' }))).toEqual([]);
    expect(await refusal(ana.call('jump.start', { itemId }))).toBe('E_JUMP_ITEM_NOT_FOUND');
  });

  it('pins a customer session to the rep’s personal list (Offline until its Jump Client connects); a group needs the edit role', async () => {
    const me = await ana.call('auth.me', {});
    const joined = await portal(app.url, { name: 'Pia Pinned', company: 'Contoso', details: 'Please keep access', repId: me.id });
    expect(joined.status).toBe(200);
    const queued = await eventOf(ana, 'queue.session', (s) => s.customerName === 'Pia Pinned');
    await ana.call('session.accept', { sessionId: queued.id });

    const workstations = (await ana.call('jump.groups', {})).groups.find((g) => g.name === 'HQ Workstations')!;
    expect(workstations).toMatchObject({ role: 'start', canPin: false });
    expect(await refusal(ana.call('session.pin', { sessionId: queued.id, target: { groupId: workstations.id } }))).toBe('E_FORBIDDEN');
    expect(await refusal(ben.call('session.pin', { sessionId: queued.id, target: { personal: true } }))).toBe('E_SESSION_NOT_MEMBER');

    const { item } = await ana.call('session.pin', { sessionId: queued.id, target: { personal: true } });
    // The portal's customer gave no computer name: the Jump Client is named after them until its agent reports its hostname.
    expect(item).toMatchObject({ name: 'Pia Pinned', method: 'pinned', groupName: 'Personal', ownerName: 'Ana Lopez', status: 'offline', comments: 'Pia Pinned, Contoso', canEdit: true });
    const state = await eventOf(ana, 'session.state', (s) => s.session.id === queued.id && s.session.jumpItemId === item.id);
    expect(state.session.jumpItemId).toBe(item.id);
    expect(names(await all(ana, { groupId: 'personal' }))).toContain('Pia Pinned');
    expect(names(await all(ben, { search: 'Pia Pinned' }))).toEqual([]);
    expect(await refusal(ana.call('jump.start', { itemId: item.id }))).toBe('E_JUMP_ITEM_OFFLINE');

    await ana.call('jump.unpin', { itemId: item.id });
    expect(names(await all(ana, { groupId: 'personal' }))).not.toContain('Pia Pinned');
    await ana.call('session.end', { sessionId: queued.id });
  });
});
