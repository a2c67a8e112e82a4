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
import { moderationFilterOf } from '../moderation/filter';
import type { DecisionMaker, Storage } from '../storage/storage';

export const statusOf = { publish: 'published', hide: 'hidden', reject: 'rejected' } as const satisfies Record<
  ModerationDecision['decision'],
  ContributionStatus
>;

/** Who decides: the token, under the name people read in the journal. */
export function decisionMaker(account: { id: string; name: string; role: DecisionMaker['role'] }): DecisionMaker {
  return { tokenId: account.id, name: account.name, role: account.role };
}

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
        'Filters: q (full-text, every status, the public search’s engine), commitmentId, page (an address, or a ' +
        'domain and the hosts below it), kind, gapType, campaignId, from/to (arrival, to excluded), reported. ' +
        'Each item carries its journal of decisions and, when it came with a withdrawal key, how many other ' +
        'contributions came with the same key. ' +
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
        filter: moderationFilterOf(query, c.get('locale')),
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
      summary:
        'Publish, hide or reject a contribution, with a reason (and a note for "other") and an optional public reply',
      description:
        'Journaled: who (the token’s name), when, what, why. The note explains the reason "other" (required then); ' +
        'it is kept with the decision for the moderators and exports, never shown to the public.',
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
        note: body.decision === 'publish' ? undefined : body.note,
        reply: body.reply === undefined ? undefined : { body: body.reply, at },
        at,
        by: decisionMaker(c.get('account')),
      });
      if (!contribution) {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.unknown', c.get('locale')) });
      }
      return c.json(contribution satisfies Contribution);
    },
  );
}
