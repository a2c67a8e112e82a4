import type { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  BulkDecision,
  BulkDecisionResult,
  ModerationCounts,
  ModerationCountsQuery,
  ModerationItem,
  Problem,
} from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { requireRole } from '../auth/require-role';
import { requireInScope, scopeOf } from '../auth/scope';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import { moderationFilterOf } from '../moderation/filter';
import type { Storage } from '../storage/storage';
import { decisionMaker, statusOf } from './moderation';

const unauthorized = { description: 'No token, or an unknown or revoked one', schema: Problem };
const forbidden = { description: 'The token is not a moderator’s, an admin’s or an administration’s', schema: Problem };

/** What the console reads and does besides the queue: counts, one item, decisions on a selection. */
export function moderationConsoleRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  const moderators = requireRole(storage, ['admin', 'moderator', 'administration']);

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/moderation/counts',
      summary: 'How many contributions each status of the queue holds, with the queue’s filters',
      description:
        'One grouped query, cheap enough for the console to ask every few seconds. `pending` counts the pending ' +
        'queue as listed (pending, and published ones readers reported); `reported`, those reported since their last ' +
        'review. An administration counts its scope only.',
      tags: ['moderation'],
      security: true,
      before: [moderators],
      query: ModerationCountsQuery,
      responses: {
        200: { description: 'The counts', schema: ModerationCounts },
        400: { description: 'A query parameter is wrong', schema: Problem },
        401: unauthorized,
        403: forbidden,
      },
    },
    async (c, { query }) => {
      const counts = await storage.moderationCounts(
        moderationFilterOf(query, c.get('locale')),
        scopeOf(c.get('account')),
      );
      return c.json(counts satisfies ModerationCounts);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/moderation/contributions/{id}',
      summary: 'One contribution as the queue shows it, with its reports and its journal of decisions',
      tags: ['moderation'],
      security: true,
      before: [moderators],
      params: z.object({ id: z.uuid({ error: 'id.not-uuid' }) }),
      responses: {
        200: { description: 'The contribution, its reports and journal', schema: ModerationItem },
        400: { description: 'The id is not a UUID', schema: Problem },
        401: unauthorized,
        403: { description: 'Outside the administration’s scope', schema: Problem },
        404: { description: 'No such contribution', schema: Problem },
      },
    },
    async (c, { params }) => {
      await requireInScope(c, storage, params.id);
      const item = await storage.moderationItem(params.id, scopeOf(c.get('account')));
      if (!item)
        throw new ProblemError('notFound', { detail: platformMessage('contribution.unknown', c.get('locale')) });
      return c.json(item satisfies ModerationItem);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/moderation/decisions',
      summary: 'Publish, hide or reject a selection of contributions (1 to 100) with one reason, in one request',
      description:
        'One transaction; one result per id: `decided` (with its new status), `not-found`, or `forbidden` for a ' +
        'contribution outside an administration’s scope, which is left as it was. Each decided contribution gets ' +
        'its line in the journal, marked as a bulk decision. No public reply: a reply speaks to one contribution.',
      tags: ['moderation'],
      security: true,
      before: [moderators],
      body: BulkDecision,
      responses: {
        200: { description: 'One result per id, in the order given', schema: BulkDecisionResult },
        401: unauthorized,
        403: forbidden,
        422: { description: 'The decision is wrong (e.g. hiding without a reason)', schema: Problem },
      },
    },
    async (c, { body }) => {
      const locale = c.get('locale');
      const outcomes = await storage.decideMany(
        body.ids,
        {
          status: statusOf[body.decision],
          reason: body.decision === 'publish' ? undefined : body.reason,
          note: body.decision === 'publish' ? undefined : body.note,
          at: new Date().toISOString(),
          by: decisionMaker(c.get('account')),
        },
        scopeOf(c.get('account')),
      );
      return c.json({
        items: outcomes.map((outcome) =>
          outcome.result === 'decided'
            ? { id: outcome.id, result: 'decided' as const, status: outcome.contribution.status }
            : {
                id: outcome.id,
                result: outcome.result,
                detail: platformMessage(
                  outcome.result === 'forbidden' ? 'scope.outside' : 'contribution.unknown',
                  locale,
                ),
              },
        ),
      } satisfies BulkDecisionResult);
    },
  );
}
