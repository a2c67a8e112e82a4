import type { LiveEventType } from '../../api-client/contract';
import type { Logger } from '../logger';
import type { EventRow, LiveScope, Storage } from '../storage/storage';

/** An event as it goes on the wire: its id, and its bytes, encoded once for every stream. */
export interface WireEvent {
  id: number;
  bytes: Uint8Array;
}

/** A live stream, as the bus sees it: where it listens, and how to hand it an event. */
export interface Subscriber {
  scope: LiveScope;
  deliver(event: WireEvent): void;
  /** Ends the stream (the platform stops). */
  end(): void;
}

export interface EventBusOptions {
  /** Events read from the log per query. */
  batch?: number;
  /** The log keeps this many events at most (the replay window)… */
  logSize: number;
  /** …and none older than this. */
  logAgeMs: number;
  /** How often the log is pruned to those bounds. */
  pruneEveryMs?: number;
  logger?: Logger | undefined;
}

const encoder = new TextEncoder();

/** One Server-Sent Event: `id`, `event` and one `data` line (JSON never holds a raw line break). */
export function encodeEvent(id: number, type: LiveEventType, data: unknown): Uint8Array {
  return encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * What the log's events say to a client, read now: a contribution or an answer as the
 * public may read it (an event about what left public view since is skipped: its
 * `removed` follows), counts as they are, a removal as it was. One query for them all.
 */
export async function wireEvents(storage: Storage, events: readonly EventRow[]): Promise<WireEvent[]> {
  const readable = await storage.publicContributions(
    events.filter((e) => e.type !== 'removed').map((e) => e.contributionId),
  );
  return events.flatMap((event): WireEvent[] => {
    if (event.type === 'removed') {
      const data = { id: event.contributionId, ...(event.parentId ? { parentId: event.parentId } : {}) };
      return [{ id: event.id, bytes: encodeEvent(event.id, 'removed', data) }];
    }
    const contribution = readable.get(event.contributionId);
    if (!contribution) return [];
    if (event.type === 'counts') {
      const data = {
        id: contribution.id,
        supportCount: contribution.supportCount ?? 0,
        replyCount: contribution.replyCount ?? 0,
      };
      return [{ id: event.id, bytes: encodeEvent(event.id, 'counts', data) }];
    }
    return [{ id: event.id, bytes: encodeEvent(event.id, event.type, contribution) }];
  });
}

/** Whether an event of the log concerns a stream's scope (both given: both must match). */
export function inScope(scope: LiveScope, event: Pick<EventRow, 'commitmentId' | 'targetUrl'>): boolean {
  return (
    (scope.commitmentId === undefined || scope.commitmentId === event.commitmentId) &&
    (scope.url === undefined || scope.url === event.targetUrl)
  );
}

/**
 * The one event bus of a platform process. Writers never call it: they record events in
 * the database with their change (storage's withEvents). The bus is woken after each such
 * commit (in this process; on PostgreSQL, in every process, by NOTIFY), reads what the log
 * gained since it last looked, and hands each event, encoded once, to the streams it
 * concerns. Streams are indexed by commitment and by page, so an event costs the streams
 * it reaches, not all of them.
 */
export class EventBus {
  readonly #storage: Storage;
  readonly #options: EventBusOptions;
  readonly #byCommitment = new Map<string, Set<Subscriber>>();
  readonly #byPage = new Map<string, Set<Subscriber>>();
  #delivered = 0;
  /** Events delivered since the log was last pruned: it is pruned every tenth of its size too. */
  #sincePrune = 0;
  #reading = false;
  #again = false;
  #retry: NodeJS.Timeout | undefined;
  #prune: NodeJS.Timeout | undefined;
  #stopWatching: (() => Promise<void>) | undefined;
  #closed = false;

  constructor(storage: Storage, options: EventBusOptions) {
    this.#storage = storage;
    this.#options = options;
  }

  /** The id up to which every event was handed to the streams it concerns. */
  get delivered(): number {
    return this.#delivered;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get size(): number {
    let n = 0;
    for (const set of this.#byCommitment.values()) n += set.size;
    for (const set of this.#byPage.values()) n += set.size;
    return n;
  }

  async start(): Promise<void> {
    await this.#pruneLog();
    this.#delivered = await this.#storage.latestEventId();
    this.#stopWatching = await this.#storage.watchEvents(() => this.wake());
    this.#prune = setInterval(() => void this.#pruneLog(), this.#options.pruneEveryMs ?? 60_000);
    this.#prune.unref();
  }

  subscribe(subscriber: Subscriber): () => void {
    const { commitmentId, url } = subscriber.scope;
    const [index, key] = commitmentId !== undefined ? [this.#byCommitment, commitmentId] : [this.#byPage, url ?? ''];
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && index.get(key) === set) index.delete(key);
    };
  }

  /** Reads the log past what was delivered; called after commits. Concurrent calls fold into one more read. */
  wake(): void {
    if (this.#closed) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    void this.#drain().finally(() => {
      this.#reading = false;
      if (this.#again && !this.#closed) {
        this.#again = false;
        this.wake();
      }
    });
  }

  async #drain(): Promise<void> {
    const batch = this.#options.batch ?? 500;
    try {
      for (;;) {
        const events = await this.#storage.eventsAfter(this.#delivered, batch);
        if (events.length === 0 || this.#closed) return;
        const wire = new Map((await wireEvents(this.#storage, events)).map((w) => [w.id, w]));
        for (const event of events) {
          const encoded = wire.get(event.id);
          if (encoded) for (const subscriber of this.#concerned(event)) this.#deliver(subscriber, encoded);
          this.#delivered = event.id;
        }
        this.#sincePrune += events.length;
        if (this.#sincePrune >= Math.ceil(this.#options.logSize / 10)) {
          this.#sincePrune = 0;
          void this.#pruneLog();
        }
        if (events.length < batch) return;
      }
    } catch (error) {
      // The database did not answer: try again shortly; streams wait, nothing is lost (the log keeps it).
      this.#options.logger?.warn({ err: error }, 'live events could not be read; trying again');
      clearTimeout(this.#retry);
      this.#retry = setTimeout(() => this.wake(), 1000);
      this.#retry.unref();
    }
  }

  /** One stream failing never keeps an event from the others. */
  #deliver(subscriber: Subscriber, event: WireEvent): void {
    try {
      subscriber.deliver(event);
    } catch (error) {
      this.#options.logger?.warn({ err: error }, 'a live stream could not take an event; it is ended');
      subscriber.end();
    }
  }

  *#concerned(event: EventRow): Iterable<Subscriber> {
    if (event.commitmentId !== null) {
      for (const s of this.#byCommitment.get(event.commitmentId) ?? []) if (inScope(s.scope, event)) yield s;
    }
    yield* this.#byPage.get(event.targetUrl) ?? [];
  }

  async #pruneLog(): Promise<void> {
    try {
      await this.#storage.pruneEvents({
        keep: this.#options.logSize,
        olderThan: new Date(Date.now() - this.#options.logAgeMs).toISOString(),
      });
    } catch (error) {
      this.#options.logger?.warn({ err: error }, 'the live events log could not be pruned');
    }
  }

  /** Ends every stream (they reconnect elsewhere, or here once restarted) and stops reading. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#prune);
    for (const index of [this.#byCommitment, this.#byPage]) {
      for (const set of index.values()) for (const subscriber of set) subscriber.end();
      index.clear();
    }
    await this.#stopWatching?.();
  }
}
