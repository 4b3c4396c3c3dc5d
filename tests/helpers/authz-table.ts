/**
 * The authorization matrix's rows: every console protocol method, the params it is called with, and
 * what each role must get. An expectation is "ok" (success), "allowed" (any answer but an
 * authorization refusal: success needs an endpoint or setup the matrix does not build), or the exact
 * refusal code. Unlisted roles default to: anonymous E_AUTH_REQUIRED; the customer is refused on both
 * of its doors (see the test). Rows run in this order; the ones that change the session come last.
 */
import type { MethodName } from '../../appliance/src/protocol/index.js';
import type { Role } from './authz-roles.js';

export type Expect = 'ok' | 'allowed' | (string & {});
export interface Ctx {
  sessionId: string;
  adminId: number;
  repId: number;
  teamId: number;
  jumpItemId: number;
}
export interface Row {
  params: (c: Ctx) => unknown;
  expect: Partial<Record<Exclude<Role, 'customer'>, Expect>>;
}

/** Codes that mean "refused by authorization": "allowed" must be none of them. */
export const AUTHZ_CODES = new Set([
  'E_AUTH_REQUIRED', 'E_FORBIDDEN', 'E_NOT_A_REP', 'E_SESSION_NOT_MEMBER', 'E_SESSION_NOT_OWNER', 'E_NOT_TEAM_MEMBER',
  'E_FILE_UPLOAD_FORBIDDEN', 'E_FILE_DOWNLOAD_FORBIDDEN', 'E_INJECT_FORBIDDEN', 'E_SCREEN_CONTROL_FORBIDDEN',
]);

const S = (c: Ctx) => ({ sessionId: c.sessionId });
const NOPE = 999_999;
const TRANSFER = '0'.repeat(32);

