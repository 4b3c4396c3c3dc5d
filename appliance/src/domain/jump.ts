/** Jump Items a rep may see: their groups' items (all groups with "start sessions from all Jump Items"), and their own. */
import type { JumpGroup, JumpItem } from '../protocol/index.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

export interface JumpListQuery {
  search: string;
  groupId: number | null;
  page: number;
  pageSize: number;
}

export class JumpService {
  constructor(private readonly repos: Pick<Repositories, 'jump'>) {}

  list(actor: Actor, q: JumpListQuery): { items: JumpItem[]; total: number; page: number; pageSize: number; groups: JumpGroup[] } {
    authorize(actor, { kind: 'jump.list' });
    // Group membership for Jump Groups arrives with Jump Policies; until then every rep sees every group.
    const { items, total } = this.repos.jump.search({
      search: q.search,
      groupId: q.groupId,
      visibleGroupIds: null,
      ownerIds: [actor.user.id],
      offset: q.page * q.pageSize,
      limit: q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize, groups: this.repos.jump.groups() };
  }
}
