/**
 * Which Jump Items a `start_jump_item_session` command means (FORMATS.md §Client scripting API).
 * Pure, so the web console (which may only import the protocol) and the appliance apply the same
 * rule; `appliance/src/domain/jump-criteria.ts` re-exports it for the appliance side.
 */
import type { JumpItem } from '../models.js';
import type { BrcsStartJumpItemSession } from './commands.js';

/** The criteria as the command carries them, under the vendor's parameter names. */
export type JumpCriteria = BrcsStartJumpItemSession['params'];

type Field = 'hostname' | 'comments' | 'tag' | 'publicIp' | 'privateIp';

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());
const isJumpClient = (item: JumpItem) => item.method === 'pinned';

/** `client.*` criteria: the item field each one looks at, and whether it applies to Jump Clients only. */
const CLIENT_FIELDS: readonly { param: keyof JumpCriteria; field: Field; jumpClientsOnly: boolean }[] = [
  { param: 'client.hostname', field: 'hostname', jumpClientsOnly: false },
  { param: 'client.comments', field: 'comments', jumpClientsOnly: false },
  { param: 'client.tag', field: 'tag', jumpClientsOnly: false },
  { param: 'client.public_ip', field: 'publicIp', jumpClientsOnly: true },
  { param: 'client.private_ip', field: 'privateIp', jumpClientsOnly: true },
];

const SEARCH_FIELDS: readonly Field[] = ['hostname', 'comments', 'publicIp', 'privateIp'];

/** True when `item` meets every criterion given (partial, case-insensitive text matches). */
export function matchesJumpCriteria(item: JumpItem, criteria: JumpCriteria): boolean {
  if (criteria['jump.method'] !== undefined && item.method !== criteria['jump.method']) return false;
  const search = criteria.search_string;
  if (search !== undefined && !SEARCH_FIELDS.some((f) => contains(item[f], search))) return false;
  for (const { param, field, jumpClientsOnly } of CLIENT_FIELDS) {
    const wanted = criteria[param];
    if (wanted === undefined) continue;
    if (jumpClientsOnly && !isJumpClient(item)) return false;
    if (!contains(item[field], wanted)) return false;
  }
  // credential_id selects by the credential associated with an item; no item carries one yet, so it
  // narrows nothing here and is passed on with the Jump for credential injection.
  return true;
}

/** The items that meet all the criteria, in their original order. */
export function matchJumpItems(items: readonly JumpItem[], criteria: JumpCriteria): JumpItem[] {
  return items.filter((item) => matchesJumpCriteria(item, criteria));
}

/**
 * A search term for the console's `jump.list` whose results are sure to include every match, so a
 * console need not fetch the whole list: `jump.list` searches name, hostname, comments, tag and both
 * IPs, and any matching item contains each given text criterion in one of those. SQLite folds case
 * for ASCII only, so a criterion with other characters is not used. Empty: fetch everything.
 */
export function jumpListSearchFor(criteria: JumpCriteria): string {
  const texts = [criteria.search_string, ...CLIENT_FIELDS.map((f) => criteria[f.param])];
  for (const t of texts) if (t !== undefined && /^[\x20-\x7e]+$/.test(t) && t.trim() !== '') return t;
  return '';
}

/** The criteria in words, for "No Jump Item matches …": `search_string "dc01", jump.method "pinned"`. */
export function describeJumpCriteria(criteria: JumpCriteria): string {
  return Object.entries(criteria)
    .filter(([k, v]) => v !== undefined && k !== 'credential_id')
    .map(([k, v]) => `${k} "${String(v)}"`)
    .join(', ');
}
