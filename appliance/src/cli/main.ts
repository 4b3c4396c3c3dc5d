/** `rep-appliance <command>`: serve, jump-client, customer, ecm (and ecm-file for its encrypted store). */
import { CodedError } from '../protocol/index.js';
import { createAppliance } from '../bootstrap.js';
import { parseServeArgs, SERVE_USAGE } from './args.js';
import { CUSTOMER_USAGE, JUMP_CLIENT_USAGE, parseCustomerArgs, parseJumpClientArgs } from '../agent/args.js';
import type { RunningAgent } from '../agent/jump-client.js';

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

/** `jump-client` and `customer`: run the agent until SIGINT/SIGTERM (or until it is refused for good). */
async function agent(start: () => Promise<RunningAgent>): Promise<void> {
  const running = await start();
  let signals = 0;
  const stop = () => {
    if (++signals > 1) process.exit(130);
    running.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.exit(await running.done);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serve(rest);
  else if (command === 'jump-client') await agent(async () => (await import('../agent/jump-client.js')).startJumpClient(parseJumpClientArgs(rest)));
  else if (command === 'ecm') process.exit(await (await import('../ecm/cli.js')).ecmCommand(rest));
  else if (command === 'ecm-file') process.exit(await (await import('../ecm/cli.js')).ecmFileCommand(rest));
  else if (command === 'customer') await agent(async () => (await import('../agent/customer.js')).startCustomer(parseCustomerArgs(rest)));
  else {
    console.error(`rep-appliance: unknown command ${command ?? '(none)'}\n${SERVE_USAGE}\n${JUMP_CLIENT_USAGE}\n${CUSTOMER_USAGE}`);
    process.exit(2);
  }
} catch (e) {
  if (e instanceof CodedError) {
    console.error(`rep-appliance: ${e.code}: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
