import { describe, expect, it } from 'vitest';
import type { BrcsCommand } from './commands.js';
import { interpretBrcs, type BrcsExecutor } from './interpret.js';
import { parseBrcs, type LocatedCommand } from './script.js';

/** Records what ran; `failOn` makes that method throw. */
function recorder(failOn?: keyof BrcsExecutor) {
  const ran: string[] = [];
  const step = (name: keyof BrcsExecutor) => async (c: BrcsCommand) => {
    ran.push(`${name}:${JSON.stringify(c.params)}`);
    if (name === failOn) throw new Error('No Jumpoint is available for that target.');
  };
  const executor: BrcsExecutor = {
    login: step('login'),
    generateSessionKey: step('generateSessionKey'),
    pushAndStartLocal: step('pushAndStartLocal'),
    pushAndStartRemote: step('pushAndStartRemote'),
    startJumpItemSession: step('startJumpItemSession'),
    startShellJumpSession: step('startShellJumpSession'),
  };
  return { ran, executor };
}

function parsed(text: string): LocatedCommand[] {
  const r = parseBrcs(text);
  if (!r.ok) throw new Error(r.message);
  return r.commands;
}

const SCRIPT = [
  'BRCS1.0',
  'action=login',
  'action=generate_session_key&session.custom.ticket=42',
  'action=push_and_start_local&hostname=ws-042',
  'action=push_and_start_remote&target=10.20.0.5',
  'action=start_jump_item_session&search_string=dc01',
  'action=start_shell_jump_session&target=core-sw-01',
].join('\n');

describe('interpretBrcs', () => {
  it('runs every documented action in order, each through its own executor method', async () => {
    const { ran, executor } = recorder();
    expect(await interpretBrcs(parsed(SCRIPT), executor)).toEqual({ ok: true, ran: 6 });
    expect(ran).toEqual([
      'login:{}',
      'generateSessionKey:{}',
      'pushAndStartLocal:{"hostname":"ws-042"}',
      'pushAndStartRemote:{"target":"10.20.0.5"}',
      'startJumpItemSession:{"search_string":"dc01"}',
      'startShellJumpSession:{"target":"core-sw-01","protocol":"ssh","port":22,"terminal":"xterm"}',
    ]);
  });

  it('stops at the first failure with an error naming the line and the action', async () => {
    const { ran, executor } = recorder('pushAndStartRemote');
    const r = await interpretBrcs(parsed(SCRIPT), executor);
    expect(r).toEqual({ ok: false, ran: 3, line: 5, action: 'push_and_start_remote', message: 'Line 5 (push_and_start_remote): No Jumpoint is available for that target.' });
    expect(ran).toHaveLength(4); // the failing one was attempted; nothing after it ran
  });

  it('never runs an action outside the catalogue, even in a hand-built list', async () => {
    const { ran, executor } = recorder();
    const sneaky = [
      { line: 2, command: { action: 'login', params: {} } },
      { line: 3, command: { action: 'constructor', params: {} } as unknown as BrcsCommand },
      { line: 4, command: { action: 'generate_session_key', params: {}, custom: {} } },
    ] as LocatedCommand[];
    const r = await interpretBrcs(sneaky, executor);
    expect(r).toMatchObject({ ok: false, ran: 1, line: 3, message: 'Line 3 (constructor): This action is not one the console runs.' });
    expect(ran).toEqual(['login:{}']);
  });

  it('validates hand-built commands before running them', async () => {
    const { ran, executor } = recorder();
    const bad = [{ line: 7, command: { action: 'push_and_start_local', params: { hostname: 'x'.repeat(300) }, custom: {} } }] as LocatedCommand[];
    expect(await interpretBrcs(bad, executor)).toMatchObject({ ok: false, line: 7, message: 'Line 7 (push_and_start_local): hostname is longer than 255 characters.' });
    expect(ran).toEqual([]);
  });

  it('reports a failure thrown synchronously or as a non-Error', async () => {
    const { executor } = recorder();
    executor.login = () => {
      throw 'saved credentials were rejected';
    };
    expect(await interpretBrcs(parsed('BRCS1.0\naction=login'), executor)).toMatchObject({ ok: false, line: 2, message: 'Line 2 (login): saved credentials were rejected' });
  });
});
