import type { Hono, MiddlewareHandler } from 'hono';
import {
  ContributionStatusRequest,
  ContributionStatusResponse,
  Problem,
  type OwnContributionStatus,
} from '../../api-client/contract';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';
import { sameHash } from './citizen-actions';

export interface OwnStatusOptions {
  storage: Storage;
  /** Identifies the client and applies the rate limit: what every public write goes through. */
  publicWrite: MiddlewareHandler<AppEnv>[];
}

/**
 * How a citizen's own device learns what became of its contributions, without an
 * account: it proves each one with the withdrawal secret it kept. The answer holds only
 * the ids whose secret matched; a wrong secret and an unknown id look the same (absent).
 */
export function ownStatusRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, options: OwnStatusOptions): void {
  const { storage } = options;
  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions/status',
      summary: "A device's own contributions: their statuses, proven by their withdrawal secrets",
      description:
        'Up to 100 { id, secret } pairs. Answers, in the order asked, for the ids whose secret has the SHA-256 ' +
        'stored with the contribution: its status (or withdrawn), the moderation reason, the public reply, the ' +
        'organisation’s answer (even before publication), and once published how many published replies it has. ' +
        'Nothing at all about the others. Counted as one public write.',
      tags: ['contributions'],
      body: ContributionStatusRequest,
      before: options.publicWrite,
      responses: {
        200: { description: 'The statuses of the proven ids', schema: ContributionStatusResponse },
        422: { description: 'The request is malformed (more than 100 items, a bad id)', schema: Problem },
        429: { description: 'Too many writes from this client; see Retry-After', schema: Problem },
      },
    },
    async (c, { body }) => {
      const rows = new Map((await storage.ownStatuses(body.items.map((item) => item.id))).map((r) => [r.id, r]));
      const items: OwnContributionStatus[] = [];
      for (const { id, secret } of body.items) {
        const row = rows.get(id);
        if (!row?.withdrawalKeyHash || !sameHash(secret, row.withdrawalKeyHash)) continue;
        items.push({
          id,
          status: row.status,
          ...(row.moderationReason === undefined ? {} : { moderationReason: row.moderationReason }),
          ...(row.reply === undefined ? {} : { reply: row.reply }),
          ...(row.answer === undefined ? {} : { answer: row.answer }),
          ...(row.withdrawn === undefined ? {} : { withdrawn: row.withdrawn }),
          ...(row.replyCount === undefined ? {} : { replyCount: row.replyCount }),
        });
      }
      return c.json({ items } satisfies ContributionStatusResponse);
    },
  );
}
