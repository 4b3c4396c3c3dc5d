import { describe, expect, it } from 'vitest';
import { caretAfterDigits, digitsBefore, formatKey, keyDigits } from './session-key.js';

describe('session key input', () => {
  it('groups digits in fours as they are typed', () => {
    expect(formatKey('')).toBe('');
    expect(formatKey('993')).toBe('993');
    expect(formatKey('9932')).toBe('9932');
    expect(formatKey('99323')).toBe('9932 3');
    expect(formatKey('993237937275')).toBe('9932 3793 7275');
  });

  it('ignores spaces, dashes and letters, and stops at 12 digits', () => {
    expect(formatKey(' 9932-3793 7275 ')).toBe('9932 3793 7275');
    expect(formatKey('99a32 37')).toBe('9932 37');
    expect(keyDigits('9932 3793 7275 1234')).toBe('993237937275');
  });

  it('keeps the caret after the same digit when the field is reformatted', () => {
    // Typing "5" after "9932" (caret at 5 in "99325") lands after the 5th digit in "9932 5".
    expect(digitsBefore('99325', 5)).toBe(5);
    expect(caretAfterDigits('9932 5', 5)).toBe(6);
    expect(caretAfterDigits('9932 3793', 4)).toBe(4);
    expect(caretAfterDigits('9932', 0)).toBe(0);
    expect(caretAfterDigits('9932', 9)).toBe(4);
  });
});
