/**
 * The desktop console's side of the update token and the offered version (FEATURES.md §H), plain
 * so tests run it against a real appliance: the first login on a site asks it for the update token
 * (with the fresh login token) and keeps it in the keychain; the offered version is public.
 */
import type { SecretStore } from './secret-store.js';

export interface UpdateTokenContext {
  readonly secrets: SecretStore;
  readonly updateTokenAccount: string;
  readonly siteOrigin: string;
  readonly report: (message: string, error?: unknown) => void;
}

/** The console version the site's update feed serves (public), or null when the site does not say. */
export async function fetchSiteVersion(fetcher: typeof fetch, siteOrigin: string): Promise<string | null> {
  try {
    const r = await fetcher(new URL('/download/update/version', siteOrigin).toString(), { headers: { 'cache-control': 'no-cache' } });
    if (!r.ok) return null;
    const body = (await r.json()) as { version?: unknown };
    return typeof body.version === 'string' && /^\d+\.\d+\.\d+/.test(body.version) ? body.version : null;
  } catch {
    return null;
  }
}

/**
 * The first login on a site: asks it for this console's update token (with the fresh login token)
 * and keeps it in the keychain. Does nothing when one is kept already or the site has none to give.
 */
export async function ensureUpdateToken(fetcher: typeof fetch, ctx: UpdateTokenContext, loginToken: string): Promise<void> {
  if ((await ctx.secrets.get(ctx.updateTokenAccount)) !== null) return;
  try {
    const r = await fetcher(new URL('/download/update/token', ctx.siteOrigin).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginToken }),
    });
    if (!r.ok) return ctx.report(`The site gave no update token (HTTP ${r.status}).`);
    const { token } = (await r.json()) as { token?: unknown };
    if (typeof token === 'string' && token.length > 0 && !(await ctx.secrets.set(ctx.updateTokenAccount, token))) ctx.report('No keychain: the update token was not kept.');
  } catch (error) {
    ctx.report('Could not ask the site for an update token.', error);
  }
}
