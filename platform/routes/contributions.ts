import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  BatchEnvelope,
  BatchRequest,
  BatchResponse,
  Contribution,
  ContributionPage,
  ContributionQuery,
  explainIssues,
  canonicalUrl,
  PAGE_SIZE_DEFAULT,
  Problem,
  message,
  type ContributionStatus,
} from '../../api-client/contract';
import { ingestBatch } from '../contributions/ingest';
import type { AppEnv } from '../http/env';
import { jsonBody } from '../http/json-body';
import { ProblemError, problemResponse } from '../http/problems';
import { decodeCursor, encodeCursor } from '../contributions/cursor';
import type { Storage } from '../storage/storage';

const problemContent = { 'application/problem+json': { schema: Problem } };

const listRoute = createRoute({
  method: 'get',
  path: '/v1/contributions',
  summary: "Published contributions for a page or a commitment, newest first",
  tags: ['contributions'],
  request: { query: ContributionQuery },
  responses: {
    200: { description: 'One page of contributions', content: { 'application/json': { schema: ContributionPage } } },
    400: { description: 'A query parameter is wrong', content: problemContent },
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/v1/contributions/{id}',
  summary: 'One contribution, whatever its moderation status, unless it was hidden',
  tags: ['contributions'],
  request: { params: z.object({ id: z.uuid({ error: 'id.not-uuid' }) }) },
  responses: {
    200: { description: 'The contribution', content: { 'application/json': { schema: Contribution } } },
    400: { description: 'The id is not a UUID', content: problemContent },
    404: { description: 'No such contribution', content: problemContent },
  },
});

const batchRoute = createRoute({
  method: 'post',
  path: '/v1/contributions:batch',
  summary: 'Send up to 100 contributions; idempotent on each item id',
  description:
    'Each item is checked on its own: the answer is 200 with one result per item, in order. ' +
    'A repeated id with the same content is a duplicate (stored once); with other content, a conflict.',
  tags: ['contributions'],
  request: { body: { required: true, content: { 'application/json': { schema: BatchRequest } } } },
  responses: {
    200: { description: 'One result per item', content: { 'application/json': { schema: BatchResponse } } },
    400: { description: 'The body is not JSON or not UTF-8', content: problemContent },
    413: { description: 'The body is larger than the limit', content: problemContent },
    415: { description: 'The body is not sent as JSON', content: problemContent },
    422: { description: 'The envelope is wrong (no items, too many)', content: problemContent },
  },
});

export interface ContributionRouteOptions {
  storage: Storage;
  initialStatus: ContributionStatus;
  maxBodyBytes: number;
}

export function contributionRoutes(app: OpenAPIHono<AppEnv>, options: ContributionRouteOptions): void {
  const { storage } = options;

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (after === null) {
      throw new ProblemError('validation', {
        status: 400,
        errors: [{ pointer: '/cursor', code: 'cursor.invalid', detail: message('cursor.invalid', c.get('locale')) }],
      });
    }
    // One more row than asked tells whether a next page exists without a count query.
    const rows = await storage.listPublished({
      url: query.url === undefined ? undefined : canonicalUrl(query.url),
      commitmentId: query.commitmentId,
      limit: limit + 1,
      after,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
    return c.json({ items, nextCursor }, 200);
  });

  app.openapi(oneRoute, async (c) => {
    const contribution = await storage.getContribution(c.req.valid('param').id);
    // A hidden contribution was taken out of public view; its id may have been public.
    if (!contribution || contribution.status === 'hidden') {
      const fr = c.get('locale') === 'fr';
      return problemResponse(c, 'notFound', {
        detail: fr ? "Cette contribution n'existe pas ou n'est plus visible." : 'This contribution does not exist or is no longer visible.',
      }) as never;
    }
    return c.json(contribution, 200);
  });

  // The body is checked item by item, so the route is documented from BatchRequest
  // but mounted by hand with the envelope schema.
  app.openAPIRegistry.registerPath(batchRoute);
  app.post(batchRoute.path, jsonBody(options.maxBodyBytes), async (c) => {
    const locale = c.get('locale');
    const envelope = BatchEnvelope.safeParse(c.get('jsonBody'));
    if (!envelope.success) {
      const errors = explainIssues(envelope.error, locale);
      throw new ProblemError('validation', { detail: errors[0]?.detail, errors });
    }
    const results = await ingestBatch(envelope.data.items, {
      storage,
      initialStatus: options.initialStatus,
      locale,
    });
    return c.json({ results } satisfies BatchResponse, 200);
  });
}
