import { describe, expect, it } from 'vitest';
import { FrameFlow } from './screen-flow.js';

const opts = { window: 2, minIntervalMs: 33, maxBufferedBytes: 1000, drainPollMs: 25 };

describe('FrameFlow', () => {
  it('sends nothing until something changed', () => {
    const f = new FrameFlow(opts);
    expect(f.decide(0, 0)).toEqual({ send: false, why: 'idle', retryInMs: null });
    f.damage();
    expect(f.decide(0, 0)).toEqual({ send: true });
  });

  it('paces frames to the minimum interval and says when to look again', () => {
    const f = new FrameFlow(opts);
    f.damage();
    f.sent(100, 10);
    f.ack(1);
    f.damage();
    expect(f.decide(110, 0)).toEqual({ send: false, why: 'interval', retryInMs: 23 });
    expect(f.decide(133, 0)).toEqual({ send: true });
  });

  it('holds at most `window` unacknowledged frames and merges the changes meanwhile', () => {
    const f = new FrameFlow(opts);
    let now = 0;
    for (const _ of [1, 2]) {
      f.damage();
      expect(f.decide(now, 0).send).toBe(true);
      f.sent(now, 100);
      now += 50;
    }
    expect(f.inFlight).toBe(2);
    // The console is slow: 100 changes arrive, none is sent and nothing queues up.
    for (let i = 0; i < 100; i++) {
      f.damage();
      expect(f.decide(now + i, 0)).toEqual({ send: false, why: 'window', retryInMs: null });
    }
    expect(f.merged).toBe(99);
    expect(f.heldBack).toBe(100);
    expect(f.sentSeq).toBe(2);
    // One ack opens the window: exactly one frame (carrying all 100 changes) goes.
    expect(f.ack(1)).toBe(true);
    expect(f.decide(now + 200, 0)).toEqual({ send: true });
    expect(f.sent(now + 200, 300)).toBe(3);
    expect(f.decide(now + 300, 0).send).toBe(false);
    expect(f.bytes).toBe(500);
  });

  it('waits while the socket buffer is full, polling for it to drain', () => {
    const f = new FrameFlow(opts);
    f.damage();
    expect(f.decide(0, 5000)).toEqual({ send: false, why: 'buffer', retryInMs: 25 });
    expect(f.decide(25, 10)).toEqual({ send: true });
  });

  it('ignores acks for frames never sent, repeated or out of order', () => {
    const f = new FrameFlow(opts);
    f.damage();
    f.sent(0, 1);
    f.damage();
    f.sent(40, 1);
    expect(f.ack(5)).toBe(false);
    expect(f.ack(2)).toBe(true);
    expect(f.ack(1)).toBe(false);
    expect(f.ack(2)).toBe(false);
    expect(f.ack(1.5)).toBe(false);
    expect(f.inFlight).toBe(0);
  });

  it('an empty frame clears the change without using a sequence number', () => {
    const f = new FrameFlow(opts);
    f.damage();
    f.nothing();
    expect(f.pending).toBe(false);
    expect(f.sentSeq).toBe(0);
  });

  it('a keyframe request forgets the frames the console dropped, so a stalled stream moves again', () => {
    const f = new FrameFlow(opts);
    f.damage();
    f.sent(0, 1);
    f.damage();
    f.sent(40, 1);
    f.damage();
    expect(f.decide(100, 0).send).toBe(false);
    f.resync();
    expect(f.inFlight).toBe(0);
    expect(f.decide(100, 0)).toEqual({ send: true });
    expect(f.ack(2)).toBe(false);
  });
});
