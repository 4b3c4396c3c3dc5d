/**
 * Searching Jump Items: visibility (groups, personal lists), a group filter, and a search over name,
 * hostname, comments, tag and both IP addresses.
 *
 * A term of three characters or more matches anywhere (the trigram index, jump_items_fts); one or two
 * characters match the start of words (jump_items_words: "ly" finds LYON-POS-01, "10" finds
 * 10.1.0.42). Either way the index finds the matching rows without reading the table. Up to
 * SORT_LIMIT matches are read from the index once, then counted and sorted by name in one pass
 * through a narrow index (id → name, group, owner), and only the 50 shown are read in full. More
 * than that are found by walking the name index against the matches' ids, which stops after one
 * page (at worst one pass over a narrow index); such a broad search counts its matches only up to COUNT_AHEAD from the page ("1–50 of
 * 500+"): the list shows 50 at a time, and counting all of 60,000 matches a rep is about to
 * narrow down costs more than the page.
 */
import type { JumpSearch } from '../domain/ports.js';
import type { Db } from './db.js';

/** A broad search counts this many matches from the start of the page asked for, then stops counting. */
export const COUNT_AHEAD = 500;
/** Up to this many matches (before visibility), sorting them beats walking the name index. */
const SORT_LIMIT = 3000;

export const ITEM_SELECT = `SELECT j.id, j.name, j.method, j.group_id, j.owner_user_id, j.hostname, j.comments, j.tag, j.public_ip, j.private_ip, j.os, j.status,
    j.last_accessed_at, j.created_at, j.policy_id, j.password_hash IS NOT NULL AS has_password,
    g.name AS group_name, u.display_name AS owner_name, p.name AS policy_name`;
export const ITEM_JOINS = `LEFT JOIN jump_groups g ON g.id = j.group_id LEFT JOIN users u ON u.id = j.owner_user_id LEFT JOIN jump_policies p ON p.id = j.policy_id`;
const ORDER = 'ORDER BY j.name COLLATE NOCASE, j.id';

interface Filter {
  sql: string;
  args: (string | number)[];
}

/**
 * Who may be seen, and the group / personal filter. `asFilter` marks the columns with a unary +
 * so SQLite checks them on the narrow sort-key index instead of looking them up in other indexes.
 */
function scope(q: JumpSearch, asFilter: boolean): Filter {
  const c = (col: string) => (asFilter ? `+j.${col}` : `j.${col}`);
  const args: (string | number)[] = [];
  const vis: string[] = [];
  if (!q.personalOnly) {
    if (q.visibleGroupIds === null) vis.push(`${c('group_id')} IS NOT NULL`);
    else if (q.visibleGroupIds.length) {
      vis.push(`${c('group_id')} IN (${q.visibleGroupIds.map(() => '?').join(',')})`);
      args.push(...q.visibleGroupIds);
    }
  }
  if (q.ownerIds === null) vis.push(`${c('owner_user_id')} IS NOT NULL`);
  else if (q.ownerIds.length) {
    vis.push(`${c('owner_user_id')} IN (${q.ownerIds.map(() => '?').join(',')})`);
    args.push(...q.ownerIds);
  }
  const parts = [vis.length ? `(${vis.join(' OR ')})` : '0'];
  if (q.groupId !== null) {
    parts.push(`${c('group_id')} = ?`);
    args.push(q.groupId);
  }
  return { sql: parts.join(' AND '), args };
}

const everything = (q: JumpSearch) => q.visibleGroupIds === null && q.ownerIds === null && q.groupId === null && !q.personalOnly;

/** The full-text query for a term: the phrase as typed (3+ characters), or the prefixes of its words. */
export function ftsQuery(term: string): { table: 'jump_items_fts' | 'jump_items_words'; match: string } | null {
  if ([...term].length >= 3) return { table: 'jump_items_fts', match: `"${term.replace(/"/g, '""')}"` };
  const words = term.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words ? { table: 'jump_items_words', match: words.map((w) => `"${w}"*`).join(' ') } : null;
}

/**
 * Matching rows (ITEM_SELECT columns) of one page, and how many match in all — for a search, up to
 * COUNT_AHEAD from the start of the page (`capped`: there are more).
 */
