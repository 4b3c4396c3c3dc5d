/**
 * The `app://rep-console/…` scheme (decisions in logic/app-protocol.ts): registered as privileged
 * before the app is ready, answered once it is. Pages are rendered by the main process; assets are
 * plain files from the build resources folder.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_PAGE_CSP, APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppRequest, type AppPages } from './logic/app-protocol.js';

/** Must run before `app.whenReady()` resolves (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Answers app:// requests from `pages` and `assetsDir`; everything else is refused with its status. */
export function serveAppProtocol(pages: AppPages, assetsDir: string | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = resolveAppRequest(request.url, pages, assetsDir);
    const headers = { 'content-security-policy': APP_PAGE_CSP, 'x-content-type-options': 'nosniff' };
    if (answer.kind === 'page') return new Response(answer.html, { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
    if (answer.kind === 'file') {
      try {
        return new Response(await readFile(answer.path), { status: 200, headers: { ...headers, 'content-type': answer.type } });
      } catch {
        return new Response('Not found', { status: 404, headers });
      }
    }
    return new Response(answer.reason, { status: answer.status, headers });
  });
}
