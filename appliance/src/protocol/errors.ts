/**
 * Stable error codes, one place. Every refusal the appliance sends (over WebSocket or HTTP) carries
 * one of these codes plus a human message. UIs switch on the code and show the message.
 */
import { SCREEN_ERRORS } from './screen-errors.js';
import { FILE_ERRORS } from './file-errors.js';
import { ELEVATION_ERRORS } from './elevation-errors.js';
import { DESKTOP_ERRORS } from './desktop-errors.js';
import { JUMP_ERRORS } from './jump-errors.js';
import { API_ERRORS } from './api-errors.js';
import { ECM_ERRORS } from './ecm-errors.js';
import { INJECT_ERRORS } from './inject-errors.js';
import { LIMIT_ERRORS } from './limit-errors.js';

export const ERRORS = {
  E_BAD_JSON: 'The message is not valid JSON.',
  E_BAD_ENVELOPE: 'The message does not follow the protocol envelope.',
  E_UNKNOWN_METHOD: 'The requested action does not exist.',
  E_BAD_PARAMS: 'The request parameters are invalid.',
  E_TOO_LARGE: 'The message is larger than the appliance accepts.',
  E_RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  E_INTERNAL: 'The appliance could not complete the request.',
  E_NOT_FOUND: 'Nothing was found at that address.',

  E_AUTH_REQUIRED: 'Log in first.',
  E_AUTH_INVALID: 'The username or password is incorrect.',
  E_AUTH_LOCKED: 'This account is locked after too many failed logins. Ask an administrator to reset it.',
  E_AUTH_DISABLED: 'This account is disabled.',
  E_AUTH_TOTP_REQUIRED: 'Enter the 6-digit code from your authenticator app.',
  E_AUTH_TOTP_INVALID: 'The two-factor code is not valid.',
  E_AUTH_TOTP_REUSED: 'That code was already used. Wait for the next code from your authenticator app.',
  E_AUTH_TOKEN_INVALID: 'Your login has expired. Log in again.',
  E_AUTH_KICKED: 'You were logged out because you logged in from another console.',
  E_AUTH_ENDED_BY_ADMIN: 'An administrator logged you out of the representative console.',
  E_WEB_CONSOLE_DISABLED: 'The web rep console is not allowed to connect to this site.',
  E_NOT_A_REP: 'This account may not use the representative console.',
  E_FORBIDDEN: 'You do not have permission to do that.',
  E_PASSWORD_WRONG: 'Your current password is incorrect.',
  E_PASSWORD_WEAK:
    'The new password does not follow the password rules: at least 8 characters, with an upper-case letter, a lower-case letter, a digit and a special character, and not the username.',
  E_USER_NOT_FOUND: 'That user does not exist.',
  E_REP_NOT_LOGGED_IN: 'That representative is no longer logged in to a console.',
  E_CSRF: 'The request was refused because it did not come from this site’s pages.',
  E_DEFAULT_PASSWORD_PUBLIC:
    'The administrator still has the default password: the appliance only listens on loopback until it is changed.',

  E_SESSION_NOT_FOUND: 'That session no longer exists.',
  E_SESSION_NOT_OWNER: 'Only the session owner can do that.',
  E_SESSION_ALREADY_TAKEN: 'Another representative has already accepted this session.',
  E_SESSION_ENDED: 'This session has ended.',
  E_SESSION_NOT_MEMBER: 'You are not a member of this session.',
  E_SESSION_OWNER_CANNOT_LEAVE: 'The session owner cannot leave: end the session, hold it, or transfer it first.',
  E_SESSION_NOT_ACTIVE: 'The session is not active: accept it first.',
  E_INVITATION_NOT_FOUND: 'That invitation is no longer open.',
  E_INVITATION_EXISTS: 'There is already an open invitation for them in this session.',
  E_INVITE_SELF: 'You are already in this session.',
  E_MEMBER_NOT_FOUND: 'That representative is not in this session.',
  E_TARGET_NOT_FOUND: 'That team or representative does not exist.',
  E_CUSTOMER_GONE: 'The customer is not connected.',
  E_PROMPT_NOT_FOUND: 'That request is no longer waiting for an answer.',
  E_NOT_TEAM_MEMBER: 'You are not a member of that team, so you cannot use its team chat.',

  E_KEY_INVALID: 'That session key is not valid. Check the digits with your representative.',
  E_KEY_USED: 'That session key has already been used. Ask your representative for a new one.',
  E_KEY_EXPIRED: 'That session key has expired. Ask your representative for a new one.',
  E_REP_UNAVAILABLE: 'That representative is not available right now. Choose another, or describe your issue.',
  E_RENDERER_MISSING: 'This page has not been built. Run `npm run build` and restart the appliance.',

  // Jump Clients and other endpoint agents (/ws/agent), and the session tools that reach them.
  E_AGENT_AUTH_INVALID: 'The Jump Client’s identity is not valid (it was uninstalled or replaced). Reinstall it with a new installer key.',
  E_AGENT_NOT_IDENTIFIED: 'The agent must register or say hello before anything else.',
  E_JUMP_GROUP_NOT_FOUND: 'The Jump Group or user named for this Jump Client does not exist.',
  E_JUMP_GROUP_REQUIRED: 'The installer names no Jump Group: pass --jc-jump-group user:NAME or jumpgroup:CODE.',
  E_ENDPOINT_OFFLINE: 'The remote computer is not connected, so the tool cannot reach it.',
  E_ENDPOINT_TIMEOUT: 'The remote computer did not answer in time.',
  E_ENDPOINT_UNSUPPORTED: 'The remote computer does not support that tool.',
  E_SHELL_NOT_FOUND: 'That command shell is closed.',
  E_SHELL_LIMIT: 'Too many command shells are open in this session. Close one first.',
  E_SHELL_PROMPT_REQUIRED: 'The customer has not allowed a command shell. Ask for permission first.',
  E_RECORDING_NOT_FOUND: 'There is no such command shell recording, or you may not see it.',
  E_PATH_NOT_ALLOWED: 'That folder is outside the folders the remote computer allows.',
  E_PATH_NOT_FOUND: 'That folder does not exist on the remote computer.',

  // Jump Items: jump.start and pinning. E_JUMP_SCHEDULE's message also says when a session may start next.
  E_JUMP_ITEM_NOT_FOUND: 'That Jump Item no longer exists.',
  E_JUMP_SCHEDULE: "The Jump Policy's schedule does not permit a session to start at this time.",
  E_JUMP_ITEM_OFFLINE: 'The Jump Item is offline or unusable, so a session cannot start with it now.',
  E_JUMP_PASSWORD_REQUIRED: 'This Jump Client is protected by a password. Enter its password to start a session.',
  E_JUMP_PASSWORD_WRONG: 'The Jump Client password is incorrect.',
  E_JUMP_NOBODY_PRESENT: 'The Jump Policy requires the person at the remote computer to allow the session, and nobody is there to allow it.',

  // Jump Client installers (/login > Jump Clients > Mass Deployment Wizard, /download/jump-client/...).
  E_INSTALLER_KEY_INVALID: 'That Jump Client installer key is not valid. Ask your administrator for a new installer.',
  E_INSTALLER_KEY_EXPIRED: 'That Jump Client installer has expired. Ask your administrator for a new installer.',
  E_INSTALLER_KEY_USED: 'That Jump Client installer was made for one computer and has already been used. Ask your administrator for a new installer.',
  E_INSTALLER_VALIDITY: 'An installer must be valid for at least 10 minutes and at most 1 year.',
  E_INSTALLER_NOT_FOUND: 'That installer does not exist.',
  E_MSI_UNAVAILABLE: 'This site cannot build Windows MSI installers because wixl (msitools) is not installed on the appliance. Use the .cmd file or the command line instead.',
  // Screen sharing (protocol/screen-errors.ts).
  ...SCREEN_ERRORS,
  // File transfer (protocol/file-errors.ts).
  ...FILE_ERRORS,
  // Elevate and Support Buttons (protocol/elevation-errors.ts).
  ...ELEVATION_ERRORS,
  // The desktop console's hand-off and update feed (protocol/desktop-errors.ts).
  ...DESKTOP_ERRORS,
  // Jump prompting and Jump Policies (protocol/jump-errors.ts).
  ...JUMP_ERRORS,
  // Integration APIs and Reports (protocol/api-errors.ts).
  ...API_ERRORS,
  ...INJECT_ERRORS,
  // ECM bridges (protocol/ecm-errors.ts).
  ...ECM_ERRORS,
  // Resource limits (protocol/limit-errors.ts, domain/limits.ts).
  ...LIMIT_ERRORS,

  // Accounts and security (/login: My Account, Users, Management > Security, Support Portal).
  E_TOTP_NOT_ENROLLING: 'Start setting up two-factor authentication first: the code you entered belongs to no pending set-up.',
  E_TOTP_ENFORCED: 'Two-factor authentication is required on this site, so it cannot be turned off.',
  E_TOTP_ENROL_REQUIRED: 'This site requires two-factor authentication. Log in to /login and set it up in My Account first.',
  E_TOTP_NOT_ENABLED: 'Two-factor authentication is not turned on for this account.',
  E_PASSWORD_EXPIRED: 'Your password has expired. Ask an administrator to set a new one.',
  E_IMAGE_INVALID: 'The file is not an image the site accepts.',
  E_IMAGE_TOO_LARGE: 'The image is larger than the site accepts.',
  E_USER_EXISTS: 'A user with that username already exists.',
  E_USER_SELF: 'You cannot delete, disable or remove the administrator permission from your own account.',
  E_USER_HAS_SESSIONS: 'That user still owns open sessions. Wait until they end, or transfer them, before deleting the user.',
  E_TEAM_NOT_FOUND: 'That team does not exist.',
  E_TEAM_EXISTS: 'A team with that name or code name already exists.',
  E_TEAM_IN_USE: 'Portal issues still send customers to that team. Move or delete those issues first.',
  E_ISSUE_NOT_FOUND: 'That issue does not exist.',
  E_ISSUE_EXISTS: 'An issue with that code name already exists.',
  E_CLICK_TO_CHAT_DISABLED: 'Click-to-chat is turned off on this site (Support Portal settings): start the session without c2cjs=1.',
  E_TIMEZONE_INVALID: 'That is not a time zone this site knows (use an IANA name such as Europe/Paris).',
  E_SETTING_INVALID: 'That setting has a value the site cannot use.',
  E_SECURITY_ANSWER_WRONG: 'The answer to the security question is not correct.',
  E_PASSWORD_RESET_UNAVAILABLE: 'This account cannot reset its password with a security question. Ask an administrator.',
  E_LANGUAGE_UNSUPPORTED: 'That language is not offered. Choose English (US), Français or Deutsch.',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** An error that carries a stable code; thrown by domain code, serialized by adapters. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERRORS[code]);
    this.name = 'CodedError';
    this.code = code;
    if (details) this.details = details;
  }
}
