/**
 * Inject Credentials (FEATURES.md §F): a rep in a session with a Windows endpoint at its login screen
 * picks a credential from the ECM source (max 200) or the Vault (max 2,000); the appliance fetches the
 * secret from that source and hands it straight to the endpoint, which logs the user in. The secret
 * lives only in local variables of `inject`: the console gets the credential's name and the outcome,
 * the session log records name, source, rep, time and outcome — never the secret.
 */
import { CodedError, isErrorCode, line, type ErrorCode } from '../protocol/index.js';
import { CONTROL_CHARS } from '../protocol/vault-models.js';
import type { ScreenRefusal } from '../protocol/screen-frames.js';
import type { Clock } from './clock.js';
import { CREDENTIAL_LIST_LIMITS, type CredentialQuery, type CredentialSource, type CredentialSummary } from './credential-sources.js';
import type { Endpoint, EndpointHub } from './endpoints.js';
import type { Narrator } from './narrator.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import type { Logger } from '../log.js';

/** What an emulated endpoint's login screen offers (its VirtualDesktop, from ws/screen-stream.ts). */
export interface LoginScreen {
  readonly os: string;
  atLoginScreen(): boolean;
  injectCredentials(userName: string, password: string): ScreenRefusal | null;
}

export interface InjectionPorts {
  repos: Repositories;
  endpoints: EndpointHub;
  narrator: Narrator;
  clock: Clock;
  log: Logger;
  /** The sources, looked up on each request (the ECM bridge comes and goes). */
  sources: () => { ecm?: CredentialSource | undefined; vault?: CredentialSource | undefined };
  /** The virtual desktop of an emulated endpoint. */
  loginScreenOf: (endpoint: Endpoint) => LoginScreen;
  /** How long a source may take to answer. */
  timeoutMs?: number;
}

export interface InjectList {
  credentials: CredentialSummary[];
  /** Which sources answered (an ECM may not be connected). */
  sources: { ecm: 'ok' | 'unavailable' | 'none'; vault: 'ok' | 'unavailable' | 'none' };
}

export class CredentialInjection {
  constructor(private readonly p: InjectionPorts) {}

  /** The credentials on offer for this session's endpoint, searchable; ECM first, then the Vault. */
  async list(actor: Actor, sessionId: string, search = ''): Promise<InjectList> {
    const endpoint = this.check(actor, sessionId);
    const query: CredentialQuery = { search, hostname: endpoint.hostname, userId: actor.user.id };
    const srcs = this.p.sources();
    const out: CredentialSummary[] = [];
    const status: InjectList['sources'] = { ecm: 'none', vault: 'none' };
    for (const kind of ['ecm', 'vault'] as const) {
      const src = srcs[kind];
      if (!src) continue;
      try {
        const items = await this.timed(src.list(query, CREDENTIAL_LIST_LIMITS[kind]));
        // A source may send more than asked or junk names: cap, and drop names a rep must not be shown.
        out.push(...items.slice(0, CREDENTIAL_LIST_LIMITS[kind]).filter((c) => typeof c.name === 'string' && !CONTROL_CHARS.test(c.name)).map((c) => ({ ...c, source: kind })));
        status[kind] = 'ok';
      } catch (err) {
        status[kind] = 'unavailable';
        this.p.log.warn({ sessionId, source: kind, code: err instanceof CodedError ? err.code : 'E_INTERNAL' }, 'credential source did not list');
      }
    }
    return { credentials: out, sources: status };
  }

