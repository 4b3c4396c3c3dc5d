/** Session reports as the reporting API's XML (validated by /api/reporting.xsd). */
import type { ReportRow, SessionReport } from '../../protocol/report-models.js';
import { hms } from '../../domain/report-csv.js';
import { el, flag, type XmlNode } from './xml.js';
import { timeEl, unix } from './xml-support.js';

export function sessionXml(r: SessionReport): XmlNode {
  const primary = r.repList.find((x) => x.primary) ?? null;
  return el(
    'session',
    [
      el('session_type', 'support'),
      el('lseq', r.lseq),
      timeEl('start_time', r.startedAt),
      timeEl('end_time', r.endedAt),
      el('duration', hms(r.durationSeconds)),
      el('external_key', r.externalKey),
      el('custom_attributes', Object.entries(r.customAttributes).map(([k, v]) => el('custom_attribute', v, { code_name: k, display_name: k }))),
      r.jumpItem !== null && el('jump_item', r.jumpItem),
      el('file_transfer_count', r.fileCounts.transfer),
      el('file_move_count', r.fileCounts.move),
      el('file_delete_count', r.fileCounts.delete),
      el('primary_customer', r.customerName, { gsnumber: 1 }),
      primary && el('primary_rep', primary.displayName, { gsnumber: primary.gsnumber, id: primary.userId }),
      el('customer_list', [
        el(
          'customer',
          [
            el('username', r.customerName),
            el('public_ip', r.publicIp),
            el('private_ip', r.privateIp),
            el('hostname', r.computer),
            el('os', r.customerOs),
            el('primary_cust', '1'),
            el('info', [el('name', r.customerName), el('company', r.company), el('issue', r.issue), el('details', r.details)]),
          ],
          { gsnumber: 1 },
        ),
      ]),
      el(
        'rep_list',
        r.repList.map((x) =>
          el(
            'representative',
            [
              el('username', x.username),
              el('display_name', x.displayName),
              el('public_display_name', x.publicDisplayName),
              el('private_display_name', x.displayName),
              el('session_owner', flag(x.owner)),
              el('primary_rep', flag(x.primary)),
              el('invited', flag(x.invited)),
              el('seconds_involved', x.secondsInvolved),
            ],
            { gsnumber: x.gsnumber, id: x.userId },
          ),
        ),
      ),
      el(
        'session_details',
        r.events.map((e) =>
          el(
            'event',
            [
              el('performed_by', e.performedBy.name, { type: e.performedBy.kind, gsnumber: e.performedBy.gsnumber }),
              e.destination !== null && el('destination', e.destination),
              e.body !== '' && el('body', e.body),
            ],
            { timestamp: unix(e.at), event_type: e.type },
          ),
        ),
      ),
    ],
    { lsid: r.lsid },
  );
}

export function summaryRowXml(r: ReportRow): XmlNode {
  return el(
    'session_summary',
    [
      el('lseq', r.lseq),
      timeEl('start_time', r.startedAt),
      timeEl('end_time', r.endedAt),
      el('duration', hms(r.durationSeconds)),
      el('customer_name', r.customerName),
      el('hostname', r.computer),
      el('primary_rep', r.ownerName ?? r.reps[0] ?? ''),
      el('rep_count', r.reps.length),
    ],
    { lsid: r.lsid },
  );
}

/** Totals over the window (SupportSessionSummary). */
export function totalsXml(rows: readonly ReportRow[], from: string | null, to: string | null): XmlNode {
  const total = rows.reduce((t, r) => t + r.durationSeconds, 0);
  const withRep = rows.filter((r) => r.reps.length > 0).length;
  return el('support_session_summary', [
    timeEl('start_time', from),
    timeEl('end_time', to),
    el('session_count', rows.length),
    el('sessions_with_rep', withRep),
    el('sessions_without_rep', rows.length - withRep),
    el('average_duration', hms(rows.length ? total / rows.length : 0)),
    el('total_duration', hms(total)),
  ]);
}
