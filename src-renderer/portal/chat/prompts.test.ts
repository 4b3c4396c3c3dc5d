import { describe, expect, it } from 'vitest';
import { PromptKind } from '../../../appliance/src/protocol/index.js';
import { prompt } from './fixtures.js';
import { PROMPT_ACTION, PROMPT_DETAIL, announcementOf, answerLineOf, promptOutcome, promptTitle, reconcilePrompts, upsertPrompt } from './prompts.js';

describe('prompt wording', () => {
  it('has words for every kind the protocol knows', () => {
    for (const kind of PromptKind.options) {
      expect(PROMPT_ACTION[kind]).toBeTruthy();
      expect(PROMPT_DETAIL[kind]).toMatch(/\.$/);
    }
  });

  it('matches the appliance’s narration, so the card can stand in for it', () => {
    const p = prompt(1, 'pending', 'x', 'screen_control');
    expect(promptTitle(p)).toBe('Ana Lopez is requesting to view and control your computer');
    expect(announcementOf(p)).toBe('Ana Lopez is requesting to view and control your computer. Waiting on the customer to respond to the prompt.');
    expect(answerLineOf(p, true)).toBe('The customer allowed the request to view and control your computer.');
    expect(answerLineOf(p, false)).toBe('The customer refused the request to view and control your computer.');
  });

  it('says what became of a prompt', () => {
    const p = prompt(1, 'allowed', 'x', 'command_shell');
    expect(promptOutcome(p)).toBe('You allowed Ana Lopez to open a command shell on your computer.');
    expect(promptOutcome({ ...p, state: 'refused' })).toBe('You refused to let Ana Lopez open a command shell on your computer.');
    expect(promptOutcome({ ...p, state: 'cancelled' })).toBe('Ana Lopez’s request to open a command shell on your computer was withdrawn.');
  });
});

describe('upsertPrompt', () => {
  it('adds new prompts in time order and replaces answered ones in place', () => {
    let list = upsertPrompt([], prompt(2));
    list = upsertPrompt(list, prompt(1));
    expect(list.map((p) => p.id)).toEqual([1, 2]);
    list = upsertPrompt(list, prompt(1, 'allowed'));
    expect(list.map((p) => [p.id, p.state])).toEqual([
      [1, 'allowed'],
      [2, 'pending'],
    ]);
  });
});

describe('reconcilePrompts (after customer.hello, which lists only pending prompts)', () => {
  it('marks pending prompts that are no longer listed as withdrawn, keeps answers, adds new ones', () => {
    const known = [prompt(1, 'allowed'), prompt(2), prompt(3)];
    const next = reconcilePrompts(known, [prompt(3), prompt(4)]);
    expect(next.map((p) => [p.id, p.state])).toEqual([
      [1, 'allowed'],
      [2, 'cancelled'],
      [3, 'pending'],
      [4, 'pending'],
    ]);
  });

  it('a fresh page takes the listed prompts as they are', () => {
    expect(reconcilePrompts([], [prompt(5)])).toEqual([prompt(5)]);
  });
});
