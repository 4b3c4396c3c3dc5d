/**
 * `rep-console` (bin/rep-console.js → out/console-cli/cli.js): plain Node, no Electron. Launches
 * the desktop console, or inspects a .brcs file with the appliance's BRCS parser (the same one the
 * console runs scripts with). Decisions live in ../logic/console-cli.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseBrcs } from '../../appliance/src/protocol/brcs/index.js';
import { electronArgs, EXIT, inspectOutput, MAX_BRCS_BYTES, parseCliArgs, USAGE } from '../logic/console-cli.js';

declare const __REP_CONSOLE_VERSION__: string | undefined;

async function readBrcsFile(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_BRCS_BYTES) throw new Error(`the file is ${size} bytes; a .brcs script is at most ${MAX_BRCS_BYTES}`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** The Electron binary: ELECTRON_PATH, or the path the "electron" package exports (absent when its download was skipped). */
function electronBinary(): { path: string } | { reason: string } {
  const fromEnv = process.env.ELECTRON_PATH?.trim();
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { reason: `ELECTRON_PATH=${fromEnv} does not exist` };
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
  } catch (error) {
    return { reason: `the electron package has no binary (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  return { reason: 'the electron package has no binary' };
}

async function main(): Promise<number> {
  const cmd = parseCliArgs(process.argv.slice(2), process.cwd());
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    case 'version':
      process.stdout.write(`${typeof __REP_CONSOLE_VERSION__ === 'string' ? __REP_CONSOLE_VERSION__ : '0.0.0'}\n`);
      return EXIT.ok;
    case 'usage-error':
      process.stderr.write(`rep-console: ${cmd.message}\n${USAGE}\n`);
      return EXIT.usage;
    case 'inspect': {
      let text: string;
      try {
        text = await readBrcsFile(cmd.file);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        process.stderr.write(`rep-console: ${cmd.file}: cannot read it (${e.code === 'ENOENT' ? 'no such file' : e.message})\n`);
        return EXIT.failed;
      }
      const out = inspectOutput(cmd.file, parseBrcs(text));
      process.stdout.write(out.stdout);
      process.stderr.write(out.stderr);
      return out.code;
    }
    case 'launch': {
      const electron = electronBinary();
      if ('reason' in electron) {
        process.stderr.write(
          `rep-console: cannot start the desktop console: ${electron.reason}. Set ELECTRON_PATH to an Electron binary, or run \`npm start\` for the demo in a browser.\n`,
        );
        return EXIT.failed;
      }
      const mainEntry = join(import.meta.dirname, '..', 'main', 'index.js');
      const child = spawn(electron.path, electronArgs(mainEntry, cmd.targets), { stdio: 'inherit' });
      return await new Promise<number>((done) => {
        child.on('error', (error) => {
          process.stderr.write(`rep-console: ${electron.path} did not start (${error.message})\n`);
          done(EXIT.failed);
        });
        child.on('exit', (code, signal) => done(code ?? (signal ? 128 : EXIT.failed)));
      });
    }
  }
}

process.exitCode = await main();
