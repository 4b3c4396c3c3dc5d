/**
 * Where injectable credentials come from (FEATURES.md §F): the connected ECMs and the built-in Vault.
 * The injection flow only sees this interface, so an ECM bridge and the Vault are interchangeable and
 * the secret travels from `fetchSecret` straight to the endpoint — never to a console, a log or a report.
 */

/** What a rep may see about a credential: never the secret. */
export interface CredentialSummary {
  /** Opaque, source-scoped id (e.g. `ecm:<ecmId>:<pluginId>` or `vault:<accountId>`). */
  readonly id: string;
  /** Display name, e.g. `DEMO\Administrator`. */
  readonly name: string;
  /** `ecm` or `vault`, shown as the list's source column. */
  readonly source: 'ecm' | 'vault';
  readonly description?: string;
}

/** The secret part, handed only to the endpoint that logs the user in. */
export interface CredentialSecret {
  readonly username: string;
  readonly password: string;
  readonly domain?: string;
}

export interface CredentialQuery {
  /** Substring filter on the name, case-insensitive. */
  readonly search?: string;
  /** The endpoint the rep wants to log in to (sources may filter by it). */
  readonly hostname?: string;
  /** The rep asking (for Vault permissions and check-out rules). */
  readonly userId: number;
}

export interface CredentialSource {
  readonly kind: 'ecm' | 'vault';
  /** At most `limit` summaries (200 for ECM, 2,000 for the Vault). Refusals throw a CodedError. */
  list(query: CredentialQuery, limit: number): Promise<readonly CredentialSummary[]>;
  /** The secret for one id from `list`, or a CodedError (unknown id, source gone, timeout). */
  fetchSecret(id: string, query: CredentialQuery): Promise<CredentialSecret>;
}

/** Per-source display caps from FEATURES.md §F. */
export const CREDENTIAL_LIST_LIMITS = { ecm: 200, vault: 2000 } as const;
