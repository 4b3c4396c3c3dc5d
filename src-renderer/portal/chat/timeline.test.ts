import { describe, expect, it } from 'vitest';
import { msg, prompt } from './fixtures.js';
import { addOutgoing } from './outbox.js';
import { announcementOf, answerLineOf } from './prompts.js';
import { buildTimeline, coveredByPrompts, type TimelineItem } from './timeline.js';

/** A compact picture of a timeline: "me:a|b", "rep(Ana Lopez):c", "sys:…", "joined:…", "prompt:1". */
function shape(items: TimelineItem[]): string[] {
  return items.map((i) => {
    if (i.kind === 'group') return `${i.side === 'me' ? 'me' : `rep(${i.name})`}:${i.lines.map((l) => (l.status === 'sent' ? l.body : `${l.body}[${l.status}]`)).join('|')}`;
    if (i.kind === 'system') return `sys:${i.text}`;
    if (i.kind === 'joined') return `joined:${i.name}`;
    return `prompt:${i.prompt.id}:${i.prompt.state}`;
  });
}

describe('buildTimeline', () => {
  it('groups consecutive lines of one sender, with the join marker and narration between', () => {
    const items = buildTimeline(
      [
        msg(1, 'customer', 'hello?'),
        msg(2, 'customer', 'anyone there?'),
        msg(3, 'system', 'Ana Lopez joined the session.'),
        msg(4, 'rep', 'Hi Maria!'),
        msg(5, 'rep', 'How can I help?'),
        msg(6, 'customer', 'My printer'),
        msg(7, 'system', 'Ana Lopez put the session on hold.'),
      ],
      [],
      [],
    );
    expect(shape(items)).toEqual(['me:hello?|anyone there?', 'joined:Ana Lopez', 'rep(Ana Lopez):Hi Maria!|How can I help?', 'me:My printer', 'sys:Ana Lopez put the session on hold.']);
  });

  it('starts a new group after a pause', () => {
    const items = buildTimeline([msg(1, 'rep', 'one', '2026-03-02T10:00:00.000Z'), msg(2, 'rep', 'two', '2026-03-02T10:09:00.000Z')], [], []);
    expect(shape(items)).toEqual(['rep(Ana Lopez):one', 'rep(Ana Lopez):two']);
  });

  it('puts the customer’s narration in their words and leaves out their reconnects', () => {
    const items = buildTimeline([msg(1, 'system', 'The customer reconnected.'), msg(2, 'system', 'The customer left the session.')], [], []);
    expect(shape(items)).toEqual(['sys:You left the session.']);
  });

  it('a prompt card takes the place of its announcement, and an answered card of the answer line', () => {
    const p = prompt(1, 'allowed', '2026-03-02T10:00:05.000Z');
    const messages = [
      msg(4, 'rep', 'May I look?', '2026-03-02T10:00:04.000Z'),
      msg(5, 'system', announcementOf(p), '2026-03-02T10:00:05.000Z'),
      msg(6, 'system', answerLineOf(p, true), '2026-03-02T10:00:07.000Z'),
      msg(7, 'rep', 'Thanks', '2026-03-02T10:00:08.000Z'),
    ];
    expect([...coveredByPrompts(messages, [p])]).toEqual([5, 6]);
    expect(shape(buildTimeline(messages, [], [p]))).toEqual(['rep(Ana Lopez):May I look?', 'prompt:1:allowed', 'rep(Ana Lopez):Thanks']);
  });

  it('a pending card leaves a same-worded older answer line alone; a card without its announcement goes by time', () => {
    const old = prompt(1, 'allowed', '2026-03-02T10:00:02.000Z');
    const again = prompt(2, 'pending', '2026-03-02T10:00:09.000Z');
    const messages = [
      msg(2, 'system', announcementOf(old), '2026-03-02T10:00:02.000Z'),
      msg(3, 'system', answerLineOf(old, true), '2026-03-02T10:00:03.000Z'),
      msg(9, 'system', announcementOf(again), '2026-03-02T10:00:09.000Z'),
    ];
    // After a reload only the pending prompt is known: the old exchange shows as narration.
    expect(shape(buildTimeline(messages, [], [again]))).toEqual([
      'sys:Ana Lopez asked to view your screen.',
      'sys:You allowed the request to view your screen.',
      'prompt:2:pending',
    ]);
    // A prompt whose line has not arrived yet still shows, after what came before it.
    expect(shape(buildTimeline([msg(1, 'rep', 'hi', '2026-03-02T10:00:01.000Z')], [], [again]))).toEqual(['rep(Ana Lopez):hi', 'prompt:2:pending']);
  });

  it('lines on their way come last, joined to the customer’s own group', () => {
    let outbox = addOutgoing([], { clientId: 1, body: 'second', at: '2026-03-02T10:00:03.000Z', afterId: 2 });
    outbox = addOutgoing(outbox, { clientId: 2, body: 'third', at: '2026-03-02T10:00:04.000Z', afterId: 2 });
    const items = buildTimeline([msg(2, 'customer', 'first')], outbox, []);
    expect(shape(items)).toEqual(['me:first|second[sending]|third[sending]']);
    const group = items[0];
    expect(group?.kind === 'group' && group.lines[1]?.clientId).toBe(1);
  });
});
