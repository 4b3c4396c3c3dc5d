/**
 * Jump Clients > Mass Deployment Wizard over HTTP: /login's JSON API to create, list and revoke
 * installers (with the Jump Groups, users and Jump Policies a new Jump Client may join), and the
 * public downloads at /download/jump-client/<key>/<file> (.sh, .cmd, and .msi where wixl exists).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CodedError, parseJumpGroupTarget, type ErrorCode } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { installerCommandLines, installerFileName } from '../domain/installer-command-line.js';
import { shellScript, cmdScript, type InstallerFileOptions } from '../domain/installer-files.js';
import { MAX_COMMENTS, MAX_INSTALL_DIR, MAX_TAG, type InstallerKeyRecord } from '../domain/installer-keys.js';
import { authorize, type Actor } from '../domain/permissions.js';
import { ADMIN_COOKIE } from './admin-routes.js';
import { JumpClientMsiBuilder } from './jump-client-msi.js';

/** Installer refusals are about a missing or gone thing: 404 unknown, 410 expired or used up. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  E_INSTALLER_KEY_INVALID: 404,
  E_INSTALLER_KEY_EXPIRED: 410,
  E_INSTALLER_KEY_USED: 410,
  E_INSTALLER_NOT_FOUND: 404,
  E_MSI_UNAVAILABLE: 404,
};

const CreateBody = z.object({
  /** `user:NAME` or `jumpgroup:CODE`; null: the installing command line must name one. */
  jumpGroup: z.string().max(200).nullable().default(null),
  tag: z.string().max(MAX_TAG).default(''),
  comments: z.string().max(MAX_COMMENTS).default(''),
  jumpPolicyCode: z.string().max(64).nullable().default(null),
  validitySeconds: z.number().int(),
  massDeploy: z.boolean().default(true),
  installDir: z.string().max(MAX_INSTALL_DIR).nullable().default(null),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const DownloadParams = z.object({ key: z.string().max(100), file: z.string().max(200) });

/** bin/rep-appliance.js of the checkout this appliance runs from (the scripts' fallback), if there is one. */
function findAgentBin(): string | null {
  let dir = import.meta.dirname;
  for (let i = 0; i < 5; i++) {
    const bin = join(dir, 'bin/rep-appliance.js');
    if (existsSync(bin) && existsSync(join(dir, 'package.json'))) {
      try {
        if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin?: Record<string, string> }).bin?.['rep-appliance']) return bin;
      } catch {
        // not ours
      }
    }
    dir = dirname(dir);
  }
  return null;
}

/** The address clients use for this site, as the browser reached it. */
const siteUrlOf = (req: FastifyRequest): string => `${req.protocol}://${req.headers.host ?? 'localhost'}`;

