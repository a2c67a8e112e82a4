import { liveEventData, liveEventTypes, type LiveEventType } from '../contract/live';
import type * as z from 'zod/mini';
import { backoffDelay, type BackoffOptions } from '../drafts/backoff';

/** One event of GET /v1/stream, its data checked against the contract. */
export type LiveEvent = {
  [T in LiveEventType]: { type: T; id: string; data: z.output<(typeof liveEventData)[T]> };
}[LiveEventType];

/**
 * `connecting` (first connection), `open`, `waiting` (cut off: reconnecting after a wait),
 * `closed` (close() was called), `unavailable` (this browser has no EventSource).
 */
export type LiveStreamStatus = 'connecting' | 'open' | 'waiting' | 'closed' | 'unavailable';

/** What this client uses of an EventSource: the browser's, or another that follows the standard (undici's in Node). */
interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}
type EventSourceConstructor = new (url: string) => EventSourceLike;

export interface LiveStreamOptions {
  /** The platform's base URL. */
  baseUrl: string;
  /** What to follow: a page, a commitment, or both (both must match). */
  scope: { url?: string | undefined; commitmentId?: string | undefined };
  /**
   * Where the caller's view stands: the `Vigie-Event-Id` of the list it shows
   * (listContributionsAt), so nothing published since is missed. Without it the platform
   * sends the live events from now on.
   */
  lastEventId?: string | undefined;
  /**
   * Each event, in order, once. On `reset` the caller reloads what it shows (the platform
   * no longer knows what it missed); the stream goes on by itself from there.
   */
  onEvent(event: LiveEvent): void;
  onStatus?(status: LiveStreamStatus): void;
  /** An event whose data does not match the contract: skipped (its id still counts as read). */
  onInvalid?(type: LiveEventType, id: string): void;
  /** Another EventSource (tests in Node); the browser's otherwise. */
  EventSource?: EventSourceConstructor | undefined;
  /** Waits between reconnections when the platform cannot be reached. Default 3 s (the platform's `retry:`) to 1 min. */
  backoff?: BackoffOptions;
  random?: () => number;
  setTimeout?: (wake: () => void, ms: number) => unknown;
  clearTimeout?: (timer: unknown) => void;
}

export interface LiveStream {
  /** The id of the last event received: where a reconnection resumes. */
  readonly lastEventId: string | undefined;
  readonly status: LiveStreamStatus;
  close(): void;
}

const DEFAULT_LIVE_BACKOFF = { baseMs: 3_000, capMs: 60_000 } as const;

/** The stream's address; the position goes in the query, since a new EventSource cannot set Last-Event-ID. */
function streamUrl(options: LiveStreamOptions, lastEventId: string | undefined): string {
  const params = new URLSearchParams();
  if (options.scope.url !== undefined) params.set('url', options.scope.url);
  if (options.scope.commitmentId !== undefined) params.set('commitmentId', options.scope.commitmentId);
  if (lastEventId !== undefined) params.set('lastEventId', lastEventId);
  return `${options.baseUrl.replace(/\/+$/, '')}/v1/stream?${params.toString()}`;
}

/**
 * Follows what becomes public on a page or a commitment (GET /v1/stream). A connection cut
 * after it was open is resumed by the browser itself, with the Last-Event-ID it kept (the
 * heartbeats' ids included); when that fails too, or the platform refused the stream (429,
 * 503), this client reconnects after a backoff with full jitter, from the last event it
 * received, so none is lost or seen twice.
 */
export function openLiveStream(options: LiveStreamOptions): LiveStream {
  const Source =
    options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource ?? undefined;
  const wait = options.setTimeout ?? ((wake, ms) => globalThis.setTimeout(wake, ms));
  const cancel = options.clearTimeout ?? ((timer) => globalThis.clearTimeout(timer as number));
  const backoff = { ...DEFAULT_LIVE_BACKOFF, ...options.backoff };
  const random = options.random ?? Math.random;

  let lastEventId = options.lastEventId;
  let status: LiveStreamStatus = Source ? 'connecting' : 'unavailable';
  let source: EventSourceLike | undefined;
  let timer: unknown;
  /** Reconnections in a row that did not open. */
  let failures = 0;
  /** Open since the last error: the browser's own reconnection is given one chance. */
  let openedSinceError = false;

  const setStatus = (next: LiveStreamStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };

  const deliver = (type: LiveEventType) => (message: MessageEvent<string>) => {
    const { data, lastEventId: id } = message;
    if (status === 'closed') return;
    if (id) lastEventId = id;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      json = undefined;
    }
    const parsed = liveEventData[type].safeParse(json);
    if (!parsed.success) {
      options.onInvalid?.(type, id);
      return;
    }
    options.onEvent({ type, id, data: parsed.data } as LiveEvent);
  };

  const connect = () => {
    if (!Source || status === 'closed') return;
    const opened = new Source(streamUrl(options, lastEventId));
    source = opened;
    opened.addEventListener('open', () => {
      failures = 0;
      openedSinceError = true;
      setStatus('open');
    });
    opened.addEventListener('error', () => {
      if (source !== opened || status === 'closed') return;
      // 0 is CONNECTING: the browser retries by itself with the Last-Event-ID it kept.
      if (opened.readyState === 0 && openedSinceError) {
        openedSinceError = false;
        setStatus('waiting');
        return;
      }
      opened.close();
      source = undefined;
      failures++;
      setStatus('waiting');
      timer = wait(connect, backoffDelay(failures, random, backoff));
    });
    for (const type of liveEventTypes) opened.addEventListener(type, deliver(type));
  };

  connect();
  if (status === 'unavailable') options.onStatus?.('unavailable');

  return {
    get lastEventId() {
      return lastEventId;
    },
    get status() {
      return status;
    },
    close() {
      setStatus('closed');
      if (timer !== undefined) cancel(timer);
      source?.close();
      source = undefined;
    },
  };
}
