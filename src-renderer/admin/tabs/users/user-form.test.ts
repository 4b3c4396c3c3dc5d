import { describe, expect, it } from 'vitest';
import { PERMISSION_LABELS } from '../permission-labels.js';
import { blankForm, inputOf, PERMISSION_GROUPS } from './user-form.js';

describe('user form', () => {
  it('shows every permission exactly once', () => {
    const shown = PERMISSION_GROUPS.flatMap((g) => g.items.map((i) => i.name)).sort();
    expect(shown).toEqual(Object.keys(PERMISSION_LABELS).sort());
  });

  it('names the first problem before sending, and turns path lines into lists', () => {
    const f = blankForm();
    expect(inputOf(f, true)).toMatchObject({ field: 'username' });
    Object.assign(f, { username: 'zoe', displayName: 'Zoe', password: 'A-Good-Pass-1', confirmPassword: 'A-Good-Pass-2' });
    expect(inputOf(f, true)).toMatchObject({ field: 'confirmPassword' });
    Object.assign(f, { confirmPassword: 'A-Good-Pass-1', remotePaths: 'C:\\Users\n\n /home \n' });
    const r = inputOf(f, true);
    expect('input' in r && r.input.policy.remotePaths).toEqual(['C:\\Users', '/home']);
    expect('input' in r && r.input.publicDisplayName).toBe('Zoe');
  });
});
