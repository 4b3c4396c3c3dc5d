import { describe, expect, it } from 'vitest';
import { jumpCommandFor, noJumpItemMessage, runHandedBrcs, type HandoverActions } from './brcs-handover.js';

function recorder() {
  const done: string[] = [];
  const actions: HandoverActions = {
    startJump: async (c, noMatch) => {
      done.push(`jump ${JSON.stringify(c.params)}${noMatch ? ` | ${noMatch('x')}` : ''}`);
    },
    openSessionKeyDialog: () => void done.push('key dialog'),
    fail: (text) => void done.push(`fail ${text}`),
  };
  return { done, actions };
}

describe('running a .brcs file’s commands in the console', () => {
  it('runs them in order: key dialog, Jump Item search, push mapped to the site’s Remote Jump items', async () => {
    const { done, actions } = recorder();
    await runHandedBrcs(
      {
        file: 'ops.brcs-demo_site',
        commands: [
          { line: 2, command: { action: 'generate_session_key', params: {}, custom: {} } },
          { line: 3, command: { action: 'start_jump_item_session', params: { search_string: 'dc01' }, custom: {} } },
          { line: 4, command: { action: 'push_and_start_remote', params: { target: '10.20.0.5' }, custom: {} } },
        ],
      },
      actions,
    );
    expect(done).toEqual([
      'key dialog',
      'jump {"search_string":"dc01"}',
      `jump {"jump.method":"push","search_string":"10.20.0.5"} | ops.brcs-demo_site, line 4 (push_and_start_remote): this site has no Jump Item using Remote Jump for "10.20.0.5" (E_BRCS_NO_JUMP_ITEM).`,
    ]);
  });

  it('a command the interpreter refuses stops the file and says which', async () => {
    const { done, actions } = recorder();
    await runHandedBrcs({ file: 'f.brcs-x', commands: [{ line: 2, command: { action: 'login', params: {}, custom: {} } }, { line: 3, command: { action: 'generate_session_key', params: {}, custom: {} } }] }, actions);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatch(/^fail f\.brcs-x could not be run: /);
  });

  it('maps Shell Jump and Local Jump onto Jump Item searches of that method', () => {
    expect(jumpCommandFor({ action: 'start_shell_jump_session', params: { target: 'web01' }, custom: {} } as never).params).toEqual({ 'jump.method': 'shelljump', search_string: 'web01' });
    expect(noJumpItemMessage('a', 7, { action: 'push_and_start_local', params: { hostname: 'pc1' }, custom: {} } as never)).toContain('line 7');
  });
});
