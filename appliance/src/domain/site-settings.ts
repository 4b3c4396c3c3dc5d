/**
 * Site-wide settings an administrator edits in /login (Management > Security, Support Portal, the
 * time zone on Status), stored as key/value rows. Reading is for everyone who needs the rule
 * (auth, the password policy, the portal); writing is authorized here and saved in one transaction,
 * so a refused value leaves every setting as it was.
 */
import { CodedError } from '../protocol/index.js';
import type { PortalSettings, SecuritySettings } from '../protocol/admin-models.js';
import { DEFAULT_LOCKOUT_MINUTES, DEFAULT_LOCKOUT_THRESHOLD } from './auth.js';
import type { Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import type { PasswordPolicy } from './password-policy.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories, SettingsRepository } from './ports.js';

const bool = (v: string | null, fallback: boolean) => (v === null ? fallback : v === 'true');
const int = (v: string | null, fallback: number) => {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) ? n : fallback;
};

export const SECURITY_KEYS = {
  passwordMinLength: 'security.password.minLength',
  passwordRequireMixed: 'security.password.mixed',
  passwordMaxAgeDays: 'security.password.maxAgeDays',
  lockoutThreshold: 'lockout.threshold',
  lockoutMinutes: 'lockout.minutes',
  twoFactorRequired: 'security.totpRequired',
  webConsoleEnabled: 'security.webConsoleEnabled',
} as const satisfies Record<keyof SecuritySettings, string>;

export const PORTAL_KEYS = {
  showRepList: 'portal.showRepList',
  showSessionKey: 'portal.showSessionKey',
  showIssues: 'portal.showIssues',
  showConnect: 'portal.showConnect',
  clickToChat: 'portal.clickToChat',
} as const satisfies Record<keyof PortalSettings, string>;

export function securitySettings(s: Pick<SettingsRepository, 'get'>): SecuritySettings {
  return {
    passwordMinLength: int(s.get(SECURITY_KEYS.passwordMinLength), 8),
    passwordRequireMixed: bool(s.get(SECURITY_KEYS.passwordRequireMixed), true),
    passwordMaxAgeDays: int(s.get(SECURITY_KEYS.passwordMaxAgeDays), 0),
    lockoutThreshold: int(s.get(SECURITY_KEYS.lockoutThreshold), DEFAULT_LOCKOUT_THRESHOLD),
    lockoutMinutes: int(s.get(SECURITY_KEYS.lockoutMinutes), DEFAULT_LOCKOUT_MINUTES),
    twoFactorRequired: bool(s.get(SECURITY_KEYS.twoFactorRequired), false),
    webConsoleEnabled: bool(s.get(SECURITY_KEYS.webConsoleEnabled), true),
  };
}

/** The password rule as Management > Security sets it. */
export function passwordPolicyOf(s: Pick<SettingsRepository, 'get'>): PasswordPolicy {
  const sec = securitySettings(s);
  return { minLength: sec.passwordMinLength, mixed: sec.passwordRequireMixed };
}

export function portalSettings(s: Pick<SettingsRepository, 'get'>): PortalSettings {
  return {
    showRepList: bool(s.get(PORTAL_KEYS.showRepList), true),
    showSessionKey: bool(s.get(PORTAL_KEYS.showSessionKey), true),
    showIssues: bool(s.get(PORTAL_KEYS.showIssues), true),
    showConnect: bool(s.get(PORTAL_KEYS.showConnect), true),
    clickToChat: bool(s.get(PORTAL_KEYS.clickToChat), true),
  };
}

/** The site's time zone: set on Status, else the appliance's own. */
export function siteTimeZone(s: Pick<SettingsRepository, 'get'>): string {
  return s.get('site.timeZone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class SiteSettings {
  constructor(
    private readonly repos: Pick<Repositories, 'settings' | 'accounts' | 'logins' | 'transaction'>,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  security(actor: Actor): SecuritySettings {
    authorize(actor, { kind: 'admin.site.manage' });
    return securitySettings(this.repos.settings);
  }

  /** Saves Management > Security; turning the web console off logs every web console out at once. */
  setSecurity(actor: Actor, next: SecuritySettings): SecuritySettings {
    authorize(actor, { kind: 'admin.site.manage' });
    const before = securitySettings(this.repos.settings);
    this.repos.transaction(() => {
      for (const [k, key] of Object.entries(SECURITY_KEYS)) this.repos.settings.set(key, String(next[k as keyof SecuritySettings]));
    });
    if (before.webConsoleEnabled && !next.webConsoleEnabled) this.endWebConsoles();
    return securitySettings(this.repos.settings);
  }

  portal(actor: Actor): PortalSettings {
    authorize(actor, { kind: 'admin.site.manage' });
    return portalSettings(this.repos.settings);
  }

  setPortal(actor: Actor, next: PortalSettings): PortalSettings {
    authorize(actor, { kind: 'admin.site.manage' });
    this.repos.transaction(() => {
      for (const [k, key] of Object.entries(PORTAL_KEYS)) this.repos.settings.set(key, String(next[k as keyof PortalSettings]));
    });
    return portalSettings(this.repos.settings);
  }

  setTimeZone(actor: Actor, timeZone: string): string {
    authorize(actor, { kind: 'admin.site.manage' });
    if (!isTimeZone(timeZone)) throw new CodedError('E_TIMEZONE_INVALID');
    this.repos.transaction(() => this.repos.settings.set('site.timeZone', timeZone));
    return timeZone;
  }

  private endWebConsoles(): void {
    const now = this.clock.now().toISOString();
    const byUser = new Map<number, string[]>();
    for (const l of this.repos.accounts.liveLogins('web', now)) {
      this.repos.logins.revoke(l.tokenHash, now);
      byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l.tokenHash]);
    }
    for (const [userId, tokenHashes] of byUser) {
      this.bus.publish({ type: 'login.revoked', userId, tokenHashes, code: 'E_WEB_CONSOLE_DISABLED' });
    }
  }
}
