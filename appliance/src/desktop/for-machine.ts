/**
 * The desktop an emulated endpoint shows, from what the site knows about the machine (its Jump
 * Item): the OS, who is logged in (nobody: the login screen), and its monitors (two when its
 * comments say so, and on point-of-sale terminals, whose second one faces the customer).
 * Deterministic, so the same machine looks the same after a restart.
 */
import { demoDesktop } from './presets.js';
import type { DesktopSpec, OsFlavor } from './spec.js';

export interface MachineFacts {
  hostname: string;
  os: OsFlavor;
  /** The Jump Item's name and comments ("WS-107 Finance – M. Keller", "Finance, two monitors"). */
  name: string;
  comments: string;
  /** The Jump Item's tag: point-of-sale terminals ("pos") have a customer display as a second monitor. */
  tag?: string;
  /** The logged-in account, or null at the login screen. */
  user: string | null;
}

/** The account the demo Windows machines accept through Inject Credentials. */
export const DEMO_INJECT_ACCOUNT = { userName: 'DEMO\\Administrator', password: 'Demo-Inject-4242!' } as const;

const SECOND_MONITOR = { width: 1280, height: 1024 };
const CUSTOMER_DISPLAY = { width: 1024, height: 768 };

/** A believable desktop for a demo machine. */
export function desktopForMachine(m: MachineFacts): DesktopSpec {
  const host = (m.hostname.split('.')[0] ?? m.hostname).replace(/\s.*$/, '');
  const hostname = m.os === 'windows' ? host.toUpperCase() : host;
  const person = /–\s*([A-Z]\.\s*[A-Za-z]+)/.exec(m.name)?.[1];
  const userName = m.user ?? (m.os === 'windows' ? 'frontdesk' : 'user');
  const extra: Partial<DesktopSpec> = {
    displayName: person ?? (m.user ? m.user.charAt(0).toUpperCase() + m.user.slice(1) : 'Front Desk'),
    locked: m.user === null,
    // Inject Credentials' demo account (PRODUCT.md): the demo ECM and Vault hand it out.
    ...(m.os === 'windows' ? { accounts: [{ userName: DEMO_INJECT_ACCOUNT.userName, password: DEMO_INJECT_ACCOUNT.password }] } : {}),
  };
  if (m.os !== 'ios' && m.os !== 'android') {
    const two = /\b(two|2|dual)\s+(monitors|screens|displays)\b/i.test(`${m.comments} ${m.name}`);
    const pos = m.tag?.toLowerCase() === 'pos';
    const primary = { width: 1920, height: 1080, primary: true };
    extra.monitors = two ? [primary, SECOND_MONITOR] : pos ? [primary, CUSTOMER_DISPLAY] : [primary];
  }
  return demoDesktop(m.os, hostname, userName, extra);
}
