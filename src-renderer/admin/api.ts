/** /login's JSON API as the admin pages use it: schemas for every answer, one function per call. */
import { z } from 'zod';
import { Me, TeamRole } from '../../appliance/src/protocol/index.js';
import { getJson, postJson, postNoContent } from '../shared-http/http.js';

const Session = z.object({ me: Me, defaultPassword: z.boolean() });
export type AdminSession = z.infer<typeof Session>;

const LoggedInRep = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  console: z.enum(['web', 'desktop']),
  loggedInAt: z.string(),
  sessionCount: z.number().int(),
});
export type LoggedInRep = z.infer<typeof LoggedInRep>;

const SiteStatus = z.object({
  version: z.string(),
  timeZone: z.string(),
  hostname: z.string(),
  startedAt: z.string(),
  licence: z.object({
    namedUsers: z.number().int(),
    usersUsed: z.number().int(),
    /** Enabled site accounts with a representative console connected now (each once). */
    repsLoggedIn: z.number().int().default(0),
    jumpClientsAllowed: z.number().int(),
    jumpClientsUsed: z.number().int(),
  }),
  loggedInReps: z.array(LoggedInRep),
  /** Endpoint Credential Managers connected to the site, longest-connected first (it answers requests). */
  ecmClients: z
    .array(z.object({ name: z.string(), hostname: z.string().default(''), address: z.string(), version: z.string().default(''), plugin: z.string().default(''), connectedAt: z.string() }))
    .default([]),
  canRestart: z.boolean().default(false),
});
export type SiteStatus = z.infer<typeof SiteStatus>;

const UserRow = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  publicDisplayName: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  failedLogins: z.number().int(),
  lastLoginAt: z.string().nullable(),
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), role: TeamRole })),
});
export type UserRow = z.infer<typeof UserRow>;

const TeamRow = z.object({ id: z.number().int(), name: z.string(), members: z.array(z.unknown()) });
export type TeamRow = z.infer<typeof TeamRow>;

export interface Credentials {
  username: string;
  password: string;
  /** Six digits, only once the appliance answered E_AUTH_TOTP_REQUIRED. */
  totp?: string;
}

export const adminApi = {
  login: (c: Credentials) => postJson('/login/api/login', c, z.object({ me: Me })),
  logout: () => postNoContent('/login/api/logout'),
  session: () => getJson('/login/api/me', Session),
  status: () => getJson('/login/api/status', SiteStatus),
  users: () => getJson('/login/api/users', z.object({ users: z.array(UserRow) })).then((r) => r.users),
  teams: () => getJson('/login/api/teams', z.object({ teams: z.array(TeamRow) })).then((r) => r.teams),
  /** My Account: answers with the session as /me would (the default-password flag may have changed). */
  changePassword: (currentPassword: string, newPassword: string) => postJson('/login/api/account/password', { currentPassword, newPassword }, Session),
  /** Users > Set password… (administrators). */
  setPassword: (userId: number, newPassword: string) => postNoContent(`/login/api/users/${userId}/password`, { newPassword }),
  /** Status > Logged-in representatives > End (administrators). */
  endRepLogin: (userId: number) => postNoContent(`/login/api/reps/${userId}/logout`),
};

// ---------- Jump Clients > Mass Deployment Wizard ----------

const InstallerStatus = z.enum(['active', 'expired', 'revoked', 'used']);
export type InstallerStatus = z.infer<typeof InstallerStatus>;

const InstallerRow = z.object({
  id: z.number().int(),
  keyHint: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string(),
  jumpGroup: z.string().nullable(),
  jumpGroupLabel: z.string().nullable(),
  tag: z.string(),
  comments: z.string(),
  jumpPolicyCode: z.string().nullable(),
  installDir: z.string().nullable(),
  massDeploy: z.boolean(),
  uses: z.number().int(),
  maxUses: z.number().int().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: InstallerStatus,
});
export type InstallerRow = z.infer<typeof InstallerRow>;

const DeployOptions = z.object({
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  users: z.array(z.object({ username: z.string(), displayName: z.string() })),
  policies: z.array(z.object({ code: z.string(), name: z.string() })),
  msiAvailable: z.boolean(),
});
export type DeployOptions = z.infer<typeof DeployOptions>;

const CreatedInstaller = z.object({
  installer: InstallerRow,
  key: z.string(),
  commandLines: z.object({ exe: z.string(), msi: z.string(), agent: z.string() }),
  downloads: z.object({ sh: z.string(), cmd: z.string(), msi: z.string().nullable() }),
});
export type CreatedInstaller = z.infer<typeof CreatedInstaller>;

export interface NewInstallerRequest {
  jumpGroup: string | null;
  tag: string;
  comments: string;
  jumpPolicyCode: string | null;
  validitySeconds: number;
  massDeploy: boolean;
  installDir: string | null;
}

export const installerApi = {
  options: () => getJson('/login/api/jump-clients/options', DeployOptions),
  list: () => getJson('/login/api/jump-clients/installers', z.object({ installers: z.array(InstallerRow) })).then((r) => r.installers),
  create: (req: NewInstallerRequest) => postJson('/login/api/jump-clients/installers', req, CreatedInstaller),
  revoke: (id: number) => postJson(`/login/api/jump-clients/installers/${id}/revoke`, {}, z.object({ installer: InstallerRow })).then((r) => r.installer),
};
