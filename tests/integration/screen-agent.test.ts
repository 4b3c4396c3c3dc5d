/**
 * Screen sharing with a real agent: `rep-appliance customer` attaches this machine to a support
 * session, and it has no screen capture. Starting screen sharing says so with a stable code instead
 * of streaming a black picture.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { ScreenClient } from '../helpers/screen-client.js';

let app: RunningAppliance;
let cli: RunningCli | null = null;
let home: string;

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  home = mkdtempSync(join(tmpdir(), 'rep-screen-agent-'));
});
afterAll(async () => {
  await cli?.kill();
  await app?.stop({ remove: true });
  rmSync(home, { recursive: true, force: true });
});

it('a real agent’s endpoint refuses screen sharing with E_SCREEN_UNAVAILABLE', async () => {
  const ana = await ScreenClient.login(app.url, 'ana');
  const { key } = await ana.call('sessionKey.generate', { expiresInMinutes: 15 });
  cli = runCli(['customer', '--site', app.url, '--key', key, '--name', 'Pat Screen', '--allow-path', home]);
  const queued = await ana.until(() => ana.events.find((e) => e.event === 'queue.session' && e.data.customerName === 'Pat Screen')?.data, 15_000);
  await cli.waitFor('this computer is attached to the session');
  await ana.call('session.accept', { sessionId: queued.id });
  await cli.waitFor(/Connected with Ana/);

  const refused = await ana.call('session.screen.start', { sessionId: queued.id, colorMode: 'all-colors', scale: null }).then(
    () => null,
    (e: { code: string; message: string }) => e,
  );
  expect(refused?.code).toBe('E_SCREEN_UNAVAILABLE');
  expect(refused?.message).toMatch(/^Screen sharing is not available on this endpoint: the agent on .+ does not capture its screen\.$/);
  await new Promise((r) => setTimeout(r, 200));
  expect(ana.frames).toHaveLength(0);
  await ana.call('session.end', { sessionId: queued.id });
  ana.close();
});
