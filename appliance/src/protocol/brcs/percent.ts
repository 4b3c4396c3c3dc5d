/**
 * RFC 3986 §2.1 percent-encoding, as BRCS files and `/api/client_script` URLs use it. We emit
 * strictly (every byte outside the unreserved set encoded, upper-case hex) and read strictly where
 * it matters: a `%` must start a two-digit escape, and the bytes must be valid UTF-8.
 */

/** Thrown with a message that says what is wrong; callers add the line or parameter. */
export class PercentError extends Error {
  override readonly name = 'PercentError';
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const encoder = new TextEncoder();
// `ignoreBOM`: a value that starts with U+FEFF keeps it (the default decoder would drop it).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Encodes everything outside RFC 3986's unreserved set (ALPHA DIGIT - . _ ~) as UTF-8 `%XX`. */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    const code = ch.codePointAt(0)!;
    // A lone surrogate has no UTF-8 form: refuse rather than silently write U+FFFD.
    if (code >= 0xd800 && code <= 0xdfff) throw new PercentError('contains text that is not valid Unicode');
    for (const byte of encoder.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Decodes `%XX` escapes; other characters stand for themselves (lenient: a raw space or `é` is
 * accepted). `plusIsSpace` reads `+` as a space, as HTML forms and most query strings do; BRCS files
 * follow RFC 3986, where `+` is just `+`.
 */
export function percentDecode(text: string, opts: { plusIsSpace?: boolean } = {}): string {
  if (!text.includes('%') && !(opts.plusIsSpace && text.includes('+'))) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new PercentError(`has a "%" that is not followed by two hexadecimal digits`);
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else if (c === '+' && opts.plusIsSpace) {
      bytes.push(0x20);
      i += 1;
    } else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...encoder.encode(ch));
      i += ch.length;
    }
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    throw new PercentError('is not valid UTF-8 once decoded');
  }
}
