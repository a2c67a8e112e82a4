import { createHash } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { Problem, SupportRequest, SupportState } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage, SupportOutcome } from '../storage/storage';

export interface SupportRouteOptions {
  storage: Storage;
  /** Identifies the client, applies the rate limit per address, then the one per network. */
  publicWrite: MiddlewareHandler<AppEnv>[];
}

const idParam = z.object({ id: z.uuid({ error: 'id.not-uuid' }) });

/**
 * What is stored of the device's key: its hash with the contribution's id. One device
 * keeps one key for every contribution; stored this way, its supports of two
 * contributions cannot be linked, and the stored value cannot take a support back.
 */
export function supporterHash(contributionId: string, supporterKeyHash: string): string {
  return createHash('sha256').update(`vigie/support/${contributionId}/${supporterKeyHash}`).digest('base64url');
}

function answer(c: Context<AppEnv>, id: string, outcome: SupportOutcome, created = false): Response {
  if (!outcome.found) {
    throw new ProblemError('notFound', { detail: platformMessage('contribution.not-public', c.get('locale')) });
  }
  const state: SupportState = { id, supportCount: outcome.supportCount, supported: outcome.supported };
  return c.json(state, created ? 201 : 200);
}

const responses = (change: string) => ({
  400: { description: 'The id is not a UUID', schema: Problem },
  403: { description: 'Sent from a site that may not write to this platform', schema: Problem },
  404: { description: 'No published contribution with this id', schema: Problem },
  422: { description: 'The key is not a hex SHA-256', schema: Problem },
  429: {
    description: `Too many writes from this address or ${change} from this network; see Retry-After`,
    schema: Problem,
  },
});

/** "Moi aussi": a citizen supports a published contribution without an account, and may take it back. */
export function supportRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, options: SupportRouteOptions): void {
  const { storage } = options;

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions/{id}/support',
      summary: '"Moi aussi": support a published contribution, once per device key',
      description:
        'supporterKeyHash is the hex SHA-256 of a secret the device made and keeps; the platform stores only a ' +
        'hash of it with the contribution id, and nothing of the address. 201 when this key now supports it, 200 ' +
        'when it already did (the same answer: a retry is harmless). Counts as one public write, and against a ' +
        'limit per network.',
      tags: ['contributions'],
      params: idParam,
      body: SupportRequest,
      before: options.publicWrite,
      responses: {
        200: { description: 'This key supported it already', schema: SupportState },
        201: { description: 'Supported now', schema: SupportState },
        ...responses('supports'),
      },
    },
    async (c, { params, body }) => {
      const outcome = await storage.support({
        contributionId: params.id,
        supporterHash: supporterHash(params.id, body.supporterKeyHash),
        at: new Date().toISOString(),
      });
      return answer(c, params.id, outcome, outcome.found && outcome.changed);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'delete',
      path: '/v1/contributions/{id}/support',
      summary: 'Take a "Moi aussi" back, with the same key',
      description: '200 with the count, whether this key supported it or not (idempotent).',
      tags: ['contributions'],
      params: idParam,
      body: SupportRequest,
      before: options.publicWrite,
      responses: {
        200: { description: 'This key does not support it (any more)', schema: SupportState },
        ...responses('supports'),
      },
    },
    async (c, { params, body }) => {
      const outcome = await storage.unsupport({
        contributionId: params.id,
        supporterHash: supporterHash(params.id, body.supporterKeyHash),
      });
      return answer(c, params.id, outcome);
    },
  );
}
