import type { Locale } from '../contract';
import { openDraftsDatabase, type DraftsDatabase } from './database';
import { DraftLockedError, DraftNotFoundError, type Sentences } from './errors';
import { randomUuid } from './ids';
import { defaultSyncLock, lockNameFor, type SyncLock } from './lock';
import { watchQuery, type Watchable } from './observable';
import { createOutbox, type Outbox } from './outbox';
import { newsKeyOf, platformStateOfDraft } from './platform-state';
import { draftStates, type Draft, type DraftInput, type DraftState } from './schema';
import { checkDraft, refusalOf, type DraftProblem } from './validate';
import { makeWithdrawalKey } from './withdrawal-key';

export interface DraftStoreOptions {
  /** One database per product and origin, e.g. "vigie-widget". */
  dbName: string;
  /** fake-indexeddb's pair in Node; the global IndexedDB otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Fields every new draft starts with, e.g. { source: 'widget', locale: 'fr' }. */
  defaults?: DraftInput;
  /** Locale of the sentence kept in lastError when the contract refuses a draft. Default fr. */
  locale?: Locale;
  /** Who may push this database's outbox; Web Locks where present, a mutex otherwise. */
  lock?: SyncLock;
  now?: () => number;
  newId?: () => string;
}

export type DraftFilter = { state?: DraftState | readonly DraftState[] };

export type QueueResult =
  | { ok: true; draft: Draft }
  /** The draft is not queued: it stays as it was, and here is what to fix, field by field. */
  | { ok: false; draft: Draft; problems: DraftProblem[]; sentences: Sentences };

export interface DraftStore {
  readonly dbName: string;
  readonly lock: SyncLock;
  /**
   * A new draft with a fresh id (the future contribution's idempotency key); `writtenOn`
   * is the origin of the page it is typed on, where one database serves many sites.
   */
  create(input?: DraftInput, options?: { writtenOn?: string }): Promise<Draft>;
  /**
   * Saves a change (one small transaction; the caller debounces keystrokes). Fields
   * set to undefined are cleared. Only `draft` and `rejected` drafts can change:
   * see DraftLockedError for why.
   */
  update(id: string, patch: DraftInput): Promise<Draft>;
  /**
   * The citizen pressed send: checks the draft against the contract, then queues it.
   * A draft refused as a conflict is queued under a new id (see result.draft.id).
   */
  queue(id: string): Promise<QueueResult>;
  /** Takes a queued draft back to `draft`, if it never left the device. */
  unqueue(id: string): Promise<Draft>;
  get(id: string): Promise<Draft | undefined>;
  /** Drafts, oldest first, optionally in some states only. */
  list(filter?: DraftFilter): Promise<Draft[]>;
  /** Deletes a draft at the citizen's request; refused while it is being sent. False when absent. */
  remove(id: string): Promise<boolean>;
  /**
   * The citizen looked at these contributions ("Mes contributions"): what became of them
   * so far is no longer news (platform-state.ts). Returns how many records changed.
   */
  markSeen(ids: readonly string[]): Promise<number>;
  /** After a crash: drafts left `sending` go back to `queued`. Waits for whoever pushes now. */
  recover(): Promise<number>;
  watchList(filter?: DraftFilter): Watchable<Draft[]>;
  watchDraft(id: string): Watchable<Draft | undefined>;
  /** Called after each successful queue(); how an attached sync engine knows to push. */
  onQueued(listener: (draft: Draft) => void): () => void;
  close(): void;
}

/** What only the sync engine (and tests) may touch: writing there steps around the draft states. */
export interface DraftStoreInternals {
  readonly outbox: Outbox;
  readonly db: DraftsDatabase;
  /** Told when a "Moi aussi" is queued (supports.ts), as onQueued is for drafts: the engine pushes. */
  readonly supportQueued: Set<() => void>;
}

// Kept off the DraftStore type, so no UI code can reach them; not exported from index.ts.
const internals = new WeakMap<DraftStore, DraftStoreInternals>();

/** The engine's side of a store made by createDraftStore. */
export function internalsOf(store: DraftStore): DraftStoreInternals {
  const found = internals.get(store);
  if (!found) throw new TypeError('This draft store was not made by createDraftStore.');
  return found;
}

const editableStates: ReadonlySet<DraftState> = new Set(['draft', 'rejected']);

const isConflicted = (draft: Draft | undefined) => draft?.state === 'rejected' && draft.lastError?.code === 'conflict';

/** Drops keys set to undefined, so clearing a field leaves no trace in the stored object. */
function withoutUndefined(input: DraftInput): DraftInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function statesOf(filter: DraftFilter | undefined): readonly DraftState[] {
  if (filter?.state === undefined) return draftStates;
  return typeof filter.state === 'string' ? [filter.state] : filter.state;
}

