import { describe, expect, it } from 'vitest';
import { MAX_CHAT_CHARS } from '../../../appliance/src/protocol/index.js';
import { COUNTER_MARGIN, counterText, isSendKey, measure } from './composer.js';

describe('measure', () => {
  it('counts what the appliance counts (the trimmed line)', () => {
    expect(measure('  hi  ')).toEqual({ length: 2, over: 0, showCounter: false, canSend: true });
    expect(measure('   \n ')).toMatchObject({ length: 0, canSend: false });
  });

  it('shows the counter near the cap and refuses lines over it', () => {
    expect(measure('x'.repeat(MAX_CHAT_CHARS - COUNTER_MARGIN - 1)).showCounter).toBe(false);
    expect(measure('x'.repeat(MAX_CHAT_CHARS - COUNTER_MARGIN))).toMatchObject({ showCounter: true, canSend: true });
    expect(measure('x'.repeat(MAX_CHAT_CHARS))).toMatchObject({ over: 0, canSend: true });
    expect(measure('x'.repeat(MAX_CHAT_CHARS + 3))).toMatchObject({ over: 3, canSend: false, showCounter: true });
  });

  it('formats the counter', () => {
    expect(counterText(3612)).toBe(`3,612 / ${MAX_CHAT_CHARS.toLocaleString('en-US')}`);
  });
});

describe('isSendKey', () => {
  const key = (k: Partial<Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing' | 'altKey'>>) => ({ key: 'Enter', shiftKey: false, isComposing: false, altKey: false, ...k });
  it('Enter sends; Shift+Enter, Alt+Enter and IME composition do not', () => {
    expect(isSendKey(key({}))).toBe(true);
    expect(isSendKey(key({ shiftKey: true }))).toBe(false);
    expect(isSendKey(key({ altKey: true }))).toBe(false);
    expect(isSendKey(key({ isComposing: true }))).toBe(false);
    expect(isSendKey(key({ key: 'a' }))).toBe(false);
  });
});
