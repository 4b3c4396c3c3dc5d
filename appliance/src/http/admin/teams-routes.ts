/** /login > Users > Teams (members with roles) and the portal's Issues (which team each routes to). */
import type { FastifyInstance } from 'fastify';
import { IssueInput, TeamInput } from '../../protocol/admin-models.js';
import type { AppContext } from '../../context.js';
import { adminActor, IdParams } from './actor.js';

export function registerTeamsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/login/api/teams', async (req) => ({ teams: ctx.teamAdmin.teams(adminActor(ctx, req)) }));
  app.post('/login/api/teams', async (req) => ctx.teamAdmin.createTeam(adminActor(ctx, req), TeamInput.parse(req.body)));
  app.post('/login/api/teams/:id', async (req) => ctx.teamAdmin.updateTeam(adminActor(ctx, req), IdParams.parse(req.params).id, TeamInput.parse(req.body)));
  app.post('/login/api/teams/:id/delete', async (req, reply) => {
    ctx.teamAdmin.deleteTeam(adminActor(ctx, req), IdParams.parse(req.params).id);
    return reply.code(204).send();
  });

  app.get('/login/api/issues', async (req) => ({ issues: ctx.teamAdmin.issues(adminActor(ctx, req)) }));
  app.post('/login/api/issues', async (req) => ctx.teamAdmin.createIssue(adminActor(ctx, req), IssueInput.parse(req.body)));
  app.post('/login/api/issues/:id', async (req) => ctx.teamAdmin.updateIssue(adminActor(ctx, req), IdParams.parse(req.params).id, IssueInput.parse(req.body)));
  app.post('/login/api/issues/:id/delete', async (req, reply) => {
    ctx.teamAdmin.deleteIssue(adminActor(ctx, req), IdParams.parse(req.params).id);
    return reply.code(204).send();
  });
}
