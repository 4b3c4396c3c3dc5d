/** Starting, stopping and restarting the appliance: data survives, demo seeding happens once, public hosts need a real password. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';

describe('appliance lifecycle', () => {
  it('SIGTERM closes sockets and the database cleanly; a restart keeps the data and does not reseed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rep-life-'));
    const first = await startAppliance({ demo: true, dataDir });
    const c = await TestClient.connect(first.url);
    await c.call('auth.login', { username: 'ana', password: 'Support-Demo-1', console: 'web' });
    const before = (await c.call('queues.list', {})).sessions.map((s) => s.id);
    const closed = new Promise<number>((res) => c.ws.once('close', (code) => res(code)));
    expect(await first.stop()).toBe(0);
    expect(await closed).toBe(1001);
    expect(first.output()).toContain('SIGTERM: closing connections and the database');
    // A clean close checkpoints the WAL: the database opens read-only without recovery.
    const db = new Database(join(dataDir, 'site.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const users = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
    db.close();

    const second = await startAppliance({ demo: true, dataDir });
    const c2 = await TestClient.connect(second.url);
    await c2.call('auth.login', { username: 'ana', password: 'Support-Demo-1', console: 'web' });
    const after = (await c2.call('queues.list', {})).sessions.map((s) => s.id);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(second.output()).toContain('"seeded":"existing"');
    const db2 = new Database(join(dataDir, 'site.db'), { readonly: true });
    expect((db2.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n).toBe(users);
    db2.close();
    c2.close();
    await second.stop({ remove: true });
  });

  it('refuses a non-loopback --host while admin has the default password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rep-host-'));
    await expect(startAppliance({ demo: false, dataDir, extraArgs: ['--host', '0.0.0.0'] })).rejects.toThrow(/E_DEFAULT_PASSWORD_PUBLIC/);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a bare site has only the administrator, who can log in with the default password', async () => {
    const app = await startAppliance({ demo: false });
    const c = await TestClient.connect(app.url);
    const { me } = await c.call('auth.login', { username: 'admin', password: 'password', console: 'web' });
    expect(me.isAdmin).toBe(true);
    expect((await c.call('jump.list', {})).total).toBe(0);
    c.close();
    await app.stop({ remove: true });
  });

  it('rejects bad command lines with a usage line', async () => {
    await expect(startAppliance({ extraArgs: ['--bogus'] })).rejects.toThrow(/Unknown option --bogus/);
  });
});
