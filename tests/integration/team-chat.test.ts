/** Team chat over real sockets: live to members only, coded refusals, paging, unread counts, durable across a crash and a restart. */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { eventOf, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

const dataDir = mkdtempSync(join(tmpdir(), 'rep-teamchat-'));
let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true, dataDir });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

const teamIdOf = async (c: TestClient, name: string): Promise<number> => {
  const q = (await c.call('queues.list', {})).queues.find((x) => x.kind === 'team' && x.name === name);
  if (!q) throw new Error(`no team queue ${name}`);
  return Number(q.id.slice('team:'.length));
};
const unreadOf = async (c: TestClient, teamId: number): Promise<number | undefined> =>
  (await c.call('queues.list', {})).queues.find((q) => q.id === `team:${teamId}`)?.unreadChat;
const teamChatEvents = (c: TestClient) => c.events.filter((e) => e.event === 'team.chat');
const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));
/** Logs in several reps at once, as a tuple the type checker can index. */
const reps = async <N extends string[]>(...names: N): Promise<{ [K in keyof N]: TestClient }> =>
  (await Promise.all(names.map((u) => rep(app.url, u)))) as { [K in keyof N]: TestClient };

describe('team chat', () => {
  let general: number;
  let remote: number;

  it('a line reaches every logged-in member of the team live, and only them', async () => {
    const [ana, ben, carla, dieter] = await reps('ana', 'ben', 'carla', 'dieter');
    general = await teamIdOf(ana, 'General');
    remote = await teamIdOf(carla, 'Remote Support');

    const { message } = await ana.call('team.chat', { teamId: general, body: '  Printer on floor 2 is back, FYI.  ' });
    expect(message).toMatchObject({ teamId: general, body: 'Printer on floor 2 is back, FYI.', from: { name: 'Ana Lopez' } });
    expect(Date.parse(message.at)).not.toBeNaN();
    expect(await eventOf(ben, 'team.chat', (m) => m.id === message.id)).toEqual(message);
    // The sender's console hears its own line too (for its other windows); the UI de-duplicates by id.
    await eventOf(ana, 'team.chat', (m) => m.id === message.id);

    // The other team's reps are told nothing, and are refused with the code when they try.
    await pause(300);
    expect(teamChatEvents(carla)).toEqual([]);
    expect(teamChatEvents(dieter)).toEqual([]);
    await expect(carla.call('team.chat', { teamId: general, body: 'let me in' })).rejects.toMatchObject({ code: 'E_NOT_TEAM_MEMBER' });
    await expect(carla.call('team.history', { teamId: general })).rejects.toMatchObject({ code: 'E_NOT_TEAM_MEMBER' });
    await expect(carla.call('team.markRead', { teamId: general, upToId: message.id })).rejects.toMatchObject({ code: 'E_NOT_TEAM_MEMBER' });
    await expect(ana.call('team.chat', { teamId: 9999, body: 'nobody here' })).rejects.toMatchObject({ code: 'E_NOT_TEAM_MEMBER' });

    // Their own team's chat works the same way, and does not leak to General.
    const own = await carla.call('team.chat', { teamId: remote, body: 'Dieter, can you take the VPN one?' });
    await eventOf(dieter, 'team.chat', (m) => m.id === own.message.id);
    await pause(300);
    expect(teamChatEvents(ben).map((e) => (e.data as { teamId: number }).teamId)).toEqual([general]);

    for (const c of [ana, ben, carla, dieter]) c.close();
  });

  it('refuses empty and oversized lines with coded errors, and takes exactly the maximum', async () => {
    const ana = await rep(app.url, 'ana');
    const before = (await ana.call('team.history', { teamId: general })).messages.length;
    await expect(ana.call('team.chat', { teamId: general, body: '' })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    await expect(ana.call('team.chat', { teamId: general, body: ' \n\t ' })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    await expect(ana.call('team.chat', { teamId: general, body: 'x'.repeat(4001) })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    await expect(ana.call('team.chat', { teamId: general } as never)).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    await expect(ana.call('team.history', { teamId: general, limit: 101 })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    const max = await ana.call('team.chat', { teamId: general, body: 'y'.repeat(4000) });
    expect(max.message.body).toHaveLength(4000);
    expect((await ana.call('team.history', { teamId: general })).messages.length).toBe(before + 1);
    ana.close();
  });

  it('unread counts per team come with the queues; markRead clears them and survives a new login', async () => {
    const ben = await rep(app.url, 'ben');
    // Ana's two lines so far are unread for Ben; his own lines never count.
    expect(await unreadOf(ben, general)).toBe(2);
    const history = await ben.call('team.history', { teamId: general });
    expect(history.lastReadId).toBe(0);
    const [first, second] = history.messages;
    expect(await ben.call('team.markRead', { teamId: general, upToId: first!.id })).toEqual({ unread: 1 });
    expect(await unreadOf(ben, general)).toBe(1);
    const reply = await ben.call('team.chat', { teamId: general, body: 'Thanks, closing my ticket.' });
    // Writing marks everything up to the rep's own line as read.
    expect(await unreadOf(ben, general)).toBe(0);
    expect(reply.message.id).toBeGreaterThan(second!.id);
    ben.close();

    const ana = await rep(app.url, 'ana');
    expect(await unreadOf(ana, general)).toBe(1);
    expect(await ana.call('team.markRead', { teamId: general, upToId: 0 })).toEqual({ unread: 1 });
    expect(await ana.call('team.markRead', { teamId: general, upToId: Number.MAX_SAFE_INTEGER })).toEqual({ unread: 0 });
    // Read marks only move forward, and never past the newest line: later lines still count.
    const ben2 = await rep(app.url, 'ben');
    await ben2.call('team.chat', { teamId: general, body: 'One more thing…' });
    expect(await unreadOf(ana, general)).toBe(1);
    expect((await ana.call('team.history', { teamId: general })).lastReadId).toBe(reply.message.id);
    // Personal and general queues never carry team chat.
    const queues = (await ana.call('queues.list', {})).queues;
    expect(queues.filter((q) => q.kind !== 'team').every((q) => q.unreadChat === 0)).toBe(true);
    ana.close();
    ben2.close();
  });

  it('history comes in pages of 100, newest first, each page oldest first', async () => {
    const carla = await rep(app.url, 'carla');
    for (let i = 1; i <= 130; i++) await carla.call('team.chat', { teamId: remote, body: `status ${i}` });
    const newest = await carla.call('team.history', { teamId: remote });
    expect(newest.messages).toHaveLength(100);
    expect(newest.hasMore).toBe(true);
    expect(newest.messages.at(-1)!.body).toBe('status 130');
    expect(newest.messages[0]!.body).toBe('status 31');
    const ids = newest.messages.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const older = await carla.call('team.history', { teamId: remote, before: newest.messages[0]!.id });
    expect(older.hasMore).toBe(false);
    // The first line Carla wrote in the first test, then status 1..30.
    expect(older.messages.map((m) => m.body)).toEqual(['Dieter, can you take the VPN one?', ...Array.from({ length: 30 }, (_, i) => `status ${i + 1}`)]);

    const small = await carla.call('team.history', { teamId: remote, limit: 5, before: newest.messages[50]!.id });
    expect(small.messages.map((m) => m.body)).toEqual(['status 76', 'status 77', 'status 78', 'status 79', 'status 80']);
    expect(small.hasMore).toBe(true);
    carla.close();
  });

  it('a line is durable once acknowledged: it survives a kill -9 and a restart, with the read marks', async () => {
    const dieter = await rep(app.url, 'dieter');
    expect(await unreadOf(dieter, remote)).toBe(131);
    const page = await dieter.call('team.history', { teamId: remote });
    await dieter.call('team.markRead', { teamId: remote, upToId: page.messages[page.messages.length - 11]!.id });
    expect(await unreadOf(dieter, remote)).toBe(10);
    const { message } = await dieter.call('team.chat', { teamId: remote, body: 'Last line before the power cut' });
    // No clean shutdown: the acknowledged line must already be on disk.
    app.process.kill('SIGKILL');
    await new Promise((res) => app.process.once('exit', res));
    dieter.close();
    const db = new Database(join(dataDir, 'site.db'));
    expect(db.prepare('SELECT body FROM team_messages WHERE id = ?').get(message.id)).toEqual({ body: 'Last line before the power cut' });
    db.close();

    app = await startAppliance({ demo: true, dataDir });
    const [again, carla] = await Promise.all([rep(app.url, 'dieter'), rep(app.url, 'carla')]);
    const after = await again.call('team.history', { teamId: remote });
    expect(after.messages.at(-1)).toEqual(message);
    expect(after.messages).toHaveLength(100);
    // Dieter's own line marked everything read; Carla still has his line to read.
    expect(await unreadOf(again, remote)).toBe(0);
    expect(await unreadOf(carla, remote)).toBe(1);
    again.close();
    carla.close();
  });
});
