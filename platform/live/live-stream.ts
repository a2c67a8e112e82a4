import type { LiveReset } from '../../api-client/contract';
import type { Logger } from '../logger';
import type { LiveScope, Storage } from '../storage/storage';
import { encodeEvent, wireEvents, type EventBus, type Subscriber, type WireEvent } from './event-bus';

export interface LiveStreamOptions {
  bus: EventBus;
  storage: Storage;
  scope: LiveScope;
  /** Where the client says it is: an event id, `unknown` (an id it could not have been given), or nothing (new). */
  resumeFrom: number | 'unknown' | undefined;
  heartbeatMs: number;
  /** How long a client waits before reconnecting (SSE `retry:`). */
  retryMs: number;
  /** At most this many events are replayed to a client coming back; beyond, it is told to reload (`reset`). */
  replayLimit: number;
  /** Bytes waiting for a client that does not read, beyond which it is dropped (it comes back and catches up). */
  maxQueuedBytes: number;
  logger?: Logger | undefined;
  /** Called once when the stream ends, however it ends. */
  onEnd(): void;
}

const encoder = new TextEncoder();

/**
 * One client's Server-Sent Events. It subscribes first and holds what the bus delivers
 * while it replays what the client missed from the log, then sends those held events
 * (each event once: ids only grow), then follows the bus. Heartbeats are comment lines
 * (proxies keep the connection open) with an `id:`, which moves the client's
 * Last-Event-ID forward without an event: a client of a quiet page that reconnects
 * after a while resumes from there, not from its last event long since pruned.
 */
export function liveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { bus, storage } = options;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let lastSent = typeof options.resumeFrom === 'number' ? options.resumeFrom : 0;
  let live = false;
  let ended = false;
  const held: WireEvent[] = [];
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;

  const end = (closeStream: boolean) => {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(heartbeat);
    options.onEnd();
    if (closeStream) {
      try {
        controller.close();
      } catch {
        // already closed by the reader going away
      }
    }
  };
  const push = (bytes: Uint8Array) => {
    if (ended) return;
    try {
      controller.enqueue(bytes);
    } catch {
      // The client went away between two ticks, before its cancel was heard: the stream ends here.
      end(false);
      return;
    }
    if ((controller.desiredSize ?? 0) < -options.maxQueuedBytes) end(true);
  };
  const send = (event: WireEvent) => {
    if (event.id <= lastSent) return;
    push(event.bytes);
    lastSent = event.id;
  };
  const beat = () => {
    lastSent = Math.max(lastSent, bus.delivered);
    push(encoder.encode(`: heartbeat\nid: ${lastSent}\n\n`));
  };
  const reset = (reason: LiveReset['reason'], latest: number) => {
    lastSent = Math.max(latest, bus.delivered);
    push(encodeEvent(lastSent, 'reset', { reason } satisfies LiveReset));
  };

  const replay = async (from: number | 'unknown') => {
    const latest = await storage.latestEventId();
    if (from === 'unknown' || from > latest) return reset('unknown-position', latest);
    if (from < (await storage.eventLogFloor())) return reset('too-far-behind', latest);
    const missed = await storage.eventsAfter(from, options.replayLimit + 1, options.scope);
    if (missed.length > options.replayLimit) return reset('too-far-behind', latest);
    for (const event of await wireEvents(storage, missed)) send(event);
  };

  const begin = async () => {
    try {
      if (options.resumeFrom !== undefined) await replay(options.resumeFrom);
      for (const event of held.splice(0)) send(event);
      live = true;
      beat();
      heartbeat = setInterval(beat, options.heartbeatMs);
    } catch (error) {
      options.logger?.warn({ err: error }, 'a live stream could not replay what its client missed');
      end(true);
    }
  };

  const subscriber: Subscriber = {
    scope: options.scope,
    deliver: (event) => (live ? send(event) : held.push(event)),
    end: () => end(true),
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        // First bytes at once, so the client (and any proxy) sees the stream open.
        c.enqueue(encoder.encode(`retry: ${options.retryMs}\n: vigie live\n\n`));
        unsubscribe = bus.subscribe(subscriber);
        void begin();
      },
      cancel() {
        end(false);
      },
    },
    { highWaterMark: 16 * 1024, size: (chunk) => chunk.byteLength },
  );
}
