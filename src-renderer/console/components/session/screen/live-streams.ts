/**
 * Screen streams that keep running while their tab is not on screen (the rep looks at the Command
 * Shell, or at another session): the Screen Sharing tab picks its stream up again when it comes
 * back. While nobody paints, no frame is acknowledged, so the appliance stops after two (its flow
 * control); coming back asks for a keyframe, which starts the stream moving again.
 */
import type { ColorMode } from '../../../../../appliance/src/protocol/screen-frames.js';
import type { ScreenStart, ScreenStatus } from '../../../../../appliance/src/protocol/screen-stream.js';

export interface LiveStream {
  start: ScreenStart;
  status: ScreenStatus;
  monitorId: string;
  colorMode: ColorMode;
  scaled: boolean;
  remoteClipboard: string;
}

const live = new Map<string, LiveStream>();

/** The running stream of a session in this console, if any. */
export function liveStream(sessionId: string): LiveStream | null {
  return live.get(sessionId) ?? null;
}

export function keepStream(sessionId: string, s: LiveStream): void {
  live.set(sessionId, s);
}

export function forgetStream(sessionId: string): void {
  live.delete(sessionId);
}

const startedOnce = new Set<string>();

/** Whether this console started screen sharing in the session before (then it never starts it by itself again). */
export function startedBefore(sessionId: string): boolean {
  return startedOnce.has(sessionId);
}

export function markStarted(sessionId: string): void {
  startedOnce.add(sessionId);
}
