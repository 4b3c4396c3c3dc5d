/**
 * File Transfer's byte streams over HTTP (control stays on the WebSockets):
 *  - PUT /console/api/files/:id/:token?offset=N   the rep's upload body from byte N (resumes);
 *  - GET /console/api/files/:id/:token/:name      a download (Range: bytes=N- resumes) — a plain link;
 *  - GET|PUT /agent/files/:link (x-link-token)    the endpoint's data link: pull upload bytes, push download bytes.
 * Raw streams, no body parsing, no size cap: the routes pipe, TCP flow control does the rest. Each
 * is authorized by a one-time token (a capability URL) handed out over the authenticated WebSocket.
 */
import type { FastifyInstance } from 'fastify';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { CodedError, StreamToken, TransferId } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { LINK_TOKEN_HEADER } from '../agent/file-dialer.js';
import { fileLinks } from '../ws/file-links.js';
import { fileTransfers } from '../ws/file-transfer.js';

const Ids = z.object({ id: TransferId, token: StreamToken });

export async function registerFileRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    // The body is the stream itself: handlers read req.raw.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));

    scope.put('/console/api/files/:id/:token', async (req, reply) => {
      const { id, token } = Ids.parse(req.params);
      const offset = z.coerce.number().int().min(0).parse((req.query as { offset?: string }).offset ?? '0');
      const { received } = await fileTransfers(ctx).receiveUpload(id, token, offset, req.raw);
      return reply.code(200).send({ received });
    });

    scope.get('/console/api/files/:id/:token/:name', async (req, reply) => {
      const { id, token } = Ids.parse(req.params);
      const range = req.headers.range;
      // Checked before the response is taken over, so a refusal is an ordinary coded error.
      reply.hijack();
      try {
        await fileTransfers(ctx).sendDownload(id, token, range, reply.raw);
      } catch (e) {
        if (!reply.raw.headersSent) {
          const code = e instanceof CodedError ? e.code : 'E_INTERNAL';
          reply.raw.writeHead(code === 'E_FILE_TRANSFER_NOT_FOUND' ? 404 : 400, { 'content-type': 'application/json' });
          reply.raw.end(JSON.stringify({ error: { code, message: e instanceof Error ? e.message : String(e) } }));
        } else reply.raw.destroy();
      }
    });

    scope.get('/agent/files/:id', async (req, reply) => {
      const { id } = z.object({ id: TransferId }).parse(req.params);
      const source = fileLinks(ctx).take(id, String(req.headers[LINK_TOKEN_HEADER] ?? ''), 'source');
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/octet-stream' });
      await pipeline(source, reply.raw).catch(() => reply.raw.destroy());
    });

    scope.put('/agent/files/:id', async (req, reply) => {
      const { id } = z.object({ id: TransferId }).parse(req.params);
      const sink = fileLinks(ctx).take(id, String(req.headers[LINK_TOKEN_HEADER] ?? ''), 'sink');
      try {
        await pipeline(req.raw, sink);
      } catch {
        // The rep's side went away: tell the endpoint to stop sending. The rest of its body is never
        // read, so the connection cannot carry another request: close it (a reused one would hang).
        return reply.code(409).header('connection', 'close').send({ error: { code: 'E_FILE_CANCELLED', message: 'The receiver went away.' } });
      }
      return reply.code(204).send();
    });
  });
}
