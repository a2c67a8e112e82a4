import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { AnswerHistory, AnswerInput, Contribution, Problem } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { requireRole } from '../auth/require-role';
import { requireInScope } from '../auth/scope';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

const idParam = z.object({ id: z.uuid({ error: 'id.not-uuid' }) });
const unauthorized = { description: 'No token, or an unknown or revoked one', schema: Problem };

/**
 * Organisations answer as themselves. Only an `administration` answers, and only within
 * its scope: the answer is signed with its name, so no other role may give one (moderators
 * reply with their decision, admins make an administration's token for themselves). Each
 * new wording or status is a new version: the public reads the latest, and that it was
 * edited; the organisation concerned and the admins read every version.
 */
export function answerRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  const anyToken = requireRole(storage, ['admin', 'moderator', 'ngo', 'administration']);

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/contributions/{id}/answer',
      summary: 'Answer a contribution as the organisation concerned (a new version when it was answered already)',
      description:
        'For administration tokens, within their domains and commitments. An answer to a contribution not ' +
        'published yet is kept and shown to its author’s device (POST /v1/contributions/status); the public reads ' +
        'it once the contribution is published. The same text and status again changes nothing (200).',
      tags: ['answers'],
      security: true,
      before: [anyToken],
      params: idParam,
      body: AnswerInput,
      responses: {
        200: {
          description: 'A new version, or the same answer again; the contribution as it is now',
          schema: Contribution,
        },
        201: { description: 'The first answer; the contribution as it is now', schema: Contribution },
        400: { description: 'The id is not a UUID', schema: Problem },
        401: unauthorized,
        403: { description: 'Not an administration, or outside its domains and commitments', schema: Problem },
        404: { description: 'No such contribution', schema: Problem },
        422: { description: 'The text or the status is wrong', schema: Problem },
      },
    },
    async (c, { params, body }) => {
      const account = c.get('account');
      if (account.role !== 'administration') {
        throw new ProblemError('forbidden', { detail: platformMessage('answer.role', c.get('locale')) });
      }
      await requireInScope(c, storage, params.id);
      const outcome = await storage.answer(params.id, {
        body: body.body,
        status: body.status,
        organisation: account.name,
        tokenId: account.id,
        at: new Date().toISOString(),
      });
      if (!outcome.found) {
        throw new ProblemError('notFound', { detail: platformMessage('contribution.unknown', c.get('locale')) });
      }
      return c.json(outcome.contribution satisfies Contribution, outcome.created ? 201 : 200);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/contributions/{id}/answers',
      summary: 'Every version of a contribution’s answer, oldest first',
      description: 'For the admins, and for an administration within its scope.',
      tags: ['answers'],
      security: true,
      before: [anyToken],
      params: idParam,
      responses: {
        200: { description: 'The versions', schema: AnswerHistory },
        400: { description: 'The id is not a UUID', schema: Problem },
        401: unauthorized,
        403: { description: 'Neither an admin nor the administration concerned', schema: Problem },
        404: { description: 'No such contribution', schema: Problem },
      },
    },
    async (c, { params }) => {
      const role = c.get('account').role;
      if (role !== 'admin' && role !== 'administration') {
        throw new ProblemError('forbidden', { detail: platformMessage('answer.history-role', c.get('locale')) });
      }
      await requireInScope(c, storage, params.id);
      return c.json({ items: await storage.answerHistory(params.id) } satisfies AnswerHistory);
    },
  );
}
