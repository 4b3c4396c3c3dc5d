import { describe, expect, it } from 'vitest';
import { OutputBatcher } from './output-batcher.js';

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bytes = (s: string) => Buffer.from(s);

describe('OutputBatcher', () => {
  it('sends interactive output on the next turn, in one message per turn', async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((parts) => sent.push(Buffer.concat(parts).toString()), { maxBytes: 1000, holdMs: 50, streamingBytes: 100 });
    b.push(bytes('a'));
    b.push(bytes('b'));
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual(['ab']);
    b.push(bytes('c')); // a small batch went out: still interactive
    await tick();
    expect(sent).toEqual(['ab', 'c']);
  });

  it('holds output while a flood streams, and sends at once at maxBytes', async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((parts) => sent.push(Buffer.concat(parts).toString()), { maxBytes: 1000, holdMs: 30, streamingBytes: 100 });
    b.push(bytes('x'.repeat(200)));
    await tick();
    expect(sent.length).toBe(1);
    b.push(bytes('y'.repeat(10))); // right after a large batch: held
    await tick();
    expect(sent.length).toBe(1);
    b.push(bytes('z'.repeat(990))); // reaches maxBytes
    expect(sent.map((s) => s.length)).toEqual([200, 1000]);
    b.push(bytes('w'));
    await sleep(60);
    expect(sent.at(-1)).toBe('w');
  });

  it('never lets a batch grow past maxBytes: the read that would starts the next batch', async () => {
    const sizes: number[] = [];
    const b = new OutputBatcher((_parts, size) => sizes.push(size), { maxBytes: 1000, holdMs: 30, streamingBytes: 100 });
    for (let i = 0; i < 10; i++) b.push(new Uint8Array(300));
    b.flush();
    expect(sizes).toEqual([900, 900, 900, 300]);
  });

  it('passes bytes through untouched, a character split between two reads included', async () => {
    const sent: Buffer[] = [];
    const b = new OutputBatcher((parts) => sent.push(Buffer.concat(parts)), { maxBytes: 1000, holdMs: 30, streamingBytes: 100 });
    const euro = Buffer.from('€'); // 3 bytes
    b.push(euro.subarray(0, 1));
    b.push(euro.subarray(1));
    await tick();
    expect(Buffer.concat(sent).toString()).toBe('€');
  });

  it('flush() sends what is pending now; dispose() drops it', async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((parts) => sent.push(Buffer.concat(parts).toString()), { maxBytes: 1000, holdMs: 30, streamingBytes: 100 });
    b.push(bytes('last'));
    b.flush();
    expect(sent).toEqual(['last']);
    b.push(bytes('gone'));
    b.dispose();
    await sleep(40);
    expect(sent).toEqual(['last']);
  });
});
