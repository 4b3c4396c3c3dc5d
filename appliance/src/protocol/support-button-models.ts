/**
 * Support Buttons (FEATURES.md §C): a shortcut a rep deploys on the customer's computer from a
 * session (description, profile, queue, expiration); clicking it starts a new session in that queue
 * until it expires or is removed.
 */
import { z } from 'zod';
import { QueueId } from './models.js';

/** The vendor's Expiration choices. */
export const SupportButtonExpiry = z.enum(['1d', '1w', '1m', '6m', '1y', 'never']);
export type SupportButtonExpiry = z.infer<typeof SupportButtonExpiry>;

export const SUPPORT_BUTTON_EXPIRY_LABEL: Record<SupportButtonExpiry, string> = {
  '1d': '1 Day',
  '1w': '1 Week',
  '1m': '1 Month',
  '6m': '6 Months',
  '1y': '1 Year',
  never: 'Never',
};

/** When a button deployed at `now` expires; null: never. "1 Month" on January 31 ends on the last day of February. */
export function supportButtonExpiresAt(expiry: SupportButtonExpiry, now: Date): Date | null {
  const d = new Date(now.getTime());
  const addMonths = (n: number) => {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + n);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  };
  switch (expiry) {
    case '1d':
      return new Date(now.getTime() + 86_400_000);
    case '1w':
      return new Date(now.getTime() + 7 * 86_400_000);
    case '1m':
      addMonths(1);
      return d;
    case '6m':
      addMonths(6);
      return d;
    case '1y':
      addMonths(12);
      return d;
    case 'never':
      return null;
  }
}

/** Profiles are configured in /login > Configuration > Support Button; this site ships the default one. */
export const SUPPORT_BUTTON_PROFILES = [{ code: 'default', name: 'Default' }] as const;
export const SupportButtonProfile = z.enum(['default']);

export const SupportButton = z.object({
  id: z.number().int(),
  description: z.string(),
  profile: SupportButtonProfile,
  queueId: QueueId,
  queueName: z.string(),
  /** ISO timestamp; null: never expires. Starting sessions only — not how long a session may last. */
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  hostname: z.string(),
  deployedBy: z.string(),
  deployedAt: z.string(),
  /** Sessions started with it so far. */
  clicks: z.number().int().nonnegative(),
});
export type SupportButton = z.infer<typeof SupportButton>;

/** A Support Button as the endpoint's agent stores it (the token is what clicking it presents). */
export const InstalledSupportButton = z.object({
  buttonId: z.number().int(),
  token: z.string().min(32).max(128),
  site: z.string().max(2048),
  description: z.string().max(255),
  queueName: z.string().max(255),
  expiresAt: z.string().nullable(),
});
export type InstalledSupportButton = z.infer<typeof InstalledSupportButton>;