export function createDraftStore(options: DraftStoreOptions): DraftStore {
  const db = openDraftsDatabase(options);
  const outbox = createOutbox(db);
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomUuid;
  const locale = options.locale ?? 'fr';
  const lock = options.lock ?? defaultSyncLock(lockNameFor(options.dbName));
  const queuedListeners = new Set<(draft: Draft) => void>();

  const mustGet = async (id: string) => {
    const draft = await db.drafts.get(id);
    if (!draft) throw new DraftNotFoundError(id);
    return draft;
  };

  const list = async (filter?: DraftFilter) => {
    const states = statesOf(filter);
    const drafts =
      states.length === draftStates.length
        ? await db.drafts.toArray()
        : await db.drafts
            .where('state')
            .anyOf([...states])
            .toArray();
    return drafts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  };

  const store: DraftStore = {
    dbName: options.dbName,
    lock,

    async create(input = {}, createOptions = {}) {
      const at = now();
      const { id: _ignored, withdrawalKeyHash: _copied, ...fields } = input as DraftInput & { id?: unknown };
      // Each draft gets its own key, even one copied from another draft.
      const key = await makeWithdrawalKey();
      const draft: Draft = {
        id: newId(),
        input: withoutUndefined({
          createdAt: new Date(at).toISOString(),
          ...options.defaults,
          ...fields,
          withdrawalKeyHash: key?.hash,
        }),
        state: 'draft',
        attempts: 0,
        createdAt: at,
        updatedAt: at,
        ...(key ? { withdrawalSecret: key.secret } : {}),
        ...(createOptions.writtenOn ? { writtenOn: createOptions.writtenOn } : {}),
      };
      await db.drafts.add(draft);
      return draft;
    },

    update(id, patch) {
      return db.transaction('rw', db.drafts, async () => {
        const draft = await mustGet(id);
        if (!editableStates.has(draft.state)) {
          throw new DraftLockedError(id, draft.state, draft.state === 'queued' && draft.attempts > 0);
        }
        const { id: _ignored, ...fields } = patch as DraftInput & { id?: unknown };
        // A rejected draft keeps the platform's reason until it is sent again; a draft's
        // own reason (the contract's, from a refused queue()) may no longer hold once edited.
        const { lastError, ...rest } = draft;
        const updated: Draft = {
          ...rest,
          ...(draft.state === 'rejected' && lastError ? { lastError } : {}),
          input: withoutUndefined({ ...draft.input, ...fields }),
          updatedAt: now(),
        };
        await db.drafts.put(updated);
        return updated;
      });
    },

    async queue(id) {
      // Refused as a conflict, the platform holds other words under this id (another
      // device, or a bug): sent again, these words go as a new contribution, with a new
      // id and key. The key is made first: SubtleCrypto cannot run inside the transaction.
      const before = await db.drafts.get(id);
      const rekey = isConflicted(before) ? { id: newId(), key: await makeWithdrawalKey() } : undefined;
      const result = await db.transaction('rw', db.drafts, async (): Promise<QueueResult & { queuedNow?: true }> => {
        let draft = await mustGet(id);
        if (rekey && isConflicted(draft)) {
          const { withdrawalSecret: _secret, claim: _claim, server: _server, ...rest } = draft;
          draft = {
            ...rest,
            id: rekey.id,
            attempts: 0,
            input: withoutUndefined({ ...draft.input, withdrawalKeyHash: rekey.key?.hash }),
            ...(rekey.key ? { withdrawalSecret: rekey.key.secret } : {}),
          };
          await db.drafts.delete(id);
          await db.drafts.add(draft);
        }
        // Already on its way or sent: pressing send twice must not send twice.
        if (!editableStates.has(draft.state)) return { ok: true, draft };
        const check = checkDraft(draft);
        if (!check.ok) {
          const updated: Draft = { ...draft, lastError: refusalOf(check, locale), updatedAt: now() };
          await db.drafts.put(updated);
          return { ok: false, draft: updated, problems: check.problems, sentences: check.sentences };
        }
        const at = now();
        const { lastError: _e, ...rest } = draft;
        const queued: Draft = { ...rest, state: 'queued', queuedAt: at, nextAttemptAt: at, updatedAt: at };
        await db.drafts.put(queued);
        return { ok: true, draft: queued, queuedNow: true };
      });
      if (result.ok && result.queuedNow) {
        for (const listener of [...queuedListeners]) listener(result.draft);
      }
      if (result.ok) return { ok: true, draft: result.draft };
      return result;
    },

    unqueue(id) {
      return db.transaction('rw', db.drafts, async () => {
        const draft = await mustGet(id);
        if (draft.state === 'draft') return draft;
        // Once put on the wire the platform may hold it: changing it now would be a conflict.
        if (draft.state !== 'queued' || draft.attempts > 0) {
          throw new DraftLockedError(id, draft.state, draft.state === 'queued');
        }
        const { nextAttemptAt: _n, queuedAt: _q, ...rest } = draft;
        const back: Draft = { ...rest, state: 'draft', updatedAt: now() };
        await db.drafts.put(back);
        return back;
      });
    },

    get: (id) => db.drafts.get(id),
    list,

    remove(id) {
      return db.transaction('rw', db.drafts, async () => {
        const draft = await db.drafts.get(id);
        if (!draft) return false;
        if (draft.state === 'sending') throw new DraftLockedError(id, 'sending');
        await db.drafts.delete(id);
        return true;
      });
    },

    markSeen(ids) {
      return db.transaction('rw', db.drafts, async () => {
        const drafts = await db.drafts.bulkGet([...ids]);
        const seen: Draft[] = [];
        for (const draft of drafts) {
          const news = draft && draft.state === 'synced' ? newsKeyOf(platformStateOfDraft(draft)) : '';
          if (draft && news !== '' && draft.seen !== news) seen.push({ ...draft, seen: news });
        }
        await db.drafts.bulkPut(seen);
        return seen.length;
      });
    },

    async recover() {
      // Under the lock: a live engine's `sending` drafts are not crash leftovers.
      const result = await lock.run(() => outbox.recover(now()), { wait: true });
      return result.acquired ? result.value : 0;
    },

    watchList: (filter) => watchQuery(() => list(filter)),
    watchDraft: (id) => watchQuery(() => db.drafts.get(id)),

    onQueued(listener) {
      queuedListeners.add(listener);
      return () => queuedListeners.delete(listener);
    },

    close() {
      db.close({ disableAutoOpen: true });
    },
  };
  internals.set(store, { outbox, db, supportQueued: new Set() });
  return store;
}
