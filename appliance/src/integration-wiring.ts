/**
 * Wires the integration APIs and Reports into a context: API accounts, the command API's rules,
 * session reports with their shell recordings; seeds the demo site's documented API account.
 */
import type { AppContext } from './context.js';
import { DEMO_API_ACCOUNT } from './demo/api-account.js';
import { ApiAccountService, seedApiAccount } from './domain/api-accounts.js';
import { CommandApi } from './domain/command-api.js';
import { ReportService, type RecordingFiles, type RecordingLister } from './domain/reports.js';
import type { Db } from './store/db.js';
import { SqliteApiAccountRepository } from './store/api-accounts.js';
import { SqliteReportRepository } from './store/reports.js';
import { SqliteSessionAttributes } from './store/session-attributes.js';

/** The /login address of a recording's asciicast file (the admin cookie's path is /login). */
export const reportRecordingUrl = (sessionId: string, id: number): string => `/login/api/reports/${sessionId}/recordings/${id}.cast`;

export function wireIntegration(ctx: AppContext, db: Db, opts: { demo: boolean }): NonNullable<AppContext['integration']> {
  const accountsRepo = new SqliteApiAccountRepository(db);
  const apiAccounts = new ApiAccountService(accountsRepo, ctx.clock);
  if (opts.demo && seedApiAccount(accountsRepo, ctx.clock, DEMO_API_ACCOUNT)) ctx.log.info({ clientId: DEMO_API_ACCOUNT.clientId }, 'demo API account seeded');

  const lister: RecordingLister = {
    forSession: (sessionId) =>
      (ctx.recordings?.forSession(sessionId) ?? []).map((r) => ({
        id: r.id,
        hostname: r.hostname,
        by: ctx.repos.users.byId(r.userId)?.displayName ?? `Representative ${r.userId}`,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        truncated: r.truncated,
        castUrl: reportRecordingUrl(sessionId, r.id),
        textUrl: null,
      })),
  };
  const recordingFiles: RecordingFiles = {
    castPath: (sessionId, id) => {
      const r = ctx.recordings?.byId(id);
      return r && r.sessionId === sessionId ? (ctx.recordings?.pathOf(r, 'cast') ?? null) : null;
    },
  };
  return {
    apiAccounts,
    commandApi: new CommandApi(ctx.repos, new SqliteSessionAttributes(db), ctx.sessions, ctx.keys, ctx.bus, ctx.clock),
    reports: new ReportService(new SqliteReportRepository(db), lister, ctx.clock),
    recordingFiles,
  };
}
