import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from './shutdown.js';

function harness(close: () => Promise<void>) {
  const exits: number[] = [];
  const reports: string[] = [];
  const timers: (() => void)[] = [];
  const shutdown = createShutdown({
    close,
    exit: (code) => exits.push(code),
    report: (m) => reports.push(m),
    timeoutMs: 5000,
    setTimer: (fn) => timers.push(fn),
  });
  return { shutdown, exits, reports, timers };
}

describe('createShutdown', () => {
  it('holds the first quit back, closes once, then exits 0', async () => {
    const close = vi.fn(async () => {});
    const h = harness(close);
    const prevent = vi.fn();
    h.shutdown.onBeforeQuit(prevent);
    expect(prevent).toHaveBeenCalledTimes(1);
    expect(h.shutdown.state).toBe('closing');
    h.shutdown.onBeforeQuit(prevent); // a second Cmd+Q while closing
    expect(prevent).toHaveBeenCalledTimes(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(close).toHaveBeenCalledTimes(1);
    expect(h.exits).toEqual([0]);
    expect(h.shutdown.state).toBe('closed');
  });

  it('lets the quit through once closed (app.exit does not loop back)', async () => {
    const h = harness(async () => {});
    h.shutdown.onBeforeQuit(() => {});
    await Promise.resolve();
    await Promise.resolve();
    const prevent = vi.fn();
    h.shutdown.onBeforeQuit(prevent);
    expect(prevent).not.toHaveBeenCalled();
  });

  it('exits 1 and says why when closing fails', async () => {
    const h = harness(async () => {
      throw new Error('disk full');
    });
    h.shutdown.onBeforeQuit(() => {});
    await Promise.resolve();
    await Promise.resolve();
    expect(h.exits).toEqual([1]);
    expect(h.reports[0]).toMatch(/did not stop cleanly/);
  });

  it('exits anyway when closing hangs, and only once', async () => {
    let release!: () => void;
    const h = harness(() => new Promise<void>((r) => (release = r)));
    h.shutdown.onBeforeQuit(() => {});
    expect(h.timers).toHaveLength(1);
    h.timers[0]!();
    expect(h.exits).toEqual([1]);
    expect(h.reports[0]).toMatch(/within 5 s/);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.exits).toEqual([1]);
  });
});
