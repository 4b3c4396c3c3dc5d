/**
 * The endpoint's answers to the appliance's File Transfer requests (fileAgentMethods): the same
 * handlers serve the real agent (connection.ts) and the demo fleet's emulated endpoints
 * (demo/emulated-agent.ts), each with its own FileStore and data-link dialer.
 */
import { basename } from 'node:path';
import type { fileAgentMethods } from '../protocol/index.js';
import type { RequestHandlers } from './peer.js';
import type { DataDialer } from './file-dialer.js';
import { FileStore, type StoreVolume } from './file-store.js';

export function fileHandlers(store: FileStore, dialer: DataDialer): RequestHandlers<typeof fileAgentMethods> {
  return {
    'files.browse': (p) => store.browse(p.volume, p.path),
    'files.mkdir': async (p) => (await store.mkdir(p.volume, p.path, p.name), {}),
    'files.rename': async (p) => (await store.rename(p.volume, p.path, p.name), {}),
    'files.delete': async (p) => ({ deleted: await store.remove(p.volume, p.paths) }),
    'files.upload.begin': (p) => store.beginUpload(p),
    'files.upload.data': async (p) => {
      await store.checkOffset(p.key, p.offset);
      return store.writeUpload(p.key, p.offset, await dialer.pull(p.link));
    },
    'files.upload.finish': (p) => store.finishUpload(p.key, p.sha256),
    'files.download.begin': (p) => store.beginDownload(p.volume, p.path),
    'files.download.data': (p) => store.readDownload(p.volume, p.path, p.offset, (body) => dialer.push(p.link, body)),
    'files.cancel': async (p) => (await store.cancel(p.key), {}),
  };
}

/** A real agent's volumes: its allowed folders (already resolved), named after their last segment. */
export function volumesFromRoots(roots: readonly string[]): StoreVolume[] {
  const sep = process.platform === 'win32' ? '\\' : '/';
  return roots.map((root) => ({ name: basename(root) || root, root, display: root, sep }));
}
