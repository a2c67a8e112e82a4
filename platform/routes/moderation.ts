import type { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  Contribution,
  ModerationDecision,
  ModerationQueue,
  ModerationQueueQuery,
  PAGE_SIZE_DEFAULT,
  Problem,
  type ContributionStatus,
} from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { requireRole } from '../auth/require-role';
import { requireInScope, scopeOf } from '../auth/scope';
import { decodeQueueCursor, encodeCursor } from '../contributions/cursor';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

const statusOf = { publish: 'published', hide: 'hidden', reject: 'rejected' } as const satisfies Record<
  ModerationDecision['decision'],
  ContributionStatus
>;

const unauthorized = { description: 'No token, or an unknown or revoked one', schema: Problem };
const forbidden = { description: 'The token is not a moderator’s, an admin’s or an administration’s', schema: Problem };

/**
 * The moderation queue and decisions. Moderators and admins see every contribution; an
 * administration sees and decides only those within its scope (its domains, its
 * commitments), and answers under its own name on the answer route, not with a decision.
 */
export function moderationRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  const moderators = requireRole(storage, ['admin', 'moderator', 'administration']);

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/moderation/queue',
      summary: 'Contributions by moderation status (pending by default), reported first, then oldest first',
      description:
        'The pending queue holds new contributions (under pre-moderation), and contributions readers reported: ' +
        'still published below VIGIE_REPORT_THRESHOLD networks, taken out of view from it. Reported ones come first. ' +
        'An administration sees only the contributions on its domains or on the commitments it leads.',
      tags: ['moderation'],
      security: true,
      before: [moderators],
      query: ModerationQueueQuery,
      responses: {
        200: { description: 'One page of the queue', schema: ModerationQueue },
        400: { description: 'A query parameter is wrong', schema: Problem },
        401: unauthorized,
        403: forbidden,
      },
    },
    async (c, { query }) => {
      const limit = query.limit ?? PAGE_SIZE_DEFAULT;
      const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor);
      if (after === null) {
        const detail = platformMessage('cursor.invalid', c.get('locale'));
        throw new ProblemError('validation', {
          status: 400,
          detail,
          errors: [{ pointer: '/cursor', code: 'cursor.invalid', detail }],
        });
      }
      const rows = await storage.listForModeration({
        status: query.status ?? 'pending',
        limit: limit + 1,
        after,
        scope: scopeOf(c.get('account')),
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      // Whether the last one was reported says where it sits in the queue's order.
      const reported = last?.reports.since === undefined ? 1 : 0;
      return c.json({
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(last.contribution, reported) : null,
      } satisfies ModerationQueue);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/moderation/contributions/{id}/decision',
      summary: 'Publish, hide or reject a contribution, with a reason and an optional public reply',
      tags: ['moderation'],
      security: true,
      before: [moderators],
      params: z.object({ id: z.uuid({ error: 'id.not-uuid' }) }),
      body: ModerationDecision,
      responses: {
        200: { description: 'The contribution as it is now', schema: Contribution },
        400: { description: 'The id is not a UUID', schema: Problem },
        401: unauthorized,
        403: { description: 'Not a moderating token, or outside the administration’s scope', schema: Problem },
        404: { description: 'No such contribution', schema: Problem },
        422: {
          description: 'The decision is wrong (e.g. hiding without a reason, or a reply from an administration)',
          schema: Problem,
        },
      },
    },
    async (c, { params, body }) => {
      const locale = c.get('locale');
      await requireInScope(c, storage, params.id);
      if (body.reply !== undefined && c.get('account').role === 'administration') {
        // One way for an organisation to speak: its signed answer, with its history.
        const detail = platformMessage('decision.reply-by-administration', locale);
        throw new ProblemError('validation', {
          detail,
          errors: [{ pointer: '/reply', code: 'decision.reply-by-administration', detail }],
        });
      }
      const at = new Date().toISOString();
      const contribution = await storage.decide(params.id, {
        status: statusOf[body.decision],
        reason: body.decision === 'publish' ? undefined : body.reason,
        reply: body.reply === undefined ? undefined : { body: body.reply, at },
        at,
      });
      if (!contribution) {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.unknown', c.get('locale')) });
      }
      return c.json(contribution satisfies Contribution);
    },
  );
}
