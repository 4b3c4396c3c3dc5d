import { describe, expect, it } from 'vitest';
import { armGraceAfterRestart } from './restart-grace.js';

describe('armGraceAfterRestart', () => {
  it('gives every open session’s customer and every present rep one grace period', () => {
    const customers: string[] = [];
    const reps: number[] = [];
    const n = armGraceAfterRestart({ customerSessions: ['s1', 's2'], repIds: [7] }, { awaitFirstConnection: (id) => customers.push(id) }, { dropped: (id) => reps.push(id) });
    expect(customers).toEqual(['s1', 's2']);
    expect(reps).toEqual([7]);
    expect(n).toEqual({ sessions: 2, reps: 1 });
  });
});
