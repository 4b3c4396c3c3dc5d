import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LIMIT_ENV, assertSessionRoom, assertTransferRoom, idleCloseReason, readLimits } from './limits.js';

describe('resource limits', () => {
  it('reads each limit from its environment variable; blank, non-numeric or < 1 keeps the default', () => {
    expect(readLimits({})).toEqual(DEFAULT_LIMITS);
    const env = { REP_MAX_MESSAGE_BYTES: '4096', REP_MAX_TRANSFERS_PER_SESSION: '2.9', REP_MAX_SESSIONS_PER_REP: '0', REP_CONSOLE_IDLE_SECONDS: 'x', REP_AGENT_IDLE_SECONDS: '15' };
    expect(readLimits(env)).toEqual({ ...DEFAULT_LIMITS, maxMessageBytes: 4096, maxTransfersPerSession: 2, agentIdleSeconds: 15 });
    expect(Object.values(LIMIT_ENV).every((v) => v.startsWith('REP_'))).toBe(true);
  });

  it('refusals carry a code and name the limit and its variable', () => {
    const l = { ...DEFAULT_LIMITS, maxSessionsPerRep: 2, maxTransfersPerSession: 1 };
    expect(() => assertSessionRoom(1, l)).not.toThrow();
    expect(() => assertSessionRoom(2, l)).toThrow(expect.objectContaining({ code: 'E_LIMIT_SESSIONS', message: expect.stringContaining('REP_MAX_SESSIONS_PER_REP') }));
    expect(() => assertTransferRoom(1, l)).toThrow(expect.objectContaining({ code: 'E_LIMIT_TRANSFERS', message: expect.stringContaining('at most 1') }));
    expect(idleCloseReason('agentIdleSeconds', { ...DEFAULT_LIMITS, agentIdleSeconds: 7 })).toBe('E_IDLE_TIMEOUT: no answer for 7 s (REP_AGENT_IDLE_SECONDS)');
  });
});
