import { Hono, type MiddlewareHandler } from 'hono';
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
import { batchRateLimit, chargeWrites, RateLimiter, rateLimit, SharedRateLimiter } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { createLogger, type Logger } from './logger';
import { accountRoutes } from './routes/account';
import { answerRoutes } from './routes/answers';
import { campaignRoutes } from './routes/campaigns';
import { dashboardRoutes } from './routes/dashboard';
import { citizenActionRoutes } from './routes/citizen-actions';
import { exportRoutes } from './routes/exports';
import { moderationRoutes } from './routes/moderation';
import { moderationConsoleRoutes } from './routes/moderation-console';
import { ownStatusRoutes } from './routes/own-status';
import { commitmentRoutes } from './routes/commitments';
import { contributionRoutes } from './routes/contributions';
import { healthRoutes } from './routes/health';
import { readinessRoutes } from './routes/readiness';
import { streamRoutes, type LiveOptions } from './routes/stream';
import { supportRoutes } from './routes/support';
import { networkLimit } from './http/network-limit';
import { DEFAULT_CONSOLE_DIR, DEFAULT_SITE_SCRIPT_DIR, DEFAULT_WIDGET_DIR } from './static/dist-dirs';
import { widgetRoutes } from './static/widget-routes';
import { notFoundPage, siteRoutes } from './site';
import { talkScriptOf } from './site/talk-script';
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
  /** The operator's secret behind every hashed client address; never stored in the data. */
  addressSecret: string;
  trustProxy: boolean;
  /** The platform's public address, base of every absolute link (never the request's Host). */
  publicUrl: () => string;
  version: string;
  /** Structured log (JSON lines); at level info on standard output when not given. */
  logger?: Logger;
  /** The built widget and console (default dist/widget, dist/console). */
  widgetDir?: string;
  consoleDir?: string;
  /** The public pages' built script (default dist/site); without it, the pages work as they are. */
  siteScriptDir?: string;
  /** "Moi aussi" per network and window; null: no limit beyond the per-address one. */
  supportRateLimit?: RateLimit | null;
  /** The live streams; without them, GET /v1/stream is not served. */
  live?: LiveOptions;
}

/** Answers for a token's holder, or for a device proving its secrets: no cache may keep them. */
const privateAnswers = /^\/v1\/contributions\/status$/;
const noStoreForPrivateAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.header('authorization') !== undefined || privateAnswers.test(c.req.path)) {
    c.res.headers.set('cache-control', 'no-store');
  }
};

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
  app.use('*', corsPolicy({ writeOrigins: options.corsOrigins, publicUrl: options.publicUrl }));
  app.use('*', noStoreForPrivateAnswers);

  // One process on SQLite counts in memory; processes sharing PostgreSQL count in it together.
  const limiter = !options.rateLimit
    ? null
    : options.storage.rateWindows
      ? new SharedRateLimiter(options.storage.rateWindows, options.rateLimit)
      : new RateLimiter(options.rateLimit);
  const charge = chargeWrites(limiter);
  // "Moi aussi" per network, kept where the per-address limit is (memory, or PostgreSQL).
  const supportLimiter = !options.supportRateLimit
    ? null
    : options.storage.rateWindows
      ? new SharedRateLimiter(options.storage.rateWindows, options.supportRateLimit)
      : new RateLimiter(options.supportRateLimit);
  const identify = identifyClient(options.addressSecret, options.trustProxy);
  const publicWrite = [identify, rateLimit(charge)];
  const { storage } = options;

  const initialStatus: ContributionStatus = options.moderation === 'post' ? 'published' : 'pending';
  healthRoutes(app, doc, options.storage, options.version);
  readinessRoutes(app, doc, options.storage, options.version);
  commitmentRoutes(app, doc, options.storage);
  // Before /v1/contributions/{id}/…: the status route is a fixed path.
  ownStatusRoutes(app, doc, { storage, publicWrite });
  contributionRoutes(app, doc, {
    storage,
    initialStatus,
    maxBodyBytes: options.maxBodyBytes,
    identify: [identify, batchRateLimit(limiter)],
    charge,
  });
  supportRoutes(app, doc, {
    storage,
    publicWrite: [...publicWrite, networkLimit(supportLimiter, options.addressSecret)],
  });
  if (options.live) streamRoutes(app, doc, { ...options.live, storage, identify, logger });
  citizenActionRoutes(app, doc, {
    storage,
    reportThreshold: options.reportThreshold,
    addressSecret: options.addressSecret,
    publicWrite,
  });
  campaignRoutes(app, doc, storage);
  moderationRoutes(app, doc, storage);
  moderationConsoleRoutes(app, doc, storage);
  dashboardRoutes(app, doc, storage);
  answerRoutes(app, doc, storage);
  exportRoutes(app, doc, storage, options.publicUrl);
  accountRoutes(app, doc, storage);
  consoleRoutes(app, options.consoleDir ?? DEFAULT_CONSOLE_DIR);
  const site = {
    storage,
    publicUrl: options.publicUrl,
    talkScript: talkScriptOf(options.siteScriptDir ?? DEFAULT_SITE_SCRIPT_DIR),
  };
  siteRoutes(app, site);

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
    // A person following a link gets a page in the site's look; an API client, problem+json.
    !c.req.path.startsWith('/v1/') && c.req.header('accept')?.includes('text/html')
      ? notFoundPage(c, site)
      : problemResponse(c, 'notFound', {
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
