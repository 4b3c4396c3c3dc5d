/**
 * /login > Reports: search (the filters as query parameters), one session's detail, the CSV of a
 * search, and shell recordings streamed to the page's player — all behind View Reports.
 */
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { CodedError } from '../../protocol/index.js';
import { REPORT_PAGE_LIMIT } from '../../protocol/report-models.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../domain/permissions.js';
import { reportCsv } from '../../domain/report-csv.js';
import { siteTimeZone } from '../../domain/site-settings.js';
import type { RecordingFiles, ReportService } from '../../domain/reports.js';
import { adminActor } from '../admin/actor.js';
import { API_REPORT_LIMIT } from './reporting-query.js';

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext, reports: ReportService, files: RecordingFiles): void {
  app.get('/login/api/reports', async (req) => {
    const timeZone = siteTimeZone(ctx.repos.settings);
    const rows = reports.search(adminActor(ctx, req), req.query, REPORT_PAGE_LIMIT + 1, timeZone);
    return { rows: rows.slice(0, REPORT_PAGE_LIMIT), more: rows.length > REPORT_PAGE_LIMIT, timeZone };
  });

  /** The representatives the participation filter offers (not external reps: they are bound to one session). */
  app.get('/login/api/reports/reps', async (req) => {
    authorize(adminActor(ctx, req), { kind: 'reports.view' });
    return { reps: ctx.repos.users.list().filter((u) => !u.externalSessionId).map((u) => ({ id: u.id, displayName: u.displayName, username: u.username })) };
  });

  app.get('/login/api/reports.csv', async (req, reply) => {
    const actor = adminActor(ctx, req);
    const timeZone = siteTimeZone(ctx.repos.settings);
    const rows = reports.search(actor, req.query, API_REPORT_LIMIT, timeZone);
    ctx.log.info({ by: actor.user.id, rows: rows.length }, 'report exported as CSV');
    const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="support-sessions-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(reportCsv(rows, timeZone));
  });

  app.get('/login/api/reports/:lsid', async (req) => {
    const { lsid } = req.params as { lsid: string };
    return { report: reports.detail(adminActor(ctx, req), lsid.toLowerCase()), timeZone: siteTimeZone(ctx.repos.settings) };
  });

  app.get('/login/api/reports/:lsid/recordings/:file', async (req, reply) => {
    authorize(adminActor(ctx, req), { kind: 'reports.view' });
    const { lsid, file } = req.params as { lsid: string; file: string };
    const m = /^(\d{1,9})\.cast$/.exec(file);
    const path = m && /^[0-9a-f]{32}$/.test(lsid) ? files.castPath(lsid, Number(m[1])) : null;
    if (!path) throw new CodedError('E_RECORDING_NOT_FOUND');
    return reply.type('application/x-asciicast; charset=utf-8').header('cache-control', 'private, no-store').send(createReadStream(path));
  });
}
