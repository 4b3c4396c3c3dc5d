import { describe, expect, it } from 'vitest';
import type { LocatedCommand } from '../../appliance/src/protocol/brcs/index.js';
import { BrcsHandover, MAX_HANDED_BATCHES } from './brcs-handover.js';

const cmd = (line: number, action: string, params: Record<string, string> = {}): LocatedCommand =>
  ({ line, command: { action, params, custom: {} } }) as unknown as LocatedCommand;

describe('BrcsHandover', () => {
  it('keeps the commands after login for their site and gives them out once', () => {
    const h = new BrcsHandover();
    expect(h.put('https://a.example', 'x.brcs-a', [cmd(2, 'login'), cmd(3, 'start_jump_item_session', { search_string: 'dc01' })])).toBe(true);
    expect(h.take('https://b.example')).toEqual([]);
    const batches = h.take('https://a.example');
    expect(batches).toHaveLength(1);
    expect(batches[0]!.file).toBe('x.brcs-a');
    expect(batches[0]!.commands.map((c) => c.line)).toEqual([3]);
    expect(h.take('https://a.example')).toEqual([]);
  });

  it('a file with only login leaves nothing; no site takes nothing', () => {
    const h = new BrcsHandover();
    expect(h.put('s', 'f', [cmd(2, 'login')])).toBe(false);
    expect(h.take('s')).toEqual([]);
    expect(h.take(null)).toEqual([]);
  });

  it('a flood of files keeps only the newest batches', () => {
    const h = new BrcsHandover();
    for (let i = 0; i < MAX_HANDED_BATCHES + 5; i++) h.put('s', `f${i}`, [cmd(2, 'generate_session_key')]);
    const batches = h.take('s');
    expect(batches).toHaveLength(MAX_HANDED_BATCHES);
    expect(batches[0]!.file).toBe('f5');
  });
});
