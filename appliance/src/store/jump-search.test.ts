/**
 * Jump Item search on a real SQLite file: both ways of finding a page (sorting few matches, walking
 * the name index for many) give the same name order; visibility and filters hold on every path;
 * broad searches count only so far; short terms match the start of words; the indexes follow edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempSite, type TempSite } from '../../../tests/helpers/temp-site.js';
import type { JumpSearch } from '../domain/ports.js';
import type { Db } from './index.js';
import type { SqliteJumpRepository } from './jump.js';
import { COUNT_AHEAD } from './jump-search.js';

let site: TempSite;
let db: Db;
let jump: SqliteJumpRepository;
let groups: number[];
const N = 6400;

beforeAll(() => {
  site = openTempSite('rep-jumpsearch-');
  db = site.db;
  const { repos } = site;
  jump = repos.jump as SqliteJumpRepository;
  repos.transaction(() => {
    groups = [jump.createGroup('A', 'a').id, jump.createGroup('B', 'b').id, jump.createGroup('C', 'c').id];
    for (let i = 0; i < N; i++) {
      // Names sort "zulu" after "alpha": the many "zulu" matches all come last in name order.
      const word = i % 2 ? 'zulu' : 'alpha';
      jump.create(
        { name: `${word.toUpperCase()}-${String(i).padStart(5, '0')}`, method: 'pinned', groupId: groups[i % 3]!, hostname: `${word}-${i}.corp.example`, comments: i % 100 === 0 ? 'Needs a new printer' : '', tag: '', publicIp: '', privateIp: `10.9.${i >> 8}.${i & 255}`, os: 'windows', status: 'active' },
        '2026-11-23T00:00:00.000Z',
      );
    }
  });
});
afterAll(() => site.dispose());

const q = (over: Partial<JumpSearch>): JumpSearch => ({ search: '', groupId: null, visibleGroupIds: null, ownerIds: null, offset: 0, limit: 50, ...over });
const names = (over: Partial<JumpSearch>) => jump.search(q(over)).items.map((i) => i.name);
/** What the page should be: every item, filtered and ordered by name in JavaScript. */
function expected(pred: (i: number) => boolean, offset = 0): string[] {
  const all: string[] = [];
  for (let i = 0; i < N; i++) if (pred(i)) all.push(`${i % 2 ? 'ZULU' : 'ALPHA'}-${String(i).padStart(5, '0')}`);
  return all.sort().slice(offset, offset + 50);
}

describe('Jump Item search', () => {
  it('few matches: sorted by name, counted exactly', () => {
    const r = jump.search(q({ search: 'printer' }));
    expect(r.total).toBe(N / 100);
    expect(r.capped).toBe(false);
    expect(r.items.map((i) => i.name)).toEqual(expected((i) => i % 100 === 0));
  });

  it('many matches, all sorting last: the walk finds the same page, and the count stops at 500 past the page start', () => {
    const r = jump.search(q({ search: 'zulu' }));
    expect(r.items.map((i) => i.name)).toEqual(expected((i) => i % 2 === 1));
    expect(r).toMatchObject({ total: COUNT_AHEAD, capped: true });
    expect(names({ search: 'zulu', offset: 600 })).toEqual(expected((i) => i % 2 === 1, 600));
    expect(jump.search(q({ search: 'zulu', offset: 600 })).total).toBe(600 + COUNT_AHEAD);
  });

  it('visibility and the group filter hold on both paths', () => {
    const inA = (i: number) => i % 3 === 0;
    expect(names({ search: 'zulu', visibleGroupIds: [groups[0]!], ownerIds: [] })).toEqual(expected((i) => i % 2 === 1 && inA(i)));
    expect(names({ search: 'printer', visibleGroupIds: [groups[0]!], ownerIds: [] })).toEqual(expected((i) => i % 100 === 0 && inA(i)));
    expect(jump.search(q({ search: 'printer', visibleGroupIds: [groups[0]!], ownerIds: [] })).total).toBe(expected((i) => i % 100 === 0 && inA(i)).length);
    expect(names({ search: 'zulu', groupId: groups[1]! })).toEqual(expected((i) => i % 2 === 1 && i % 3 === 1));
    expect(jump.search(q({ search: 'zulu', visibleGroupIds: [], ownerIds: [] })).total).toBe(0);
    expect(jump.search(q({ visibleGroupIds: [groups[2]!], ownerIds: [] })).total).toBe(Math.floor(N / 3));
  });

  it('one and two characters match the start of words; three or more match anywhere', () => {
    expect(jump.search(q({ search: 'zu' })).total).toBe(COUNT_AHEAD); // ZULU-…, zulu-…
    expect(jump.search(q({ search: 'lu' })).total).toBe(0); // not the start of a word
    expect(jump.search(q({ search: 'ulu' })).capped).toBe(true); // anywhere
    expect(names({ search: '10' })).toHaveLength(50); // 10.9.x.y
    expect(jump.search(q({ search: '%' })).total).toBe(0);
    expect(jump.search(q({ search: '"quoted"' })).total).toBe(0);
  });

  it('the indexes follow renames and removals', () => {
    const item = jump.search(q({ search: 'ALPHA-00000' })).items[0]!;
    db.prepare('UPDATE jump_items SET comments = ? WHERE id = ?').run('moved to the xylophone lab', item.id);
    expect(names({ search: 'xylophone' })).toEqual(['ALPHA-00000']);
    expect(names({ search: 'xy' })).toEqual(['ALPHA-00000']);
    jump.remove(item.id);
    expect(names({ search: 'xylophone' })).toEqual([]);
    expect(names({ search: 'xy' })).toEqual([]);
  });
});
