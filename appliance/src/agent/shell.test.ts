import { hostname, tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AGENT_SHELL_OUTPUT, unwrapShellOutput } from '../protocol/index.js';
import { binaryOutput, chunks, defaultShell, PtyShells, textOutput } from './shell.js';

describe('real shells (node-pty)', () => {
  it('runs the user shell in a pty: hostname prints the real hostname, exit reports the code', async () => {
    const shells = new PtyShells(tmpdir(), { file: '/bin/sh', args: [] });
    let out = '';
    const exited = new Promise<number | null>((res) => shells.start(1, 80, 24, textOutput((d) => (out += d)), res));
    await new Promise((r) => setTimeout(r, 100));
    shells.write(1, 'hostname; pwd\r');
    const deadline = Date.now() + 5000;
    while (!out.includes(tmpdir()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(out).toContain(hostname());
    expect(out).toContain(tmpdir());
    shells.resize(1, 120, 40);
    shells.write(1, 'exit 3\r');
    expect(await exited).toBe(3);
    expect(shells.size).toBe(0);
  });

  it('close ends a shell without reporting an exit; closeAll ends them all', async () => {
    const shells = new PtyShells(tmpdir(), { file: '/bin/sh', args: [] });
    let exits = 0;
    await shells.start(1, 80, 24, () => undefined, () => exits++);
    await shells.start(2, 80, 24, () => undefined, () => exits++);
    await expect(shells.start(2, 80, 24, () => undefined, () => undefined)).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    shells.close(1);
    expect(shells.size).toBe(1);
    shells.closeAll();
    expect(shells.size).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(exits).toBe(0);
  });

  it('binary output: the bytes as the pty gave them, split into messages below the cap, with the channel id', async () => {
    const shells = new PtyShells(tmpdir(), { file: '/bin/sh', args: [] });
    const messages: Uint8Array[] = [];
    const exited = new Promise<number | null>((res) => shells.start(7, 80, 24, binaryOutput(7, (m) => messages.push(m)), res));
    await new Promise((r) => setTimeout(r, 100));
    // 300,000 bytes (more than two messages' worth) then a non-ASCII marker.
    shells.write(7, "head -c 300000 /dev/zero | tr '\\0' a; printf '\\n\\342\\202\\254-DONE\\n'; exit 0\r");
    expect(await exited).toBe(0);
    const frames = messages.map((m) => unwrapShellOutput(AGENT_SHELL_OUTPUT, m)!);
    expect(frames.every((f) => f.id === 7 && f.data.length <= 128 * 1024)).toBe(true);
    const text = Buffer.concat(frames.map((f) => f.data)).toString();
    expect(text).toContain('€-DONE');
    expect(text.replace(/[^a]/g, '').length).toBeGreaterThanOrEqual(300_000);
  });

  it('text output decodes a character split between two reads once its rest arrives', () => {
    const got: string[] = [];
    const sink = textOutput((t) => got.push(t));
    const euro = Buffer.from('a€b');
    sink([euro.subarray(0, 2)], 2);
    sink([euro.subarray(2, 3), euro.subarray(3)], 3);
    expect(got.join('')).toBe('a€b');
  });

  it('picks $SHELL, /bin/sh without it, cmd.exe on Windows', () => {
    expect(defaultShell({ SHELL: '/bin/zsh' }, 'linux').file).toBe('/bin/zsh');
    expect(defaultShell({}, 'linux').file).toBe('/bin/sh');
    expect(defaultShell({}, 'win32').file).toBe('cmd.exe');
  });

  it('splits long output below the frame cap without breaking a surrogate pair', () => {
    expect(chunks('abc', 2)).toEqual(['ab', 'c']);
    expect(chunks('a😀b', 2)).toEqual(['a', '😀', 'b']);
    expect(chunks('x'.repeat(10), 100)).toEqual(['x'.repeat(10)]);
  });
});
