/**
 * Origins, compared the one way every check in the main process compares them: parsed by the URL
 * standard, never by string prefix (`http://127.0.0.1:41234.evil.example` starts with the
 * appliance's URL too).
 */

/**
 * The `scheme://host:port` origin of an http(s) or ws(s) URL, or null for anything else (opaque
 * origins such as `file:`, `data:` or `about:blank` never equal a real one, and unparsable input is
 * nobody's origin).
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return null;
  return parsed.origin;
}

/** True when `url` is a URL of exactly this http(s) origin (same scheme, host and port). */
export function isSameOrigin(url: string | null | undefined, origin: string): boolean {
  const expected = originOf(origin);
  return expected !== null && expected.startsWith('http') && originOf(url) === expected;
}

/** The WebSocket origin that belongs to an http(s) origin: `http://h:p` → `ws://h:p`. */
export function websocketOriginOf(origin: string): string {
  const o = originOf(origin);
  if (!o || !o.startsWith('http')) throw new Error(`Not an http(s) origin: ${origin}`);
  return o.replace(/^http/, 'ws');
}
