import { describe, expect, it } from 'vitest';
import { formatDuration, initials, pageRange, queueKindOf, sessionName } from './format.js';

describe('format', () => {
  it('formats Total Time as h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(192_400)).toBe('0:03:12');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5_000)).toBe('0:00:00');
  });

  it('prefixes browser sessions', () => {
    expect(sessionName({ customerName: 'Li Wei', browser: true })).toBe('[Browser] Li Wei');
    expect(sessionName({ customerName: 'Li Wei', browser: false })).toBe('Li Wei');
  });

  it('reads queue kinds and pages', () => {
    expect(queueKindOf('personal:3')).toBe('personal');
    expect(queueKindOf('team:12')).toBe('team');
    expect(queueKindOf('general')).toBe('general');
    expect(pageRange(0, 50, 123)).toBe('1–50 of 123');
    expect(pageRange(2, 50, 123)).toBe('101–123 of 123');
    expect(pageRange(0, 50, 0)).toBe('0 of 0');
    expect(initials('Ana Lopez')).toBe('AL');
    expect(initials('admin')).toBe('A');
    expect(initials('web-01 (nginx)')).toBe('W');
    expect(initials('Jean Paul Sartre')).toBe('JS');
    expect(initials('  ')).toBe('?');
  });
});
