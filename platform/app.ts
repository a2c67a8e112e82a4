import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { pickLocale, type ContributionStatus } from '../api-client/contract';
import { platformMessage } from '../api-client/contract/platform-messages';
import type { RateLimit } from './config';
import { consoleRoutes } from './console/routes';
import { identifyClient } from './http/client-address';
import { corsPolicy } from './http/cors';
import type { AppEnv } from './http/env';
import { OpenApiDocument } from './http/openapi';
import { ProblemError, problemResponse } from './http/problems';
import { RateLimiter, rateLimit } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { createLogger, type Logger } from './logger';
import { accountRoutes } from './routes/account';
import { campaignRoutes } from './routes/campaigns';
import { citizenActionRoutes } from './routes/citizen-actions';
import { exportRoutes } from './routes/exports';
import { moderationRoutes } from './routes/moderation';
import { commitmentRoutes } from './routes/commitments';
import { contributionRoutes } from './routes/contributions';
import { healthRoutes } from './routes/health';
import { readinessRoutes } from './routes/readiness';
import { DEFAULT_CONSOLE_DIR, DEFAULT_WIDGET_DIR } from './static/dist-dirs';
import { widgetRoutes } from './static/widget-routes';
import type { Storage } from './storage/storage';

export interface AppOptions {
  storage: Storage;
  /** pre: contributions wait for a moderator; post: they are published on arrival. */
  moderation: 'pre' | 'post';
  maxBodyBytes: number;
  /** Sites allowed to send contributions from a browser; ['*'] allows any. Public reads are open to all. */
  corsOrigins: string[];
  /** Public writes per client and window; null: no limit. */
  rateLimit: RateLimit | null;
  reportThreshold: number;
  /** Secret salt of hashed client addresses. */
  addressSalt: string;
  trustProxy: boolean;
  /** The platform's public address, base of every absolute link (never the request's Host). */
  publicUrl: () => string;
  version: string;
  /** Structured log (JSON lines); at level info on standard output when not given. */
  logger?: Logger;
  /** The built widget and console (default dist/widget, dist/console). */
  widgetDir?: string;
  consoleDir?: string;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const logger = options.logger ?? createLogger('info');
  const app = new Hono<AppEnv>();
  const doc = new OpenApiDocument();

  app.use('*', requestLog(logger));
  app.use('*', async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    await next();
  });
  // Before secureHeaders: these scripts are made for other sites' pages, and say so.
  widgetRoutes(app, { dir: options.widgetDir ?? DEFAULT_WIDGET_DIR, publicUrl: options.publicUrl });
  app.use('*', secureHeaders());
  app.use('*', corsPolicy(options.corsOrigins));

  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
  const publicWrite = [identifyClient(options.addressSalt, options.trustProxy), rateLimit(limiter)];
  const { storage } = options;

  const initialStatus: ContributionStatus = options.moderation === 'post' ? 'published' : 'pending';
  healthRoutes(app, doc, options.storage, options.version);
  readinessRoutes(app, doc, options.storage, options.version);
  commitmentRoutes(app, doc, options.storage);
  contributionRoutes(app, doc, { storage, initialStatus, maxBodyBytes: options.maxBodyBytes, publicWrite });
  citizenActionRoutes(app, doc, { storage, reportThreshold: options.reportThreshold, publicWrite });
  campaignRoutes(app, doc, storage);
  moderationRoutes(app, doc, storage);
  exportRoutes(app, doc, storage, options.publicUrl);
  accountRoutes(app, doc, storage);
  consoleRoutes(app, options.consoleDir ?? DEFAULT_CONSOLE_DIR);

  let openapi: string | undefined;
  app.get('/openapi.json', (c) => {
    openapi ??= JSON.stringify({
      ...doc.build({
        title: 'Vigie platform API',
        version: options.version,
        description:
          'Citizen feedback on open-government commitments. Errors are RFC 9457 problem+json, in French or English per Accept-Language.',
      }),
      servers: [{ url: options.publicUrl() }],
    });
    return c.body(openapi, 200, { 'content-type': 'application/json' });
  });

  app.notFound((c) =>
    problemResponse(c, 'notFound', {
      detail: platformMessage('route.not-found', c.get('locale')),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.kind, error.options);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, 'validation', { status: error.status, detail: error.message });
    }
    // Never a stack trace to the caller: log it here, answer with a sentence.
    logger.error({ reqId: c.get('requestId'), method: c.req.method, path: c.req.path, err: error }, 'request failed');
    return problemResponse(c, 'internal', {
      detail: platformMessage('platform.unexpected', c.get('locale')),
    });
  });

  return app;
}

export type { AppEnv };
