import { describe, expect, it } from 'vitest';
import type { CustomerStatus } from '../../../appliance/src/protocol/index.js';
import { phaseOf, placeInLine } from './phase.js';

const st = (status: CustomerStatus['status'], repName: string | null = null): CustomerStatus => ({ status, queueName: 'Printers', repName, repConnected: repName ? true : null, position: status === 'waiting' ? 2 : null });

describe('phaseOf', () => {
  it('follows the appliance’s status', () => {
    expect(phaseOf(null, false, false)).toBe('connecting');
    expect(phaseOf(st('waiting'), false, false)).toBe('waiting');
    expect(phaseOf(st('active', 'Ana'), false, true)).toBe('active');
    expect(phaseOf(st('held', 'Ana'), false, true)).toBe('held');
    expect(phaseOf(st('ended'), false, true)).toBe('ended');
  });

  it('waiting again after a representative was here means they were disconnected', () => {
    expect(phaseOf(st('waiting'), false, true)).toBe('rep-lost');
  });

  it('an active session whose representative’s console dropped is shown as disconnected', () => {
    expect(phaseOf({ ...st('active', 'Ana'), repConnected: false }, false, true)).toBe('rep-lost');
  });

  it('over is over, whatever the last status said', () => {
    expect(phaseOf(st('active', 'Ana'), true, true)).toBe('ended');
    expect(phaseOf(null, true, false)).toBe('ended');
  });
});

describe('placeInLine', () => {
  it('says where the customer stands', () => {
    expect(placeInLine(null)).toBe('Finding your place…');
    expect(placeInLine(0)).toBe('Finding your place…');
    expect(placeInLine(1)).toBe('You’re next');
    expect(placeInLine(4)).toBe('Number 4 in line');
  });
});
