import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import {
  Commitment,
  CommitmentFields,
  CommitmentId,
  CommitmentList,
  CommitmentRecord,
  locales,
  Problem,
  type Locale,
} from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { requireRole } from '../auth/require-role';
import { recordOf } from '../commitments/record';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

/**
 * Titles and lead institutions come in the caller's language: `?lang=` when given, else
 * Accept-Language (French when neither says). The shape stays the contract's: strings.
 */
const LanguageQuery = z.object({ lang: z.optional(z.enum(locales, { error: 'locale.unknown' })) });

function answerIn(c: Context<AppEnv>, lang: Locale | undefined): Locale {
  const locale = lang ?? c.get('locale');
  c.header('content-language', locale);
  c.header('vary', 'Accept-Language');
  return locale;
}

export function commitmentRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/commitments',
      summary: 'All commitments of the action plans Vigie knows, in the caller’s language',
      tags: ['commitments'],
      query: LanguageQuery,
      responses: {
        200: { description: 'The commitments, by id', schema: CommitmentList },
        400: { description: 'The language is neither fr nor en', schema: Problem },
      },
    },
    async (c, { query }) =>
      c.json({ items: await storage.listCommitments(answerIn(c, query.lang)) } satisfies CommitmentList),
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/commitments/{id}',
      summary: 'One commitment, in the caller’s language',
      tags: ['commitments'],
      params: z.object({ id: CommitmentId }),
      query: LanguageQuery,
      responses: {
        200: { description: 'The commitment', schema: Commitment },
        400: { description: 'The id is not a commitment id, or the language neither fr nor en', schema: Problem },
        404: { description: 'No such commitment', schema: Problem },
      },
    },
    async (c, { params, query }) => {
      const commitment = await storage.getCommitment(params.id, answerIn(c, query.lang));
      if (!commitment) {
        throw new ProblemError('notFound', { detail: platformMessage('commitment.not-found', c.get('locale')) });
      }
      return c.json(commitment satisfies Commitment);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'put',
      path: '/v1/commitments/{id}',
      summary: 'Create or replace a commitment, in both languages',
      description:
        'A full replacement: what the body leaves out is empty (summary, themes, pages) or unverified (status). ' +
        'An empty English text is shown in French. For admins; `npm run platform -- commitments import` does the ' +
        'same for a whole plan.',
      tags: ['commitments'],
      security: true,
      before: [requireRole(storage, ['admin'])],
      params: z.object({ id: CommitmentId }),
      body: CommitmentFields,
      responses: {
        200: { description: 'Replaced (or already so)', schema: CommitmentRecord },
        201: { description: 'Created', schema: CommitmentRecord },
        400: { description: 'The id is not a commitment id', schema: Problem },
        401: { description: 'No token, or an unknown or revoked one', schema: Problem },
        403: { description: 'Not an admin token', schema: Problem },
        422: { description: 'A field is wrong', schema: Problem },
      },
    },
    async (c, { params, body }) => {
      const changes = await storage.importCommitments([recordOf(params.id, body)]);
      const stored = await storage.getCommitmentRecord(params.id);
      return c.json(stored satisfies CommitmentRecord | undefined, changes.created.length > 0 ? 201 : 200);
    },
  );
}
