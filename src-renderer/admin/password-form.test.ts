import { describe, expect, it } from 'vitest';
import { passwordFormProblem } from './password-form.js';

describe('passwordFormProblem', () => {
  it('asks for the current password first, then the new one, then a matching confirmation', () => {
    expect(passwordFormProblem({ current: '', next: 'A', confirm: 'A' })?.field).toBe('current');
    expect(passwordFormProblem({ current: 'old', next: '', confirm: '' })?.field).toBe('new');
    expect(passwordFormProblem({ current: 'old', next: 'New-Secret-1', confirm: 'New-Secret-2' })).toEqual({
      field: 'confirm',
      message: 'The two new passwords are not the same. Type the new password again.',
    });
    expect(passwordFormProblem({ current: 'old', next: 'New-Secret-1', confirm: 'New-Secret-1' })).toBeNull();
  });

  it('without a current-password field (an administrator setting someone’s) only the new pair counts', () => {
    expect(passwordFormProblem({ next: 'New-Secret-1', confirm: 'New-Secret-1' })).toBeNull();
    expect(passwordFormProblem({ next: '', confirm: '' })?.field).toBe('new');
  });

  it('leaves the rule itself to the appliance', () => {
    expect(passwordFormProblem({ current: 'old', next: 'x', confirm: 'x' })).toBeNull();
  });
});
