/**
 * File Transfer's folder operations on the session's endpoint: browse (volumes, breadcrumbs, hidden
 * files), New Folder, Rename, Delete. Every call is authorized in permissions.ts (viewing needs
 * either file permission; changing the endpoint's folders needs fileUpload) and every path is
 * checked by domain/file-paths.ts before it leaves the appliance. Changes are written to the session log.
 */
import { CodedError, line, type FileListing, type SystemLine } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { iso } from '../domain/clock.js';
import type { EndpointFiles } from '../domain/endpoint-files.js';
import type { Endpoint } from '../domain/endpoints.js';
import { breadcrumbs, checkName, normalizePath, parentPath } from '../domain/file-paths.js';
import { Narrator } from '../domain/narrator.js';
import { authorize, type Action, type Actor } from '../domain/permissions.js';

export type FileAction = 'session.files' | 'session.files.upload' | 'session.files.download';

/** The session's endpoint and its files, once the actor may do `action` there (and the customer allowed file transfer on their own machine). */
export function filesFor(app: AppContext, actor: Actor, sessionId: string, action: FileAction): { endpoint: Endpoint; files: EndpointFiles } {
  authorize(actor, { kind: action, role: app.repos.members.role(sessionId, actor.user.id) } as Action);
  const s = app.repos.sessions.byId(sessionId);
  if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
  if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
  if (s.status !== 'active') throw new CodedError('E_SESSION_NOT_ACTIVE');
  const endpoint = app.endpoints.forSession(sessionId);
  if (!endpoint) throw new CodedError('E_ENDPOINT_OFFLINE');
  if (endpoint.jumpItemId === null && !app.repos.prompts.list(sessionId).some((x) => x.kind === 'file_transfer' && x.state === 'allowed')) {
    throw new CodedError('E_FORBIDDEN', 'The customer has not allowed file transfer. Ask for permission first.');
  }
  if (!endpoint.files) throw new CodedError('E_ENDPOINT_UNSUPPORTED');
  return { endpoint, files: endpoint.files };
}

/** Writes one File Transfer event to the session log and, when given, a system line in the chat. */
export function logFileEvent(app: AppContext, narrator: Narrator, sessionId: string, userId: number, kind: string, data: Record<string, unknown>, said: SystemLine | null): void {
  try {
    narrator.record(sessionId, `rep:${userId}`, kind, data, said, iso(app.clock));
  } catch (err) {
    app.log.error({ err, sessionId, kind }, 'writing a file event to the session log failed');
  }
}

export class FileBrowser {
  private readonly narrator: Narrator;

  constructor(private readonly app: AppContext) {
    this.narrator = new Narrator(app.repos, app.view, app.bus);
  }

  async browse(actor: Actor, p: { sessionId: string; volume: number; path: string; showHidden: boolean }): Promise<FileListing> {
    const { files } = filesFor(this.app, actor, p.sessionId, 'session.files');
    const path = normalizePath(p.path);
    const got = await files.browse(p.volume, path);
    const volume = got.volumes[p.volume];
    if (!volume) throw new CodedError('E_PATH_VOLUME');
    const entries = p.showHidden ? got.entries : got.entries.filter((e) => !e.hidden);
    return {
      volume: p.volume,
      path,
      display: got.display,
      volumes: got.volumes,
      breadcrumbs: breadcrumbs(volume.name, path),
      parent: parentPath(path),
      entries,
      hiddenCount: got.entries.length - entries.length,
      truncated: got.truncated,
    };
  }

  async mkdir(actor: Actor, p: { sessionId: string; volume: number; path: string; name: string }): Promise<void> {
    const { endpoint, files } = filesFor(this.app, actor, p.sessionId, 'session.files.upload');
    const path = normalizePath(p.path);
    await files.mkdir(p.volume, path, checkName(p.name));
    this.log(actor, p.sessionId, 'file.mkdir', { hostname: endpoint.hostname, volume: p.volume, path: join(path, p.name) }, null);
  }

  async rename(actor: Actor, p: { sessionId: string; volume: number; path: string; name: string }): Promise<void> {
    const { endpoint, files } = filesFor(this.app, actor, p.sessionId, 'session.files.upload');
    const path = normalizePath(p.path);
    if (path === '') throw new CodedError('E_FILE_NAME_INVALID', 'A volume itself cannot be renamed.');
    await files.rename(p.volume, path, checkName(p.name));
    const from = path.split('/').pop()!;
    this.log(actor, p.sessionId, 'file.rename', { hostname: endpoint.hostname, volume: p.volume, path, name: p.name }, line('file.renamed', { name: actor.user.publicDisplayName, from, to: p.name, host: endpoint.hostname }));
  }

  async remove(actor: Actor, p: { sessionId: string; volume: number; paths: string[] }): Promise<{ deleted: number }> {
    const { endpoint, files } = filesFor(this.app, actor, p.sessionId, 'session.files.upload');
    const paths = p.paths.map((x) => normalizePath(x));
    if (paths.includes('')) throw new CodedError('E_FILE_NAME_INVALID', 'A volume itself cannot be deleted.');
    const deleted = await files.remove(p.volume, paths);
    const names = paths.map((x) => x.split('/').pop()!);
    this.log(actor, p.sessionId, 'file.delete', { hostname: endpoint.hostname, volume: p.volume, paths }, line('file.deleted', { name: actor.user.publicDisplayName, count: names.length, item: names[0] ?? '', host: endpoint.hostname }));
    return { deleted };
  }

  private log(actor: Actor, sessionId: string, kind: string, data: Record<string, unknown>, said: SystemLine | null): void {
    logFileEvent(this.app, this.narrator, sessionId, actor.user.id, kind, data, said);
  }
}

const join = (path: string, name: string) => (path ? `${path}/${name}` : name);

const perApp = new WeakMap<AppContext, FileBrowser>();

/** The appliance's one FileBrowser (created on first use). */
export function fileBrowser(app: AppContext): FileBrowser {
  let b = perApp.get(app);
  if (!b) perApp.set(app, (b = new FileBrowser(app)));
  return b;
}
