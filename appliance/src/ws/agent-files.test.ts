/**
 * AgentFiles.receiveDownload: a download whose sink is cut settles at once, whatever the agent does
 * (a resumed Range request must not wait on the old one); a sink that finished waits for the agent's
 * answer (its SHA-256).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AgentFiles } from './agent-files.js';
import type { ApplianceSidePeer } from './agent-endpoint.js';
import { FileLinks } from './file-links.js';

/** A peer whose files.download.data answer the test gives when it likes. */
function slowAgent() {
  let answer: (v: { sent: number; sha256: string }) => void = () => {};
  const peer = { request: () => new Promise((res) => (answer = res)) } as unknown as ApplianceSidePeer;
  return { files: new AgentFiles(peer, new FileLinks()), answer: (v: { sent: number; sha256: string }) => answer(v) };
}

describe('AgentFiles.receiveDownload', () => {
  it('settles with E_FILE_CANCELLED as soon as its sink is cut, though the agent never answers', async () => {
    const { files } = slowAgent();
    const sink = new PassThrough();
    const run = files.receiveDownload(0, 'big.bin', 0, sink);
    sink.destroy(new Error('the rep went away'));
    await expect(run).rejects.toMatchObject({ code: 'E_FILE_CANCELLED' });
  });

  it('waits for the agent’s answer once the sink has taken every byte', async () => {
    const { files, answer } = slowAgent();
    const sink = new PassThrough();
    sink.resume();
    const run = files.receiveDownload(0, 'small.bin', 0, sink);
    sink.end(Buffer.from('hello'));
    await new Promise((r) => setTimeout(r, 20));
    answer({ sent: 5, sha256: 'ab'.repeat(32) });
    await expect(run).resolves.toEqual({ sent: 5, sha256: 'ab'.repeat(32) });
    sink.destroy();
  });
});
