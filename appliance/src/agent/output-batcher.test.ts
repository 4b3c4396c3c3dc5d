import { describe, expect, it } from 'vitest';
import { OutputBatcher } from './output-batcher.js';

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('OutputBatcher', () => {
  it('sends interactive output on the next turn, in one message per turn', async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { maxChars: 1000, holdMs: 50, streamingChars: 100 });
    b.push('a');
    b.push('b');
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual(['ab']);
    b.push('c'); // a small batch went out: still interactive
    await tick();
    expect(sent).toEqual(['ab', 'c']);
  });

  it('holds output while a flood streams, and sends at once at maxChars', async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { maxChars: 1000, holdMs: 30, streamingChars: 100 });
    b.push('x'.repeat(200));
    await tick();
    expect(sent.length).toBe(1);
    b.push('y'.repeat(10)); // right after a large batch: held
    await tick();
    expect(sent.length).toBe(1);
    b.push('z'.repeat(990)); // reaches maxChars
    expect(sent.map((s) => s.length)).toEqual([200, 1000]);
    b.push('w');
    await sleep(60);
    expect(sent.at(-1)).toBe('w');
  });

  it('flush() sends what is pending now; dispose() drops it', async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { maxChars: 1000, holdMs: 30, streamingChars: 100 });
    b.push('last');
    b.flush();
    expect(sent).toEqual(['last']);
    b.push('gone');
    b.dispose();
    await sleep(40);
    expect(sent).toEqual(['last']);
  });
});
