/**
 * The reporting API's time window and session parameters (FORMATS.md §Reporting API), as a report
 * query: start_date + duration (days) or start_time + duration (seconds, UNIX UTC); end_date /
 * end_time + duration (sessions that ended in the window); lsid or lsids. duration=0 means up to
 * now (from a start), or everything before the end. Dates are UTC days.
 */
import { CodedError } from '../../protocol/index.js';
import type { ReportQuery } from '../../domain/reports.js';

export const API_REPORT_LIMIT = 10_000;

const bad = (message: string) => new CodedError('E_BAD_PARAMS', message);

function duration(p: Record<string, string>, unitSeconds: number): number | null {
  const raw = p['duration'];
  if (raw === undefined || raw === '') throw bad('Give duration= with the window (days after a date, seconds after a time; 0 means up to now).');
  if (!/^\d{1,10}$/.test(raw)) throw bad('duration must be a whole number, 0 or more.');
  const n = Number(raw);
  return n === 0 ? null : n * unitSeconds * 1000;
}

function dateStart(value: string, name: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3])) throw bad(`${name} must be a date as YYYY-MM-DD.`);
  return t;
}

function unixTime(value: string, name: string): number {
  if (!/^\d{1,12}$/.test(value)) throw bad(`${name} must be a UNIX time in seconds (UTC).`);
  return Number(value) * 1000;
}

/** ±8.64e15 ms is the range a Date holds; a window beyond it is a bad parameter, not a crash. */
const isoOf = (ms: number): string => {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw bad('The time window reaches beyond the dates the appliance can read: use a shorter duration.');
  return new Date(ms).toISOString();
};

export function reportingQuery(p: Record<string, string>): ReportQuery {
  const q: ReportQuery = { rep: { kind: 'all' }, limit: API_REPORT_LIMIT };
  const forms = ['lsid', 'lsids', 'start_date', 'start_time', 'end_date', 'end_time'].filter((k) => p[k] !== undefined && p[k] !== '');
  if (forms.length === 0) throw bad('Say which sessions: start_date or start_time with duration, end_date or end_time with duration, lsid, or lsids.');
  if (forms.length > 1) throw new CodedError('E_REPORT_FILTER_CONFLICT', `Use one of lsid, lsids, start_date, start_time, end_date, end_time — not ${forms.join(' and ')}.`);
  const form = forms[0]!;
  const value = p[form]!;
  switch (form) {
    case 'lsid':
    case 'lsids': {
      const ids = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
      if (!ids.length || ids.length > 1000 || ids.some((id) => !/^[0-9a-f]{32}$/.test(id))) throw new CodedError('E_REPORT_BAD_LSID');
      if (form === 'lsid' && ids.length > 1) throw bad('lsid takes one session; use lsids for several.');
      q.lsids = ids;
      return q;
    }
    case 'start_date':
    case 'start_time': {
      const from = form === 'start_date' ? dateStart(value, form) : unixTime(value, form);
      const span = duration(p, form === 'start_date' ? 86_400 : 1);
      q.startFrom = isoOf(from);
      if (span !== null) q.startBefore = isoOf(from + span);
      return q;
    }
    default: {
      // end_date names a day: sessions that ended before that day is over.
      const end = form === 'end_date' ? dateStart(value, form) + 86_400_000 : unixTime(value, form);
      const span = duration(p, form === 'end_date' ? 86_400 : 1);
      q.endedOnly = true;
      q.endBefore = isoOf(end);
      if (span !== null) q.endFrom = isoOf(end - span);
      return q;
    }
  }
}
