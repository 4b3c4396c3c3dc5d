/**
 * The Mass Deployment Wizard's form logic: validity presets, the Jump Group choices, what to fix
 * before asking the appliance (whose rules are the ones that count), and the e-mail to recipients.
 */
import type { DeployOptions, InstallerRow, InstallerStatus, NewInstallerRequest } from '../api.js';

/** "This installer is valid for": the vendor's choices, 10 minutes to 1 year. */
export const VALIDITY_PRESETS: readonly { label: string; seconds: number }[] = [
  { label: '10 minutes', seconds: 600 },
  { label: '1 hour', seconds: 3_600 },
  { label: '1 day', seconds: 86_400 },
  { label: '1 week', seconds: 604_800 },
  { label: '1 month', seconds: 2_592_000 },
  { label: '1 year', seconds: 31_536_000 },
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
    return { field: 'validitySeconds', message: 'An installer must be valid for at least 10 minutes and at most 1 year.' };
  }
  if (f.tag.length > 255) return { field: 'tag', message: 'The tag can be at most 255 characters long.' };
  if (CONTROL.test(f.tag)) return { field: 'tag', message: 'The tag cannot contain line breaks.' };
  if (f.comments.length > 1000) return { field: 'comments', message: 'The comments can be at most 1000 characters long.' };
  if (CONTROL.test(f.comments)) return { field: 'comments', message: 'The comments cannot contain line breaks.' };
  if (f.installDir.length > 260) return { field: 'installDir', message: 'The install directory can be at most 260 characters long.' };
  if (f.installDir.includes('"') || CONTROL.test(f.installDir)) return { field: 'installDir', message: 'The install directory cannot contain double quotes or line breaks.' };
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
  if (invalid.length === 1) return `“${invalid[0]}” is not an e-mail address.`;
  if (invalid.length > 1) return `These are not e-mail addresses: ${invalid.map((i) => `“${i}”`).join(', ')}.`;
  if (addresses.length === 0) return 'Enter at least one e-mail address. Separate several with commas.';
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
    'Hello,',
    '',
    `Your support team has sent you a Jump Client installer for ${host}. Once it is installed, a representative can reach this computer to help you, even when you are away from it.`,
    '',
    'Download the installer for your system and run it:',
    `- Windows: ${m.downloads.cmd}`,
    ...(m.downloads.msi ? [`- Windows Installer (MSI): ${m.downloads.msi}`] : []),
    `- Linux and macOS: ${m.downloads.sh} (run it with: sh <file>)`,
    '',
    `This installer is valid until ${m.expires}${m.massDeploy ? ' and can be used on several computers.' : ' and can be used on one computer only.'}`,
  ];
  return { subject: `Jump Client installer for ${host}`, body: lines.join('\n') };
}

/** `mailto:` with the recipients, subject and body (RFC 6068: addresses comma-separated, the rest percent-encoded). */
export function mailtoLink(recipients: string[], mail: { subject: string; body: string }): string {
  const to = recipients.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',');
  // Line breaks as CRLF, as RFC 6068 asks for bodies.
  return `mailto:${to}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body.replace(/\n/g, '\r\n'))}`;
}

export const STATUS_LABELS: Record<InstallerStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked', used: 'Used' };

/** "12" for a mass-deployment installer, "0 of 1" for a single-use one. */
export const usesLabel = (r: Pick<InstallerRow, 'uses' | 'maxUses'>): string => (r.maxUses === null ? String(r.uses) : `${r.uses} of ${r.maxUses}`);
