#!/usr/bin/env node
// `rep-appliance serve|jump-client|customer|ecm ...` — see README.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/appliance/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('rep-appliance: not built yet. Run `npm run build` first.');
  process.exit(1);
}
await import(cli);
