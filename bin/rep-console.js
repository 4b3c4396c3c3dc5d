#!/usr/bin/env node
// `rep-console` launches the desktop console; `rep-console brcs inspect FILE` prints a .brcs file's commands.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/console-cli/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('rep-console: not built yet. Run `npm run build` first.');
  process.exit(1);
}
await import(cli);
