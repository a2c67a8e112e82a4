import type { Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import {
  BatchEnvelope,
  BatchRequest,
  BatchResponse,
  canonicalUrl,
  Contribution,
  ContributionPage,
  ContributionQuery,
  message,
  PAGE_SIZE_DEFAULT,
  Problem,
  type ContributionStatus,
} from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { decodeCursor, encodeCursor } from '../contributions/cursor';
import { ingestBatch } from '../contributions/ingest';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

export interface ContributionRouteOptions {
  storage: Storage;
  initialStatus: ContributionStatus;
  maxBodyBytes: number;
  /** Identifies the client and applies the rate limit: what every public write goes through. */
  publicWrite?: MiddlewareHandler<AppEnv>[];
}

export function contributionRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, options: ContributionRouteOptions): void {
  const { storage } = options;

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/contributions',
      summary: 'Published contributions for a page or a commitment, newest first',
      tags: ['contributions'],
      query: ContributionQuery,
      responses: {
        200: { description: 'One page of contributions', schema: ContributionPage },
        400: { description: 'A query parameter is wrong', schema: Problem },
      },
    },
    async (c, { query }) => {
      const limit = query.limit ?? PAGE_SIZE_DEFAULT;
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (after === null) {
        const detail = message('cursor.invalid', c.get('locale'));
        throw new ProblemError('validation', {
          status: 400,
          detail,
          errors: [{ pointer: '/cursor', code: 'cursor.invalid', detail }],
        });
      }
      // One row more than asked tells whether a next page exists, without a count.
      const rows = await storage.listPublished({
        url: query.url === undefined ? undefined : canonicalUrl(query.url),
        commitmentId: query.commitmentId,
        limit: limit + 1,
        after,
      });
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
      method: 'get',
      path: '/v1/contributions/{id}',
      summary: 'One contribution, whatever its moderation status, unless it was hidden',
      tags: ['contributions'],
      params: z.object({ id: z.uuid({ error: 'id.not-uuid' }) }),
      responses: {
        200: { description: 'The contribution', schema: Contribution },
        400: { description: 'The id is not a UUID', schema: Problem },
        404: { description: 'No such contribution', schema: Problem },
      },
    },
    async (c, { params }) => {
      const contribution = await storage.getContribution(params.id);
      // A hidden contribution was taken out of public view, and its id may have been public.
      if (!contribution || contribution.status === 'hidden') {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.not-visible', c.get('locale')) });
      }
      return c.json(contribution satisfies Contribution);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions:batch',
      summary: 'Send up to 100 contributions; idempotent on each item id',
      description:
        'Each item is checked on its own: the answer is 200 with one result per item, in order. ' +
        'A repeated id with the same content is a duplicate (stored once); with other content, a conflict.',
      tags: ['contributions'],
      body: BatchRequest,
      // Documented as BatchRequest, checked as an envelope: items are judged one by one.
      bodyCheck: BatchEnvelope,
      maxBodyBytes: options.maxBodyBytes,
      before: options.publicWrite ?? [],
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
      const results = await ingestBatch(body.items, {
        storage,
        initialStatus: options.initialStatus,
        locale: c.get('locale'),
      });
      return c.json({ results } satisfies BatchResponse);
    },
  );
}
