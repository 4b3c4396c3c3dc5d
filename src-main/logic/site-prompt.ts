/**
 * "Connect to Another Site…": a small window asking for the site's address. Its page is static
 * HTML without script (a form), served as app://rep-console/site-prompt (logic/app-protocol.ts) into a
 * sandboxed window without preload;
 * submitting navigates to `rep-console-connect:go?site=…`, which the main process reads and cancels
 * (window's will-navigate) — no IPC, nothing for a page to call.
 */
import { appPageUrl } from './app-protocol.js';
import { desktopWords, word, type DesktopKey } from './desktop-words.js';
import { parseSiteUrl, type SiteUrlResult } from './sites.js';

/** The page's name under app://rep-console/. */
export const SITE_PROMPT_PAGE = 'site-prompt';

export const PROMPT_SCHEME = 'rep-console-connect:';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page, with the last attempt's address and what was wrong with it, in the rep's language. */
export function sitePromptHtml(opts: { value?: string; error?: string | null; recent?: readonly string[] } = {}): string {
  const recent = (opts.recent ?? []).slice(0, 8);
  const say = (key: DesktopKey) => escape(word(key));
  return `<!doctype html><html lang="${desktopWords.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${PROMPT_SCHEME}">
<title>${say('desktop.sitePrompt.title')}</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;padding:20px 24px;color:#1b1b1b;background:#f6f7f9}
h1{font-size:17px;margin:0 0 6px}p{margin:0 0 14px;color:#555}
label{display:block;font-weight:600;margin-bottom:6px}
input{box-sizing:border-box;width:100%;font:inherit;padding:8px 10px;border:1px solid #bbb;border-radius:6px}
.err{color:#a4262c;background:#fde7e9;border:1px solid #f1bbbc;border-radius:6px;padding:8px 10px;margin-bottom:12px}
.row{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}
button{font:inherit;padding:7px 14px;border-radius:6px;border:1px solid #bbb;background:#fff}
button.primary{background:#2f6fde;border-color:#2f6fde;color:#fff}
ul{margin:10px 0 0;padding-left:18px;color:#555}
</style></head><body>
<form method="get" action="${PROMPT_SCHEME}go">
<h1>${say('desktop.sitePrompt.heading')}</h1>
<p>${say('desktop.sitePrompt.lead')}</p>
${opts.error ? `<div class="err" role="alert">${escape(opts.error)}</div>` : ''}
<label for="site">${say('desktop.sitePrompt.label')}</label>
<input id="site" name="site" type="text" autofocus required maxlength="2048" placeholder="support.example.com" value="${escape(opts.value ?? '')}">
${recent.length ? `<ul aria-label="${say('desktop.sitePrompt.recent')}">${recent.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>` : ''}
<div class="row"><button type="submit" name="cancel" value="1" formnovalidate>${say('desktop.button.cancel')}</button><button class="primary" type="submit">${say('desktop.button.connect')}</button></div>
</form></body></html>`;
}

/** The prompt's address, carrying the last attempt and the recent sites in its query. */
export function sitePromptUrl(opts: { value?: string; error?: string | null; recent?: readonly string[] } = {}): string {
  return appPageUrl(SITE_PROMPT_PAGE, { value: opts.value, error: opts.error ?? undefined, recent: (opts.recent ?? []).slice(0, 8) });
}

/** The page for a request of sitePromptUrl's (app-protocol's page renderer). */
export function sitePromptPage(query: URLSearchParams): string {
  return sitePromptHtml({ value: query.get('value') ?? '', error: query.get('error'), recent: query.getAll('recent') });
}

/** What a navigation of the prompt window means: not ours (null), cancel, or the typed address checked. */
export function readSitePrompt(url: string): null | { kind: 'cancel' } | { kind: 'site'; input: string; result: SiteUrlResult } {
  if (!url.startsWith(PROMPT_SCHEME)) return null;
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return { kind: 'cancel' };
  }
  if (params.get('cancel') === '1') return { kind: 'cancel' };
  const input = params.get('site') ?? '';
  return { kind: 'site', input, result: parseSiteUrl(input) };
}
