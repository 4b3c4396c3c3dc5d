import { describe, expect, it } from 'vitest';
import { msg } from './fixtures.js';
import { addOutgoing, claimDelivered, markFailed, markSending, removeOutgoing, type Outgoing } from './outbox.js';

const out = (clientId: number, body: string, afterId = 10): Omit<Outgoing, 'state' | 'error'> => ({ clientId, body, at: '2026-03-02T10:00:00.000Z', afterId });

describe('the outbox', () => {
  it('a line is sending until its answer arrives', () => {
    const box = addOutgoing([], out(1, 'hello'));
    expect(box).toEqual([{ ...out(1, 'hello'), state: 'sending', error: null }]);
    expect(removeOutgoing(box, 1)).toEqual([]);
    expect(removeOutgoing(box, 2)).toBe(box);
  });

  it('the echo settles the oldest line with the same text that was written before it was stored', () => {
    let box = addOutgoing([], out(1, 'ok'));
    box = addOutgoing(box, out(2, 'ok'));
    box = claimDelivered(box, msg(11, 'customer', 'ok'));
    expect(box.map((o) => o.clientId)).toEqual([2]);
  });

  it('an older line with the same words is not mistaken for the new one', () => {
    const box = addOutgoing([], out(1, 'ok', 20));
    expect(claimDelivered(box, msg(15, 'customer', 'ok'))).toBe(box);
  });

  it('only customer lines settle anything', () => {
    const box = addOutgoing([], out(1, 'ok'));
    expect(claimDelivered(box, msg(11, 'rep', 'ok'))).toBe(box);
  });

  it('a failed line keeps its text and reason, and sends again on retry', () => {
    let box = addOutgoing([], out(1, 'hello'));
    box = markFailed(box, 1, 'The support site did not answer in time.');
    expect(box[0]).toMatchObject({ state: 'failed', error: 'The support site did not answer in time.', body: 'hello' });
    box = markSending(box, 1);
    expect(box[0]).toMatchObject({ state: 'sending', error: null });
  });

  it('a failed line whose echo arrives after all (it was stored) is settled', () => {
    const box = markFailed(addOutgoing([], out(1, 'late')), 1, 'timeout');
    expect(claimDelivered(box, msg(12, 'customer', 'late'))).toEqual([]);
  });
});
