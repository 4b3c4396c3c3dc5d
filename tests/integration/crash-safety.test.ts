/**
 * Crash safety (issue 10): chatting sessions over real WebSockets, `kill -9` of the real appliance
 * process at seeded random moments, restart on the same data directory; then every acknowledged chat
 * line and event is in the database, the database is intact, consoles and customers came back by
 * themselves and every session resumed or ended with a stated reason.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { CrashCustomer, prng, repConsole } from '../helpers/crash-clients.js';
import { portal } from '../helpers/support.js';

const SEED = Number(process.env.CRASH_SEED ?? 20261123);
const ROUNDS = 4;
const SESSIONS = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'rep-crash-'));
let app: RunningAppliance | null = null;
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** kill -9: no SIGTERM handler runs, no WAL checkpoint, sockets cut. */
async function kill9(a: RunningAppliance): Promise<void> {
  const exited = new Promise<void>((res) => (a.process.exitCode !== null || a.process.signalCode !== null ? res() : a.process.once('exit', () => res())));
  a.process.kill('SIGKILL');
  await exited;
}

/** The database as the crash left it: opened read-only (the -wal file is read, not replayed into the main file). */
function inspect<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'site.db'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`kill -9 at random moments (${ROUNDS} rounds, seed ${SEED}) loses nothing acknowledged`, { timeout: 90_000 }, async () => {
    // Separate streams, so the kill moments do not depend on how many messages went out before.
    const killAt = prng(SEED);
    const random = prng(SEED + 1);
    const start = (env: Record<string, string>, port?: number) =>
      startAppliance({ demo: false, dataDir, env, extraArgs: port ? ['--port', String(port)] : [] });
    // Long grace while crashing: both sides come back well within it, so sessions resume.
    app = await start({ REP_CUSTOMER_GRACE_SECONDS: '60', REP_REP_GRACE_SECONDS: '60' });
    const port = Number(new URL(app.url).port);
    const base = app.url;
    const wsBase = base.replace(/^http/, 'ws');

    const rep = repConsole(base, 'admin', 'password', random);
    await rep.ready;
    const sessions: { id: string; customer: CrashCustomer }[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const joined = await portal(base, { name: `Crash Customer ${i}`, connect: true });
      expect(joined.status).toBe(200);
      const customer = new CrashCustomer(wsBase, joined.body.customerToken, random);
      await waitFor(() => customer.online, 5_000, 'customer hello');
      await rep.client.call('session.accept', { sessionId: joined.body.sessionId });
      await rep.client.call('session.open', { sessionId: joined.body.sessionId });
      sessions.push({ id: joined.body.sessionId, customer });
    }

    // What the appliance acknowledged: chat lines by event id, and answered prompts by prompt id.
    const ackedChat = new Map<number, { sessionId: string; body: string }>();
    const ackedAnswers = new Map<number, string>();
    let refusedOrLost = 0;
    let seq = 0;
    let sending = true;
    const loops = sessions.flatMap(({ id: sessionId, customer }) => [
      (async () => {
        while (sending) {
          const body = `rep ${sessionId.slice(0, 6)} #${seq++}`;
          try {
            const { message } = await rep.client.call('session.chat', { sessionId, body });
            ackedChat.set(message.id, { sessionId, body });
          } catch {
            refusedOrLost++;
            await sleep(50);
          }
          await sleep(5 + random() * 20);
        }
      })(),
      (async () => {
        while (sending) {
          const body = `customer ${sessionId.slice(0, 6)} #${seq++}`;
          try {
            const { message } = await customer.call('customer.chat', { body });
            ackedChat.set(message.id, { sessionId, body });
          } catch {
            refusedOrLost++;
            await sleep(50);
          }
          await sleep(5 + random() * 20);
        }
      })(),
      (async () => {
        // Now and then a permission prompt, answered by the customer: its answer is an event too.
        while (sending) {
          await sleep(150 + random() * 150);
          try {
            const { prompt } = await rep.client.call('session.prompt', { sessionId, kind: 'screen_view' });
            await waitFor(() => customer.events.some((e) => e.event === 'customer.prompt' && e.data.id === prompt.id) || !sending, 2_000, 'prompt');
            await customer.call('customer.answer', { promptId: prompt.id, allow: true });
            ackedAnswers.set(prompt.id, sessionId);
          } catch {
            refusedOrLost++;
          }
        }
      })(),
    ]);

    const rounds: { afterMs: number; acked: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const afterMs = Math.round(400 + killAt() * 1_200);
      await sleep(afterMs);
      await kill9(app);
      // Dead appliance: what is on disk already holds everything it acknowledged, and is intact.
      const ids = [...ackedChat.keys()];
      inspect((db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const have = new Set(db.prepare<[], { id: number }>("SELECT id FROM session_events WHERE kind = 'chat.message'").all().map((r) => r.id));
        expect(ids.filter((i) => !have.has(i))).toEqual([]);
      });
      rounds.push({ afterMs, acked: ids.length });
      if (process.env.CRASH_DEBUG) console.log('round', round, afterMs, ids.length, refusedOrLost);
      app = await start({ REP_CUSTOMER_GRACE_SECONDS: '60', REP_REP_GRACE_SECONDS: '60' }, port);
      // Nobody is told to reconnect: the console and the customers come back by themselves.
      await waitFor(() => rep.client.status.state === 'online' && sessions.every((s) => s.customer.online), 15_000, 'clients to reconnect');
      const ackedBefore = ackedChat.size;
      await waitFor(() => ackedChat.size >= ackedBefore + SESSIONS, 10_000, 'chat to flow again');
    }
    sending = false;
    await Promise.all(loops);

    expect(rep.reconnects()).toBe(ROUNDS);
    for (const s of sessions) expect(s.customer.hellos).toBe(ROUNDS + 1);
    // Sessions resumed: still active, owned by the rep, and the console can open them.
    for (const s of sessions) {
      const detail = await rep.client.call('session.open', { sessionId: s.id });
      expect(detail.session.status).toBe('active');
    }

    // Last crash: one customer never comes back. After the restart (short grace now) that session
    // ends with a stated reason; the others carry on.
    const gone = sessions[0]!;
    gone.customer.stop();
    await sleep(200 + killAt() * 300);
    await kill9(app);
    app = await start({ REP_CUSTOMER_GRACE_SECONDS: '2', REP_REP_GRACE_SECONDS: '60' }, port);
    await waitFor(() => rep.client.status.state === 'online' && sessions.slice(1).every((s) => s.customer.online), 15_000, 'clients to reconnect');
    const ended = await new Promise<{ at: number }>((res, rej) => {
      const t0 = Date.now();
      const timer = setTimeout(() => rej(new Error('the abandoned session did not end after the restart')), 15_000);
      const off = rep.client.on('session.closed', (d) => {
        if (d.sessionId === gone.id) {
          off();
          clearTimeout(timer);
          res({ at: Date.now() - t0 });
        }
      });
    });
    expect(ended.at).toBeLessThan(10_000);
    for (const s of sessions.slice(1)) {
      expect((await rep.client.call('session.open', { sessionId: s.id })).session.status).toBe('active');
    }
    await kill9(app);
    app = null;

    // Everything acknowledged is in the database, exactly as sent.
    inspect((db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const chat = new Map(
        db
          .prepare<[], { id: number; session_id: string; data: string }>("SELECT id, session_id, data FROM session_events WHERE kind = 'chat.message'")
          .all()
          .map((r) => [r.id, { sessionId: r.session_id, body: (JSON.parse(r.data) as { body: string }).body }]),
      );
      const missing = [...ackedChat].filter(([id, m]) => chat.get(id)?.body !== m.body || chat.get(id)?.sessionId !== m.sessionId);
      expect(missing).toEqual([]);
      const answered = new Set(
        db
          .prepare<[], { data: string }>("SELECT data FROM session_events WHERE kind = 'prompt.allowed'")
          .all()
          .map((r) => (JSON.parse(r.data) as { promptId: number }).promptId),
      );
      expect([...ackedAnswers.keys()].filter((p) => !answered.has(p))).toEqual([]);
      const end = db.prepare<[string], { status: string }>('SELECT status FROM sessions WHERE id = ?').get(gone.id);
      expect(end?.status).toBe('ended');
      const reason = db
        .prepare<[string], { data: string }>("SELECT data FROM session_events WHERE session_id = ? AND kind = 'chat.message' ORDER BY id DESC LIMIT 5")
        .all(gone.id)
        .map((r) => (JSON.parse(r.data) as { body: string }).body);
      expect(reason.join('\n')).toMatch(/did not return/);
    });
    console.log(JSON.stringify({ seed: SEED, rounds, ackedChat: ackedChat.size, ackedAnswers: ackedAnswers.size, refusedOrLost, repReconnects: rep.reconnects() }));
    rep.client.close();
    for (const s of sessions) s.customer.stop();
  });
});
