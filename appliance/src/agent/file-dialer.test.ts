/**
 * The real agent's data links over HTTP against a real server: a link the appliance refuses halfway
 * (it stops reading and answers 409) must not spoil the next link, which is why every link gets a
 * connection of its own instead of a pooled keep-alive socket.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { httpDialer } from './file-dialer.js';

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  return new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/**
 * A site like the appliance's PUT route: it pipes the body into a sink that gives up after `limit`
 * bytes, then answers 409 without reading the rest.
 */
async function site(limit: number): Promise<{ url: string; connections: () => number; bodies: number[] }> {
  let connections = 0;
  const bodies: number[] = [];
  server = createServer({ keepAlive: true }, (req, res) => {
    let got = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        got += chunk.length;
        if (got > limit) setTimeout(() => sink.destroy(new Error('the receiver went away')), 5);
        else done();
      },
    });
    pipeline(req, sink).then(
      () => (bodies.push(got), res.writeHead(204).end()),
      () => (bodies.push(got), res.writeHead(409, { 'content-type': 'application/json' }).end('{}')),
    );
  });
  // Long enough that a request queued behind the refused one would wait out the test.
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections, bodies };
}

const bytes = (n: number) => Readable.from([Buffer.alloc(n, 7)]);

describe('httpDialer.push', () => {
  it('sends a whole body and resolves once the site took it', async () => {
    const s = await site(Infinity);
    await httpDialer(s.url).push({ id: 'a'.repeat(32), token: 't' }, bytes(1 << 20));
    expect(s.bodies).toEqual([1 << 20]);
  });

  it('fails a refused link, and the next link still gets through', async () => {
    const s = await site(64 * 1024);
    const dialer = httpDialer(s.url);
    await expect(dialer.push({ id: 'a'.repeat(32), token: 't' }, bytes(1 << 20))).rejects.toMatchObject({ code: 'E_FILE_TRANSFER_NOT_FOUND' });
    // The refused request's connection still holds unread body bytes; the second link must not queue behind them.
    await new Promise((r) => setTimeout(r, 50));
    await dialer.push({ id: 'b'.repeat(32), token: 't' }, bytes(1000));
    expect(s.bodies.at(-1)).toBe(1000);
  }, 10_000);

  it('never reuses a pooled keep-alive connection, even after a link that went well', async () => {
    const s = await site(Infinity);
    const dialer = httpDialer(s.url);
    await dialer.push({ id: 'a'.repeat(32), token: 't' }, bytes(1000));
    await new Promise((r) => setTimeout(r, 50)); // time for a pooled socket to be back in the pool
    await dialer.push({ id: 'b'.repeat(32), token: 't' }, bytes(1000));
    expect(s.connections()).toBe(2);
  });
});
