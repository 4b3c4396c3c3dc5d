/** `rep-appliance <command>`: serve now; jump-client, customer and ecm arrive with their issues. */
import { CodedError } from '../protocol/index.js';
import { createAppliance } from '../bootstrap.js';
import { parseServeArgs, SERVE_USAGE } from './args.js';

async function serve(argv: string[]): Promise<void> {
  const args = parseServeArgs(argv);
  const appliance = await createAppliance({ ...args });
  console.log(`listening on ${appliance.url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and the database`);
    await appliance.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serve(rest);
  else {
    console.error(`rep-appliance: unknown command ${command ?? '(none)'}\n${SERVE_USAGE}`);
    process.exit(2);
  }
} catch (e) {
  if (e instanceof CodedError) {
    console.error(`rep-appliance: ${e.code}: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
