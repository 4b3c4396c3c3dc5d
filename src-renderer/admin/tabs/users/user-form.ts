/** Users > Create / edit: the form's model, built from a user's details, and the groups the permissions are shown in. */
import type { PermissionName, Permissions } from '../../../../appliance/src/protocol/index.js';
import { DEFAULT_USER_POLICY, type UserDetail, type UserInput } from '../../../../appliance/src/protocol/admin-models.js';
import { t } from '../../../lib/i18n/index.svelte.js';

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
  if (!f.username.trim()) return { problem: t('admin.userForm.needUsername'), field: 'username' };
  if (!/^[A-Za-z0-9._@-]+$/.test(f.username.trim())) return { problem: t('admin.userForm.badUsername'), field: 'username' };
  if (!f.displayName.trim()) return { problem: t('admin.userForm.needDisplayName'), field: 'displayName' };
  if (creating && !f.password) return { problem: t('admin.userForm.needPassword'), field: 'password' };
  if (f.password !== f.confirmPassword) return { problem: t('admin.userForm.mismatch'), field: 'confirmPassword' };
  if (f.securityQuestion.trim() && creating && !f.securityAnswer.trim()) return { problem: t('admin.userForm.needAnswer'), field: 'securityAnswer' };
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
  /** Catalogue keys (admin-account.*.json): show them with `t()`. */
  title: string;
  items: { name: PermissionName; hint?: string }[];
}

/** FEATURES.md §A's permissions in the vendor's groups; titles and hints are catalogue keys. */
export const PERMISSION_GROUPS: PermissionGroup[] = [
  { title: 'admin.permGroup.account', items: [{ name: 'administrator', hint: 'admin.permHint.administrator' }, { name: 'viewReports' }] },
  {
    title: 'admin.permGroup.jump',
    items: [
      { name: 'jumpClient' }, { name: 'localJump' }, { name: 'remoteJump', hint: 'admin.permHint.remoteJump' }, { name: 'shellJump' }, { name: 'localRdp', hint: 'admin.permHint.localRdp' },
      { name: 'jumpStartAll', hint: 'admin.permHint.jumpStartAll' }, { name: 'jumpManage', hint: 'admin.permHint.jumpManage' },
      { name: 'pinJumpClients' }, { name: 'overrideJumpPolicy' },
    ],
  },
  { title: 'admin.permGroup.screen', items: [{ name: 'screenView' }, { name: 'screenControl' }, { name: 'annotations' }] },
  { title: 'admin.permGroup.tools', items: [{ name: 'fileUpload' }, { name: 'fileDownload' }, { name: 'commandShell' }, { name: 'systemInfo' }, { name: 'elevation' }, { name: 'injectCredentials', hint: 'admin.permHint.injectCredentials' }] },
  {
    title: 'admin.permGroup.sessions',
    items: [{ name: 'generateSessionKeys' }, { name: 'supportButtons' }, { name: 'transfer' }, { name: 'shareNonTeam' }, { name: 'inviteExternal' }],
  },
];
