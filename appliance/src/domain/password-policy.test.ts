import { describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { assertPasswordAllowed, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts 8+ characters with upper, lower, digit and special', () => {
    expect(passwordProblems('Correct-Horse-9', 'ana')).toEqual([]);
    expect(passwordProblems('Äpfel#12', 'ana')).toEqual([]);
    expect(() => assertPasswordAllowed('Support-Demo-2', 'ana')).not.toThrow();
  });

  it('says what is missing', () => {
    expect(passwordProblems('Ab1-', 'ana')).toEqual(['needs at least 8 characters']);
    expect(passwordProblems('longenough', 'ana')).toEqual(['needs an upper-case letter, a digit and a special character (such as - ! #)']);
    expect(passwordProblems('ALLUPPER1!', 'ana')).toEqual(['needs a lower-case letter']);
    expect(passwordProblems('x'.repeat(257), 'ana')).toContain('may have at most 256 characters');
  });

  it('refuses the username and the factory password, whatever the case', () => {
    expect(passwordProblems('Dieter-Braun1', 'dieter-braun1')).toEqual(['may not be the username']);
    expect(passwordProblems('password', 'admin')).toContain('may not be “password”');
    expect(passwordProblems('PASSWORD', 'admin', { minLength: 1, mixed: false })).toEqual(['may not be “password”']);
  });

  it('a lighter policy only asks for the length', () => {
    expect(passwordProblems('longenough', 'ana', { minLength: 8, mixed: false })).toEqual([]);
    expect(passwordProblems('short', 'ana', { minLength: 8, mixed: false })).toEqual(['needs at least 8 characters']);
  });

  it('throws E_PASSWORD_WEAK with one sentence naming every problem', () => {
    let err: unknown;
    try {
      assertPasswordAllowed('password', 'admin');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CodedError);
    expect((err as CodedError).code).toBe('E_PASSWORD_WEAK');
    expect((err as CodedError).message).toBe(
      'The new password needs an upper-case letter, a digit and a special character (such as - ! #); it may not be “password”.',
    );
  });
});
