/**
 * `/api/command?action=…` (GET, or a form-urlencoded POST): the vendor's command API with a bearer
 * token from /oauth2/token. Read actions need read-only or full access; actions that change
 * something need full access. Answers validate against /api/command.xsd.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import type { ApiAccount, ApiAccountService } from '../../domain/api-accounts.js';
import type { CommandApi } from '../../domain/command-api.js';
import { apiAllows, type ApiAction } from '../../domain/permissions.js';
import { VERSION } from '../../version.js';
import { el, flag, type XmlNode } from './xml.js';
import { answerXml, apiParams, bad, bearerOf, COMMAND_NS, timeEl, unix } from './xml-support.js';

export const API_VERSION = '1.0.0';

interface Call {
  req: FastifyRequest;
  p: Record<string, string>;
  account: ApiAccount;
  baseUrl: string;
}

type Handler = (c: Call) => XmlNode;

const baseUrlOf = (req: FastifyRequest): string => `${req.protocol}://${req.headers.host ?? 'localhost'}`;

export function registerCommandApi(app: FastifyInstance, ctx: AppContext, accounts: ApiAccountService, api: CommandApi): void {
  const read = (h: Handler): [ApiAction, Handler] => ['command.read', h];
  const write = (h: Handler): [ApiAction, Handler] => ['command.write', h];
  const lsidOf = (p: Record<string, string>): string => {
    if (!p['lsid']) throw bad('Give the session with lsid=<32 hex characters>.');
    return p['lsid'].trim().toLowerCase();
  };

  const actions: Record<string, [ApiAction, Handler]> = {
    get_api_info: read(({ account }) =>
      el('api_info', [
        el('api_version', API_VERSION),
        el('product_version', VERSION),
        el('timestamp', unix(new Date(ctx.clock.now()).toISOString())),
        el('permissions', [
          el('perm_command', account.commandAccess === 'full' ? 'full_access' : account.commandAccess === 'read_only' ? 'read_only' : 'not_allowed'),
          el('perm_reporting', flag(account.reporting)),
        ]),
      ]),
    ),

    get_logged_in_reps: read(({ baseUrl }) =>
      el(
        'logged_in_reps',
        ctx.presence
          .list()
          .map((p) => ({ p, u: ctx.repos.users.byId(p.userId) }))
          .filter((x) => x.u !== null)
          .sort((a, b) => a.p.userId - b.p.userId)
          .map(({ p, u }) =>
            el(
              'rep',
              [
                el('public_display_name', u!.publicDisplayName),
                el('private_display_name', u!.displayName),
                el('type', u!.externalSessionId ? 'invited' : 'normal'),
                el('direct_link', `${baseUrl}/api/start_session?id=${u!.id}`),
                timeEl('logged_in_since', p.loggedInAt),
                el('support_session_count', ctx.repos.sessions.ownedBy(u!.id).length),
                el('showing_on_rep_list', flag(!u!.externalSessionId)),
              ],
              { id: u!.id },
            ),
          ),
      ),
    ),

    get_support_teams: read(() => {
      const online = new Set(ctx.presence.list().map((p) => p.userId));
      const issues = ctx.repos.issues.list();
      return el(
        'support_teams',
        ctx.repos.teams.list().map((t) => {
          const open = ctx.repos.sessions.openInQueues([`team:${t.id}`]);
          const members = ctx.repos.users.teamMembers(t.id).map((id) => ctx.repos.users.byId(id)).filter((u) => u !== null);
          return el(
            'support_team',
            [
              el('name', t.name),
              el('code_name', t.code),
              el('queue_id', `team:${t.id}`),
              el('sessions_waiting', open.filter((s) => s.status === 'waiting').length),
              el('sessions_in_progress', open.filter((s) => s.status !== 'waiting').length),
              el('issues', issues.filter((i) => i.teamId === t.id).map((i) => el('issue', [el('code_name', i.codeName), el('description', i.description)], { id: i.id }))),
              el(
                'members',
                members.map((u) =>
                  el(
                    'member',
                    [el('username', u.username), el('display_name', u.displayName), el('role', ctx.repos.users.memberships(u.id).find((m) => m.teamId === t.id)?.role ?? 'member'), el('logged_in', flag(online.has(u.id)))],
                    { id: u.id },
                  ),
                ),
              ),
            ],
            { id: t.id },
          );
        }),
      );
    }),

    get_session_attributes: read(({ p }) => {
      const s = api.session(lsidOf(p));
      return attributesEl(s.id, s.customAttributes);
    }),

    set_session_attributes: write(({ p, account }) => {
      api.setAttributes(lsidOf(p), p, account.name);
      return el('success', 'Session attributes set.');
    }),

    transfer_session: write(({ p, account }) => {
      if (!p['queue_id']) throw bad('Give the queue to transfer to with queue_id=general|rep:<id>|rep_username:<name>|team:<id>|issue:<code>.');
      api.transfer(lsidOf(p), api.resolveQueue(p['queue_id']), account.name);
      return el('success', 'Session transferred.');
    }),

    terminate_session: write(({ p, account }) => {
      api.terminate(lsidOf(p), account.name);
      return el('success', 'Session terminated.');
    }),

    generate_session_key: write(({ p, baseUrl }) => {
      if ((p['type'] ?? 'support') !== 'support') throw bad('Only type=support session keys can be generated.');
      const queue = api.resolveQueue(p['queue_id'] ?? 'general');
      const ttl = p['ttl'] ? Number(p['ttl']) : 900;
      if (!Number.isInteger(ttl) || ttl < 60 || ttl > 86_400 * 7) throw bad('ttl is the key’s lifetime in seconds, from 60 to 604800.');
      const custom: Record<string, string> = {};
      for (const [k, v] of Object.entries(p)) if (k.startsWith('session.custom.') && v !== '') custom[k.slice('session.custom.'.length)] = v.slice(0, 1024);
      const key = api.sessionKey(queue, Math.ceil(ttl / 60), custom, baseUrl);
      return el('session_key', [
        el('short_key', key.key.replace(/ /g, '')),
        el('key_url', key.url),
        el('queue_id', p['queue_id'] ?? 'general'),
        el('mail_subject', 'Support session invitation'),
        el('mail_body', `To start a support session with ${queue.label}, open ${key.url} or enter the session key ${key.key} at ${baseUrl}/`),
        timeEl('expires', key.expiresAt),
      ]);
    }),
  };

  const handler = async (req: FastifyRequest, reply: import('fastify').FastifyReply) =>
    answerXml(reply, COMMAND_NS, () => {
      const account = accounts.resolve(bearerOf(req));
      const p = apiParams(req);
      const name = p['action'];
      if (!name) throw bad('Give the action to perform with action=<name>.');
      const entry = Object.hasOwn(actions, name) ? actions[name] : undefined;
      if (!entry) throw new CodedError('E_API_UNKNOWN_ACTION', `The command API has no action "${name.slice(0, 64)}".`);
      const [need, run] = entry;
      if (!apiAllows(account, 'command.read')) throw new CodedError('E_API_NO_COMMAND_ACCESS');
      if (!apiAllows(account, need)) throw new CodedError('E_API_READ_ONLY');
      const out = run({ req, p, account, baseUrl: baseUrlOf(req) });
      if (need === 'command.write') ctx.log.info({ apiAccount: account.id, action: name, lsid: p['lsid'] }, 'command API change');
      return out;
    });
  app.get('/api/command', handler);
  app.post('/api/command', handler);
}

function attributesEl(lsid: string, custom: Record<string, string>): XmlNode {
  return el(
    'session_attributes',
    [
      el('external_key', custom['external_key'] ?? ''),
      el(
        'custom_attributes',
        Object.entries(custom)
          .filter(([k]) => k !== 'external_key')
          .map(([k, v]) => el('custom_attribute', v, { code_name: k, display_name: k })),
      ),
    ],
    { lsid },
  );
}
