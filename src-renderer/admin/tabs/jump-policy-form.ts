/**
 * The Jump Policy editor's form: what the fields hold, the checks worth making before the site is
 * asked (it checks again), and the request it becomes. Plain TypeScript, tested in Node.
 */
import type { JumpPolicy, JumpPolicyInput, JumpPromptRule, Weekday } from '../../../appliance/src/protocol/index.js';

/** Days in the order a schedule entry shows them (the week starts on Monday here). */
export const DAY_ORDER: readonly { day: Weekday; label: string }[] = [
  { day: 'mon', label: 'Mon' },
  { day: 'tue', label: 'Tue' },
  { day: 'wed', label: 'Wed' },
  { day: 'thu', label: 'Thu' },
  { day: 'fri', label: 'Fri' },
  { day: 'sat', label: 'Sat' },
  { day: 'sun', label: 'Sun' },
];

/** How long the end user has to answer the prompt. */
export const PROMPT_TIMEOUTS: readonly { seconds: number; label: string }[] = [
  { seconds: 30, label: '30 seconds' },
  { seconds: 60, label: '1 minute' },
  { seconds: 120, label: '2 minutes' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 600, label: '10 minutes' },
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
  if (!f.name.trim()) return { field: 'name', message: 'Give the Jump Policy a name.' };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(f.code)) return { field: 'code', message: 'The code name may use letters, digits, - and _ (at most 64).' };
  if (f.scheduleEnabled) {
    if (knownZones.length && !knownZones.includes(f.timeZone)) return { field: 'timeZone', message: 'Choose a time zone from the list.' };
    if (!f.windows.length) return { field: 'windows', message: 'Add at least one schedule entry, or turn the schedule off.' };
    for (const [i, w] of f.windows.entries()) {
      if (!w.days.length) return { field: 'windows', message: `Schedule entry ${i + 1}: choose at least one day.` };
      if (!TIME.test(w.start) || !TIME.test(w.end)) return { field: 'windows', message: `Schedule entry ${i + 1}: enter a start and an end time.` };
    }
  }
  if (f.forceEnd && !f.scheduleEnabled) return { field: 'forceEnd', message: '"Force session to end" needs a schedule: turn the schedule on, or the option off.' };
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
  const timeout = PROMPT_TIMEOUTS.find((t) => t.seconds === p.promptTimeoutSeconds)?.label ?? `${p.promptTimeoutSeconds} seconds`;
  const present = p.presentPrompt === 'prompt' ? `Customer present: prompt (${timeout} to answer)` : 'Customer present: no prompt';
  const absent = p.notPresentPrompt === 'prompt' ? 'not present: refused' : 'not present: starts';
  return `${present}; ${absent}`;
}
