/**
 * The command shell's flow control and recordings, spread into `methods` / `events` (messages.ts) and
 * the agent protocol (agent-messages.ts).
 *
 * Flow control: the console acknowledges the output characters it has written to its terminal
 * (`session.shell.ack`). The appliance keeps at most SHELL_WINDOW_CHARS unacknowledged per shell
 * (and stops feeding a console whose socket is not draining); past that it tells the endpoint to
 * pause the shell (`shell.pause`), and to resume once the console caught up (`shell.resume`). A
 * command printing gigabytes then runs at the speed of the slowest reader instead of growing memory.
 */
import { z } from 'zod';
import { SessionId } from './session-models.js';

const Empty = z.object({}).strict();
const ShellId = z.number().int().positive();
const ChannelId = z.number().int().positive();

/**
 * Unacknowledged output (UTF-16 characters) the appliance lets a console have before it pauses the shell.
 * Large enough to cover an ack's round trip on a busy machine at 50 MB/s (≈ 80 ms); it costs the
 * appliance no memory (what is in flight sits in the console, the socket backlog has its own cap).
 */
export const SHELL_WINDOW_CHARS = 4 * 1024 * 1024;
/** The console acknowledges at least every this many characters (and whatever is left when output stops). */
export const SHELL_ACK_EVERY_CHARS = 256 * 1024;

export const RecordingId = z.number().int().positive();

/** A command-shell recording: asciicast v2 (`castUrl`) and a plain-text transcript (`textUrl`). */
export const ShellRecording = z.object({
  id: RecordingId,
  sessionId: SessionId,
  /** Who opened the shell. */
  userId: z.number().int(),
  hostname: z.string(),
  startedAt: z.string(),
  /** Null while the shell is open (or if the appliance stopped before it closed). */
  endedAt: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  castBytes: z.number().int().nonnegative(),
  textBytes: z.number().int().nonnegative(),
  /** The output went past the recording limit: the files hold its beginning and say so. */
  truncated: z.boolean(),
  castUrl: z.string(),
  textUrl: z.string(),
});
export type ShellRecording = z.infer<typeof ShellRecording>;

export const shellMethods = {
  /** The console wrote this many more output characters (bytes, for a shell opened with `binary`) of one shell to its terminal. */
  'session.shell.ack': { params: z.object({ shellId: ShellId, chars: z.number().int().positive().max(1 << 30) }), result: Empty },
  /** The command-shell recordings of a session (download links for the rep's own, or all of them with View Reports). */
  'session.shell.recordings': { params: z.object({ sessionId: SessionId }), result: z.object({ recordings: z.array(ShellRecording) }) },
} as const;

/** Appliance → agent: stop reading the shell's output for now / start again (flow control). */
export const shellFlowEvents = {
  'shell.pause': z.object({ channelId: ChannelId }),
  'shell.resume': z.object({ channelId: ChannelId }),
} as const;

/** Where a recording downloads (with the console's cookie or `Authorization: Bearer <console token>`). */
export function recordingUrl(id: number, format: 'cast' | 'txt'): string {
  return `/console/recordings/${id}.${format}`;
}
