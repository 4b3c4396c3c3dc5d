/** Reading one inbound frame: size cap, JSON, envelope. Shared by the console and customer endpoints. */
import type { RawData } from 'ws';
import { RequestEnvelope, type ErrorCode } from '../protocol/index.js';
import { LIMITS, tooLargeMessage } from '../domain/limits.js';

export type FrameResult =
  | { ok: true; id: number; method: string; params: unknown }
  | { ok: false; id: number | null; code: ErrorCode; message: string };

export function readFrame(data: RawData, isBinary: boolean): FrameResult {
  const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
  if (size > LIMITS.maxMessageBytes) return { ok: false, id: null, code: 'E_TOO_LARGE', message: tooLargeMessage() };
  if (isBinary) return { ok: false, id: null, code: 'E_BAD_ENVELOPE', message: 'Binary frames are not part of this protocol.' };
  let raw: unknown;
  try {
    raw = JSON.parse(textOf(data));
  } catch {
    return { ok: false, id: null, code: 'E_BAD_JSON', message: 'The message is not valid JSON.' };
  }
  const env = RequestEnvelope.safeParse(raw);
  if (!env.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    return { ok: false, id: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null, code: 'E_BAD_ENVELOPE', message: 'The message does not follow the protocol envelope.' };
  }
  return { ok: true, id: env.data.id, method: env.data.method, params: env.data.params ?? {} };
}

/** The frame's text whatever shape ws delivered it in (fragments are joined, not comma-separated). */
function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return Buffer.isBuffer(data) ? data.toString() : Buffer.from(data).toString();
}
