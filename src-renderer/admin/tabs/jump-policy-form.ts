/**
 * The Jump Policy editor's form: what the fields hold, the checks worth making before the site is
 * asked (it checks again), and the request it becomes. Plain TypeScript, tested in Node.
 */
import type { JumpPolicy, JumpPolicyInput, JumpPromptRule, Weekday } from '../../../appliance/src/protocol/index.js';
import { t } from '../../lib/i18n/index.svelte.js';
import { dayLabel } from './jump-policy-summary.js';

/** Days in the order a schedule entry shows them (the week starts on Monday here). */
export const DAY_ORDER: readonly { day: Weekday; label: string }[] = [
  { day: 'mon', get label() { return dayLabel('mon'); } },
  { day: 'tue', get label() { return dayLabel('tue'); } },
  { day: 'wed', get label() { return dayLabel('wed'); } },
  { day: 'thu', get label() { return dayLabel('thu'); } },
  { day: 'fri', get label() { return dayLabel('fri'); } },
  { day: 'sat', get label() { return dayLabel('sat'); } },
  { day: 'sun', get label() { return dayLabel('sun'); } },
];

/** "2 minutes" / "2 Minuten": a prompt timeout in words. */
export function timeoutLabel(seconds: number): string {
  return seconds % 60 === 0 ? t('admin.jumpPolicies.minutes', { count: seconds / 60 }) : t('admin.jumpPolicies.seconds', { count: seconds });
}

/** How long the end user has to answer the prompt. */
export const PROMPT_TIMEOUTS: readonly { seconds: number; label: string }[] = [
  { seconds: 30, get label() { return timeoutLabel(30); } },
  { seconds: 60, get label() { return timeoutLabel(60); } },
  { seconds: 120, get label() { return timeoutLabel(120); } },
  { seconds: 300, get label() { return timeoutLabel(300); } },
  { seconds: 600, get label() { return timeoutLabel(600); } },
];

export interface ScheduleEntryForm {
  days: Weekday[];
  start: string;
  end: string;
}

export interface PolicyForm {
  name: string;
  code: string;
  description: string;
  scheduleEnabled: boolean;
  timeZone: string;
  windows: ScheduleEntryForm[];
  forceEnd: boolean;
  presentPrompt: JumpPromptRule;
  notPresentPrompt: JumpPromptRule;
  promptTimeoutSeconds: number;
}

export type PolicyField = 'name' | 'code' | 'timeZone' | 'windows' | 'forceEnd';

export const newScheduleEntry = (): ScheduleEntryForm => ({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' });

export function emptyPolicyForm(timeZone: string): PolicyForm {
  return {
    name: '',
    code: '',
    description: '',
    scheduleEnabled: false,
    timeZone,
    windows: [newScheduleEntry()],
    forceEnd: false,
    presentPrompt: 'no_prompt',
    notPresentPrompt: 'no_prompt',
    promptTimeoutSeconds: 60,
  };
}

export function policyForm(p: JumpPolicy): PolicyForm {
  return {
    name: p.name,
    code: p.code,
    description: p.description,
    scheduleEnabled: p.scheduleEnabled,
    timeZone: p.timeZone,
    windows: p.windows.length ? p.windows.map((w) => ({ days: [...w.days], start: w.start, end: w.end })) : [newScheduleEntry()],
    forceEnd: p.forceEnd,
    presentPrompt: p.presentPrompt,
    notPresentPrompt: p.notPresentPrompt,
    promptTimeoutSeconds: p.promptTimeoutSeconds,
  };
}

/** A code name from a display name: "Business hours" → "business-hours". */
export function codeFromName(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
}

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The first thing wrong with the form, with the field to focus; null when it can be sent. */
export function policyFormProblem(f: PolicyForm, knownZones: readonly string[]): { field: PolicyField; message: string } | null {
  if (!f.name.trim()) return { field: 'name', message: t('admin.jumpPolicies.problemName') };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(f.code)) return { field: 'code', message: t('admin.jumpPolicies.problemCode') };
  if (f.scheduleEnabled) {
    if (knownZones.length && !knownZones.includes(f.timeZone)) return { field: 'timeZone', message: t('admin.jumpPolicies.problemZone') };
    if (!f.windows.length) return { field: 'windows', message: t('admin.jumpPolicies.problemNoEntry') };
    for (const [i, w] of f.windows.entries()) {
      if (!w.days.length) return { field: 'windows', message: t('admin.jumpPolicies.problemNoDay', { n: i + 1 }) };
      if (!TIME.test(w.start) || !TIME.test(w.end)) return { field: 'windows', message: t('admin.jumpPolicies.problemTimes', { n: i + 1 }) };
    }
  }
  if (f.forceEnd && !f.scheduleEnabled) return { field: 'forceEnd', message: t('admin.jumpPolicies.problemForceEnd') };
  return null;
}

/** The request body: windows only when the schedule is on (the site keeps none otherwise). */
export function toPolicyInput(f: PolicyForm): JumpPolicyInput {
  return {
    name: f.name.trim(),
    code: f.code,
    description: f.description.trim(),
    scheduleEnabled: f.scheduleEnabled,
    timeZone: f.timeZone,
    windows: f.scheduleEnabled ? f.windows.map((w) => ({ days: DAY_ORDER.map((d) => d.day).filter((d) => w.days.includes(d)), start: w.start, end: w.end })) : [],
    forceEnd: f.scheduleEnabled && f.forceEnd,
    presentPrompt: f.presentPrompt,
    notPresentPrompt: f.notPresentPrompt,
    promptTimeoutSeconds: f.promptTimeoutSeconds,
  };
}

/** "Prompt, 1 minute to answer" / "No prompt": the prompting column of the list. */
export function promptingSummary(p: Pick<JumpPolicy, 'presentPrompt' | 'notPresentPrompt' | 'promptTimeoutSeconds'>): string {
  const timeout = timeoutLabel(p.promptTimeoutSeconds);
  const present = p.presentPrompt === 'prompt' ? t('admin.jumpPolicies.promptingPresent', { timeout }) : t('admin.jumpPolicies.promptingPresentNone');
  const absent = p.notPresentPrompt === 'prompt' ? t('admin.jumpPolicies.promptingAbsentRefused') : t('admin.jumpPolicies.promptingAbsentStarts');
  return t('admin.jumpPolicies.promptingSummary', { present, absent });
}
