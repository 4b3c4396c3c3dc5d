/** The console's File Transfer requests (protocol/file-messages.ts), spread into handlers.ts. */
import type { Params, Result } from '../protocol/index.js';
import type { fileMethods } from '../protocol/file-messages.js';
import type { Actor } from '../domain/permissions.js';
import type { HandlerContext } from './handlers.js';
import { fileBrowser } from './file-browser.js';
import { fileTransfers } from './file-transfer.js';

type FileMethod = keyof typeof fileMethods;
type FileHandlers = { [M in FileMethod]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> | Promise<Result<M>> } };

const ok = {} as Record<string, never>;

export const fileHandlers: FileHandlers = {
  'session.files.browse': { run: (h, p, actor) => fileBrowser(h.app).browse(actor, p) },
  'session.files.mkdir': { run: async (h, p, actor) => (await fileBrowser(h.app).mkdir(actor, p), ok) },
  'session.files.rename': { run: async (h, p, actor) => (await fileBrowser(h.app).rename(actor, p), ok) },
  'session.files.delete': { run: (h, p, actor) => fileBrowser(h.app).remove(actor, p) },
  'session.files.upload': { run: (h, p, actor) => fileTransfers(h.app).upload(actor, h.conn, p) },
  'session.files.uploadFinish': { run: (h, p, actor) => fileTransfers(h.app).uploadFinish(actor, p) },
  'session.files.download': { run: (h, p, actor) => fileTransfers(h.app).download(actor, h.conn, p) },
  'session.files.cancel': { run: async (h, p, actor) => (await fileTransfers(h.app).cancel(actor, p.transferId), ok) },
};
