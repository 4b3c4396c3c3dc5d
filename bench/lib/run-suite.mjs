/**
 * One benchmark in a process of its own (bench/run.mjs starts this once per benchmark, with an IPC
 * channel): waits for a quiet machine, runs bench/suites/NAME.mjs, prints its log lines, sends back
 * `{ rows, date }` or `{ error, message }`, and exits.
 *
 * Why a process each: the bench process is also the measured path's console or clients, and what
 * one benchmark leaves in it (heap, sockets, worker threads) weighs on the next. In one process, after
 * the nine others, the shell benchmark's console spent 5.6–7.3 ms of CPU per MB instead of 1.2–2.5 ms
 * when run alone, on a 2-core machine where that CPU comes out of the flood it measures.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { settle } from './settle.mjs';

const [name, mode, optionsJson] = process.argv.slice(2);
if (!name || !process.send) {
  console.error('usage: started by bench/run.mjs (node bench/lib/run-suite.mjs NAME quick|full OPTIONS_JSON, with an IPC channel)');
  process.exit(2);
}
const quick = mode === 'quick';

/** Sends the outcome, then exits: a benchmark's leftover handles must not keep the process alive. */
function finish(message, code) {
  process.send(message, () => process.exit(code));
}

try {
  const { default: suite } = await import(pathToFileURL(join(import.meta.dirname, '..', 'suites', `${name}.mjs`)).href);
  console.log(`▶ ${name}${quick ? ' (quick)' : ''}: ${suite.description}`);
  // A full measurement starts on a quiet machine (settle.mjs); a quick smoke run does not wait.
  if (!quick) {
    const quiet = await settle();
    console.log(`  settled in ${(quiet.ms / 1000).toFixed(1)} s (CPUs ${Math.round(quiet.idleShare * 100)} % idle)`);
  }
  const started = Date.now();
  const rows = await suite.run({ quick, options: JSON.parse(optionsJson ?? '{}'), log: (line) => console.log(line) });
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  finish({ rows, date: new Date(started).toISOString() }, 0);
} catch (e) {
  finish({ error: String(e?.stack ?? e), message: String(e?.message ?? e) }, 1);
}
