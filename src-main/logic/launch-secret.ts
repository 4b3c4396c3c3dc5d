/**
 * The per-launch secret that tells the embedded appliance "this connection is the desktop console
 * of this machine" (console kind `desktop`). The main process adds it to requests for the
 * appliance's exact origin only; the page never sees it, so a web page elsewhere — or the same
 * console opened in a browser — cannot claim to be the desktop console.
 */
import { randomBytes } from 'node:crypto';
import { isSameOrigin, originOf, websocketOriginOf } from './origin.js';

/** The request header the appliance reads (appliance/src/ws/gateway.ts). */
export const LAUNCH_SECRET_HEADER = 'x-rep-launch-secret';

/** A fresh secret: 32 random bytes as hex, new on every launch so a leaked one dies with the process. */
export function makeLaunchSecret(random: (size: number) => Buffer = randomBytes): string {
  return random(32).toString('hex');
}

/**
 * The webRequest URL filter for the appliance's origin: its pages and API over http(s) and its
 * WebSocket endpoints over ws(s). Electron's match patterns do not let `*` stand for ws, so both
 * schemes are listed.
 */
export function applianceRequestFilter(applianceOrigin: string): { urls: string[] } {
  const origin = originOf(applianceOrigin);
  if (!origin || !origin.startsWith('http')) throw new Error(`Not an http(s) origin: ${applianceOrigin}`);
  return { urls: [`${origin}/*`, `${websocketOriginOf(origin)}/*`] };
}

/**
 * The request headers to send for `url`: with the launch secret when the request goes to the
 * appliance's exact origin (http or its WebSocket twin), and with any header of that name removed
 * otherwise — the match pattern is the first filter, this the second, because a secret sent to
 * the wrong place cannot be recalled.
 */
export function withLaunchSecret(
  url: string,
  headers: Readonly<Record<string, string>>,
  applianceOrigin: string,
  secret: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== LAUNCH_SECRET_HEADER) out[name] = value;
  }
  const target = originOf(url);
  const isAppliance = isSameOrigin(url, applianceOrigin) || (target !== null && target === websocketOriginOf(applianceOrigin));
  if (isAppliance) out[LAUNCH_SECRET_HEADER] = secret;
  return out;
}
