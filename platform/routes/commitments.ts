import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { Commitment, CommitmentId, CommitmentList, Problem } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

export function commitmentRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/commitments',
      summary: 'All commitments of the action plans Vigie knows',
      tags: ['commitments'],
      responses: { 200: { description: 'The commitments, by id', schema: CommitmentList } },
    },
    async (c) => c.json({ items: await storage.listCommitments() } satisfies CommitmentList),
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/commitments/{id}',
      summary: 'One commitment',
      tags: ['commitments'],
      params: z.object({ id: CommitmentId }),
      responses: {
        200: { description: 'The commitment', schema: Commitment },
        400: { description: 'The id is not a commitment id', schema: Problem },
        404: { description: 'No such commitment', schema: Problem },
      },
    },
    async (c, { params }) => {
      const commitment = await storage.getCommitment(params.id);
      if (!commitment) {
        throw new ProblemError('notFound', { detail: platformMessage('commitment.not-found', c.get('locale')) });
      }
      return c.json(commitment satisfies Commitment);
    },
  );
}
