import { describe, expect, it } from 'vitest';
import { codeFromName, emptyPolicyForm, policyForm, policyFormProblem, promptingSummary, toPolicyInput } from './jump-policy-form.js';

const zones = ['UTC', 'Europe/Paris', 'America/New_York'];

describe('the Jump Policy form', () => {
  it('a new policy: code from the name, no schedule, no prompt', () => {
    const f = { ...emptyPolicyForm('Europe/Paris'), name: 'Night shift', code: codeFromName('Night shift') };
    expect(f.code).toBe('night-shift');
    expect(policyFormProblem(f, zones)).toBeNull();
    expect(toPolicyInput(f)).toMatchObject({ name: 'Night shift', scheduleEnabled: false, windows: [], forceEnd: false, timeZone: 'Europe/Paris' });
  });

  it('names the first problem and its field', () => {
    const f = emptyPolicyForm('UTC');
    expect(policyFormProblem(f, zones)).toEqual({ field: 'name', message: 'Give the Jump Policy a name.' });
    expect(policyFormProblem({ ...f, name: 'x', code: 'bad code' }, zones)?.field).toBe('code');
    const sched = { ...f, name: 'x', code: 'x', scheduleEnabled: true };
    expect(policyFormProblem({ ...sched, timeZone: 'Mars/Olympus' }, zones)?.field).toBe('timeZone');
    expect(policyFormProblem({ ...sched, windows: [] }, zones)?.message).toMatch(/at least one schedule entry/);
    expect(policyFormProblem({ ...sched, windows: [{ days: [], start: '08:00', end: '09:00' }] }, zones)?.message).toBe('Schedule entry 1: choose at least one day.');
    expect(policyFormProblem({ ...sched, windows: [{ days: ['mon'], start: '', end: '09:00' }] }, zones)?.message).toMatch(/start and an end time/);
    expect(policyFormProblem({ ...f, name: 'x', code: 'x', forceEnd: true }, zones)?.field).toBe('forceEnd');
  });

  it('round-trips a policy, with the days in week order', () => {
    const p = {
      id: 1, name: 'Maintenance', code: 'maint', description: '', scheduleEnabled: true, timeZone: 'Europe/Paris',
      windows: [{ days: ['sun' as const, 'mon' as const], start: '22:00', end: '06:00' }], forceEnd: true,
      presentPrompt: 'prompt' as const, notPresentPrompt: 'no_prompt' as const, promptTimeoutSeconds: 120,
    };
    expect(toPolicyInput(policyForm(p))).toEqual({ ...p, id: undefined, windows: [{ days: ['mon', 'sun'], start: '22:00', end: '06:00' }] } as never);
    expect(promptingSummary(p)).toBe('Customer present: prompt (2 minutes to answer); not present: starts');
  });
});
