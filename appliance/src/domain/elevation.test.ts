import { describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { answered, awaiting, checkElevate, checkFullClient, elevate, initialElevation } from './elevation.js';

const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CodedError ? e.code : String(e);
  }
};

describe('the elevation state machine', () => {
  it('starts click-to-chat for a browser customer and full client otherwise, in user mode', () => {
    expect(initialElevation(true)).toMatchObject({ clientMode: 'click_to_chat', privilege: 'user', elevated: false, pending: null });
    expect(initialElevation(false)).toMatchObject({ clientMode: 'full_client', privilege: 'user', elevated: false });
  });

  it('click-to-chat → full client once the customer allows it, then → elevated by Prompt Customer', () => {
    let s = awaiting(initialElevation(true), 'full_client', 7);
    expect(s.pending).toEqual({ step: 'full_client', promptId: 7 });
    const r = answered(s, 7, 'allowed')!;
    expect(r.outcome).toBe('full_client');
    s = r.next;
    expect(s).toMatchObject({ clientMode: 'full_client', elevated: false, pending: null });
    s = awaiting(s, 'elevate', 8);
    const e = answered(s, 8, 'allowed')!;
    expect(e.outcome).toBe('elevated');
    expect(e.next).toMatchObject({ clientMode: 'full_client', privilege: 'elevated', elevated: true, method: 'prompt', elevatedAs: null, pending: null });
  });

  it('refuses to elevate privileges while the customer still chats from the browser', () => {
    expect(code(() => checkElevate(initialElevation(true)))).toBe('E_ELEVATION_FULL_CLIENT_REQUIRED');
    expect(code(() => elevate(initialElevation(true), 'specific_user', 'localadmin'))).toBe('E_ELEVATION_FULL_CLIENT_REQUIRED');
  });

  it('one step waits at a time; asking twice or asking again when done is refused with its code', () => {
    const waiting = awaiting(initialElevation(true), 'full_client', 1);
    expect(code(() => checkFullClient(waiting))).toBe('E_ELEVATION_PENDING');
    expect(code(() => checkElevate(waiting))).toBe('E_ELEVATION_PENDING');
    expect(code(() => checkFullClient(initialElevation(false)))).toBe('E_ELEVATION_ALREADY_FULL_CLIENT');
    const done = elevate(initialElevation(false), 'specific_user', 'localadmin');
    expect(done).toMatchObject({ elevated: true, method: 'specific_user', elevatedAs: 'localadmin' });
    expect(code(() => checkElevate(done))).toBe('E_ELEVATION_ALREADY_ELEVATED');
    expect(code(() => awaiting(done, 'elevate', 3))).toBe('E_ELEVATION_ALREADY_ELEVATED');
  });

  it('a refusal or a withdrawn prompt leaves the mode as it was, so the rep may ask again', () => {
    const asked = awaiting(initialElevation(false), 'elevate', 5);
    const refused = answered(asked, 5, 'refused')!;
    expect(refused.outcome).toBe('refused');
    expect(refused.next).toEqual(initialElevation(false));
    expect(answered(asked, 5, 'cancelled')!.outcome).toBe('withdrawn');
    expect(code(() => checkElevate(refused.next))).toBeNull();
  });

  it('ignores answers to prompts it is not waiting on', () => {
    const asked = awaiting(initialElevation(true), 'full_client', 5);
    expect(answered(asked, 6, 'allowed')).toBeNull();
    expect(answered(initialElevation(true), 5, 'allowed')).toBeNull();
  });
});
