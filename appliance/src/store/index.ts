/** The SQLite implementation of every repository the domain uses. Nothing outside store/ writes SQL. */
import type { Repositories } from '../domain/ports.js';
import type { Db } from './db.js';
import { SqliteInvitationRepository } from './invitations.js';
import { SqliteJumpRepository } from './jump.js';
import { SqliteJumpPolicyRepository } from './jump-policies.js';
import { SqliteKeyRepository } from './keys.js';
import { SqliteLoginRepository, SqliteSettingsRepository } from './logins.js';
import { SqliteMemberRepository } from './members.js';
import { SqlitePromptRepository } from './prompts.js';
import { SqliteSessionRepository } from './sessions.js';
import { SqliteTeamChatRepository } from './team-chat.js';
import { SqliteIssueRepository, SqliteTeamRepository } from './teams.js';
import { SqliteUserRepository } from './users.js';
import { SqliteAccountRepository } from './accounts.js';
import { SqliteSiteAdminRepository } from './site-admin.js';

export { openDatabase, type Db } from './db.js';

export function sqliteRepositories(db: Db): Repositories {
  return {
    users: new SqliteUserRepository(db),
    accounts: new SqliteAccountRepository(db),
    siteAdmin: new SqliteSiteAdminRepository(db),
    teams: new SqliteTeamRepository(db),
    issues: new SqliteIssueRepository(db),
    jump: new SqliteJumpRepository(db),
    jumpPolicies: new SqliteJumpPolicyRepository(db),
    sessions: new SqliteSessionRepository(db),
    logins: new SqliteLoginRepository(db),
    settings: new SqliteSettingsRepository(db),
    members: new SqliteMemberRepository(db),
    keys: new SqliteKeyRepository(db),
    invitations: new SqliteInvitationRepository(db),
    prompts: new SqlitePromptRepository(db),
    teamChat: new SqliteTeamChatRepository(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
