import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { Health } from '../../api-client/contract';
import type { AppEnv } from '../http/env';
import type { Storage } from '../storage/storage';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Whether the platform is up, and on which storage',
  tags: ['operations'],
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Health } } } },
});

export function healthRoutes(app: OpenAPIHono<AppEnv>, storage: Storage, version: string): void {
  app.openapi(health, (c) => c.json({ status: 'ok' as const, version, storage: storage.kind }, 200));
}
