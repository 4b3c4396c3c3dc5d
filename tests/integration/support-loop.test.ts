/** The support loop end to end over real sockets: keys, queues, chat, sharing, transfer, hold, end. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_CUSTOMER_GRACE_SECONDS: '2', REP_REP_GRACE_SECONDS: '1' } });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

const me = async (c: Awaited<ReturnType<typeof rep>>) => (await c.call('auth.me', {})).id;

describe('session keys', () => {
  it('a key puts the customer in the issuer’s personal queue, once', async () => {
    const ana = await rep(app.url, 'ana');
    const key = await ana.call('sessionKey.generate', { expiresInMinutes: 15 });
    expect(key.key).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(key.url).toMatch(new RegExp(`^${app.url}/\\?ak=[\\w-]{20,}$`));
    expect(Date.parse(key.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const joined = await portal(app.url, { name: 'Kim Key', sessionKey: key.key.replace(/ /g, '  ') });
    expect(joined.status).toBe(200);
    const evt = await eventOf(ana, 'queue.session', (d) => d.id === joined.body.sessionId);
    expect(evt.queueId).toBe(`personal:${await me(ana)}`);
    expect((await portal(app.url, { name: 'Kim Again', sessionKey: key.key })).body.error.code).toBe('E_KEY_USED');
    ana.close();
  });

  it('the URL token works like the digits; malformed and unknown keys are refused', async () => {
    const a = await rep(app.url, 'ben');
    const key = await a.call('sessionKey.generate', { expiresInMinutes: 5 });
    const token = new URL(key.url).searchParams.get('ak')!;
    expect((await portal(app.url, { name: 'Url User', accessKey: token })).status).toBe(200);
    expect((await portal(app.url, { name: 'X', sessionKey: '12ab' })).body.error.code).toBe('E_KEY_INVALID');
    expect((await portal(app.url, { name: 'X', accessKey: 'nope-nope-nope-nope' })).body.error.code).toBe('E_KEY_INVALID');
    await expect(a.call('sessionKey.generate', { expiresInMinutes: 7 as 5 })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    a.close();
  });
});

describe('routing', () => {
  it('issue submissions land in their team queue; Connect lands in the general queue', async () => {
    const carla = await rep(app.url, 'carla');
    const info = (await (await fetch(app.url + '/api/portal')).json()) as { issues: { id: number; teamName: string }[]; startMethods: { connect: boolean } };
    expect(info.startMethods.connect).toBe(true);
    const remote = info.issues.find((i) => i.teamName === 'Remote Support')!;
    const a = await portal(app.url, { name: 'Team Customer', issueId: remote.id });
    const b = await portal(app.url, { name: 'General Customer', connect: true });
    const q = await carla.call('queues.list', {});
    const team = q.queues.find((x) => x.name === 'Remote Support')!.id;
    expect(q.sessions.find((s) => s.id === a.body.sessionId)?.queueId).toBe(team);
    expect(q.sessions.find((s) => s.id === b.body.sessionId)?.queueId).toBe('general');
    carla.close();
  });

  it('two reps accepting at the same instant: exactly one wins', async () => {
    const [x, y] = await Promise.all([rep(app.url, 'carla'), rep(app.url, 'dieter')]);
    const s = await portal(app.url, { name: 'Race Customer', connect: true });
    const results = await Promise.allSettled([x.call('session.accept', { sessionId: s.body.sessionId }), y.call('session.accept', { sessionId: s.body.sessionId })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('E_SESSION_ALREADY_TAKEN');
    x.close();
    y.close();
  });
});

describe('a whole session', () => {
  it('accept, chat both ways, prompt, share with history, transfer, hold, resume, end — all in the log in order', async () => {
    const ana = await rep(app.url, 'ana');
    const ben = await rep(app.url, 'ben');
    const anaId = await me(ana);
    const benId = await me(ben);
    const key = await ana.call('sessionKey.generate', { expiresInMinutes: 10 });
    const joined = await portal(app.url, { name: 'Pat Customer', company: 'Acme', sessionKey: key.key });
    const sessionId: string = joined.body.sessionId;
    const { client: cust, hello } = await customer(app.url, joined.body.customerToken);
    expect(hello.status).toMatchObject({ status: 'waiting', queueName: 'Ana Lopez' });
    expect(hello.status.position).toBeGreaterThanOrEqual(1);

    await ana.call('session.accept', { sessionId });
    const status = await eventOf(cust, 'customer.status', (d) => d.status === 'active');
    expect(status.repName).toBe('Ana Lopez');
    const detail = await ana.call('session.open', { sessionId });
    expect(detail.myRole).toBe('owner');
    expect(detail.customer).toEqual({ name: 'Pat Customer', connected: true });

    // Chat both ways; the acknowledgement comes after the commit.
    const { message } = await ana.call('session.chat', { sessionId, body: 'Hello Pat, how can I help?' });
    expect(message.from).toMatchObject({ kind: 'rep', name: 'Ana Lopez' });
    expect((await eventOf(cust, 'customer.chat', (m) => m.id === message.id)).body).toBe('Hello Pat, how can I help?');
    await cust.customer('customer.chat', { body: 'My printer is broken.' });
    await eventOf(ana, 'session.chat', (m) => m.from.kind === 'customer' && m.body === 'My printer is broken.');
    await ana.call('session.chat', { sessionId, body: 'Rep-only note', audience: 'reps' });
    await expect(cust.customer('customer.chat', { body: 'x'.repeat(5000) })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });

    // A permission prompt answered by the customer.
    const { prompt } = await ana.call('session.prompt', { sessionId, kind: 'screen_control' });
    const asked = await eventOf(cust, 'customer.prompt', (p) => p.id === prompt.id);
    expect(asked.state).toBe('pending');
    await cust.customer('customer.answer', { promptId: prompt.id, allow: true });
    expect((await eventOf(ana, 'session.prompt', (p) => p.id === prompt.id && p.state !== 'pending')).state).toBe('allowed');

    // Non-owners cannot act as owner.
    await expect(ben.call('session.end', { sessionId })).rejects.toMatchObject({ code: 'E_SESSION_NOT_MEMBER' });
    await expect(ben.call('session.open', { sessionId })).rejects.toMatchObject({ code: 'E_SESSION_NOT_MEMBER' });

    // Share with Ben: an invitation in his personal queue; only one at a time; he sees the whole history.
    const { invitation } = await ana.call('session.share', { sessionId, target: { kind: 'rep', id: benId } });
    await expect(ana.call('session.share', { sessionId, target: { kind: 'rep', id: benId } })).rejects.toMatchObject({ code: 'E_INVITATION_EXISTS' });
    const inv = await eventOf(ben, 'queue.invitation', (i) => i.id === invitation.id);
    expect(inv).toMatchObject({ kind: 'share', queueId: `personal:${benId}`, inviterName: 'Ana Lopez' });
    const joinedDetail = await ben.call('session.invitation.accept', { invitationId: invitation.id });
    expect(joinedDetail.myRole).toBe('participant');
    expect(joinedDetail.messages.map((m) => m.body)).toEqual(expect.arrayContaining(['Hello Pat, how can I help?', 'My printer is broken.', 'Rep-only note']));
    await expect(ben.call('session.transfer', { sessionId, target: { kind: 'rep', id: anaId } })).rejects.toMatchObject({ code: 'E_SESSION_NOT_OWNER' });
    await expect(ben.call('session.removeMember', { sessionId, userId: anaId })).rejects.toMatchObject({ code: 'E_SESSION_NOT_OWNER' });
    await expect(ben.call('session.end', { sessionId })).rejects.toMatchObject({ code: 'E_SESSION_NOT_OWNER' });
    await expect(ben.call('session.inviteExternal', { sessionId, policy: 'Vendor access', name: 'Vera Vendor', comments: '' })).rejects.toMatchObject({ code: 'E_SESSION_NOT_OWNER' });

    // Rep-to-rep chat reaches Ben, not the customer.
    const note = await ben.call('session.chat', { sessionId, body: 'I can take the printer part', audience: 'reps' });
    await eventOf(ana, 'session.chat', (m) => m.id === note.message.id);
    expect(cust.events.some((e) => e.event === 'customer.chat' && (e.data as { id: number }).id === note.message.id)).toBe(false);

    // Transfer ownership to Ben; Ana stays as a participant.
    const t = await ana.call('session.transfer', { sessionId, target: { kind: 'rep', id: benId }, stay: true });
    const afterTransfer = await ben.call('session.invitation.accept', { invitationId: t.invitation.id });
    expect(afterTransfer.myRole).toBe('owner');
    expect(afterTransfer.members.find((m) => m.userId === anaId)?.role).toBe('participant');

    // Hold: back to Ben's personal queue; Ana stays; Ben resumes with Accept.
    await ben.call('session.hold', { sessionId });
    const held = await eventOf(ana, 'session.state', (s) => s.session.id === sessionId && s.session.status === 'held');
    expect(held.session.queueId).toBe(`personal:${benId}`);
    await ben.call('session.accept', { sessionId });
    await eventOf(ana, 'session.state', (s) => s.session.id === sessionId && s.session.status === 'active');

    // Sessions menu with unread counts.
    await cust.customer('customer.chat', { body: 'Still there?' });
    await eventOf(ana, 'session.chat', (m) => m.body === 'Still there?');
    const mine = await ana.call('session.mine', {});
    expect(mine.sessions.find((s) => s.session.id === sessionId)?.unread).toBeGreaterThanOrEqual(1);
    await ana.call('session.markRead', { sessionId });
    expect((await ana.call('session.mine', {})).sessions.find((s) => s.session.id === sessionId)?.unread).toBe(0);

    // End: the customer is told, every rep is out.
    await ben.call('session.end', { sessionId });
    expect((await eventOf(cust, 'customer.ended')).reason).toContain('ended the session');
    expect((await eventOf(ana, 'session.closed', (d) => d.sessionId === sessionId)).reason).toContain('ended');
    await expect(ana.call('session.chat', { sessionId, body: 'late' })).rejects.toMatchObject({ code: 'E_SESSION_NOT_MEMBER' });

    // The log holds every step in order, and the transcript.
    const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    const kinds = (db.prepare('SELECT kind FROM session_events WHERE session_id = ? ORDER BY id').all(sessionId) as { kind: string }[]).map((r) => r.kind).filter((k) => k !== 'chat.message');
    expect(kinds).toEqual(['session.start', 'session.accept', 'prompt.asked', 'prompt.allowed', 'invitation.share', 'member.joined', 'invitation.transfer', 'session.transfer', 'session.hold', 'session.resume', 'session.end']);
    const bodies = (db.prepare("SELECT json_extract(data, '$.body') AS b FROM session_events WHERE session_id = ? AND kind = 'chat.message' ORDER BY id").all(sessionId) as { b: string }[]).map((r) => r.b);
    expect(bodies.indexOf('Hello Pat, how can I help?')).toBeLessThan(bodies.indexOf('My printer is broken.'));
    expect(bodies).toContain('Still there?');
    db.close();
    for (const c of [ana, ben, cust]) c.close();
  });
});

describe('invitation rules', () => {
  const start = async () => {
    const owner = await rep(app.url, 'carla');
    const s = await portal(app.url, { name: 'Invite Rules', connect: true });
    await owner.call('session.accept', { sessionId: s.body.sessionId });
    return { owner, sessionId: s.body.sessionId as string };
  };

  it('the owner can cancel; the invitee can decline; both make it vanish from the queue', async () => {
    const { owner, sessionId } = await start();
    const dieter = await rep(app.url, 'dieter');
    const dId = await me(dieter);
    const a = await owner.call('session.share', { sessionId, target: { kind: 'rep', id: dId } });
    await eventOf(dieter, 'queue.invitation', (i) => i.id === a.invitation.id);
    await owner.call('session.invitation.cancel', { invitationId: a.invitation.id });
    await eventOf(dieter, 'queue.invitationRemoved', (d) => d.id === a.invitation.id);
    await expect(dieter.call('session.invitation.accept', { invitationId: a.invitation.id })).rejects.toMatchObject({ code: 'E_INVITATION_NOT_FOUND' });
    const b = await owner.call('session.share', { sessionId, target: { kind: 'rep', id: dId } });
    await expect(owner.call('session.invitation.decline', { invitationId: b.invitation.id })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await dieter.call('session.invitation.decline', { invitationId: b.invitation.id });
    expect((await dieter.call('queues.list', {})).invitations.some((i) => i.id === b.invitation.id)).toBe(false);
    owner.close();
    dieter.close();
  });

  it('invitations vanish when the session ends, and when ownership is transferred', async () => {
    const { owner, sessionId } = await start();
    const dieter = await rep(app.url, 'dieter');
    const admin = await rep(app.url, 'admin');
    const share = await owner.call('session.share', { sessionId, target: { kind: 'rep', id: await me(dieter) } });
    const transfer = await owner.call('session.transfer', { sessionId, target: { kind: 'rep', id: await me(admin) }, stay: false });
    await admin.call('session.invitation.accept', { invitationId: transfer.invitation.id });
    await eventOf(dieter, 'queue.invitationRemoved', (d) => d.id === share.invitation.id);
    expect((await eventOf(owner, 'session.closed', (d) => d.sessionId === sessionId)).reason).toContain('transferred');
    const again = await admin.call('session.share', { sessionId, target: { kind: 'rep', id: await me(dieter) } });
    await admin.call('session.end', { sessionId });
    await eventOf(dieter, 'queue.invitationRemoved', (d) => d.id === again.invitation.id);
    for (const c of [owner, dieter, admin]) c.close();
  });

  it('sharing with a team puts the invitation in the team queue; Request Help goes to a team too', async () => {
    const { owner, sessionId } = await start();
    const dieter = await rep(app.url, 'dieter');
    const team = (await owner.call('auth.me', {})).teams[0]!;
    const inv = await owner.call('session.share', { sessionId, target: { kind: 'team', id: team.id } });
    expect(inv.invitation.queueId).toBe(`team:${team.id}`);
    await eventOf(dieter, 'queue.invitation', (i) => i.id === inv.invitation.id);
    await owner.call('session.invitation.cancel', { invitationId: inv.invitation.id });
    const help = await owner.call('session.share', { sessionId, target: { kind: 'help' } });
    expect(help.invitation.kind).toBe('help');
    await owner.call('session.end', { sessionId });
    owner.close();
    dieter.close();
  });

  it('Remove Member is for the owner; the removed rep is told why', async () => {
    const { owner, sessionId } = await start();
    const dieter = await rep(app.url, 'dieter');
    const dId = await me(dieter);
    const inv = await owner.call('session.share', { sessionId, target: { kind: 'rep', id: dId } });
    await dieter.call('session.invitation.accept', { invitationId: inv.invitation.id });
    await expect(dieter.call('session.leave', { sessionId: '0'.repeat(32) })).rejects.toMatchObject({ code: 'E_SESSION_NOT_MEMBER' });
    await expect(owner.call('session.leave', { sessionId })).rejects.toMatchObject({ code: 'E_SESSION_OWNER_CANNOT_LEAVE' });
    await owner.call('session.removeMember', { sessionId, userId: dId });
    expect((await eventOf(dieter, 'session.closed', (d) => d.sessionId === sessionId)).reason).toContain('removed you');
    await owner.call('session.end', { sessionId });
    owner.close();
    dieter.close();
  });
});

describe('external representatives', () => {
  it('join through the portal into the web console with that one session only, and go when their inviter leaves with no owner', async () => {
    const ana = await rep(app.url, 'ana');
    const s = await portal(app.url, { name: 'Ext Customer', connect: true });
    const sessionId: string = s.body.sessionId;
    await ana.call('session.accept', { sessionId });
    const key = await ana.call('session.inviteExternal', { sessionId, policy: 'Vendor access', name: 'Vera Vendor', comments: 'Printer vendor' });
    const joined = await portal(app.url, { name: 'Vera Vendor', sessionKey: key.key });
    expect(joined.body).toMatchObject({ external: true, consoleUrl: '/console', sessionId });
    const cookie = joined.cookie!.split(';')[0]!;
    const { TestClient } = await import('../helpers/ws-client.js');
    const vera = await TestClient.connect(app.url, { cookie });
    const veraMe = await vera.call('auth.me', {});
    expect(veraMe.displayName).toBe('Vera Vendor');
    const q = await vera.call('queues.list', {});
    expect(q.sessions).toEqual([]);
    expect((await vera.call('session.mine', {})).sessions.map((x) => x.session.id)).toEqual([sessionId]);
    const d = await vera.call('session.open', { sessionId });
    expect(d.myRole).toBe('external');
    await expect(vera.call('sessionKey.generate', {})).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await expect(vera.call('jump.list', {})).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await expect(vera.call('session.transfer', { sessionId, target: { kind: 'rep', id: 1 } })).rejects.toMatchObject({ code: 'E_SESSION_NOT_OWNER' });
    await vera.call('session.chat', { sessionId, body: 'Vendor here' });
    // Ana drops off; after her grace period the session goes back to a queue with no owner, and Vera is dropped.
    ana.close();
    expect((await eventOf(vera, 'session.closed', (x) => x.sessionId === sessionId, 8000)).sessionId).toBe(sessionId);
    vera.close();
  });
});

describe('connection loss', () => {
  it('a rep who drops keeps the session through the grace period and gets it back on return', async () => {
    const ben = await rep(app.url, 'ben');
    const s = await portal(app.url, { name: 'Grace Customer', connect: true });
    await ben.call('session.accept', { sessionId: s.body.sessionId });
    ben.close();
    await new Promise((r) => setTimeout(r, 300));
    const back = await rep(app.url, 'ben');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await back.call('session.open', { sessionId: s.body.sessionId })).myRole).toBe('owner');
    await back.call('session.end', { sessionId: s.body.sessionId });
    back.close();
  });

  it('after the grace period the session returns to the team queue, waiting', async () => {
    const carla = await rep(app.url, 'carla');
    const dieter = await rep(app.url, 'dieter');
    const remote = ((await (await fetch(app.url + '/api/portal')).json()) as { issues: { id: number; teamName: string }[] }).issues.find((i) => i.teamName === 'Remote Support')!;
    const s = await portal(app.url, { name: 'Orphan Customer', issueId: remote.id });
    const { client: cust } = await customer(app.url, s.body.customerToken);
    await carla.call('session.accept', { sessionId: s.body.sessionId });
    const { prompt: asked } = await carla.call('session.prompt', { sessionId: s.body.sessionId, kind: 'screen_view' });
    await eventOf(dieter, 'queue.session', (x) => x.id === s.body.sessionId && x.status === 'active');
    dieter.events.length = 0;
    carla.close();
    // The customer is told at once: a chat line, and a status saying the representative is not connected.
    expect((await eventOf(cust, 'customer.chat', (m) => /Carla Rossi lost the connection/.test(m.body))).from.kind).toBe('system');
    expect((await eventOf(cust, 'customer.status', (x) => x.repConnected === false)).status).toBe('active');
    const back = await eventOf(dieter, 'queue.session', (x) => x.id === s.body.sessionId && x.status === 'waiting', 6000);
    // The prompt of a rep who is gone is withdrawn; the customer cannot grant it any more.
    expect((await eventOf(cust, 'customer.prompt', (p) => p.id === asked.id && p.state === 'cancelled')).state).toBe('cancelled');
    expect(back.queueId).toMatch(/^team:/);
    expect(back.ownerId).toBeNull();
    await dieter.call('session.accept', { sessionId: s.body.sessionId });
    await dieter.call('session.end', { sessionId: s.body.sessionId });
    cust.close();
    dieter.close();
  });

  it('a customer who drops and returns within the grace period resumes the same session; one who does not, ends it', async () => {
    const ana = await rep(app.url, 'ana');
    const s = await portal(app.url, { name: 'Flaky Customer', connect: true });
    const first = await customer(app.url, s.body.customerToken);
    await ana.call('session.accept', { sessionId: s.body.sessionId });
    const { prompt } = await ana.call('session.prompt', { sessionId: s.body.sessionId, kind: 'file_transfer' });
    first.client.close();
    // Closing the tab mid-prompt cancels the prompt, and the reps see the customer gone.
    expect((await eventOf(ana, 'session.prompt', (p) => p.id === prompt.id && p.state === 'cancelled')).state).toBe('cancelled');
    await eventOf(ana, 'session.state', (st) => st.session.id === s.body.sessionId && !st.customer.connected);
    const again = await customer(app.url, s.body.customerToken);
    expect(again.hello.status.status).toBe('active');
    await eventOf(ana, 'session.chat', (m) => m.body === 'The customer reconnected.');
    again.client.close();
    expect((await eventOf(ana, 'session.closed', (x) => x.sessionId === s.body.sessionId, 8000)).reason).toContain('did not return');
    ana.close();
  });
});

describe('the customer leaves', () => {
  it('customer.leave on an active session is answered before the socket closes, and the rep is told', async () => {
    const ana = await rep(app.url, 'ana');
    const s = await portal(app.url, { name: 'Leaving Customer', connect: true });
    const { client: cust } = await customer(app.url, s.body.customerToken);
    await ana.call('session.accept', { sessionId: s.body.sessionId });
    await expect(cust.customer('customer.leave', {})).resolves.toEqual({});
    expect((await eventOf(ana, 'session.closed', (x) => x.sessionId === s.body.sessionId)).sessionId).toBe(s.body.sessionId);
    ana.close();
  });
});

describe('key guessing', () => {
  it('is rate-limited per address', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await portal(app.url, { name: 'G', sessionKey: String(100000000000 + i) })).body.error.code);
    expect(codes[0]).toBe('E_KEY_INVALID');
    expect(codes).toContain('E_RATE_LIMITED');
  });
});
