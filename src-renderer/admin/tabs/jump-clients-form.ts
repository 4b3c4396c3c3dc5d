/**
 * The Mass Deployment Wizard's form logic: validity presets, the Jump Group choices, what to fix
 * before asking the appliance (whose rules are the ones that count), and the e-mail to recipients.
 */
import type { DeployOptions, InstallerRow, InstallerStatus, NewInstallerRequest } from '../api.js';
import { t } from '../../lib/i18n/index.svelte.js';

/** "This installer is valid for": the vendor's choices, 10 minutes to 1 year. */
export const VALIDITY_PRESETS: readonly { label: string; seconds: number }[] = [
  { get label() { return t('admin.jumpClients.validity.600'); }, seconds: 600 },
  { get label() { return t('admin.jumpClients.validity.3600'); }, seconds: 3_600 },
  { get label() { return t('admin.jumpClients.validity.86400'); }, seconds: 86_400 },
  { get label() { return t('admin.jumpClients.validity.604800'); }, seconds: 604_800 },
  { get label() { return t('admin.jumpClients.validity.2592000'); }, seconds: 2_592_000 },
  { get label() { return t('admin.jumpClients.validity.31536000'); }, seconds: 31_536_000 },
];
export const DEFAULT_VALIDITY_SECONDS = 604_800;
export const MIN_VALIDITY_SECONDS = 600;
export const MAX_VALIDITY_SECONDS = 31_536_000;

export interface InstallerForm {
  /** `jumpgroup:CODE`, `user:NAME`, or '' for none (the installing command line must name one). */
  jumpGroup: string;
  tag: string;
  comments: string;
  jumpPolicyCode: string;
  validitySeconds: number;
  massDeploy: boolean;
  installDir: string;
}

export type InstallerField = 'jumpGroup' | 'tag' | 'comments' | 'jumpPolicyCode' | 'validitySeconds' | 'installDir';

export const emptyInstallerForm = (): InstallerForm => ({
  jumpGroup: '',
  tag: '',
  comments: '',
  jumpPolicyCode: '',
  validitySeconds: DEFAULT_VALIDITY_SECONDS,
  massDeploy: true,
  installDir: '',
});

/** A new form: a shared Jump Group by default, since that is what mass deployment is usually for. */
export const initialInstallerForm = (o: Pick<DeployOptions, 'groups'>): InstallerForm => ({
  ...emptyInstallerForm(),
  jumpGroup: o.groups[0] ? `jumpgroup:${o.groups[0].code}` : '',
});

export interface Choice {
  value: string;
  label: string;
}

/** The Jump Group select: shared groups, then each user's personal list (`user:NAME`). */
export function jumpGroupChoices(o: Pick<DeployOptions, 'groups' | 'users'>): { groups: Choice[]; personal: Choice[] } {
  return {
    groups: o.groups.map((g) => ({ value: `jumpgroup:${g.code}`, label: g.name })),
    personal: o.users.map((u) => ({ value: `user:${u.username}`, label: `${u.displayName || u.username} (${u.username})` })),
  };
}

// Line breaks and other control characters would break the command lines these values go into.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The first thing to fix, and which field; null when the form can go to the appliance. */
export function installerFormProblem(f: InstallerForm): { field: InstallerField; message: string } | null {
  if (!Number.isInteger(f.validitySeconds) || f.validitySeconds < MIN_VALIDITY_SECONDS || f.validitySeconds > MAX_VALIDITY_SECONDS) {
    return { field: 'validitySeconds', message: t('admin.jumpClients.problemValidity') };
  }
  if (f.tag.length > 255) return { field: 'tag', message: t('admin.jumpClients.problemTagLength') };
  if (CONTROL.test(f.tag)) return { field: 'tag', message: t('admin.jumpClients.problemTagBreaks') };
  if (f.comments.length > 1000) return { field: 'comments', message: t('admin.jumpClients.problemCommentsLength') };
  if (CONTROL.test(f.comments)) return { field: 'comments', message: t('admin.jumpClients.problemCommentsBreaks') };
  if (f.installDir.length > 260) return { field: 'installDir', message: t('admin.jumpClients.problemDirLength') };
  if (f.installDir.includes('"') || CONTROL.test(f.installDir)) return { field: 'installDir', message: t('admin.jumpClients.problemDirChars') };
  return null;
}

