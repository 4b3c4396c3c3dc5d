/** The Reports and API Configuration pages' calls to /login/api, each answer checked against its schema. */
import { z } from 'zod';
import { ReportRow, SessionReport } from '../../../appliance/src/protocol/report-models.js';
import { getJson, postJson, postNoContent } from '../../shared-http/http.js';
import { t } from '../../lib/i18n/index.svelte.js';

/** The form as the page holds it: local days (YYYY-MM-DD) rather than instants. */
export interface ReportForm {
  session: string;
  fromDay: string;
  toDay: string;
  customer: string;
  rep: string;
}

export const EMPTY_FORM: ReportForm = { session: '', fromDay: '', toDay: '', customer: '', rep: 'all' };

/** Why the form cannot be searched as it is (the appliance says the same), or null. */
export function formProblem(f: ReportForm): string | null {
  if (f.session.trim() && (f.fromDay || f.toDay || f.customer.trim() || f.rep !== 'all')) {
    return t('admin.reports.problemCombined');
  }
  if (f.fromDay && f.toDay && f.toDay < f.fromDay) return t('admin.reports.problemEndBeforeStart');
  return null;
}

/**
 * Query parameters for a search. The chosen days go as the site's calendar days (no zone): the
 * appliance reads them on the site's clock (/login > Status time zone); the end day is included.
 */
export function formQuery(f: ReportForm): URLSearchParams {
  const q = new URLSearchParams();
  const dayAfter = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  };
  if (f.session.trim()) q.set('session', f.session.trim());
  if (f.fromDay) q.set('from', f.fromDay);
  if (f.toDay) q.set('to', dayAfter(f.toDay));
  if (f.customer.trim()) q.set('customer', f.customer.trim());
  if (f.rep !== 'all') q.set('rep', f.rep);
  return q;
}

const ApiAccount = z.object({
  id: z.number().int(),
  name: z.string(),
  comments: z.string(),
  clientId: z.string(),
  enabled: z.boolean(),
  commandAccess: z.enum(['none', 'read_only', 'full']),
  reporting: z.boolean(),
  createdAt: z.string(),
  secretChangedAt: z.string(),
});
export type ApiAccount = z.infer<typeof ApiAccount>;
export type ApiAccountInput = Pick<ApiAccount, 'name' | 'comments' | 'enabled' | 'commandAccess' | 'reporting'>;
const WithSecret = z.object({ account: ApiAccount, clientSecret: z.string() });

export const reportsApi = {
  search: (f: ReportForm) => getJson(`/login/api/reports?${formQuery(f)}`, z.object({ rows: z.array(ReportRow), more: z.boolean(), timeZone: z.string() })),
  csvUrl: (f: ReportForm) => `/login/api/reports.csv?${formQuery(f)}`,
  detail: (lsid: string) => getJson(`/login/api/reports/${encodeURIComponent(lsid)}`, z.object({ report: SessionReport, timeZone: z.string() })),
  reps: () => getJson('/login/api/reports/reps', z.object({ reps: z.array(z.object({ id: z.number().int(), displayName: z.string(), username: z.string() })) })).then((r) => r.reps),
};

export const apiAccountsApi = {
  list: () => getJson('/login/api/api-accounts', z.object({ accounts: z.array(ApiAccount) })).then((r) => r.accounts),
  create: (a: ApiAccountInput) => postJson('/login/api/api-accounts', a, WithSecret),
  update: (id: number, a: ApiAccountInput) => postJson(`/login/api/api-accounts/${id}`, a, z.object({ account: ApiAccount })).then((r) => r.account),
  regenerate: (id: number) => postJson(`/login/api/api-accounts/${id}/secret`, {}, WithSecret),
  remove: (id: number) => postNoContent(`/login/api/api-accounts/${id}/delete`),
};
