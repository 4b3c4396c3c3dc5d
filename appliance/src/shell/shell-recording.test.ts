import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseCast } from './asciicast.js';
import { ShellFlow } from './flow.js';
import { ShellRecorder } from './recorder.js';
import { TranscriptFilter } from './transcript.js';

const dir = mkdtempSync(join(tmpdir(), 'rep-rec-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transcripts', () => {
  it('strip colours, titles and carriage returns, apply backspaces, and hold a split escape sequence', () => {
    const f = new TranscriptFilter();
    expect(f.feed('\x1b]0;title\x07\x1b[01;32mdev@web\x1b[0m:~$ ls\r\n')).toBe('dev@web:~$ ls\n');
    expect(f.feed('hostnamx\b \be\r\n')).toBe('hostname\n');
    expect(f.feed('red \x1b[3')).toBe('red ');
    expect(f.feed('1mtext\x1b[0m\r\n')).toBe('text\n');
    expect(f.feed('plain')).toBe('plain');
  });
});

describe('recordings', () => {
  it('write asciicast v2 and a transcript, and stop at the size limit saying so', async () => {
    let now = 1_700_000_000_000;
    const r = new ShellRecorder({ castPath: join(dir, '1.cast'), textPath: join(dir, '1.txt'), cols: 80, rows: 24, title: 'web-01', now: () => now, maxBytes: 4096 });
    r.output('\x1b[32m$\x1b[0m echo hi\r\n');
    now += 1500;
    r.output('hi\r\n');
    r.resize(120, 40);
    for (let i = 0; i < 100; i++) r.output('y\r\n'.repeat(20));
    const done = await r.finish();
    expect(done.truncated).toBe(true);
    const cast = parseCast(readFileSync(join(dir, '1.cast'), 'utf8'));
    expect(cast.header).toMatchObject({ version: 2, width: 80, height: 24, timestamp: 1_700_000_000, title: 'web-01' });
    expect(cast.events[0]).toEqual([0, 'o', '\x1b[32m$\x1b[0m echo hi\r\n']);
    expect(cast.events[1]).toEqual([1.5, 'o', 'hi\r\n']);
    expect(cast.events[2]).toEqual([1.5, 'r', '120x40']);
    expect(cast.events.at(-1)![2]).toContain('The recording stops here');
    const text = readFileSync(join(dir, '1.txt'), 'utf8');
    expect(text.startsWith('$ echo hi\nhi\ny\n')).toBe(true);
    expect(text).toContain('The recording stops here');
    expect(done.castBytes).toBe(readFileSync(join(dir, '1.cast')).length);
  });
});

describe('flow control', () => {
  it('pauses past the window, a full socket or slow files, resumes under the low marks', async () => {
    let backlog = 0;
    let files = 0;
    const pause = vi.fn();
    const resume = vi.fn();
    const flow = new ShellFlow({ window: 100, low: 25, socketHigh: 1000, socketLow: 100, filesHigh: 4000, filesLow: 400 }, { socket: () => backlog, files: () => files }, { pause, resume });
    flow.sent(60);
    flow.sent(60);
    expect(pause).toHaveBeenCalledTimes(1);
    flow.sent(10);
    expect(pause).toHaveBeenCalledTimes(1);
    flow.acked(80);
    expect(resume).not.toHaveBeenCalled();
    flow.acked(30);
    expect(resume).toHaveBeenCalledTimes(1);
    backlog = 5000;
    flow.sent(1);
    expect(pause).toHaveBeenCalledTimes(2);
    backlog = 50;
    await new Promise((r) => setTimeout(r, 30));
    expect(resume).toHaveBeenCalledTimes(2);
    files = 3000; // under the files' own high mark
    flow.sent(1);
    expect(pause).toHaveBeenCalledTimes(2);
    files = 5000;
    flow.sent(1);
    expect(pause).toHaveBeenCalledTimes(3);
    files = 500; // not yet under the files' low mark
    await new Promise((r) => setTimeout(r, 30));
    expect(resume).toHaveBeenCalledTimes(2);
    files = 300;
    await new Promise((r) => setTimeout(r, 30));
    expect(resume).toHaveBeenCalledTimes(3);
    flow.dispose();
  });
});
