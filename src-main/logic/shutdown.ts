/**
 * Quitting with the embedded appliance inside: Electron's `before-quit` is synchronous, but closing
 * the appliance (WebSockets told, HTTP drained, SQLite checkpointed and closed) is not. So the
 * first quit is held back, the appliance closed, and the app exits for real; later quit requests
 * while that runs are swallowed, and a close that hangs does not keep the app alive for ever.
 */

export interface ShutdownDeps {
  /** Stops whatever must stop before exit (the embedded appliance). */
  close(): Promise<void>;
  /** Ends the process without another `before-quit` (Electron's `app.exit`). */
  exit(code: number): void;
  /** Where a failed or slow close is reported. */
  report(message: string, error?: unknown): void;
  /** How long close may take before we exit anyway. */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export type ShutdownState = 'running' | 'closing' | 'closed';

export interface Shutdown {
  /** The `before-quit` listener: pass the event's `preventDefault`. */
  onBeforeQuit(preventDefault: () => void): void;
  readonly state: ShutdownState;
}

/** A before-quit handler that closes the appliance once, then exits (code 1 if closing failed or timed out). */
export function createShutdown(deps: ShutdownDeps): Shutdown {
  let state: ShutdownState = 'running';
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());

  const finish = (code: number) => {
    if (state === 'closed') return;
    state = 'closed';
    deps.exit(code);
  };

  return {
    get state() {
      return state;
    },
    onBeforeQuit(preventDefault) {
      if (state === 'closed') return;
      preventDefault();
      if (state === 'closing') return;
      state = 'closing';
      setTimer(() => {
        deps.report(`The embedded site did not stop within ${timeoutMs / 1000} s; quitting anyway.`);
        finish(1);
      }, timeoutMs);
      deps.close().then(
        () => finish(0),
        (error: unknown) => {
          deps.report('The embedded site did not stop cleanly.', error);
          finish(1);
        },
      );
    },
  };
}
