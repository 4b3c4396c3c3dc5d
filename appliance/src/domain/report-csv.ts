/**
 * Reports as CSV (RFC 4180: every field quoted, quotes doubled, CRLF line ends), with spreadsheet
 * formula injection neutralised: a field that starts with =, +, -, @, a tab or a carriage return
 * gets a leading apostrophe, so Excel or LibreOffice shows `=cmd|' /C calc'!A0` as text instead of
 * running it. A UTF-8 byte-order mark lets Excel read accented names correctly.
 */
import type { ReportRow } from '../protocol/report-models.js';
import { wallClock } from './site-time.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The field as a spreadsheet should show it: text, never a formula. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null): string {
  const s = value === null ? '' : typeof value === 'number' ? String(value) : neutralise(value);
  return `"${s.replace(/"/g, '""')}"`;
}

/** The columns; times are in `timeZone` (the site's), named in the header. */
export const csvHeader = (timeZone = 'UTC'): string[] => [
  'Session ID (LSID)', 'Sequence Number', `Start Time (${timeZone})`, `End Time (${timeZone})`, 'Duration', 'Customer Name', 'Company', 'Computer',
  'Public IP', 'Private IP', 'Issue', 'Owner', 'Representatives', 'Status',
];

export const hms = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};

/** `timeZone`: times written as "YYYY-MM-DD HH:MM:SS" on the site's clock; without it, as stored (ISO, UTC). */
export function reportCsv(rows: readonly ReportRow[], timeZone?: string): string {
  const time = (iso: string | null) => (timeZone ? wallClock(iso, timeZone) : iso);
  const lines = [csvHeader(timeZone).map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [r.lsid, r.lseq, time(r.startedAt), time(r.endedAt), hms(r.durationSeconds), r.customerName, r.company, r.computer, r.publicIp, r.privateIp, r.issue, r.ownerName, r.reps.join('; '), r.status]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
