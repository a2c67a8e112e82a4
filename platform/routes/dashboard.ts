import type { Hono } from 'hono';
import { Dashboard, DashboardQuery, Problem } from '../../api-client/contract';
import { requireRole } from '../auth/require-role';
import { scopeOf } from '../auth/scope';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

const DAY_MS = 86_400_000;

/** The console's "Tableau de bord": an organisation's figures over its scope, the platform's for the others. */
export function dashboardRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/dashboard',
      summary: 'Contributions per day, per commitment and per gap type, median time to answer, pending age',
      description:
        'Every figure is a grouped query of the database (counts, and the median read at the middle of an ordered ' +
        'index), never contributions loaded one by one. An administration gets its scope’s; admins and moderators ' +
        'the whole platform’s. `days` (7-366, 30 by default) is how far back the arrivals per day go.',
      tags: ['moderation'],
      security: true,
      before: [requireRole(storage, ['admin', 'moderator', 'administration'])],
      query: DashboardQuery,
      responses: {
        200: { description: 'The figures', schema: Dashboard },
        400: { description: 'A query parameter is wrong', schema: Problem },
        401: { description: 'No token, or an unknown or revoked one', schema: Problem },
        403: { description: 'An ngo’s token', schema: Problem },
      },
    },
    async (c, { query }) => {
      const now = new Date();
      const days = query.days ?? 30;
      // Whole days (UTC), today included.
      const since = new Date(Date.parse(now.toISOString().slice(0, 10)) - (days - 1) * DAY_MS).toISOString();
      const scope = scopeOf(c.get('account'));
      const figures = await storage.dashboard(scope, since, now.toISOString());
      return c.json({
        scope: scope ? 'organisation' : 'platform',
        since,
        generatedAt: now.toISOString(),
        ...figures,
      } satisfies Dashboard);
    },
  );
}
