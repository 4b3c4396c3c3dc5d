/**
 * An agent's files as EndpointFiles: control requests over the agent protocol (fileAgentMethods),
 * bytes over a data link the agent opens (ws/file-links.ts). The data requests wait as long as the
 * bytes keep moving; a dropped agent socket fails them at once (Peer rejects what is pending).
 */
import { finished, type Readable, type Writable } from 'node:stream';
import { CodedError } from '../protocol/index.js';
import type { EndpointFiles } from '../domain/endpoint-files.js';
import type { ApplianceSidePeer } from './agent-endpoint.js';
import type { FileLinks } from './file-links.js';

/** A data request may take this long (a large file on a slow line); a dead agent fails it sooner. */
const DATA_TIMEOUT_MS = 24 * 3600_000;
/** Control requests that touch the disk (hashing a large file at finish) get longer than the default. */
const DISK_TIMEOUT_MS = 10 * 60_000;

export class AgentFiles implements EndpointFiles {
  constructor(
    private readonly peer: ApplianceSidePeer,
    private readonly links: FileLinks,
  ) {}

  browse(volume: number, path: string) {
    return this.peer.request('files.browse', { volume, path });
  }

  async mkdir(volume: number, path: string, name: string): Promise<void> {
    await this.peer.request('files.mkdir', { volume, path, name });
  }

  async rename(volume: number, path: string, name: string): Promise<void> {
    await this.peer.request('files.rename', { volume, path, name });
  }

  async remove(volume: number, paths: string[]): Promise<number> {
    return (await this.peer.request('files.delete', { volume, paths }, DISK_TIMEOUT_MS)).deleted;
  }

  beginUpload(p: { key: string; volume: number; path: string; name: string; size: number; overwrite: boolean }) {
    return this.peer.request('files.upload.begin', p, DISK_TIMEOUT_MS);
  }

  async sendUpload(key: string, offset: number, source: Readable): Promise<{ received: number }> {
    const link = this.links.offerSource(source);
    try {
      return await this.peer.request('files.upload.data', { key, offset, link }, DATA_TIMEOUT_MS);
    } finally {
      this.links.drop(link.id);
    }
  }

  finishUpload(key: string, sha256: string) {
    return this.peer.request('files.upload.finish', { key, sha256 }, DISK_TIMEOUT_MS);
  }

  beginDownload(volume: number, path: string) {
    return this.peer.request('files.download.begin', { volume, path });
  }

  /**
   * Settles as soon as the sink is cut (the rep's download stopped, or a Range request replaced it),
   * not when the agent gets round to answering: a resumed download must not wait on the old one.
   * The agent only reads the file, so its late answer harms nothing.
   */
  async receiveDownload(volume: number, path: string, offset: number, sink: Writable): Promise<{ sent: number; sha256: string }> {
    const link = this.links.offerSink(sink);
    const answer = this.peer.request('files.download.data', { volume, path, offset, link }, DATA_TIMEOUT_MS);
    let stopWatching = () => {};
    const cut = new Promise<never>((_, reject) => {
      stopWatching = finished(sink, { readable: false }, (e) => e && reject(new CodedError('E_FILE_CANCELLED')));
    });
    answer.catch(() => undefined);
    cut.catch(() => undefined);
    try {
      return await Promise.race([answer, cut]);
    } finally {
      stopWatching();
      this.links.drop(link.id);
    }
  }

  async cancel(key: string): Promise<void> {
    await this.peer.request('files.cancel', { key });
  }
}
