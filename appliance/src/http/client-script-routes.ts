/**
 * The Client Scripting API (`/api/client_script`, FORMATS.md): integrations link a rep to a console
 * action. `type=rep&operation=generate&action=…` answers with a `.brcs-<site>` file for the desktop
 * console; `type=web_console&operation=execute&action=start_jump_item_session&…` sends the browser
 * to the web console with the validated criteria in the URL fragment (the console asks for a login
 * first when there is none). Unauthenticated, like the vendor's: whichever console runs the command
 * authenticates, and nothing secret is needed in the URL. Every refusal is HTTP 400 in plain text,
 * and nothing is started.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BrcsError,
  DEFAULT_SITE_SHORT_NAME,
  PercentError,
  generateBrcs,
  percentDecode,
  readBrcsCommand,
  webConsoleScriptUrl,
  type BrcsCommand,
} from '../protocol/index.js';
import type { AppContext } from '../context.js';

const FORM = 'application/x-www-form-urlencoded';
const MAX_FORM_BYTES = 32 * 1024;

/** The settings key holding the site's short name (the `<companySiteName>` in `.brcs-<companySiteName>`). */
export const SITE_SHORT_NAME_SETTING = 'site.shortName';

export type ClientScriptOutcome =
  | { kind: 'file'; fileName: string; text: string; warnings: string[] }
  | { kind: 'redirect'; location: string; warnings: string[] }
  | { kind: 'refused'; message: string };

/** Splits a query string or form body into decoded pairs (`+` is a space); a bad escape is a refusal naming the parameter. */
export function splitForm(raw: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    try {
      key = percentDecode(rawKey, { plusIsSpace: true });
    } catch (e) {
      throw new PercentError(`The parameter name "${rawKey.slice(0, 64)}" ${(e as Error).message}.`);
    }
    try {
      pairs.push([key, percentDecode(rawValue, { plusIsSpace: true })]);
    } catch (e) {
      throw new PercentError(`The value of ${key.slice(0, 64)} ${(e as Error).message}.`);
    }
  }
  return pairs;
}

/** What a request asks for, decided from its decoded parameters alone. */
export function decideClientScript(pairs: readonly (readonly [string, string])[], siteName: string): ClientScriptOutcome {
  const refuse = (message: string): ClientScriptOutcome => ({ kind: 'refused', message });
  const control: Partial<Record<'type' | 'operation' | 'action', string>> = {};
  const rest: [string, string][] = [];
  for (const [key, value] of pairs) {
    if (key === 'type' || key === 'operation' || key === 'action') {
      if (control[key] !== undefined) return refuse(`The parameter "${key}" is given more than once; give one ${key} per URL.`);
      control[key] = value.trim().toLowerCase();
    } else rest.push([key, value]);
  }
  const { type, operation, action } = control;
  if (type !== 'rep' && type !== 'web_console') return refuse('type must be rep (a script for the desktop console) or web_console (run in the web console).');
  if (type === 'rep' && operation !== 'generate') return refuse('type=rep takes operation=generate.');
  if (type === 'web_console' && operation !== 'execute') return refuse('type=web_console takes operation=execute.');
  if (!action) return refuse('action is required.');
  if (type === 'web_console' && action !== 'start_jump_item_session') return refuse('type=web_console accepts only action=start_jump_item_session.');

  const read = readBrcsCommand(action, rest);
  if (!read.ok) return refuse(read.message);
  const command: BrcsCommand = read.command;
  try {
    if (command.action === 'start_jump_item_session' && type === 'web_console') return { kind: 'redirect', location: webConsoleScriptUrl(command), warnings: read.warnings };
    return { kind: 'file', ...generateBrcs([command], { siteName }), warnings: read.warnings };
  } catch (e) {
    // A value with no UTF-8 form (a lone surrogate) cannot be written into a script.
    if (e instanceof BrcsError) return refuse(e.message);
    throw e;
  }
}

/** The site's short name for file names: the setting when it is set, else `demo_site`. */
export function siteShortName(ctx: Pick<AppContext, 'repos'>): string {
  const configured = ctx.repos.settings.get(SITE_SHORT_NAME_SETTING)?.trim();
  return configured && /^[A-Za-z0-9_.-]{1,64}$/.test(configured) ? configured : DEFAULT_SITE_SHORT_NAME;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function refused(reply: FastifyReply, message: string) {
  return reply.code(400).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(`E_BAD_PARAMS: ${message}\n`);
}

export async function registerClientScript(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Its own scope: form bodies reach this route as raw bytes, so a repeated parameter or a byte that
  // is not UTF-8 can be refused rather than silently merged or replaced.
  await app.register(async (scope) => {
    if (scope.hasContentTypeParser(FORM)) scope.removeContentTypeParser(FORM);
    scope.addContentTypeParser(FORM, { parseAs: 'buffer', bodyLimit: MAX_FORM_BYTES }, (_req, body, done) => done(null, body));

    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const q = req.url.indexOf('?');
      let pairs: [string, string][];
      try {
        pairs = splitForm(q < 0 ? '' : req.url.slice(q + 1));
        if (Buffer.isBuffer(req.body)) {
          let body: string;
          try {
            body = utf8.decode(req.body);
          } catch {
            return refused(reply, 'The form body is not valid UTF-8.');
          }
          pairs.push(...splitForm(body));
        }
      } catch (e) {
        if (e instanceof PercentError) return refused(reply, e.message);
        throw e;
      }
      const outcome = decideClientScript(pairs, siteShortName(ctx));
      if (outcome.kind === 'refused') {
        ctx.log.info({ reason: outcome.message }, 'client script refused');
        return refused(reply, outcome.message);
      }
      if (outcome.warnings.length) ctx.log.info({ warnings: outcome.warnings }, 'client script: unknown parameters ignored');
      if (outcome.kind === 'redirect') return reply.header('cache-control', 'no-store').redirect(outcome.location, 303);
      return reply
        .code(200)
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${outcome.fileName}"`)
        // A script may carry login credentials the integration put in the URL: never cache it.
        .header('cache-control', 'no-store')
        .send(outcome.text);
    };
    scope.get('/api/client_script', handler);
    scope.post('/api/client_script', handler);
  });
}
