/**
 * (Every text below is a catalogue key of admin-account.*.json: AboutTab shows it with `t()`.)
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
    title: 'admin.tabs.jumpClients',
    lead: 'admin.about.jumpClients.lead',
    areas: [
      { name: 'admin.about.jumpClients.0.name', text: 'admin.about.jumpClients.0.text' },
      { name: 'admin.about.jumpClients.1.name', text: 'admin.about.jumpClients.1.text' },
      { name: 'admin.about.jumpClients.2.name', text: 'admin.about.jumpClients.2.text' },
    ],
  },
  reports: {
    title: 'admin.tabs.reports',
    lead: 'admin.about.reports.lead',
    areas: [
      { name: 'admin.about.reports.0.name', text: 'admin.about.reports.0.text' },
      { name: 'admin.about.reports.1.name', text: 'admin.about.reports.1.text' },
      { name: 'admin.about.reports.2.name', text: 'admin.about.reports.2.text' },
    ],
  },
  'support-portal': {
    title: 'admin.tabs.supportPortal',
    lead: 'admin.about.supportPortal.lead',
    areas: [
      { name: 'admin.about.supportPortal.0.name', text: 'admin.about.supportPortal.0.text' },
      { name: 'admin.about.supportPortal.1.name', text: 'admin.about.supportPortal.1.text' },
      { name: 'admin.about.supportPortal.2.name', text: 'admin.about.supportPortal.2.text' },
    ],
  },
  management: {
    title: 'admin.tabs.management',
    lead: 'admin.about.management.lead',
    areas: [
      { name: 'admin.about.management.0.name', text: 'admin.about.management.0.text' },
      { name: 'admin.about.management.1.name', text: 'admin.about.management.1.text' },
      { name: 'admin.about.management.2.name', text: 'admin.about.management.2.text' },
    ],
  },
  vault: {
    title: 'admin.tabs.vault',
    lead: 'admin.about.vault.lead',
    areas: [
      { name: 'admin.about.vault.0.name', text: 'admin.about.vault.0.text' },
      { name: 'admin.about.vault.1.name', text: 'admin.about.vault.1.text' },
      { name: 'admin.about.vault.2.name', text: 'admin.about.vault.2.text' },
    ],
  },
};
