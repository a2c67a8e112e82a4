import type { Context, Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import {
  BatchEnvelope,
  BatchRequest,
  BatchResponse,
  canonicalUrl,
  Contribution,
  ContributionPage,
  ContributionQuery,
  PAGE_SIZE_DEFAULT,
  Problem,
  RepliesQuery,
  type ContributionStatus,
} from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { decodeCursor, decodeSupportCursor, encodeCursor, encodeSupportCursor } from '../contributions/cursor';
import { ingestBatch } from '../contributions/ingest';
import type { AppEnv } from '../http/env';
import type { ChargeWrites } from '../http/rate-limit';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

const idParam = z.object({ id: z.uuid({ error: 'id.not-uuid' }) });

/** A cursor the caller made up, or one from another list: 400 with a sentence. */
function badCursor(c: Context<AppEnv>): ProblemError {
  const detail = platformMessage('cursor.invalid', c.get('locale'));
  return new ProblemError('validation', {
    status: 400,
    detail,
    errors: [{ pointer: '/cursor', code: 'cursor.invalid', detail }],
  });
}

export interface ContributionRouteOptions {
  storage: Storage;
  initialStatus: ContributionStatus;
  maxBodyBytes: number;
  /** Identifies the client and refuses it once its window is used up; the items are charged by `charge`. */
  identify?: MiddlewareHandler<AppEnv>[];
  /** The rate limit, charged with a batch's items once the envelope is read. */
  charge?: ChargeWrites;
}

export function contributionRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, options: ContributionRouteOptions): void {
  const { storage } = options;

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/contributions',
      summary: 'Published contributions for a page or a commitment, newest first or most supported first',
      description:
        'Replies are not in this list: each contribution says how many it has (replyCount), and ' +
        'GET /v1/contributions/{id}/replies lists them. sort=support orders by supportCount, then newest first. ' +
        'The Vigie-Event-Id header says where the live events stood when the list was read: open ' +
        'GET /v1/stream with ?lastEventId= it to miss nothing since.',
      tags: ['contributions'],
      query: ContributionQuery,
      responses: {
        200: { description: 'One page of contributions', schema: ContributionPage },
        400: { description: 'A query parameter is wrong', schema: Problem },
      },
    },
    async (c, { query }) => {
      const limit = query.limit ?? PAGE_SIZE_DEFAULT;
      const bySupport = query.sort === 'support';
      const decoded =
        query.cursor === undefined ? undefined : (bySupport ? decodeSupportCursor : decodeCursor)(query.cursor);
      if (decoded === null) throw badCursor(c);
      // Read before the list: a stream opened from it (?lastEventId=) then misses nothing
      // that happened after (and may repeat what the list shows: clients know ids).
      const eventId = await storage.latestEventId();
      // One row more than asked tells whether a next page exists, without a count.
      const rows = await storage.listPublished({
        url: query.url === undefined ? undefined : canonicalUrl(query.url),
        commitmentId: query.commitmentId,
        limit: limit + 1,
        after: decoded,
        bySupport,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const next = rows.length > limit && last ? (bySupport ? encodeSupportCursor(last) : encodeCursor(last)) : null;
      return c.json({ items, nextCursor: next } satisfies ContributionPage, 200, {
        'vigie-event-id': String(eventId),
      });
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/contributions/{id}',
      summary: 'One published contribution',
      description:
        'Pending, hidden and rejected contributions are not public: 404, as for an unknown id. Their author’s ' +
        'device learns their status from POST /v1/contributions/status. A reply is public while it and the ' +
        'contribution it answers are both published.',
      tags: ['contributions'],
      params: idParam,
      responses: {
        200: { description: 'The contribution', schema: Contribution },
        400: { description: 'The id is not a UUID', schema: Problem },
        404: { description: 'No published contribution with this id', schema: Problem },
      },
    },
    async (c, { params }) => {
      // Only published words are public: a text rejected for personal data stays unread.
      const contribution = (await storage.getPublic(params.id))?.contribution;
      if (!contribution) {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.not-public', c.get('locale')) });
      }
      return c.json(contribution satisfies Contribution);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/contributions/{id}/replies',
      summary: 'The published replies to a published contribution, oldest first',
      description:
        'Citizens reply one level deep: a reply has no replies. 404 when the contribution is not published ' +
        '(its replies leave public view with it), or is itself a reply. Paged like the other lists.',
      tags: ['contributions'],
      params: idParam,
      query: RepliesQuery,
      responses: {
        200: { description: 'One page of replies', schema: ContributionPage },
        400: { description: 'The id or a query parameter is wrong', schema: Problem },
        404: { description: 'No published contribution with this id', schema: Problem },
      },
    },
    async (c, { params, query }) => {
      const limit = query.limit ?? PAGE_SIZE_DEFAULT;
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (after === null) throw badCursor(c);
      const rows = await storage.listReplies({ parentId: params.id, limit: limit + 1, after });
      if (!rows) {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.not-public', c.get('locale')) });
      }
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return c.json({
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      } satisfies ContributionPage);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions:batch',
      summary: 'Send up to 100 contributions and replies; idempotent on each item id',
      description:
        'Each item is checked on its own: the answer is 200 with one result per item, in order. ' +
        'A reply (kind reply, with parentId) is invalid when its parent is not published or is a reply, ' +
        'or when its page is not its parent’s; it carries no gapType, selectors, commitmentId or campaignId. ' +
        'A repeated id with the same content (text compared in NFC) is a duplicate (stored once); with other ' +
        'content, a conflict. Each item counts against the rate limit; a batch larger than what is left of the ' +
        'window is refused whole (429, Retry-After), none of it stored.',
      tags: ['contributions'],
      body: BatchRequest,
      // Documented as BatchRequest, checked as an envelope: items are judged one by one.
      bodyCheck: BatchEnvelope,
      maxBodyBytes: options.maxBodyBytes,
      before: options.identify ?? [],
      responses: {
        200: { description: 'One result per item', schema: BatchResponse },
        400: { description: 'The body is not JSON or not UTF-8', schema: Problem },
        413: { description: 'The body is larger than the limit', schema: Problem },
        415: { description: 'The body is not sent as JSON', schema: Problem },
        422: { description: 'The envelope is wrong (no items, too many)', schema: Problem },
        429: { description: 'Too many writes from this client; see Retry-After', schema: Problem },
      },
    },
    async (c, { body }) => {
      await options.charge?.(c, body.items.length);
      const results = await ingestBatch(body.items, {
        storage,
        initialStatus: options.initialStatus,
        locale: c.get('locale'),
      });
      return c.json({ results } satisfies BatchResponse);
    },
  );
}
