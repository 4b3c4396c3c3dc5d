import { describe, expect, it } from 'vitest';
import { capitalize, formatDateTime, formatSince, initials } from './format.js';

describe('/login formatting', () => {
  it('says how long ago something started', () => {
    const now = Date.parse('2026-01-02T12:00:00Z');
    expect(formatSince('2026-01-02T11:59:30Z', now)).toBe('less than a minute');
    expect(formatSince('2026-01-02T11:55:00Z', now)).toBe('5 min');
    expect(formatSince('2026-01-02T09:48:00Z', now)).toBe('2 h 12 min');
    expect(formatSince('2025-12-31T10:00:00Z', now)).toBe('2 d 2 h');
  });

  it('writes "Never" for a login that never happened', () => {
    expect(formatDateTime(null)).toBe('Never');
    expect(formatDateTime('not a date', '—')).toBe('—');
  });

  it('makes initials and capitalised roles', () => {
    expect(initials('Ana Lopez')).toBe('AL');
    expect(initials('admin')).toBe('A');
    expect(initials('Jean Paul Sartre')).toBe('JS');
    expect(initials('  ')).toBe('?');
    expect(capitalize('manager')).toBe('Manager');
  });
});
