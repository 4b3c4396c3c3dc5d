/**
 * The error codes of Inject Credentials and the Vault (FEATURES.md §F), spread into ERRORS
 * (errors.ts). Stable: the console and /login switch on them. None of the messages ever carries a secret.
 */
export const INJECT_ERRORS = {
  E_INJECT_FORBIDDEN: 'You do not have permission to inject credentials or use Vault accounts.',
  E_INJECT_UNSUPPORTED: 'This remote computer’s client cannot receive injected credentials.',
  E_INJECT_NOT_WINDOWS: 'Credentials can only be injected into a Windows computer.',
  E_INJECT_NOT_AT_LOGIN: 'Credentials can only be injected while the remote computer shows its login screen.',
  E_INJECT_LOGIN_FAILED: 'The remote computer did not accept those credentials.',
  E_INJECT_NO_ENDPOINT: 'No remote computer is attached to this session.',
  E_CREDENTIAL_NOT_FOUND: 'That credential does not exist (any more) in its credential store.',
  E_CREDENTIAL_NAME_INVALID: 'The credential’s name contains control characters; it cannot be used.',
  E_CREDENTIAL_SOURCE_UNAVAILABLE: 'The credential store did not answer. Try again in a moment.',
  E_VAULT_ACCOUNT_NOT_FOUND: 'That Vault account does not exist.',
  E_VAULT_NAME_TAKEN: 'A Vault account with that name already exists.',
  E_VAULT_CHECKED_OUT: 'That Vault account is checked out by someone else.',
  E_VAULT_NOT_CHECKED_OUT: 'That Vault account is not checked out by you.',
  E_VAULT_KEY_INVALID: 'The Vault key does not match the stored accounts (vault.key was replaced?).',
} as const;
