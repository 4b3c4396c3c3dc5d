/** /login's account and security API (My Account, Users, Teams, Issues, Management > Security, Support Portal settings, Status controls). */
import { z } from 'zod';
import {
  AccountProfile, BannerInfo, IssueRow, PortalSettings, SecuritySettings, TeamDetail, TotpEnrolment, UserDetail, UserSummary,
  type IssueInput, type TeamInput, type UserInput,
} from '../../appliance/src/protocol/admin-models.js';
import { getJson, postJson, postNoContent } from '../shared-http/http.js';

const Installer = z.object({
  platform: z.enum(['windows-exe', 'windows-msi', 'macos', 'linux-appimage', 'linux-deb']),
  fileName: z.string(),
  bytes: z.number().int(),
  url: z.string(),
});
export type Installer = z.infer<typeof Installer>;
const Downloads = z.object({ version: z.string(), installers: z.array(Installer) });
export type Downloads = z.infer<typeof Downloads>;

const PortalState = z.object({ settings: PortalSettings, banner: BannerInfo });
export type PortalState = z.infer<typeof PortalState>;

/** File bytes as base64 for the JSON upload routes. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export const accountApi = {
  profile: () => getJson('/login/api/account', AccountProfile),
  setNames: (displayName: string, publicDisplayName: string) => postJson('/login/api/account/names', { displayName, publicDisplayName }, AccountProfile),
  setEmail: (email: string, language: string, password: string) => postJson('/login/api/account/email', { email, language, password }, AccountProfile),
  setSecurityQuestion: (question: string, answer: string, password: string) => postJson('/login/api/account/security-question', { question, answer, password }, AccountProfile),
  setAvailability: (on: boolean) => postJson('/login/api/account/availability', { on }, AccountProfile),
  uploadPhoto: async (file: File) => postJson('/login/api/account/photo', { fileName: file.name, data: await fileToBase64(file) }, AccountProfile),
  removePhoto: () => postJson('/login/api/account/photo/remove', {}, AccountProfile),
  beginTwoFactor: () => postJson('/login/api/account/2fa/begin', {}, TotpEnrolment),
  confirmTwoFactor: (password: string, code: string) => postJson('/login/api/account/2fa/confirm', { password, code }, AccountProfile),
  cancelTwoFactor: () => postJson('/login/api/account/2fa/cancel', {}, AccountProfile),
  disableTwoFactor: (password: string, code: string) => postJson('/login/api/account/2fa/disable', { password, code }, AccountProfile),
  downloads: () => getJson('/login/api/account/downloads', Downloads),
};

export const usersApi = {
  list: () => getJson('/login/api/users', z.object({ users: z.array(UserSummary) })).then((r) => r.users),
  detail: (id: number) => getJson(`/login/api/users/${id}`, UserDetail),
  create: (input: UserInput) => postJson('/login/api/users', input, UserDetail),
  update: (id: number, input: UserInput) => postJson(`/login/api/users/${id}`, input, UserDetail),
  remove: (id: number) => postNoContent(`/login/api/users/${id}/delete`),
  resetFailures: (id: number) => postJson(`/login/api/users/${id}/reset`, {}, UserSummary),
  resetTwoFactor: (id: number) => postJson(`/login/api/users/${id}/reset-2fa`, {}, UserSummary),
  teams: () => getJson('/login/api/teams', z.object({ teams: z.array(TeamDetail) })).then((r) => r.teams),
  createTeam: (input: TeamInput) => postJson('/login/api/teams', input, TeamDetail),
  updateTeam: (id: number, input: TeamInput) => postJson(`/login/api/teams/${id}`, input, TeamDetail),
  removeTeam: (id: number) => postNoContent(`/login/api/teams/${id}/delete`),
  issues: () => getJson('/login/api/issues', z.object({ issues: z.array(IssueRow) })).then((r) => r.issues),
  createIssue: (input: IssueInput) => postJson('/login/api/issues', input, IssueRow),
  updateIssue: (id: number, input: IssueInput) => postJson(`/login/api/issues/${id}`, input, IssueRow),
  removeIssue: (id: number) => postNoContent(`/login/api/issues/${id}/delete`),
};

export const siteApi = {
  security: () => getJson('/login/api/security', SecuritySettings),
  setSecurity: (s: SecuritySettings) => postJson('/login/api/security', s, SecuritySettings),
  portal: () => getJson('/login/api/portal-settings', PortalState),
  setPortal: (s: PortalSettings) => postJson('/login/api/portal-settings', s, PortalState),
  uploadBanner: async (file: File) => postJson('/login/api/portal-settings/banner', { fileName: file.name, data: await fileToBase64(file) }, z.object({ banner: BannerInfo })),
  revertBanner: () => postJson('/login/api/portal-settings/banner/revert', {}, z.object({ banner: BannerInfo })),
  setTimeZone: (timeZone: string) => postJson('/login/api/site/timezone', { timeZone }, z.object({ timeZone: z.string() })),
  restart: () => postJson('/login/api/site/restart', {}, z.object({ restarting: z.boolean() })),
  health: () => getJson('/healthz', z.object({ ok: z.boolean() })),
};