export function searchRows<Row extends { id: number }>(db: Db, q: JumpSearch): { rows: Row[]; total: number; capped: boolean } {
  const term = q.search.trim();

  if (!term) {
    const where = scope(q, false);
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM jump_items j WHERE ${where.sql}`).get(...where.args) as { n: number }).n;
    if (total === 0 || q.offset >= total) return { rows: [], total, capped: false };
    // A long list is read in name order from the index; a short one (one group) is sorted.
    const walk = total > 1000 ? 'INDEXED BY jump_items_name' : '';
    const rows = db.prepare<unknown[], Row>(`${ITEM_SELECT} FROM jump_items j ${walk} ${ITEM_JOINS} WHERE ${where.sql} ${ORDER} LIMIT ? OFFSET ?`).all(...where.args, q.limit, q.offset);
    return { rows, total, capped: false };
  }

  const fts = ftsQuery(term);
  if (!fts) return { rows: [], total: 0, capped: false };
  const { table, match } = fts;
  const where = scope(q, true);
  // Round numbers for the rep ("1–50 of 500+"), and never less than the page itself.
  const countTo = q.offset + Math.max(COUNT_AHEAD, q.limit);
  const page = [q.limit, q.offset];
  const upTo = (sql: string, args: unknown[], limit: number) => (db.prepare(`SELECT COUNT(*) AS n FROM (${sql} LIMIT ?)`).get(...args, limit) as { n: number }).n;

  // How many match before visibility (the index alone) decides how the page is found. Up to
  // SORT_LIMIT, the matches' ids read here are what the page is sorted from: the full-text index is
  // searched once (a phrase's trigram lists cost more than the rest of the query).
  const first = db.prepare<unknown[], number>(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?`).pluck().all(match, SORT_LIMIT + 1);
  const matched = first.length;
  const matchIds = matched <= SORT_LIMIT ? JSON.stringify(first) : '[]';
  const sorted = `jump_items j INDEXED BY jump_items_sortkey WHERE j.id IN (SELECT value FROM json_each(?)) AND ${where.sql}`;
  let ids: { id: number }[];
  let total: number;
  let capped = false;
  const joined = `${table} f JOIN jump_items j INDEXED BY jump_items_sortkey ON j.id = f.rowid WHERE ${table} MATCH ? AND ${where.sql}`;
  if (matched <= SORT_LIMIT && everything(q)) {
    // Everything is visible: the index's count is the total; sort the matches for the page.
    total = matched;
    ids = db.prepare<unknown[], { id: number }>(`SELECT j.id FROM ${sorted} ${ORDER} LIMIT ? OFFSET ?`).all(matchIds, ...where.args, ...page);
  } else if (matched <= SORT_LIMIT) {
    // One pass over the matches: the visible ones are counted and the page's ids sorted out together.
    const hits = db.prepare<unknown[], { id: number; n: number }>(`SELECT j.id, COUNT(*) OVER () AS n FROM ${sorted} ${ORDER} LIMIT ? OFFSET ?`).all(matchIds, ...where.args, ...page);
    ids = hits;
    total = hits[0]?.n ?? (q.offset ? upTo(`SELECT 1 FROM ${sorted}`, [matchIds, ...where.args], SORT_LIMIT + 1) : 0);
  } else {
    const visible = everything(q) ? upTo(`SELECT 1 FROM ${table} WHERE ${table} MATCH ?`, [match], countTo + 1) : upTo(`SELECT 1 FROM ${joined}`, [match, ...where.args], countTo + 1);
    total = Math.min(visible, countTo);
    capped = visible > countTo;
    // Many matches: walk the name index, testing each entry against the matches' ids (gathered
    // once). Even when the matches all sort last, the walk is one pass over a narrow index.
    ids =
      q.offset >= total
        ? []
        : db
            .prepare<unknown[], { id: number }>(`SELECT j.id FROM jump_items j INDEXED BY jump_items_name WHERE j.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?) AND ${where.sql} ${ORDER} LIMIT ? OFFSET ?`)
            .all(match, ...where.args, ...page);
  }
  if (!ids.length) return { rows: [], total, capped };
  const byId = new Map(
    db
      .prepare<number[], Row>(`${ITEM_SELECT} FROM jump_items j ${ITEM_JOINS} WHERE j.id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids.map((r) => r.id))
      .map((r) => [r.id, r]),
  );
  return { rows: ids.map((r) => byId.get(r.id)!).filter(Boolean), total, capped };
}
