import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { Problem, ReportInput, WithdrawalRequest } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { reporterHash } from '../http/client-address';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

export interface CitizenActionOptions {
  storage: Storage;
  reportThreshold: number;
  /** The operator's secret, from which reporters' hashes are keyed. */
  addressSecret: string;
  /** Identifies the client and applies the rate limit: what every public write goes through. */
  publicWrite: MiddlewareHandler<AppEnv>[];
}

const idParam = z.object({ id: z.uuid({ error: 'id.not-uuid' }) });

/** Whether the secret's SHA-256 is the stored hash, compared in constant time. */
export function sameHash(secret: string, storedHex: string): boolean {
  const presented = createHash('sha256').update(secret, 'utf8').digest();
  const stored = Buffer.from(storedHex, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** What a citizen can do without an account: report what others wrote, withdraw what they wrote. */
export function citizenActionRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, options: CitizenActionOptions): void {
  const { storage } = options;

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions/{id}/reports',
      summary: 'Report a published contribution',
      description:
        'Each network (IPv4 /24, IPv6 /48, kept only as a keyed hash) counts once. A report sends the contribution ' +
        'to the top of the moderation queue; from VIGIE_REPORT_THRESHOLD distinct networks it also leaves public ' +
        'view. From a browser, only the sites listed in VIGIE_CORS_ORIGINS and the extension may report.',
      tags: ['contributions'],
      params: idParam,
      body: ReportInput,
      before: options.publicWrite,
      responses: {
        204: { description: 'Report received' },
        400: { description: 'The id is not a UUID', schema: Problem },
        403: { description: 'Sent from a site that may not report', schema: Problem },
        404: { description: 'No published contribution with this id', schema: Problem },
        422: { description: 'The reason is not one of the list', schema: Problem },
        429: { description: 'Too many writes from this client; see Retry-After', schema: Problem },
      },
    },
    async (c, { params, body }) => {
      const outcome = await storage.report({
        contributionId: params.id,
        reporterHash: reporterHash(options.addressSecret, params.id, c.get('network')),
        reason: body.reason,
        at: new Date().toISOString(),
        threshold: options.reportThreshold,
      });
      if (!outcome.found) {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.not-public', c.get('locale')) });
      }
      return c.body(null, 204);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions/{id}/withdrawal',
      summary: 'Withdraw a contribution for good, with the secret its client kept',
      description:
        'The text and everything attached to it are deleted (GDPR erasure); only the id is kept, so that a client ' +
        'still holding the draft cannot send it again. Repeating a withdrawal that succeeded answers 204 again.',
      tags: ['contributions'],
      params: idParam,
      body: WithdrawalRequest,
      before: options.publicWrite,
      responses: {
        204: { description: 'Withdrawn' },
        400: { description: 'The id is not a UUID', schema: Problem },
        403: { description: 'The secret does not match, or the contribution has no withdrawal key', schema: Problem },
        404: { description: 'No such contribution', schema: Problem },
        429: { description: 'Too many writes from this client; see Retry-After', schema: Problem },
      },
    },
    async (c, { params, body }) => {
      const locale = c.get('locale');
      const keyHash = await storage.withdrawalKeyHash(params.id);
      if (keyHash === undefined) {
        // Withdrawn already: the kept hash still tells the author from anyone else.
        const [gone] = await storage.ownStatuses([params.id]);
        if (
          gone?.status === 'withdrawn' &&
          (gone.withdrawalKeyHash === null || sameHash(body.secret, gone.withdrawalKeyHash))
        )
          return c.body(null, 204);
        throw new ProblemError('notFound', { detail: platformMessage('contribution.not-found', locale) });
      }
      if (keyHash === null)
        throw new ProblemError('forbidden', { detail: platformMessage('withdrawal.no-key', locale) });
      if (!sameHash(body.secret, keyHash))
        throw new ProblemError('forbidden', { detail: platformMessage('withdrawal.wrong-secret', locale) });
      await storage.eraseContribution(params.id, new Date().toISOString());
      return c.body(null, 204);
    },
  );
}
