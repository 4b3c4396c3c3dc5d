/**
 * External representatives: someone outside the site, invited by the owner with a key. Redeeming it
 * on the portal makes a user bound to that one session and logs them into the web console.
 */
import { CodedError, line, type GeneratedKey, type Permissions } from '../protocol/index.js';
import type { AuthService, LoginResult } from './auth.js';
import { iso, type Clock } from './clock.js';
import type { KeyService } from './keys.js';
import type { Narrator } from './narrator.js';
import { authorize, type Actor } from './permissions.js';
import type { KeyRecord, Repositories } from './ports.js';

/** What an external rep may do: chat and watch; no shell, files, transfers or invitations. */
export const EXTERNAL_PERMISSIONS: Permissions = {
  administrator: false, viewReports: false, jumpClient: false, localJump: false, remoteJump: false, shellJump: false, localRdp: false,
  jumpStartAll: false, jumpManage: false, screenView: true, screenControl: false, annotations: false, fileUpload: false, fileDownload: false,
  commandShell: false, systemInfo: false, elevation: false, pinJumpClients: false, supportButtons: false, generateSessionKeys: false,
  shareNonTeam: false, inviteExternal: false, transfer: false, overrideJumpPolicy: false,
};

export class ExternalReps {
  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'members' | 'users' | 'transaction'>,
    private readonly keys: KeyService,
    private readonly auth: AuthService,
    private readonly narrator: Narrator,
    private readonly clock: Clock,
  ) {}

  invite(actor: Actor, sessionId: string, o: { policy: string; description: string; name: string; comments: string; minutes: number; baseUrl: string }): GeneratedKey {
    authorize(actor, { kind: 'session.inviteExternal', role: this.repos.members.role(sessionId, actor.user.id) });
    const s = this.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    const key = this.keys.issue({
      kind: 'external', issuerId: actor.user.id, sessionId, minutes: o.minutes, custom: {},
      external: { name: o.name, policy: o.policy, description: o.description, comments: o.comments }, baseUrl: o.baseUrl,
    });
    const now = iso(this.clock);
    this.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'invitation.external', { name: o.name, policy: o.policy }, now);
    this.narrator.say(sessionId, line('external.invited', { name: actor.user.publicDisplayName, guest: o.name }), now, 'reps')();
    return key;
  }

  /** Redeems an external key: a user for that session, joined as "external", logged into the web console. */
  join(key: KeyRecord): LoginResult & { sessionId: string } {
    const sessionId = key.sessionId;
    const s = sessionId ? this.repos.sessions.byId(sessionId) : null;
    if (!s || !sessionId || s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    const name = key.external.name ?? 'External representative';
    const now = iso(this.clock);
    const user = this.repos.transaction(() => {
      const u = this.repos.users.createExternal(name, sessionId, EXTERNAL_PERMISSIONS, now);
      this.repos.members.add(sessionId, u.id, 'external', key.issuerId, now);
      this.repos.sessions.addEvent(sessionId, `rep:${u.id}`, 'member.joined', { external: true, name }, now);
      return u;
    });
    this.narrator.say(sessionId, line('external.joined', { name }), now)();
    this.narrator.state(sessionId);
    return { ...this.auth.openFor(user, 'web'), sessionId };
  }
}
