/**
 * Every security decision the Electron main process makes about its window, as plain functions.
 * The renderer is a web page served by the embedded appliance; it gets the privileges of a web page
 * from that one origin and nothing more: no Node, no navigation elsewhere, no new windows, no
 * webviews, no permissions but notifications, and IPC only from that origin.
 */
import { isSameOrigin, originOf, websocketOriginOf } from './origin.js';

/**
 * The `webPreferences` of every window we open. Spelled out in full, defaults included, so that a
 * change of Electron's defaults cannot loosen them and a reviewer sees them in one place.
 */
export interface HardenedWebPreferences {
  readonly preload: string;
  readonly additionalArguments: string[];
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
}

/**
 * The hardened preferences for a window whose preload is `preload` (an absolute path to the CJS
 * bundle) and whose renderer should see `additionalArguments` in `process.argv`.
 */
export function hardenedWebPreferences(preload: string, additionalArguments: readonly string[] = []): HardenedWebPreferences {
  return {
    preload,
    additionalArguments: [...additionalArguments],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window must not navigate it to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * Whether a window may navigate (or be redirected) to `url`: only within the appliance's own
 * origin. Anything else — another site, `file:`, `data:`, `javascript:` — is refused; links meant
 * for the outside world go to the system browser instead (see external-links.ts).
 */
export function isAllowedNavigation(url: string, applianceOrigin: string): boolean {
  return isSameOrigin(url, applianceOrigin);
}

/**
 * Whether an IPC message comes from a frame we trust: a frame showing a page of the appliance's
 * origin. A missing frame (it navigated away or was destroyed mid-call) is not trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, applianceOrigin: string): boolean {
  return isSameOrigin(frameUrl, applianceOrigin);
}

/** The only permissions a page may be granted: the console's desktop notifications. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['notifications'];

/**
 * Whether `permission`, asked for (or checked) by a page at `requestingUrl`, is granted: only the
 * allowed ones, and only to the appliance's origin. Camera, microphone, geolocation, clipboard
 * reads, HID/USB/serial and everything Electron adds later are refused.
 */
export function isAllowedPermission(permission: string, requestingUrl: string | null | undefined, applianceOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isSameOrigin(requestingUrl, applianceOrigin);
}

/**
 * The Content-Security-Policy the main process adds to the appliance's responses. The appliance
 * sends its own; a second policy only ever narrows (the browser enforces both), so the desktop
 * window stays locked down even if a future appliance (or another site) sends a looser one.
 * WebSockets are named explicitly rather than relying on `'self'` covering `ws:`.
 */
export function contentSecurityPolicy(applianceOrigin: string): string {
  const origin = originOf(applianceOrigin);
  if (!origin) throw new Error(`Not an http(s) origin: ${applianceOrigin}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Svelte sets style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${websocketOriginOf(origin)}`,
    "font-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Response headers as Electron's webRequest hands them over (names in whatever case the server used). */
export type ResponseHeaders = Record<string, string[]>;

/**
 * `headers` with `csp` added as one more Content-Security-Policy value, keeping the server's own
 * policy (under whatever spelling of the header name it used) so both are enforced.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, csp: string): ResponseHeaders {
  const out: ResponseHeaders = { ...(headers ?? {}) };
  const key = Object.keys(out).find((k) => k.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy';
  out[key] = [...(out[key] ?? []), csp];
  return out;
}
