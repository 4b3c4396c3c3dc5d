/**
 * Session-wide guards for the embedded appliance's origin: the launch-secret header on the way out,
 * our Content-Security-Policy on the way in, and permissions. Every decision is a function in
 * logic/; this file only hands Electron's callbacks to them.
 */
import type { Session } from 'electron';
import { applianceRequestFilter, withLaunchSecret } from './logic/launch-secret.js';
import { contentSecurityPolicy, isAllowedPermission, withContentSecurityPolicy } from './logic/security.js';

/** Installs the guards on `ses` for an appliance at `applianceOrigin` that knows `launchSecret`. */
export function guardSession(ses: Session, applianceOrigin: string, launchSecret: string): void {
  // Only requests to the appliance's exact origin are even offered to these listeners; the
  // logic functions check the URL again before adding the secret.
  const filter = applianceRequestFilter(applianceOrigin);
  ses.webRequest.onBeforeSendHeaders(filter, (details, callback) => {
    callback({ requestHeaders: withLaunchSecret(details.url, details.requestHeaders, applianceOrigin, launchSecret) });
  });

  const csp = contentSecurityPolicy(applianceOrigin);
  ses.webRequest.onHeadersReceived(filter, (details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });

  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl, applianceOrigin));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin, applianceOrigin));
  // USB, HID and serial devices: the console never needs them.
  ses.setDevicePermissionHandler(() => false);
}
