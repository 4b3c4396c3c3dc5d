/** The address a request came from, as reports show it: IPv4-mapped IPv6 ("::ffff:10.0.0.5") as plain IPv4. */
import type { FastifyRequest } from 'fastify';

export function clientAddress(req: Pick<FastifyRequest, 'ip'>): string {
  const ip = req.ip ?? '';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
