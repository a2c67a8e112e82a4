import type { Hono } from 'hono';
import { Account, Problem, roles } from '../../api-client/contract';
import { requireRole } from '../auth/require-role';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

/** Who a token belongs to: how the console checks a token at sign-in. */
export function accountRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/me',
      summary: 'The holder of the API token and their role (an administration: its domains and commitments)',
      tags: ['access'],
      security: true,
      before: [requireRole(storage, roles)],
      responses: {
        200: { description: 'The account', schema: Account },
        401: { description: 'No token, or an unknown or revoked one', schema: Problem },
      },
    },
    (c) => {
      const { name, role, scope } = c.get('account');
      return c.json({
        name,
        role,
        ...(scope ? { domains: [...scope.domains], commitments: [...scope.commitmentIds] } : {}),
      } satisfies Account);
    },
  );
}
