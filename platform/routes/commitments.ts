import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Commitment, CommitmentId, CommitmentList, Problem } from '../../api-client/contract';
import type { AppEnv } from '../http/env';
import { problemResponse } from '../http/problems';
import type { Storage } from '../storage/storage';

const problemContent = { 'application/problem+json': { schema: Problem } };

const list = createRoute({
  method: 'get',
  path: '/v1/commitments',
  summary: 'All commitments of the action plans Vigie knows',
  tags: ['commitments'],
  responses: {
    200: { description: 'The commitments, by id', content: { 'application/json': { schema: CommitmentList } } },
  },
});

const one = createRoute({
  method: 'get',
  path: '/v1/commitments/{id}',
  summary: 'One commitment',
  tags: ['commitments'],
  request: { params: z.object({ id: CommitmentId }) },
  responses: {
    200: { description: 'The commitment', content: { 'application/json': { schema: Commitment } } },
    400: { description: 'The id is not a commitment id', content: problemContent },
    404: { description: 'No such commitment', content: problemContent },
  },
});

export function commitmentRoutes(app: OpenAPIHono<AppEnv>, storage: Storage): void {
  app.openapi(list, async (c) => c.json({ items: await storage.listCommitments() }, 200));

  app.openapi(one, async (c) => {
    const commitment = await storage.getCommitment(c.req.valid('param').id);
    if (!commitment) {
      const locale = c.get('locale');
      return problemResponse(c, 'notFound', {
        detail: locale === 'fr' ? "Cet engagement n'existe pas." : 'This commitment does not exist.',
      }) as never;
    }
    return c.json(commitment, 200);
  });
}

