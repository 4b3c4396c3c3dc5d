/**
 * The ECM plugin interface: one credential store behind `rep-appliance ecm --plugin NAME`.
 * To add a store, write a module exporting an `EcmPluginFactory` and register it in PLUGINS
 * (plugins/index.ts). Plugin options are the command line's remaining `--key value` pairs.
 * A plugin never logs or prints a password; `list` returns names only.
 */

/** What a rep may see: `id` is the plugin's own stable key, `name` the display name (e.g. `DEMO\Administrator`). */
export interface EcmCredential {
  id: string;
  name: string;
  description?: string;
}

export interface EcmSecretValue {
  username: string;
  password: string;
  domain?: string;
}

export interface EcmListQuery {
  search?: string;
  hostname?: string;
  limit: number;
}

export interface EcmPlugin {
  /** The plugin's name as given to --plugin (shown on /login > Status > ECM Clients). */
  readonly name: string;
  list(query: EcmListQuery): Promise<EcmCredential[]>;
  /** The secret of one `id` from list, or null when the store has no such credential. */
  fetch(id: string, query: { hostname?: string }): Promise<EcmSecretValue | null>;
  close?(): Promise<void>;
}

export type EcmPluginFactory = (options: Readonly<Record<string, string>>) => Promise<EcmPlugin>;

/** `DOMAIN\user` → domain and user; anything else is a bare user name. */
export function splitAccount(account: string): { username: string; domain?: string } {
  const i = account.indexOf('\\');
  return i > 0 ? { domain: account.slice(0, i), username: account.slice(i + 1) } : { username: account };
}

/** Case-insensitive substring match on the name, then the first `limit`. */
export function filterCredentials<T extends EcmCredential>(all: readonly T[], query: EcmListQuery): EcmCredential[] {
  const needle = query.search?.toLowerCase() ?? '';
  return all
    .filter((c) => !needle || c.name.toLowerCase().includes(needle))
    .slice(0, Math.max(0, query.limit))
    .map((c) => ({ id: c.id, name: c.name, ...(c.description ? { description: c.description } : {}) }));
}
