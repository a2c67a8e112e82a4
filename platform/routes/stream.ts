import type { Hono, MiddlewareHandler } from 'hono';
import { canonicalUrl, LastEventId, Problem, StreamQuery } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { EventBus } from '../live/event-bus';
import { liveStream } from '../live/live-stream';
import type { StreamLimits } from '../live/stream-limits';
import type { Logger } from '../logger';
import type { Storage } from '../storage/storage';

export interface LiveOptions {
  bus: EventBus;
  limits: StreamLimits;
  heartbeatMs: number;
  /** Events replayed to a client coming back, at most; beyond, it is told to reload. */
  replayLimit: number;
}

export interface StreamRouteOptions extends LiveOptions {
  storage: Storage;
  /** Sets the client's network, by which streams are counted. */
  identify: MiddlewareHandler<AppEnv>;
  logger?: Logger | undefined;
}

/** Seconds a refused client is asked to wait before trying again. */
const RETRY_AFTER_S = 30;
/** Bytes held for a client that does not read before it is dropped: about a thousand events. */
const MAX_QUEUED_BYTES = 1024 * 1024;

/** Where the client says it stands: Last-Event-ID (what a browser sends on reconnecting) wins over ?lastEventId=. */
function resumeFrom(header: string | undefined, query: string | undefined): number | 'unknown' | undefined {
  const raw = header?.trim() || query;
  if (raw === undefined) return undefined;
  // Not an id this platform gives: the client is told to reload, rather than refused and
  // left reconnecting with it for ever.
  return LastEventId.safeParse(raw).success ? Number(raw) : 'unknown';
}

export function streamRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, options: StreamRouteOptions): void {
  const { bus, limits, storage } = options;
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/stream',
      summary: 'Live updates of a page or a commitment (Server-Sent Events)',
      description:
        'text/event-stream. Events: contribution, answer, counts, removed, reset (data and meaning in the contract, ' +
        'api-client/contract/live.ts). Each has an id; reconnecting with Last-Event-ID (or ?lastEventId=, e.g. the ' +
        'Vigie-Event-Id of a list just read) replays what was missed, or sends reset when the log no longer holds it. ' +
        'Heartbeats are comment lines carrying an id. Streams are bounded per network and per process (429, 503, ' +
        'with Retry-After).',
      tags: ['live'],
      query: StreamQuery,
      before: [options.identify],
      responses: {
        200: { description: 'The event stream (text/event-stream)' },
        400: { description: 'A query parameter is wrong', schema: Problem },
        429: { description: 'Too many streams open from this network', schema: Problem },
        503: { description: 'The platform holds all the streams it can, or is stopping', schema: Problem },
      },
    },
    (c, { query }) => {
      const locale = c.get('locale');
      const headers = { 'retry-after': String(RETRY_AFTER_S) };
      if (bus.closed) {
        throw new ProblemError('unavailable', { detail: platformMessage('stream.closing', locale), headers });
      }
      const network = c.get('network');
      const refused = limits.admit(network);
      if (refused === 'network') {
        throw new ProblemError('rateLimited', {
          detail: platformMessage('stream.network-full', locale, { limit: limits.perNetwork, seconds: RETRY_AFTER_S }),
          headers,
        });
      }
      if (refused === 'total') {
        throw new ProblemError('unavailable', {
          detail: platformMessage('stream.full', locale, { seconds: RETRY_AFTER_S }),
          headers,
        });
      }
      const stream = liveStream({
        bus,
        storage,
        scope: {
          url: query.url === undefined ? undefined : canonicalUrl(query.url),
          commitmentId: query.commitmentId,
        },
        resumeFrom: resumeFrom(c.req.header('last-event-id'), query.lastEventId),
        heartbeatMs: options.heartbeatMs,
        retryMs: 3000,
        replayLimit: options.replayLimit,
        maxQueuedBytes: MAX_QUEUED_BYTES,
        logger: options.logger,
        onEnd: () => limits.release(network),
      });
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          // Proxies that buffer responses (nginx) would hold the events back.
          'x-accel-buffering': 'no',
        },
      });
    },
  );
}