export async function registerInstallerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const msi = new JumpClientMsiBuilder(join(ctx.dataDir ?? join(tmpdir(), `rep-appliance-${process.pid}`), 'cache', 'jump-client-msi'));
  const agentPath = findAgentBin();

  const actorOf = (req: FastifyRequest): Actor => {
    const token = req.cookies[ADMIN_COOKIE];
    if (!token) throw new CodedError('E_AUTH_REQUIRED');
    try {
      return ctx.auth.resume(token, ['admin']).actor;
    } catch {
      throw new CodedError('E_AUTH_REQUIRED');
    }
  };

  const jumpGroupLabel = (spec: string | null): string | null => {
    const t = spec === null ? null : parseJumpGroupTarget(spec);
    if (!t) return null;
    if (t.kind === 'jumpgroup') return ctx.repos.jump.groups().find((g) => g.code === t.code)?.name ?? t.code;
    const u = ctx.repos.users.byUsername(t.username);
    return `${u?.displayName || t.username} (personal)`;
  };

  const row = (rec: InstallerKeyRecord) => ({
    id: rec.id,
    keyHint: rec.keyHint,
    createdAt: rec.createdAt,
    createdBy: rec.createdBy === null ? null : (ctx.repos.users.byId(rec.createdBy)?.username ?? null),
    expiresAt: rec.expiresAt,
    jumpGroup: rec.jumpGroup,
    jumpGroupLabel: jumpGroupLabel(rec.jumpGroup),
    tag: rec.tag,
    comments: rec.comments,
    jumpPolicyCode: rec.jumpPolicyCode,
    installDir: rec.installDir,
    massDeploy: rec.massDeploy,
    uses: rec.uses,
    maxUses: rec.maxUses,
    lastUsedAt: rec.lastUsedAt,
    revokedAt: rec.revokedAt,
    status: ctx.installerKeys.statusOf(rec),
  });

  const fileOptions = (rec: InstallerKeyRecord, key: string, siteUrl: string): InstallerFileOptions => ({
    siteUrl,
    key,
    installDir: rec.installDir,
    jumpGroup: rec.jumpGroup,
    tag: rec.tag,
    comments: rec.comments,
    expiresAt: rec.expiresAt,
    massDeploy: rec.massDeploy,
    agentPath,
    nodePath: process.execPath,
  });

  await app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply) => {
      const status = err instanceof CodedError ? STATUS[err.code] : undefined;
      if (err instanceof CodedError && status) return reply.code(status).type('application/json').send({ error: { code: err.code, message: err.message } });
      // Everything else: the site-wide handler (coded errors, bad parameters, failures).
      throw err;
    });

    /** What a new Jump Client may join: Jump Groups, users (personal lists), Jump Policies; and whether MSIs can be built. */
    scope.get('/login/api/jump-clients/options', async (req) => {
      authorize(actorOf(req), { kind: 'jumpClient.deploy' });
      // The Jump Policy store may not exist on every build of the repositories yet.
      const policies = (ctx.repos as Partial<AppContext['repos']>).jumpPolicies?.list() ?? [];
      return {
        groups: ctx.repos.jump.groups().map((g) => ({ code: g.code, name: g.name })),
        users: ctx.repos.users
          .list()
          .filter((u) => u.externalSessionId === null && !u.disabled)
          .map((u) => ({ username: u.username, displayName: u.displayName })),
        policies: policies.map((p) => ({ code: p.code, name: p.name })),
        msiAvailable: msi.available,
      };
    });

    scope.get('/login/api/jump-clients/installers', async (req) => ({ installers: ctx.installerKeys.list(actorOf(req)).map(row) }));

    scope.post('/login/api/jump-clients/installers', async (req) => {
      const actor = actorOf(req);
      const b = CreateBody.parse(req.body);
      const jumpGroup = b.jumpGroup?.trim() ? parseJumpGroupTarget(b.jumpGroup) : null;
      if (b.jumpGroup?.trim() && !jumpGroup) throw new CodedError('E_BAD_PARAMS', 'The Jump Group must be user:NAME or jumpgroup:CODE.');
      const { installer, key } = ctx.installerKeys.create(actor, { ...b, jumpGroup });
      ctx.log.info({ installerId: installer.id, by: actor.user.id, massDeploy: installer.massDeploy, expiresAt: installer.expiresAt }, 'Jump Client installer created');
      const site = siteUrlOf(req);
      const base = `${site}/download/jump-client/${key}/`;
      return {
        installer: row(installer),
        key,
        commandLines: installerCommandLines(fileOptions(installer, key, site)),
        downloads: {
          sh: base + installerFileName(key, 'sh'),
          cmd: base + installerFileName(key, 'cmd'),
          msi: msi.available ? base + installerFileName(key, 'msi') : null,
        },
      };
    });

    scope.post('/login/api/jump-clients/installers/:id/revoke', async (req) => {
      const actor = actorOf(req);
      const { id } = IdParams.parse(req.params);
      const installer = ctx.installerKeys.revoke(actor, id);
      ctx.log.info({ installerId: id, by: actor.user.id }, 'Jump Client installer revoked');
      return { installer: row(installer) };
    });

    /** The installer files themselves: public (the recipients have no login), the key is the secret. */
    scope.get('/download/jump-client/:key/:file', async (req, reply) => {
      const p = DownloadParams.parse(req.params);
      const rec = ctx.installerKeys.lookup(p.key);
      const key = p.key.trim().toLowerCase();
      const o = fileOptions(rec, key, siteUrlOf(req));
      reply.header('cache-control', 'no-store');
      switch (p.file) {
        case installerFileName(key, 'sh'):
          return attachment(reply, p.file, 'text/x-shellscript; charset=utf-8').send(shellScript(o));
        case installerFileName(key, 'cmd'):
          return attachment(reply, p.file, 'application/x-bat; charset=utf-8').send(cmdScript({ ...o, agentPath: process.platform === 'win32' ? agentPath : null }));
        case installerFileName(key, 'msi'): {
          const file = await msi.build(o);
          return attachment(reply, p.file, 'application/x-msi').send(createReadStream(file));
        }
        default:
          throw new CodedError('E_NOT_FOUND', `This installer has no file named ${p.file}: there are ${installerFileName(key, 'sh')}, ${installerFileName(key, 'cmd')} and ${installerFileName(key, 'msi')}.`);
      }
    });
  });
}

function attachment(reply: FastifyReply, name: string, type: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${name}"`);
}
