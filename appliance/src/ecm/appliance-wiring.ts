/**
 * The appliance side of ECMs: ECM accounts, the registry of connected ECMs (ctx.ecmCredentials) and
 * the /ws/ecm gateway; on the demo site, the demo ECM as its own child process (file plugin, demo
 * credentials), killed when the appliance stops. REP_DEMO_ECM=0 leaves the child out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppContext } from '../context.js';
import { EcmAccountService } from '../domain/ecm-accounts.js';
import { EcmRegistry } from '../domain/ecm-registry.js';
import type { Db } from '../store/db.js';
import { SqliteEcmAccountRepository } from '../store/ecm-accounts.js';
import { EcmGateway } from '../ws/ecm-gateway.js';
import { DEMO_ECM_ACCOUNT, ensureDemoStore } from './demo-credentials.js';

export interface EcmParts {
  accounts: EcmAccountService;
  registry: EcmRegistry;
  gateway: EcmGateway;
}

export function wireEcm(ctx: AppContext, db: Db, opts: { demo: boolean }): EcmParts {
  const accounts = new EcmAccountService(new SqliteEcmAccountRepository(db), ctx.clock);
  if (opts.demo) accounts.seedDemo(DEMO_ECM_ACCOUNT.clientId, DEMO_ECM_ACCOUNT.clientSecret);
  const registry = new EcmRegistry(ctx.clock, ctx.log);
  const gateway = new EcmGateway(accounts, registry, ctx.log);
  ctx.ecmCredentials = registry;
  ctx.ecm = { accounts, registry };
  return { accounts, registry, gateway };
}

/** The bundled CLI next to this bundle (out/appliance/cli.js), or null when running from sources. */
function cliPath(): string | null {
  for (const p of [join(import.meta.dirname, 'cli.js'), join(import.meta.dirname, '../../../out/appliance/cli.js')]) if (existsSync(p)) return p;
  return null;
}

/** Starts `rep-appliance ecm` for the demo site; returns a stop function. */
export function startDemoEcm(ctx: AppContext, dataDir: string, applianceUrl: string): () => void {
  if (process.env.REP_DEMO_ECM === '0') return () => {};
  const cli = cliPath();
  if (!cli) {
    ctx.log.warn('demo ECM not started: the bundled CLI (out/appliance/cli.js) is missing; run npm run build');
    return () => {};
  }
  const { file, passphraseFile } = ensureDemoStore(dataDir);
  const u = new URL(applianceUrl);
  const args = [cli, 'ecm', '--client-id', DEMO_ECM_ACCOUNT.clientId, '--site', `${u.protocol}//${u.hostname}`, '--port', u.port, '--plugin', 'file', '--name', 'Demo ECM', '--file', file, '--passphrase-file', passphraseFile];
  let child: ChildProcess | null = null;
  let stopped = false;
  const start = () => {
    const c = spawn(process.execPath, args, {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', REP_ECM_CLIENT_SECRET: DEMO_ECM_ACCOUNT.clientSecret, REP_ECM_RECONNECT_MAX_MS: '5000' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child = c;
    for (const stream of [c.stdout!, c.stderr!]) createInterface({ input: stream }).on('line', (line) => ctx.log.info({ ecm: 'demo', line: line.slice(0, 500) }, 'demo ECM'));
    c.on('exit', (code, signal) => {
      child = null;
      if (stopped) return;
      ctx.log.warn({ code, signal }, 'demo ECM exited; starting it again in 5 s');
      setTimeout(() => !stopped && start(), 5_000).unref();
    });
    ctx.log.info({ pid: c.pid }, 'demo ECM started');
  };
  start();
  return () => {
    stopped = true;
    child?.kill('SIGTERM');
  };
}
