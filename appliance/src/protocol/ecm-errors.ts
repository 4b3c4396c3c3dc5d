/** Error codes of ECM bridges (/ws/ecm, `rep-appliance ecm`) and the ECM credential source (spread into ERRORS in errors.ts). */
export const ECM_ERRORS = {
  E_ECM_CLIENT_INVALID: 'The ECM client ID or client secret is not valid.',
  E_ECM_BAD_HELLO: 'An ECM must introduce itself first: client ID, client secret, name, version and plugin.',
  E_ECM_LIMIT: 'This site already has 5 ECMs connected; the site accepts no more.',
  E_ECM_NONE: 'No Endpoint Credential Manager is connected to the site.',
  E_ECM_TIMEOUT: 'The Endpoint Credential Manager did not answer in time.',
  E_ECM_BAD_ANSWER: 'The Endpoint Credential Manager answered with something that is not a valid answer.',
  E_ECM_CREDENTIAL_NOT_FOUND: 'The Endpoint Credential Manager does not have that credential (any more).',
  E_ECM_PLUGIN_FAILED: 'The Endpoint Credential Manager could not read its credential store.',
  E_ECM_ACCOUNT_NOT_FOUND: 'That ECM account does not exist.',
  E_ECM_CONFIG_INVALID: 'The ECM configuration is incomplete: client ID, client secret, site, port and plugin are all required.',
  E_ECM_FILE_LOCKED: 'The encrypted credential file could not be opened: the passphrase is wrong or the file is damaged.',
} as const;
