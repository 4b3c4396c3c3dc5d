/**
 * What lives on the tabs whose settings this page does not edit yet: a title, one line saying what
 * the tab is for, and the areas it covers, in the administrator's words.
 */
import type { TabId } from './tabs.js';

export interface AboutTopic {
  title: string;
  lead: string;
  areas: { name: string; text: string }[];
}

export const ABOUT: Partial<Record<TabId, AboutTopic>> = {
  'jump-clients': {
    title: 'Jump Clients',
    lead: 'Jump Clients are agents installed on computers you support, so representatives can start a session without anyone at the keyboard.',
    areas: [
      { name: 'Mass deployment', text: 'Installer command lines for the EXE and the MSI, with the Jump Group, tag and comments each new Jump Client joins, valid from 10 minutes to 1 year.' },
      { name: 'Jump Groups', text: 'Shared groups decide which representatives see a Jump Client; personal lists hold the ones a representative pinned for themselves.' },
      { name: 'Attended and unattended access', text: 'Whether the person at the computer is asked before a session starts, and what happens when nobody is there to answer.' },
    ],
  },
  reports: {
    title: 'Reports',
    lead: 'Every support session is recorded, so you can find out later who helped whom, when, and what was done.',
    areas: [
      { name: 'Support sessions', text: 'Find sessions by session ID or sequence number, date range, customer name, computer or IP address, and by which representatives took part.' },
      { name: 'Session details', text: 'The chat transcript, files transferred, permissions asked for and granted, command-shell recordings and every event with its time.' },
      { name: 'Export and integrations', text: 'Download a report as CSV, or read the same data from other systems through /api/reporting.' },
    ],
  },
  'support-portal': {
    title: 'Support Portal',
    lead: 'The public page where customers ask for help. Choose how they can start a session and which issues they can pick.',
    areas: [
      { name: 'Session start methods', text: 'The list of available representatives, the session-key field, issue submission and the Connect button.' },
      { name: 'Issues', text: 'Each issue sends the customer to the queue of the team that handles it.' },
      { name: 'Chat banner', text: 'The image at the top of the customer’s chat window (Windows 256-colour BMP, 480 pixels wide), with Revert to default.' },
    ],
  },
  management: {
    title: 'Management',
    lead: 'Site-wide settings that decide how this site may be reached and used.',
    areas: [
      { name: 'Security', text: 'Password policy, lockout after failed logins, two-factor enforcement, and whether the web rep console may connect.' },
      { name: 'API Configuration', text: 'API accounts (client ID and secret) for ticketing and monitoring systems, with read-only or full access.' },
      { name: 'Site', text: 'The site name customers see, its time zone, and the address clients connect to.' },
    ],
  },
  vault: {
    title: 'Vault',
    lead: 'Credentials stored on this site, encrypted at rest, which representatives inject into sessions without ever seeing them.',
    areas: [
      { name: 'Accounts', text: 'Windows, domain and shared accounts, who may use each one, and check-out and check-in.' },
      { name: 'Credential managers', text: 'Endpoint Credential Managers connect to this site and offer credentials from an outside store, such as a keychain or an encrypted file.' },
      { name: 'Audit', text: 'Each injection is recorded with the account name, the representative and the time — never the secret itself.' },
    ],
  },
};
