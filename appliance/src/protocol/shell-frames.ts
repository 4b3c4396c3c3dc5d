/**
 * Shell output as binary WebSocket messages: an 8-byte prefix (a magic number, then the channel or
 * shell id, both little-endian u32) and the output's bytes as the program wrote them (UTF-8; a
 * character may be split between two messages, so readers decode with a streaming decoder). Two hops:
 * - agent → appliance: "RSO1" + the agent's channel id, when the appliance opened the shell with
 *   `binary: true` (agent-messages.ts);
 * - appliance → console: "RSH1" + the shell id, when the console opened it with `binary: true`
 *   (messages.ts); its `session.shell.ack` then counts bytes instead of characters.
 * The bytes pass through untouched: no UTF-8 decoding, JSON escaping or parsing per megabyte of a
 * flood on any hop (bench/README.md, shell). Small enough for the renderer (no Buffer).
 */

/** Agent → appliance, "RSO1" read little-endian. */
export const AGENT_SHELL_OUTPUT = 0x314f5352;
/** Appliance → console, "RSH1" read little-endian. */
export const CONSOLE_SHELL_OUTPUT = 0x31485352;
/** Bytes in front of the output. */
export const SHELL_FRAME_PREFIX_BYTES = 8;
/** Output bytes in one binary message at most (well below the 256 KiB frame cap). */
export const MAX_SHELL_OUTPUT_BYTES = 128 * 1024;

/**
 * One message: the prefix, then `parts` one after the other (a single copy). `alloc`: where the
 * message is written (Node passes Buffer.allocUnsafe: no zero-filling of memory it overwrites anyway).
 */
export function wrapShellOutput(magic: number, id: number, parts: readonly Uint8Array[], alloc: (size: number) => Uint8Array = (n) => new Uint8Array(n)): Uint8Array {
  let size = SHELL_FRAME_PREFIX_BYTES;
  for (const p of parts) size += p.length;
  const out = alloc(size);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  v.setUint32(0, magic, true);
  v.setUint32(4, id, true);
  let at = SHELL_FRAME_PREFIX_BYTES;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The id and output of a message with this magic; null when it is something else. */
export function unwrapShellOutput(magic: number, bytes: Uint8Array): { id: number; data: Uint8Array } | null {
  if (bytes.length < SHELL_FRAME_PREFIX_BYTES) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, true) !== magic) return null;
  const id = v.getUint32(4, true);
  return id > 0 ? { id, data: bytes.subarray(SHELL_FRAME_PREFIX_BYTES) } : null;
}
