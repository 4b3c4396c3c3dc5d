/**
 * Which links the console may hand to the operating system (`shell.openExternal`). The OS opens
 * whatever the URL's scheme is registered to — a `file:` path runs a program, `ms-msdt:` or
 * `search-ms:` have been remote-code-execution vectors — so only plain https web pages go out.
 */

/** Longer URLs are refused: nothing legitimate the console links to is this long. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Whether `url` may be opened in the system browser: an absolute `https:` URL with a host and
 * without embedded credentials (`https://user:pass@host` is a phishing staple). Everything else —
 * `http:`, `file:`, `javascript:`, `data:`, `mailto:`, custom schemes — is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}
