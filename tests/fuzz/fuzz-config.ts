/**
 * How many cases each fuzz property runs, and with which seed. CI (`npx vitest run`) uses small
 * counts and a fixed seed so a failure reproduces exactly; `npm run fuzz` sets FUZZ_RUNS (cases per
 * pure property, ≥ 100,000 in total over tests/fuzz) and a random seed unless FUZZ_SEED is given.
 * fast-check prints the seed and the shrunk counterexample of any failure: keep it as a regression case.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { CodedError, isErrorCode } from '../../appliance/src/protocol/index.js';

const envRuns = Number(process.env['FUZZ_RUNS'] ?? '');
/** True under `npm run fuzz` (the long run). */
export const LONG = Number.isFinite(envRuns) && envRuns > 0;
const fixedSeed = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : LONG ? undefined : 0x5eed_2024;

/** Cases for one property: `ci` in the test command, FUZZ_RUNS × `weight` in the long run. */
export function runs(ci: number, weight = 1): number {
  return LONG ? Math.max(ci, Math.round(envRuns * weight)) : ci;
}

/** fast-check parameters: fixed seed in CI, a per-property time limit so a hang fails instead of stalling. */
export function params(ci: number, weight = 1): fc.Parameters<unknown> {
  return {
    numRuns: runs(ci, weight),
    ...(fixedSeed !== undefined ? { seed: fixedSeed } : {}),
    interruptAfterTimeLimit: LONG ? 30 * 60_000 : 20_000,
    markInterruptAsFailure: !LONG,
    endOnFailure: true,
  };
}

/** Vitest timeout for one fuzz test. */
export const TEST_TIMEOUT = LONG ? 60 * 60_000 : 30_000;

/** One case must finish within this: a hang in a parser is a bug (generous: 2 cores are shared, GC pauses happen). */
export const CASE_MS = 2000;

/**
 * Runs `fn` on one generated input: it may return, or throw a CodedError with a known code;
 * any other throw, or taking longer than CASE_MS, fails the property.
 */
export function expectCodedOrOk<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: CodedError } {
  const started = performance.now();
  try {
    const value = fn();
    return { ok: true, value };
  } catch (e) {
    if (!(e instanceof CodedError)) throw new Error(`non-coded error: ${(e as Error)?.stack ?? String(e)}`);
    expect(isErrorCode(e.code), `unknown code ${e.code}`).toBe(true);
    expect(e.message.length).toBeGreaterThan(0);
    return { ok: false, error: e };
  } finally {
    const ms = performance.now() - started;
    if (ms > CASE_MS) throw new Error(`one case took ${ms.toFixed(0)} ms (a hang?)`);
  }
}

/** Arbitrary JSON values, with a bias to the shapes protocol parsers look at. */
export const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, -1, 1.5, NaN, Infinity, '', '0', [], {}, true) },
  { weight: 2, arbitrary: fc.object({ maxDepth: 2, withNullPrototype: true, withBigInt: false }) },
);
