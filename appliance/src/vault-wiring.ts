/** Wires the Vault and Inject Credentials (FEATURES.md §F) into the context; bootstrap.ts calls it once. */
import type { AppContext } from './context.js';
import { CredentialInjection } from './domain/credential-injection.js';
import { Narrator } from './domain/narrator.js';
import { VaultService } from './domain/vault.js';
import { loadVaultKey, VaultCipher } from './domain/vault-crypto.js';
import type { Db } from './store/db.js';
import { SqliteVaultRepository } from './store/vault.js';
import { screenStreams } from './ws/screen-stream.js';
import { DEMO_INJECT_ACCOUNT } from './desktop/for-machine.js';

/** Lapsed check-outs are checked in at least this often (reads also do it). */
const EXPIRE_MS = 30_000;

export function wireVault(ctx: AppContext, db: Db, dataDir: string): { stop: () => void } {
  const vault = new VaultService(new SqliteVaultRepository(db), new VaultCipher(loadVaultKey(dataDir)), ctx.clock);
  ctx.vault = vault;
  if (ctx.repos.settings.get('site.demo') === 'true') {
    vault.seedDemo([
      { name: 'DEMO\\Administrator', username: 'Administrator', domain: 'DEMO', description: 'Local administrator of the demo Windows PCs', password: DEMO_INJECT_ACCOUNT.password },
      { name: 'DEMO\\Administrator (2023)', username: 'Administrator', domain: 'DEMO', description: 'Outdated password: the PCs refuse it', password: 'Demo-Inject-2023!' },
    ]);
  }
  const vaultSource = vault.source();
  ctx.credentialInjection = new CredentialInjection({
    repos: ctx.repos,
    endpoints: ctx.endpoints,
    narrator: new Narrator(ctx.repos, ctx.view, ctx.bus),
    clock: ctx.clock,
    log: ctx.log,
    sources: () => ({ ecm: ctx.ecmCredentials, vault: vaultSource }),
    loginScreenOf: (endpoint) => {
      const desk = screenStreams(ctx).desktopFor(endpoint);
      return {
        os: desk.os,
        atLoginScreen: () => ['lock', 'signin'].includes(desk.status().state),
        injectCredentials: (user, password) => desk.injectCredentials(user, password),
      };
    },
  });
  const timer = setInterval(() => {
    try {
      vault.expire();
    } catch (err) {
      ctx.log.error({ err }, 'Vault automatic check-in failed');
    }
  }, EXPIRE_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
