/**
 * A waiting session's place in line, counted in SQL: the same order the console lists a queue in
 * (queued_at, then creation order for the same instant), per queue, waiting sessions only.
 */
import { describe, expect, it } from 'vitest';
import { tempSitesPerTest } from '../../../tests/helpers/temp-site.js';
import type { QueueId } from '../protocol/index.js';

const openSite = tempSitesPerTest('rep-position-');

function setup() {
  const site = openSite();
  const { repos } = site;
  let n = 0;
  const join_ = (queueId: QueueId, at: string) =>
    repos.sessions.create({ id: `s${++n}`, type: 'support', browser: false, customerName: `C${n}`, company: '', computer: '', issue: '', details: '', customAttributes: {}, queueId, customerTokenHash: null }, at).id;
  return { repos, join: join_ };
}

describe('SessionRepository.waitingPosition', () => {
  it('counts the waiting sessions ahead in the same queue, in the order the queue lists them', () => {
    const { repos, join } = setup();
    const t = (s: number) => `2026-11-23T10:00:0${s}.000Z`;
    const a = join('general', t(1));
    const b = join('general', t(1)); // same instant: creation order decides
    const other = join('team:1', t(0));
    const c = join('general', t(2));
    expect([a, b, c].map((id) => repos.sessions.waitingPosition(id))).toEqual([1, 2, 3]);
    expect(repos.sessions.waitingPosition(other)).toBe(1);
    const listed = repos.sessions.openInQueues(['general']).map((s) => s.id);
    expect(listed).toEqual([a, b, c]);

    // The first is taken: everyone moves up; a taken session has no place in line.
    repos.sessions.setStatus(a, 'active', t(3));
    expect([a, b, c].map((id) => repos.sessions.waitingPosition(id))).toEqual([null, 1, 2]);
    expect(repos.sessions.waitingPosition('no-such-session')).toBeNull();
  });
});