  /** Fetches the credential and logs the endpoint's user in with it; the outcome is a session event either way. */
  async inject(actor: Actor, sessionId: string, credentialId: string): Promise<{ name: string; source: 'ecm' | 'vault' }> {
    const endpoint = this.check(actor, sessionId);
    const kind = credentialId.startsWith('vault:') ? 'vault' : credentialId.startsWith('ecm:') ? 'ecm' : null;
    const src = kind ? this.p.sources()[kind] : undefined;
    if (!kind || !src) throw new CodedError('E_CREDENTIAL_NOT_FOUND');
    const query: CredentialQuery = { hostname: endpoint.hostname, userId: actor.user.id };
    // The name comes from the source's own list: the console cannot make one up.
    const summary = await this.find(src, kind, credentialId, query);
    if (CONTROL_CHARS.test(summary.name)) {
      this.record(actor, sessionId, endpoint, summary.name.replace(new RegExp(CONTROL_CHARS.source, 'g'), '?'), kind, 'E_CREDENTIAL_NAME_INVALID');
      throw new CodedError('E_CREDENTIAL_NAME_INVALID');
    }
    try {
      const secret = await this.timed(src.fetchSecret(credentialId, query));
      if (endpoint.injectCredentials) await endpoint.injectCredentials(secret);
      else if (endpoint.kind === 'emulated') {
        const screen = this.p.loginScreenOf(endpoint);
        const userName = secret.domain ? `${secret.domain}\\${secret.username}` : secret.username;
        const refusal = screen.injectCredentials(userName, secret.password);
        if (refusal) throw new CodedError(refusal.code === 'E_SCREEN_LOGIN_FAILED' ? 'E_INJECT_LOGIN_FAILED' : refusal.code === 'E_SCREEN_NOT_AT_LOGIN' ? 'E_INJECT_NOT_AT_LOGIN' : 'E_INJECT_UNSUPPORTED');
      } else throw new CodedError('E_INJECT_UNSUPPORTED');
    } catch (err) {
      const code: ErrorCode = err instanceof CodedError && isErrorCode(err.code) ? err.code : 'E_CREDENTIAL_SOURCE_UNAVAILABLE';
      this.record(actor, sessionId, endpoint, summary.name, kind, code);
      throw err instanceof CodedError ? new CodedError(err.code) : new CodedError(code);
    }
    this.record(actor, sessionId, endpoint, summary.name, kind, 'success');
    return { name: summary.name, source: kind };
  }

  /** Member with the permission, an endpoint, Windows, at its login screen — or a coded refusal. */
  private check(actor: Actor, sessionId: string): Endpoint {
    const session = this.p.repos.sessions.byId(sessionId);
    if (!session) throw new CodedError('E_SESSION_NOT_FOUND');
    authorize(actor, { kind: 'session.inject', role: this.p.repos.members.role(sessionId, actor.user.id) });
    if (session.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    const endpoint = this.p.endpoints.forSession(sessionId);
    if (!endpoint) throw new CodedError('E_INJECT_NO_ENDPOINT');
    if (endpoint.kind === 'agent' && !endpoint.injectCredentials) throw new CodedError('E_INJECT_UNSUPPORTED');
    if (endpoint.kind === 'emulated') {
      const screen = this.p.loginScreenOf(endpoint);
      if (screen.os !== 'windows') throw new CodedError('E_INJECT_NOT_WINDOWS');
      if (!screen.atLoginScreen()) throw new CodedError('E_INJECT_NOT_AT_LOGIN');
    }
    return endpoint;
  }

  private async find(src: CredentialSource, kind: 'ecm' | 'vault', id: string, query: CredentialQuery): Promise<CredentialSummary> {
    const all = await this.timed(src.list(query, CREDENTIAL_LIST_LIMITS[kind]));
    const hit = all.find((c) => c.id === id);
    if (!hit || typeof hit.name !== 'string') throw new CodedError('E_CREDENTIAL_NOT_FOUND');
    return hit;
  }

  private timed<T>(p: Promise<T>): Promise<T> {
    const ms = this.p.timeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new CodedError('E_CREDENTIAL_SOURCE_UNAVAILABLE')), ms);
      timer.unref();
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  /** Session event + chat line: name, source, rep, time, outcome. Never the secret. */
  private record(actor: Actor, sessionId: string, endpoint: Endpoint, name: string, source: 'ecm' | 'vault', outcome: 'success' | ErrorCode): void {
    try {
      const said = { name: actor.user.publicDisplayName, credential: name, host: endpoint.hostname };
      const told = outcome === 'success' ? line('credentials.injected', { ...said, source }) : line('credentials.failed', { ...said, outcome, outcomeCode: outcome });
      this.p.narrator.record(sessionId, `rep:${actor.user.id}`, 'credentials.inject', { name, source, hostname: endpoint.hostname, outcome }, told, this.p.clock.now().toISOString());
      this.p.log.info({ sessionId, userId: actor.user.id, credential: name, source, outcome }, 'inject credentials');
    } catch (err) {
      this.p.log.error({ err, sessionId }, 'writing the credential injection to the session log failed');
    }
  }
}
