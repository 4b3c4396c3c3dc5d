/**
 * An independent RFC 6238 implementation for tests (HMAC-SHA1, 30-second steps, 6 digits) written
 * straight from the RFCs with node:crypto — deliberately not the library the appliance uses, so a
 * shared bug cannot make both sides agree.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (no padding needed). */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP for one counter value. */
export function hotp(key: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

/** The TOTP code of a base32 secret at a time (ms), optionally some steps earlier or later. */
export function totp(secret: string, atMs = Date.now(), stepOffset = 0): string {
  return hotp(base32Decode(secret), Math.floor(atMs / 1000 / 30) + stepOffset);
}

/** Waits until at least `marginS` seconds remain in the current 30-second step, so a code computed now is still good when it arrives. */
export async function freshWindow(marginS = 4): Promise<void> {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < marginS) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

/** Waits for the next step to begin (a code not yet used). */
export async function nextWindow(): Promise<void> {
  const left = 30 - ((Date.now() / 1000) % 30);
  await new Promise((r) => setTimeout(r, left * 1000 + 200));
}
