/** `/api/command.xsd` and `/api/reporting.xsd`: the schemas in appliance/xsd/, which every API answer validates against. */
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** appliance/xsd from the sources (appliance/src/http/api), or out/xsd next to a bundle in out/<name>/ (build.mjs copies it). */
function xsdDir(): string | null {
  const here = import.meta.dirname;
  for (const dir of [join(here, '../../../xsd'), join(here, '../xsd'), join(process.cwd(), 'appliance/xsd')]) {
    if (existsSync(join(dir, 'command.xsd'))) return dir;
  }
  return null;
}

export function registerSchemas(app: FastifyInstance): void {
  const dir = xsdDir();
  const cache = new Map<string, string>();
  for (const name of ['command', 'reporting']) {
    app.get(`/api/${name}.xsd`, async (_req, reply) => {
      if (!dir) return reply.code(503).type('text/plain; charset=utf-8').send('The XML schemas are missing from this installation (appliance/xsd).\n');
      let text = cache.get(name);
      if (text === undefined) cache.set(name, (text = readFileSync(join(dir, `${name}.xsd`), 'utf8')));
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(text);
    });
  }
}
