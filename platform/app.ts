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
import { accountRoutes } from './routes/account';
import { campaignRoutes } from './routes/campaigns';
import { citizenActionRoutes } from './routes/citizen-actions';
import { exportRoutes } from './routes/exports';
import { moderationRoutes } from './routes/moderation';
import { commitmentRoutes } from './routes/commitments';
import { contributionRoutes } from './routes/contributions';
import { healthRoutes } from './routes/health';
import { notFoundPage, siteRoutes } from './site';
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
  log?: (line: string) => void;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const app = new Hono<AppEnv>();
  const doc = new OpenApiDocument();

  app.use('*', async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    await next();
  });
  app.use('*', secureHeaders());
  app.use('*', corsPolicy(options.corsOrigins));

  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
  const publicWrite = [identifyClient(options.addressSalt, options.trustProxy), rateLimit(limiter)];
  const { storage } = options;

  const initialStatus: ContributionStatus = options.moderation === 'post' ? 'published' : 'pending';
  healthRoutes(app, doc, options.storage, options.version);
  commitmentRoutes(app, doc, options.storage);
  contributionRoutes(app, doc, { storage, initialStatus, maxBodyBytes: options.maxBodyBytes, publicWrite });
  citizenActionRoutes(app, doc, { storage, reportThreshold: options.reportThreshold, publicWrite });
  campaignRoutes(app, doc, storage);
  moderationRoutes(app, doc, storage);
  exportRoutes(app, doc, storage, options.publicUrl);
  accountRoutes(app, doc, storage);
  consoleRoutes(app);
  const site = { storage, publicUrl: options.publicUrl };
  siteRoutes(app, site);

  let openapi: string | undefined;
  app.get('/openapi.json', (c) => {
    openapi ??= JSON.stringify(
      doc.build({
        title: 'Vigie platform API',
        version: options.version,
        description:
          'Citizen feedback on open-government commitments. Errors are RFC 9457 problem+json, in French or English per Accept-Language.',
      }),
    );
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
    log(
      `[vigie] ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return problemResponse(c, 'internal', {
      detail: platformMessage('platform.unexpected', c.get('locale')),
    });
  });

  return app;
}

export type { AppEnv };
