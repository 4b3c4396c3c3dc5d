/**
 * What /login's account and security screens send and receive (My Account, Users, Teams, Issues,
 * Management > Security, Support Portal settings): one schema each, shared by the appliance's
 * routes and the admin pages.
 */
import { z } from 'zod';
import { Permissions, TeamRole } from './models.js';

/** Languages a rep may pick for e-mail; the console itself is in English. */
export const LANGUAGES = ['en-US', 'fr-FR', 'de-DE', 'es-ES'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

const name = (max: number) => z.string().trim().min(1).max(max);
const email = z.union([z.literal(''), z.string().trim().max(254).email()]);

/** Per-user settings that go with the permissions: file-transfer paths and the customer prompts. */
export const PromptSetting = z.enum(['always', 'never']);
export const UserPolicy = z.object({
  /** Folders on the remote computer the rep may reach with File Transfer; empty = anywhere. */
  remotePaths: z.array(z.string().trim().min(1).max(260)).max(20).default([]),
  /** Folders on the rep's own computer; empty = anywhere. */
  localPaths: z.array(z.string().trim().min(1).max(260)).max(20).default([]),
  /** Attended sessions (someone at the remote computer): ask the customer for each tool, or not. */
  promptAttended: PromptSetting.default('always'),
  /** Unattended sessions (Jump Clients with nobody present). */
  promptUnattended: PromptSetting.default('never'),
});
export type UserPolicy = z.infer<typeof UserPolicy>;
export const DEFAULT_USER_POLICY: UserPolicy = { remotePaths: [], localPaths: [], promptAttended: 'always', promptUnattended: 'never' };

/** A row of Users. */
export const UserSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  publicDisplayName: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  twoFactor: z.boolean(),
  extendedAvailability: z.boolean(),
  hasPhoto: z.boolean(),
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), role: TeamRole })),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** Users > edit: everything an administrator sets on an account. */
export const UserDetail = UserSummary.extend({
  language: Language,
  passwordExpiresAt: z.string().nullable(),
  securityQuestion: z.string(),
  hasSecurityAnswer: z.boolean(),
  permissions: Permissions,
  policy: UserPolicy,
  createdAt: z.string(),
});
export type UserDetail = z.infer<typeof UserDetail>;

const Membership = z.object({ teamId: z.number().int().positive(), role: TeamRole });

/** Users > Create New User / edit. On edit, an empty password keeps the current one. */
export const UserInput = z.object({
  username: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._@-]+$/, 'Usernames use letters, digits and . _ @ - only.'),
  displayName: name(100),
  publicDisplayName: name(100),
  email,
  language: Language,
  password: z.string().max(1024).default(''),
  /** ISO date (YYYY-MM-DD) after which the password no longer works; null: never. */
  passwordExpiresAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  securityQuestion: z.string().trim().max(200),
  /** Empty keeps the stored answer. */
  securityAnswer: z.string().trim().max(200).default(''),
  disabled: z.boolean(),
  extendedAvailability: z.boolean(),
  permissions: Permissions,
  policy: UserPolicy,
  teams: z.array(Membership).max(100),
});
export type UserInput = z.infer<typeof UserInput>;

/** My Account: the account as its owner sees and edits it. */
export const AccountProfile = z.object({
  username: z.string(),
  displayName: z.string(),
  publicDisplayName: z.string(),
  email: z.string(),
  language: Language,
  extendedAvailability: z.boolean(),
  twoFactor: z.object({ enabled: z.boolean(), enforced: z.boolean(), pending: z.boolean() }),
  hasPhoto: z.boolean(),
  /** Cache-busting stamp for /login/api/account/photo. */
  photoUpdatedAt: z.string().nullable(),
  passwordExpiresAt: z.string().nullable(),
  securityQuestion: z.string(),
});
export type AccountProfile = z.infer<typeof AccountProfile>;

export const NamesInput = z.object({ displayName: name(100), publicDisplayName: name(100) });
export const EmailInput = z.object({ email, language: Language, password: z.string().min(1).max(1024) });
export const SecurityQuestionInput = z.object({ question: z.string().trim().min(1).max(200), answer: z.string().trim().min(1).max(200), password: z.string().min(1).max(1024) });

/** Enabling two-factor: the secret to scan or type, and the QR code of its otpauth:// URI. */
export const TotpEnrolment = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;
export const TotpConfirm = z.object({ password: z.string().min(1).max(1024), code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.') });
export const TotpDisable = TotpConfirm;

/** An image upload: the file's bytes, base64 (the request stays JSON, which the CSRF guard requires). */
export const ImageUpload = z.object({ fileName: z.string().max(255).default(''), data: z.string().max(3_000_000) });

/** Management > Security. */
export const SecuritySettings = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordRequireMixed: z.boolean(),
  /** Days until a new password expires; 0: never. */
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  lockoutThreshold: z.number().int().min(1).max(100),
  lockoutMinutes: z.number().int().min(1).max(24 * 60),
  twoFactorRequired: z.boolean(),
  webConsoleEnabled: z.boolean(),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

/** Support Portal settings. */
export const PortalSettings = z.object({
  showRepList: z.boolean(),
  showSessionKey: z.boolean(),
  showIssues: z.boolean(),
  showConnect: z.boolean(),
  /** Sessions from the portal start in the browser chat (click-to-chat) rather than the full customer client. */
  clickToChat: z.boolean(),
});
export type PortalSettings = z.infer<typeof PortalSettings>;

export const BannerInfo = z.object({ custom: z.boolean(), width: z.number().int(), height: z.number().int(), updatedAt: z.string().nullable() });
export type BannerInfo = z.infer<typeof BannerInfo>;

export const TeamInput = z.object({
  name: name(80),
  codeName: z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/, 'Code names use lower-case letters, digits, - and _ only.'),
  members: z.array(z.object({ userId: z.number().int().positive(), role: TeamRole })).max(1000),
});
export type TeamInput = z.infer<typeof TeamInput>;

export const TeamDetail = z.object({
  id: z.number().int(),
  name: z.string(),
  codeName: z.string(),
  members: z.array(z.object({ userId: z.number().int(), username: z.string(), displayName: z.string(), role: TeamRole })),
  issues: z.number().int(),
});
export type TeamDetail = z.infer<typeof TeamDetail>;

export const IssueInput = z.object({
  description: name(120),
  codeName: z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/, 'Code names use lower-case letters, digits, - and _ only.'),
  teamId: z.number().int().positive(),
});
export type IssueInput = z.infer<typeof IssueInput>;
export const IssueRow = z.object({ id: z.number().int(), description: z.string(), codeName: z.string(), teamId: z.number().int(), teamName: z.string() });
export type IssueRow = z.infer<typeof IssueRow>;

export const TimeZoneInput = z.object({ timeZone: z.string().min(1).max(64) });