export const TABLE = {
  'auth.me': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'account.setUiLanguage': { params: () => ({ language: 'en-US' }), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'email.compose': { params: () => ({ kind: 'sessionKey', url: 'https://example.com/s/1', key: '1234 5678 9012' }), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'auth.login': { params: () => ({ username: 'nobody-here', password: 'wrong', console: 'web' }), expect: { anonymous: 'E_AUTH_INVALID', admin: 'E_AUTH_INVALID', rep: 'E_AUTH_INVALID', external: 'E_AUTH_INVALID' } },
  'auth.resume': { params: () => ({ token: 'x'.repeat(32), console: 'web' }), expect: { anonymous: 'E_AUTH_TOKEN_INVALID', admin: 'E_AUTH_TOKEN_INVALID', rep: 'E_AUTH_TOKEN_INVALID', external: 'E_AUTH_TOKEN_INVALID' } },
  'auth.handoff': { params: () => ({ token: 'x'.repeat(32), console: 'desktop' }), expect: { anonymous: 'E_HANDOFF_INVALID', admin: 'E_HANDOFF_INVALID', rep: 'E_HANDOFF_INVALID', external: 'E_HANDOFF_INVALID' } },
  'desktop.handoff': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'E_FORBIDDEN' } },
  'queues.list': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'queues.setFavourite': { params: (c) => ({ queueId: `team:${c.teamId}`, favourite: true }), expect: { admin: 'ok', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'team.chat': { params: (c) => ({ teamId: c.teamId, body: 'matrix' }), expect: { admin: 'ok', rep: 'E_NOT_TEAM_MEMBER', external: 'E_NOT_TEAM_MEMBER' } },
  'team.history': { params: (c) => ({ teamId: c.teamId }), expect: { admin: 'ok', rep: 'E_NOT_TEAM_MEMBER', external: 'E_NOT_TEAM_MEMBER' } },
  'team.markRead': { params: (c) => ({ teamId: c.teamId, upToId: 0 }), expect: { admin: 'ok', rep: 'E_NOT_TEAM_MEMBER', external: 'E_NOT_TEAM_MEMBER' } },
  'sessionKey.generate': { params: () => ({}), expect: { admin: 'ok', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'directory.list': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'E_FORBIDDEN' } },
  'session.mine': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.open': { params: S, expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.chat': { params: (c) => ({ sessionId: c.sessionId, body: 'matrix line' }), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.markRead': { params: S, expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.accept': { params: S, expect: { admin: 'allowed', rep: 'E_SESSION_ALREADY_TAKEN', external: 'E_FORBIDDEN' } },
  'session.transfer': { params: (c) => ({ sessionId: c.sessionId, target: { kind: 'rep', id: NOPE } }), expect: { admin: 'allowed', rep: 'E_SESSION_NOT_OWNER', external: 'E_SESSION_NOT_OWNER' } },
  'session.share': { params: (c) => ({ sessionId: c.sessionId, target: { kind: 'rep', id: NOPE } }), expect: { admin: 'allowed', rep: 'E_SESSION_NOT_OWNER', external: 'E_SESSION_NOT_OWNER' } },
  'session.inviteExternal': { params: (c) => ({ sessionId: c.sessionId, policy: 'Vendor access', name: 'Other Vendor' }), expect: { admin: 'ok', rep: 'E_SESSION_NOT_OWNER', external: 'E_SESSION_NOT_OWNER' } },
  'session.invitation.cancel': { params: () => ({ invitationId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.invitation.decline': { params: () => ({ invitationId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.invitation.accept': { params: () => ({ invitationId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.prompt': { params: (c) => ({ sessionId: c.sessionId, kind: 'system_info' }), expect: { admin: 'allowed', rep: 'allowed', external: 'E_SESSION_NOT_MEMBER' } },
  'jump.list': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'E_FORBIDDEN' } },
  'jump.details': { params: (c) => ({ itemId: c.jumpItemId }), expect: { admin: 'ok', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'jump.frequent': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'E_FORBIDDEN' } },
  'jump.groups': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'E_FORBIDDEN' } },
  'jump.start': { params: (c) => ({ itemId: c.jumpItemId }), expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'jump.request': { params: (c) => ({ itemId: c.jumpItemId }), expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'jump.cancel': { params: () => ({ requestId: 'nope' }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'jump.sessionEnd': { params: S, expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.pin': { params: (c) => ({ sessionId: c.sessionId, target: { personal: true } }), expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'jump.unpin': { params: () => ({ itemId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'E_FORBIDDEN' } },
  'session.shell.open': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.shell.input': { params: () => ({ shellId: NOPE, data: 'x' }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.shell.resize': { params: () => ({ shellId: NOPE, cols: 80, rows: 24 }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.shell.close': { params: () => ({ shellId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.shell.ack': { params: () => ({ shellId: NOPE, chars: 1 }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  // Members get the list filtered to the recordings they may view (an external rep: none).
  'session.shell.recordings': { params: S, expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.systemInfo': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.files.list': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.files.browse': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.files.mkdir': { params: (c) => ({ sessionId: c.sessionId, name: 'x' }), expect: { admin: 'allowed', rep: 'E_FILE_UPLOAD_FORBIDDEN', external: 'E_FILE_UPLOAD_FORBIDDEN' } },
  'session.files.rename': { params: (c) => ({ sessionId: c.sessionId, path: 'a', name: 'x' }), expect: { admin: 'allowed', rep: 'E_FILE_UPLOAD_FORBIDDEN', external: 'E_FILE_UPLOAD_FORBIDDEN' } },
  'session.files.delete': { params: (c) => ({ sessionId: c.sessionId, volume: 0, paths: ['a'] }), expect: { admin: 'allowed', rep: 'E_FILE_UPLOAD_FORBIDDEN', external: 'E_FILE_UPLOAD_FORBIDDEN' } },
  'session.files.upload': { params: (c) => ({ sessionId: c.sessionId, name: 'x', size: 1, key: 'matrixkey1' }), expect: { admin: 'allowed', rep: 'E_FILE_UPLOAD_FORBIDDEN', external: 'E_FILE_UPLOAD_FORBIDDEN' } },
  'session.files.uploadFinish': { params: () => ({ transferId: TRANSFER, sha256: '0'.repeat(64) }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.files.download': { params: (c) => ({ sessionId: c.sessionId, path: 'a' }), expect: { admin: 'allowed', rep: 'E_FILE_DOWNLOAD_FORBIDDEN', external: 'E_FILE_DOWNLOAD_FORBIDDEN' } },
  'session.files.cancel': { params: () => ({ transferId: TRANSFER }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  // The external rep's permissions come from their invitation's policy (Vendor access allows screen sharing).
  'session.screen.start': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'allowed' } },
  'session.screen.stop': { params: () => ({ streamId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.view': { params: () => ({ streamId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.ack': { params: () => ({ streamId: NOPE, seq: 0 }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.control': { params: () => ({ streamId: NOPE, control: true }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.input': { params: () => ({ streamId: NOPE, events: [{ kind: 'text', text: 'x' }] }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.specialAction': { params: () => ({ streamId: NOPE, actionId: 'x' }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.clipboard': { params: () => ({ streamId: NOPE, text: 'x' }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.restrict': { params: () => ({ streamId: NOPE, privacyScreen: true }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.screen.screenshot': { params: () => ({ streamId: NOPE }), expect: { admin: 'allowed', rep: 'allowed', external: 'allowed' } },
  'session.endpoint': { params: S, expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
  'session.elevate.fullClient': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.elevate': { params: (c) => ({ sessionId: c.sessionId, method: 'prompt' }), expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.supportButton.options': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.supportButton.list': { params: S, expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.supportButton.deploy': { params: (c) => ({ sessionId: c.sessionId, description: 'x', queueId: 'general', expiry: '1d' }), expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.supportButton.remove': { params: (c) => ({ sessionId: c.sessionId, buttonId: NOPE }), expect: { admin: 'allowed', rep: 'E_FORBIDDEN', external: 'E_FORBIDDEN' } },
  'session.inject.list': { params: S, expect: { admin: 'allowed', rep: 'E_INJECT_FORBIDDEN', external: 'E_INJECT_FORBIDDEN' } },
  'session.inject.run': { params: (c) => ({ sessionId: c.sessionId, credentialId: 'vault:1' }), expect: { admin: 'allowed', rep: 'E_INJECT_FORBIDDEN', external: 'E_INJECT_FORBIDDEN' } },
  // State-changing rows last: removing nobody, hold, leave, end, logout.
  'session.removeMember': { params: (c) => ({ sessionId: c.sessionId, userId: NOPE }), expect: { admin: 'allowed', rep: 'E_SESSION_NOT_OWNER', external: 'E_SESSION_NOT_OWNER' } },
  'session.hold': { params: S, expect: { admin: 'ok', rep: 'E_SESSION_NOT_OWNER', external: 'E_SESSION_NOT_OWNER' } },
  'session.leave': { params: S, expect: { admin: 'E_SESSION_OWNER_CANNOT_LEAVE', rep: 'ok', external: 'ok' } },
  'session.end': { params: S, expect: { admin: 'ok', rep: 'E_SESSION_NOT_MEMBER', external: 'E_SESSION_NOT_MEMBER' } },
  'auth.logout': { params: () => ({}), expect: { admin: 'ok', rep: 'ok', external: 'ok' } },
} satisfies Record<MethodName, Row>;
