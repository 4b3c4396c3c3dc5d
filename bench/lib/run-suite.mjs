/**
 * One benchmark in a process of its own (bench/run.mjs starts this once per benchmark, with an IPC
 * channel): runs bench/suites/NAME.mjs, prints its log lines, sends back `{ rows }` or `{ error }`,
 * and exits.
 *
 * Why a process each: the bench process is also the measured path's console or clients, and what
 * one benchmark leaves in it (heap, sockets, worker threads) weighs on the next. In one process, after
 * the nine others, the shell benchmark's console spent 5.6–7.3 ms of CPU per MB instead of 1.2–2.5 ms
 * when run alone, on a 2-core machine where that CPU comes out of the flood it measures.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [name, quickArg, optionsJson] = process.argv.slice(2);
if (!name || !process.send) {
  console.error('usage: started by bench/run.mjs (node bench/lib/run-suite.mjs NAME quick|full OPTIONS_JSON, with an IPC channel)');
  process.exit(2);
}

/** Sends the outcome, then exits: a benchmark's leftover handles must not keep the process alive. */
function finish(message, code) {
  process.send(message, () => process.exit(code));
}

try {
  const { default: suite } = await import(pathToFileURL(join(import.meta.dirname, '..', 'suites', `${name}.mjs`)).href);
  const rows = await suite.run({ quick: quickArg === 'quick', options: JSON.parse(optionsJson ?? '{}'), log: (line) => console.log(line) });
  finish({ rows }, 0);
} catch (e) {
  finish({ error: String(e?.stack ?? e), message: String(e?.message ?? e) }, 1);
}
