import { describe, expect, it } from 'vitest';
import { parseCast, screenAt, Screen } from './reports-cast.js';

const CAST = [
  JSON.stringify({ version: 2, width: 20, height: 4, timestamp: 1700000000, title: 'web-01' }),
  JSON.stringify([0.1, 'o', '$ echo hi\r\n']),
  JSON.stringify([0.5, 'o', 'hi\r\n\x1b[1;32m$\x1b[0m ']),
  JSON.stringify([1.2, 'o', 'ls\x1b[']),
  JSON.stringify([1.3, 'o', '2K\rdone']),
  '[2.0, "o", "torn',
].join('\n');

describe('asciicast player core', () => {
  it('parses the header and the output events, skipping a torn last line', () => {
    const c = parseCast(CAST);
    expect(c).toMatchObject({ width: 20, height: 4, title: 'web-01', duration: 1.3 });
    expect(c.events).toHaveLength(4);
    expect(() => parseCast('{"version":1}')).toThrow(/version 2/);
    expect(() => parseCast('not json')).toThrow(/asciicast/);
  });

  it('replays to any time: lines, colours, and an escape split across two events', () => {
    const c = parseCast(CAST);
    expect(screenAt(c, 0.2).text().slice(0, 2)).toEqual(['$ echo hi', '']);
    const s = screenAt(c, 0.6);
    expect(s.text().slice(0, 3)).toEqual(['$ echo hi', 'hi', '$']);
    expect(s.rows[2]![0]).toMatchObject({ ch: '$', fg: 'c2', bold: true });
    expect(screenAt(c, 5).text()[2]).toBe('done');
  });

  it('scrolls at the bottom and wraps long lines', () => {
    const s = new Screen(5, 2);
    s.write('abcdefg\r\nxy');
    expect(s.text()).toEqual(['fg', 'xy']);
  });
});
