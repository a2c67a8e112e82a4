import type { Hono } from 'hono';
import { Health } from '../../api-client/contract';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

export function healthRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage, version: string): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/healthz',
      summary: 'Whether the platform is up, and on which storage',
      tags: ['operations'],
      responses: { 200: { description: 'Up', schema: Health } },
    },
    (c) => c.json({ status: 'ok', version, storage: storage.kind } satisfies Health),
  );
}