export function toInstallerRequest(f: InstallerForm): NewInstallerRequest {
  const opt = (s: string) => s.trim() || null;
  return {
    jumpGroup: opt(f.jumpGroup),
    tag: f.tag.trim(),
    comments: f.comments.trim(),
    jumpPolicyCode: opt(f.jumpPolicyCode),
    validitySeconds: f.validitySeconds,
    massDeploy: f.massDeploy,
    installDir: opt(f.installDir),
  };
}

const EMAIL = /^[^\s@,;<>"()[\]]+@[^\s@,;<>"()[\]]+\.[^\s@,;<>"()[\].]+$/;

/** "a@example.com, b@example.com": the addresses, and the ones that are not addresses. */
export function parseRecipients(text: string): { addresses: string[]; invalid: string[] } {
  const parts = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { addresses: parts.filter((p) => EMAIL.test(p)), invalid: parts.filter((p) => !EMAIL.test(p)) };
}

/** Why the recipients cannot get the e-mail, or null. */
export function recipientsProblem(text: string): string | null {
  const { addresses, invalid } = parseRecipients(text);
  if (invalid.length === 1) return t('admin.jumpClients.notAnAddress', { address: invalid[0] });
  if (invalid.length > 1) return t('admin.jumpClients.notAddresses', { list: invalid.map((i) => t('admin.jumpClients.quoted', { text: i })).join(', ') });
  if (addresses.length === 0) return t('admin.jumpClients.noAddress');
  return null;
}

export interface InstallerMail {
  siteUrl: string;
  /** How the expiry reads in the recipients' e-mail ("23 Nov 2026, 09:14"). */
  expires: string;
  massDeploy: boolean;
  downloads: { sh: string; cmd: string; msi: string | null };
}

/** The e-mail's subject and body: what this is, the download links, how to run them, and until when. */
export function installerMail(m: InstallerMail): { subject: string; body: string } {
  const host = new URL(m.siteUrl).host;
  const lines = [
    t('admin.jumpClients.mail.hello'),
    '',
    t('admin.jumpClients.mail.intro', { host }),
    '',
    t('admin.jumpClients.mail.download'),
    t('admin.jumpClients.mail.windows', { url: m.downloads.cmd }),
    ...(m.downloads.msi ? [t('admin.jumpClients.mail.msi', { url: m.downloads.msi })] : []),
    t('admin.jumpClients.mail.sh', { url: m.downloads.sh }),
    '',
    t(m.massDeploy ? 'admin.jumpClients.mail.validMany' : 'admin.jumpClients.mail.validOne', { expires: m.expires }),
  ];
  return { subject: t('admin.jumpClients.mail.subject', { host }), body: lines.join('\n') };
}

export { mailtoLink } from '../../../appliance/src/protocol/mailto.js';

export const STATUS_LABELS: Record<InstallerStatus, string> = {
  get active() { return t('admin.jumpClients.status.active'); },
  get expired() { return t('admin.jumpClients.status.expired'); },
  get revoked() { return t('admin.jumpClients.status.revoked'); },
  get used() { return t('admin.jumpClients.status.used'); },
};

/** "12" for a mass-deployment installer, "0 of 1" for a single-use one. */
export const usesLabel = (r: Pick<InstallerRow, 'uses' | 'maxUses'>): string => (r.maxUses === null ? String(r.uses) : t('admin.jumpClients.usesOf', { uses: r.uses, max: r.maxUses }));
