/**
 * `/api/reporting?generate_report=…` (GET, or a form-urlencoded POST) with a bearer token from an
 * API account allowed to use the reporting API. Answers validate against /api/reporting.xsd.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import type { ApiAccountService } from '../../domain/api-accounts.js';
import { apiAllows } from '../../domain/permissions.js';
import type { ReportService } from '../../domain/reports.js';
import type { JumpItemRecord } from '../../domain/ports.js';
import { el, type XmlNode } from './xml.js';
import { answerXml, apiParams, bad, bearerOf, REPORTING_NS, timeEl } from './xml-support.js';
import { reportingQuery } from './reporting-query.js';
import { sessionXml, summaryRowXml, totalsXml } from './reporting-xml.js';

const MAX_JUMP_ITEMS = 100_000;

export function registerReportingApi(app: FastifyInstance, ctx: AppContext, accounts: ApiAccountService, reports: ReportService): void {
  const generators: Record<string, (p: Record<string, string>) => XmlNode> = {
    SupportSession: (p) => el('session_list', reports.reports(reportingQuery(p)).reverse().map(sessionXml)),
    SupportSessionListing: (p) => el('session_summary_list', reports.rows(reportingQuery(p)).reverse().map(summaryRowXml)),
    SupportSessionSummary: (p) => {
      const q = reportingQuery(p);
      return totalsXml(reports.rows(q), q.startFrom ?? q.endFrom ?? null, q.startBefore ?? q.endBefore ?? null);
    },
    JumpItem: () => el('jump_item_list', jumpItems(ctx).map(jumpItemXml)),
  };

  const handler = async (req: FastifyRequest, reply: FastifyReply) =>
    answerXml(reply, REPORTING_NS, () => {
      const account = accounts.resolve(bearerOf(req));
      if (!apiAllows(account, 'reporting')) throw new CodedError('E_API_NO_REPORTING');
      const p = apiParams(req);
      const name = p['generate_report'];
      if (!name) throw bad('Say which report with generate_report=SupportSession, SupportSessionListing, SupportSessionSummary or JumpItem.');
      const gen = Object.hasOwn(generators, name) ? generators[name] : undefined;
      if (!gen) throw new CodedError('E_API_UNKNOWN_REPORT', `The reporting API has no report "${name.slice(0, 64)}". Use SupportSession, SupportSessionListing, SupportSessionSummary or JumpItem.`);
      return gen(p);
    });
  app.get('/api/reporting', handler);
  app.post('/api/reporting', handler);
}

function jumpItems(ctx: AppContext): JumpItemRecord[] {
  const out: JumpItemRecord[] = [];
  for (let offset = 0; offset < MAX_JUMP_ITEMS; offset += 1000) {
    const page = ctx.repos.jump.search({ search: '', groupId: null, visibleGroupIds: null, ownerIds: null, offset, limit: 1000 });
    out.push(...page.items);
    if (page.items.length < 1000) break;
  }
  return out;
}

function jumpItemXml(j: JumpItemRecord): XmlNode {
  const personal = j.groupId === null;
  return el(
    'jump_item',
    [
      el('name', j.name),
      el('method', j.method),
      el('hostname', j.hostname),
      el('public_ip', j.publicIp),
      el('private_ip', j.privateIp),
      el('os', j.os),
      el('tag', j.tag),
      el('comments', j.comments),
      el('status', j.status),
      el('jump_group', personal ? (j.ownerName ?? '') : j.groupName, { type: personal ? 'personal' : 'shared' }),
      timeEl('last_accessed', j.lastAccessed),
    ],
    { id: j.id },
  );
}
