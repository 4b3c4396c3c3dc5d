/**
 * BRCS scripts (FORMATS.md §BRCS): the file parser, the command-line reader, the web console's
 * `#client_script=` fragment, %-escapes and the interpreter, against generated and arbitrary input.
 * They answer ok or a message naming the line; they never throw, hang, or run what the schema refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BRCS_LIMITS, BrcsCommand, encodeCommandLine, interpretBrcs, parseBrcs, parseCommandLine, percentDecode, percentEncode, PercentError, readWebConsoleScript,
  type BrcsExecutor, type LocatedCommand,
} from '../../appliance/src/protocol/brcs/index.js';
import { anyJson, CASE_MS, params, TEST_TIMEOUT } from './fuzz-config.js';
import { brcsFileArb, brcsLineArb } from './arbitraries.js';

function timed<T>(fn: () => T): T {
  const t = performance.now();
  const r = fn();
  expect(performance.now() - t).toBeLessThan(CASE_MS);
  return r;
}

describe('BRCS parser', () => {
  it('whole files: ok with ≤ 10 commands, or a refusal naming a line', () => {
    fc.assert(
      fc.property(fc.oneof(brcsFileArb, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const r = timed(() => parseBrcs(text));
        if (r.ok) {
          expect(r.commands.length).toBeGreaterThan(0);
          expect(r.commands.length).toBeLessThanOrEqual(BRCS_LIMITS.commands);
          for (const c of r.commands) expect(BrcsCommand.safeParse(c.command).success).toBe(true);
        } else {
          expect(r.message).toMatch(/^Line \d+: /);
        }
      }),
      params(2000, 1),
    );
  }, TEST_TIMEOUT);

  it('one line: what parses re-encodes to the same command', () => {
    fc.assert(
      fc.property(brcsLineArb, (line) => {
        const r = timed(() => parseCommandLine(line));
        if (!r.ok) {
          expect(r.message.length).toBeGreaterThan(0);
          return;
        }
        let again: string;
        try {
          again = encodeCommandLine(r.command);
        } catch (e) {
          // A raw lone surrogate in the line: readable, but it has no UTF-8 form to write back.
          expect((e as Error).name).toBe('BrcsError');
          return;
        }
        const back = parseCommandLine(again);
        expect(back).toMatchObject({ ok: true, command: r.command });
      }),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);

  it('the web console fragment: null, ok (start_jump_item_session only), or a message', () => {
    fc.assert(
      fc.property(fc.oneof(brcsLineArb.map((l) => `#client_script=${l}`), brcsLineArb.map((l) => `client_script=${percentEncode(l.replace(/[\ud800-\udfff]/g, ''))}`), fc.string()), (hash) => {
        const r = timed(() => readWebConsoleScript(hash));
        if (r === null) return;
        if (r.ok) expect(r.command.action).toBe('start_jump_item_session');
        else expect(r.message.length).toBeGreaterThan(0);
      }),
      params(2000, 1),
    );
  }, TEST_TIMEOUT);
});

describe('%-escapes', () => {
  it('decode: a string or a PercentError, nothing else; encode/decode round-trip', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[a-z+]){0,20}$/)), fc.boolean(), (s, plus) => {
        try {
          expect(typeof percentDecode(s, { plusIsSpace: plus })).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(PercentError);
        }
        const wellFormed = s.replace(/[\ud800-\udfff]/g, '');
        expect(percentDecode(percentEncode(wellFormed))).toBe(wellFormed);
      }),
      params(3000, 1),
    );
  }, TEST_TIMEOUT);
});

describe('BRCS interpreter', () => {
  it('never rejects, stops at the first failure, and hands the executor only valid commands', async () => {
    const located = fc.array(
      fc.record({
        line: fc.nat({ max: 20 }),
        command: fc.oneof(
          brcsLineArb.map((l) => {
            const r = parseCommandLine(l);
            return r.ok ? (r.command as unknown) : { action: 'login' };
          }),
          anyJson,
          fc.record({ action: fc.constantFrom('login', 'toString', '__proto__', 'constructor', 'generate_session_key'), params: anyJson, custom: anyJson }, { requiredKeys: ['action'] }),
        ),
      }),
      { maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(located, fc.array(fc.constantFrom('ok', 'throw', 'reject', 'throw-non-error'), { minLength: 12, maxLength: 12 }), async (commands, behaviours) => {
        const calls: unknown[] = [];
        const act = (c: unknown) => {
          expect(BrcsCommand.safeParse(c).success).toBe(true);
          const b = behaviours[calls.length]!;
          calls.push(c);
          if (b === 'throw') throw new Error('refused by the executor');
          if (b === 'throw-non-error') throw 'a string';
          if (b === 'reject') return Promise.reject(new Error('rejected'));
          return undefined;
        };
        const executor: BrcsExecutor = {
          login: act, generateSessionKey: act, pushAndStartLocal: act, pushAndStartRemote: act, startJumpItemSession: act, startShellJumpSession: act,
        };
        const started = performance.now();
        const r = await interpretBrcs(commands as unknown as LocatedCommand[], executor);
        expect(performance.now() - started).toBeLessThan(CASE_MS);
        expect(r.ran).toBeLessThanOrEqual(commands.length);
        if (r.ok) expect(r.ran).toBe(commands.length);
        else {
          expect(r.message).toMatch(/^Line \d+ \(/);
          expect(calls.length - r.ran).toBeLessThanOrEqual(1);
        }
      }),
      params(1500, 0.5),
    );
  }, TEST_TIMEOUT);

  it('regression: a null command is a refusal naming its line, not a TypeError', async () => {
    const none = () => undefined;
    const x: BrcsExecutor = { login: none, generateSessionKey: none, pushAndStartLocal: none, pushAndStartRemote: none, startJumpItemSession: none, startShellJumpSession: none };
    await expect(interpretBrcs([{ line: 0, command: null } as unknown as LocatedCommand], x)).resolves.toMatchObject({ ok: false, ran: 0, line: 0 });
  });
});
