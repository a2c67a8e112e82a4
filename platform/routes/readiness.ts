import type { Hono } from 'hono';
import { Health, Problem } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { problemResponse } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

/** Longer than any healthy answer; shorter than a load balancer's usual check timeout. */
const PING_TIMEOUT_MS = 3000;

function withinTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `/readyz`: whether this process can serve now, that is whether its database
 * answers. `/healthz` says the process is up; a load balancer sends traffic on this one.
 */
export function readinessRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage, version: string): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/readyz',
      summary: 'Whether the platform can serve: 200 when its database answers, 503 otherwise',
      tags: ['operations'],
      responses: {
        200: { description: 'Ready', schema: Health },
        503: { description: 'The database does not answer', schema: Problem },
      },
    },
    async (c) => {
      try {
        await withinTimeout(storage.ping(), PING_TIMEOUT_MS);
      } catch {
        return problemResponse(c, 'unavailable', {
          detail: platformMessage('platform.storage-unavailable', c.get('locale')),
          headers: { 'retry-after': '5', 'cache-control': 'no-store' },
        });
      }
      return c.json({ status: 'ok', version, storage: storage.kind } satisfies Health, 200, {
        'cache-control': 'no-store',
      });
    },
  );
}
