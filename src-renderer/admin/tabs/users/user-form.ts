/** Users > Create / edit: the form's model, built from a user's details, and the groups the permissions are shown in. */
import type { PermissionName, Permissions } from '../../../../appliance/src/protocol/index.js';
import { DEFAULT_USER_POLICY, type UserDetail, type UserInput } from '../../../../appliance/src/protocol/admin-models.js';

/** A new user: a representative with the usual in-session tools, no administration. */
export const NEW_USER_PERMISSIONS: Permissions = {
  administrator: false, viewReports: false, jumpClient: true, localJump: true, remoteJump: true, shellJump: true, localRdp: true, jumpStartAll: false, jumpManage: false,
  screenView: true, screenControl: true, annotations: true, fileUpload: true, fileDownload: true, commandShell: true, systemInfo: true, elevation: true, pinJumpClients: true,
  supportButtons: true, generateSessionKeys: true, shareNonTeam: false, inviteExternal: true, transfer: true, overrideJumpPolicy: false,
};

export interface UserForm extends Omit<UserInput, 'policy'> {
  confirmPassword: string;
  /** One folder per line in the form. */
  remotePaths: string;
  localPaths: string;
  promptAttended: 'always' | 'never';
  promptUnattended: 'always' | 'never';
}

export function blankForm(): UserForm {
  return {
    username: '', displayName: '', publicDisplayName: '', email: '', language: 'en-US', password: '', confirmPassword: '', passwordExpiresAt: null,
    securityQuestion: '', securityAnswer: '', disabled: false, extendedAvailability: false, permissions: { ...NEW_USER_PERMISSIONS }, teams: [],
    remotePaths: '', localPaths: '', promptAttended: DEFAULT_USER_POLICY.promptAttended, promptUnattended: DEFAULT_USER_POLICY.promptUnattended,
  };
}

export function formOf(u: UserDetail): UserForm {
  return {
    username: u.username, displayName: u.displayName, publicDisplayName: u.publicDisplayName, email: u.email, language: u.language, password: '', confirmPassword: '',
    passwordExpiresAt: u.passwordExpiresAt, securityQuestion: u.securityQuestion, securityAnswer: '', disabled: u.disabled, extendedAvailability: u.extendedAvailability,
    permissions: { ...u.permissions }, teams: u.teams.map((t) => ({ teamId: t.id, role: t.role })),
    remotePaths: u.policy.remotePaths.join('\n'), localPaths: u.policy.localPaths.join('\n'), promptAttended: u.policy.promptAttended, promptUnattended: u.policy.promptUnattended,
  };
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** What the form would send, or the first problem to fix (checked here so the person hears it before a round trip). */
export function inputOf(f: UserForm, creating: boolean): { input: UserInput } | { problem: string; field: string } {
  if (!f.username.trim()) return { problem: 'Enter a username.', field: 'username' };
  if (!/^[A-Za-z0-9._@-]+$/.test(f.username.trim())) return { problem: 'Usernames use letters, digits and . _ @ - only.', field: 'username' };
  if (!f.displayName.trim()) return { problem: 'Enter a display name.', field: 'displayName' };
  if (creating && !f.password) return { problem: 'A new user needs a password.', field: 'password' };
  if (f.password !== f.confirmPassword) return { problem: 'The two passwords are not the same.', field: 'confirmPassword' };
  if (f.securityQuestion.trim() && creating && !f.securityAnswer.trim()) return { problem: 'Give the answer to the security question.', field: 'securityAnswer' };
  const { confirmPassword: _c, remotePaths, localPaths, promptAttended, promptUnattended, ...rest } = f;
  return {
    input: {
      ...rest,
      username: f.username.trim(),
      displayName: f.displayName.trim(),
      publicDisplayName: (f.publicDisplayName.trim() || f.displayName.trim()),
      email: f.email.trim(),
      securityQuestion: f.securityQuestion.trim(),
      securityAnswer: f.securityAnswer.trim(),
      passwordExpiresAt: f.passwordExpiresAt || null,
      permissions: { ...f.permissions, administrator: f.permissions.administrator },
      policy: { remotePaths: lines(remotePaths), localPaths: lines(localPaths), promptAttended, promptUnattended },
    },
  };
}

export interface PermissionGroup {
  title: string;
  items: { name: PermissionName; hint?: string }[];
}

/** FEATURES.md §A's permissions in the vendor's groups. */
export const PERMISSION_GROUPS: PermissionGroup[] = [
  { title: 'Account', items: [{ name: 'administrator', hint: 'Full access to /login and every setting.' }, { name: 'viewReports' }] },
  {
    title: 'Jump technology',
    items: [
      { name: 'jumpClient' }, { name: 'localJump' }, { name: 'remoteJump', hint: 'Through a Jumpoint.' }, { name: 'shellJump' }, { name: 'localRdp', hint: 'Local RDP and VNC.' },
      { name: 'jumpStartAll', hint: 'Otherwise only Jump Items in their own Jump Groups.' }, { name: 'jumpManage', hint: 'Deploy, remove and modify Jump Items in their groups.' },
      { name: 'pinJumpClients' }, { name: 'overrideJumpPolicy' },
    ],
  },
  { title: 'Screen sharing', items: [{ name: 'screenView' }, { name: 'screenControl' }, { name: 'annotations' }] },
  { title: 'File transfer and tools', items: [{ name: 'fileUpload' }, { name: 'fileDownload' }, { name: 'commandShell' }, { name: 'systemInfo' }, { name: 'elevation' }, { name: 'injectCredentials', hint: 'Inject Credentials from the ECM and the Vault; check out Vault accounts.' }] },
  {
    title: 'Sessions',
    items: [{ name: 'generateSessionKeys' }, { name: 'supportButtons' }, { name: 'transfer' }, { name: 'shareNonTeam' }, { name: 'inviteExternal' }],
  },
];
