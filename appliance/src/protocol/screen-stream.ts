/**
 * Screen sharing between the console and the appliance: the requests a rep's console makes on a
 * screen stream, the events it gets, and the binary message that carries frames.
 *
 * One stream per (session, rep). Frames travel as binary WebSocket messages: an 8-byte prefix
 * (magic "RSS1", the stream id) and then the packed frame of screen-frames.ts. The console acks
 * every frame it applied (`session.screen.ack`, cumulative); the appliance keeps at most
 * SCREEN_WINDOW frames unacknowledged and never queues frames: while the console is behind, changes
 * merge into the next frame it can take. Spread into `methods` / `events` of messages.ts.
 */
import { z } from 'zod';
import { ColorMode, MonitorInfo, ScreenInput, SpecialAction } from './screen-frames.js';
import { SessionId } from './session-models.js';

/** Frames the appliance may have in flight to one console before it waits for an ack. */
export const SCREEN_WINDOW = 2;
/** At most this many input events in one request (a burst of typing, a virtual-keyboard chord). */
export const MAX_SCREEN_INPUTS = 64;

const StreamId = z.number().int().positive();
const Scale = z.object({ width: z.number().int().min(16).max(8192), height: z.number().int().min(16).max(8192) }).nullable();
const Empty = z.object({}).strict();

/** What a stream shows and how: the viewer changes it with `session.screen.view`. */
export const ScreenView = z.object({
  /** A monitor id from `monitors`; the primary one when omitted. */
  monitorId: z.string().max(64).optional(),
  colorMode: ColorMode.default('all-colors'),
  /** Scale to Fit: the stage's size in device pixels (the appliance downsamples); null: Actual Size. */
  scale: Scale.default(null),
});

/** The endpoint's side of the stream: what it allows and what is on. */
export const ScreenStatus = z.object({
  /** The rep controls mouse and keyboard (else: view only). */
  control: z.boolean(),
  /** Phones and tablets: view only, always. */
  viewOnly: z.boolean(),
  /** The customer client runs elevated: privacy screen and customer input can be switched. */
  elevated: z.boolean(),
  /** Windows or macOS: where privacy screen and disabling customer input exist at all. */
  restrictable: z.boolean(),
  privacyScreen: z.boolean(),
  customerInputDisabled: z.boolean(),
  /** What the endpoint shows: its desktop, a lock / login screen... */
  state: z.string(),
});
export type ScreenStatus = z.infer<typeof ScreenStatus>;

export const ScreenStart = z.object({
  streamId: StreamId,
  sessionId: SessionId,
  hostname: z.string(),
  os: z.string(),
  monitors: z.array(MonitorInfo),
  monitorId: z.string(),
  specialActions: z.array(SpecialAction),
  clipboard: z.string(),
  status: ScreenStatus,
});
export type ScreenStart = z.infer<typeof ScreenStart>;

export const screenMethods = {
  /** Start Screen Sharing: a stream of the session's endpoint for this console; frames follow as binary messages. */
  'session.screen.start': {
    params: z.object({ sessionId: SessionId, control: z.boolean().default(false) }).merge(ScreenView),
    result: ScreenStart,
  },
  'session.screen.stop': { params: z.object({ streamId: StreamId }), result: Empty },
  /** Another monitor, colour mode or size; `keyframe` asks for the whole picture again (the viewer lost it). */
  'session.screen.view': { params: z.object({ streamId: StreamId, keyframe: z.boolean().default(false) }).merge(ScreenView), result: Empty },
  /** The console applied frames up to `seq` (cumulative): the appliance may send more. */
  'session.screen.ack': { params: z.object({ streamId: StreamId, seq: z.number().int().nonnegative() }), result: Empty },
  /** Request / release control (mouse and keyboard). */
  'session.screen.control': { params: z.object({ streamId: StreamId, control: z.boolean() }), result: ScreenStatus },
  /** Mouse, keyboard, typed text, Ctrl-Alt-Del, in order; refused with an E_SCREEN_* code in view mode. */
  'session.screen.input': { params: z.object({ streamId: StreamId, events: z.array(ScreenInput).min(1).max(MAX_SCREEN_INPUTS) }), result: Empty },
  'session.screen.specialAction': { params: z.object({ streamId: StreamId, actionId: z.string().min(1).max(64) }), result: Empty },
  /** Sends the rep's clipboard text to the endpoint's clipboard. */
  'session.screen.clipboard': { params: z.object({ streamId: StreamId, text: z.string().max(100_000) }), result: Empty },
  /** Privacy screen and / or disabling the customer's mouse and keyboard (Windows/macOS, elevated). */
  'session.screen.restrict': {
    params: z.object({ streamId: StreamId, privacyScreen: z.boolean().optional(), customerInputDisabled: z.boolean().optional() }),
    result: ScreenStatus,
  },
  /** A full-resolution PNG of a monitor (the toolbar's Screenshot), base64. */
  'session.screen.screenshot': {
    params: z.object({ streamId: StreamId, monitorId: z.string().max(64).optional() }),
    result: z.object({ png: z.string(), width: z.number().int(), height: z.number().int(), fileName: z.string() }),
  },
} as const;

export const screenEvents = {
  /** Control, elevation, privacy screen or the endpoint's state changed. */
  'session.screen.status': z.object({ streamId: StreamId, sessionId: SessionId, status: ScreenStatus }),
  /** Someone copied text on the endpoint: the rep may take it. */
  'session.screen.clipboard': z.object({ streamId: StreamId, text: z.string() }),
  /** The stream ended without the rep stopping it (session over, endpoint gone, permission lost). */
  'session.screen.ended': z.object({ streamId: StreamId, sessionId: SessionId, code: z.string(), message: z.string() }),
} as const;

const MAGIC = 0x31535352; // "RSS1" little-endian
/** Bytes in front of the packed frame. */
export const SCREEN_PREFIX_BYTES = 8;

/** A frame for one stream as one binary WebSocket message. */
export function wrapScreenFrame(streamId: number, packedFrame: Uint8Array): Uint8Array {
  const out = new Uint8Array(SCREEN_PREFIX_BYTES + packedFrame.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, MAGIC, true);
  v.setUint32(4, streamId, true);
  out.set(packedFrame, SCREEN_PREFIX_BYTES);
  return out;
}

/** The stream and packed frame of a binary message; null when it is not a screen frame. */
export function unwrapScreenFrame(bytes: Uint8Array): { streamId: number; frame: Uint8Array } | null {
  if (bytes.length < SCREEN_PREFIX_BYTES) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, true) !== MAGIC) return null;
  return { streamId: v.getUint32(4, true), frame: bytes.subarray(SCREEN_PREFIX_BYTES) };
}
