import { Dexie } from 'dexie';
import type { DraftsDatabase } from './database';
import type { Draft, DraftError, LinkState, ServerReceipt } from './schema';

/** What became of one claimed draft. */
export type Settlement =
  | { kind: 'synced'; receipt: ServerReceipt | undefined }
  | { kind: 'rejected'; error: DraftError }
  /** Not this draft's fault, not the link's either (the platform skipped it): try it alone later. */
  | { kind: 'retry'; at: number; error: DraftError };

/** The whole request failed for a reason that may pass (network, 5xx, 429…). */
export interface LinkFailure {
  error: DraftError;
  /** The platform's Retry-After, in ms from now, when it gave one. */
  retryAfterMs: number | undefined;
  /** The wait after this many consecutive failures (jittered by the caller). */
  delayAfter(failures: number): number;
}

const LINK_KEY = 'link' as const;
const freshLink = (): LinkState => ({ key: LINK_KEY, failures: 0, retryAfterUntil: 0 });

/** Queued drafts with nextAttemptAt in [from, to] (to excluded unless toIncluded); `from` may be Dexie.minKey. */
function queuedBetween(db: DraftsDatabase, from: number, to: number, toIncluded: boolean) {
  return db.drafts.where('[state+nextAttemptAt]').between(['queued', from], ['queued', to], true, toIncluded);
}

/** The same for "Moi aussi" (support-record.ts), which shares the outbox's index and link. */
function queuedSupportsBetween(db: DraftsDatabase, from: number, to: number, toIncluded: boolean) {
  return db.supports.where('[state+nextAttemptAt]').between(['queued', from], ['queued', to], true, toIncluded);
}

/** Link state that failed, in a transaction over `sync`; returns when the next attempt may be. */
export async function recordLinkFailure(db: DraftsDatabase, failure: LinkFailure, now: number): Promise<number> {
  const link = (await db.sync.get(LINK_KEY)) ?? freshLink();
  const failures = link.failures + 1;
  const retryAfterUntil = Math.max(link.retryAfterUntil, now + (failure.retryAfterMs ?? 0));
  await db.sync.put({ key: LINK_KEY, failures, retryAfterUntil });
  return Math.max(now + failure.delayAfter(failures), retryAfterUntil);
}

/**
 * After a link failure, everything queued (drafts and "Moi aussi") waits until `retryAt`:
 * one failing link costs one request per step, however much waits. In a transaction over both tables.
 */
export async function delayQueued(db: DraftsDatabase, retryAt: number): Promise<void> {
  await queuedBetween(db, Dexie.minKey, retryAt, false).modify({ nextAttemptAt: retryAt });
  await queuedSupportsBetween(db, Dexie.minKey, retryAt, false).modify({ nextAttemptAt: retryAt });
}

/** The link answered (or the network came back): the exponential backoff starts over. In a transaction over `sync`. */
export async function resetLinkFailures(db: DraftsDatabase): Promise<void> {
  const link = (await db.sync.get(LINK_KEY)) ?? freshLink();
  if (link.failures !== 0) await db.sync.put({ ...link, failures: 0 });
}

/**
 * The sync engine's view of the drafts: claim what is due, settle what came back.
 * Each step is one transaction, so an engine that dies between two steps leaves
 * drafts in a state recover() understands (`sending` → `queued`).
 */
export function createOutbox(db: DraftsDatabase) {
  const readLink = async () => (await db.sync.get(LINK_KEY)) ?? freshLink();

  return {
    readLink,

    /** Marks up to `limit` due drafts as `sending` under `claim` and returns them. */
    claimDue({ now, limit, claim }: { now: number; limit: number; claim: string }): Promise<Draft[]> {
      return db.transaction('rw', db.drafts, db.sync, async () => {
        const link = await readLink();
        if (link.retryAfterUntil > now) return [];
        const due = await queuedBetween(db, Dexie.minKey, now, true).limit(limit).toArray();
        const claimed = due.map((draft) => ({
          ...draft,
          state: 'sending' as const,
          attempts: draft.attempts + 1,
          claim,
          updatedAt: now,
        }));
        await db.drafts.bulkPut(claimed);
        return claimed;
      });
    },

    /**
     * Applies what came back for a claim. With `failure`, every claimed draft not
     * settled goes back to the queue after the backoff, and so does every other
     * queued draft due before then: one failing link costs one request per step,
     * however many drafts wait. Returns the time of the next attempt after a failure.
     */
    settle({
      claim,
      ids,
      settlements,
      failure,
      now,
      answered,
      serverFailed,
    }: {
      claim: string;
      ids: readonly string[];
      settlements: ReadonlyMap<string, Settlement>;
      failure: LinkFailure | undefined;
      now: number;
      /** The platform answered at least once in this push. */
      answered: boolean;
      /** Drafts carried by a request answered 5xx: one more for their serverErrors. */
      serverFailed: ReadonlySet<string>;
    }): Promise<number | undefined> {
      return db.transaction('rw', db.drafts, db.supports, db.sync, async () => {
        let retryAt: number | undefined;
        if (failure) retryAt = await recordLinkFailure(db, failure, now);
        else if (answered) await resetLinkFailures(db);

        const drafts = await db.drafts.bulkGet([...ids]);
        const updated: Draft[] = [];
        for (const draft of drafts) {
          // Removed meanwhile, recovered by another engine, or claimed again: not ours to touch.
          if (!draft || draft.state !== 'sending' || draft.claim !== claim) continue;
          const { claim: _claim, serverErrors, ...others } = draft;
          const settlement = settlements.get(draft.id);
          // Counted while 5xx answers follow each other; any other answer about it ends the run.
          const errors = serverFailed.has(draft.id) ? (serverErrors ?? 0) + 1 : settlement ? 0 : (serverErrors ?? 0);
          const rest: Draft = errors > 0 ? { ...others, serverErrors: errors } : others;
          if (settlement?.kind === 'synced') {
            const { lastError: _e, nextAttemptAt: _n, ...kept } = others;
            updated.push({
              ...kept,
              state: 'synced',
              syncedAt: now,
              updatedAt: now,
              ...(settlement.receipt ? { server: settlement.receipt } : {}),
            });
          } else if (settlement?.kind === 'rejected') {
            const { nextAttemptAt: _n, ...kept } = others;
            updated.push({ ...kept, state: 'rejected', lastError: settlement.error, updatedAt: now });
          } else if (settlement?.kind === 'retry') {
            updated.push({
              ...rest,
              state: 'queued',
              nextAttemptAt: settlement.at,
              lastError: settlement.error,
              updatedAt: now,
            });
          } else {
            updated.push({
              ...rest,
              state: 'queued',
              nextAttemptAt: retryAt ?? now,
              ...(failure ? { lastError: failure.error } : {}),
              updatedAt: now,
            });
          }
        }
        await db.drafts.bulkPut(updated);
        if (retryAt !== undefined) await delayQueued(db, retryAt);
        return retryAt;
      });
    },

    /** When the next queued draft or "Moi aussi" may go, Retry-After included; null when nothing waits. */
    async nextAttemptAt(): Promise<number | null> {
      return db.transaction('r', db.drafts, db.supports, db.sync, async () => {
        const firstDraft = await queuedBetween(db, Dexie.minKey, Infinity, true).first();
        const firstSupport = await queuedSupportsBetween(db, Dexie.minKey, Infinity, true).first();
        const times = [firstDraft?.nextAttemptAt, firstSupport?.nextAttemptAt].filter((t) => t !== undefined);
        if (times.length === 0) return null;
        const link = await readLink();
        return Math.max(Math.min(...times), link.retryAfterUntil);
      });
    },

    /**
     * The network came back: forget the exponential backoff (not the platform's
     * Retry-After) so waiting drafts go now rather than at the end of a long wait.
     */
    makeAllDue(now: number): Promise<number> {
      return db.transaction('rw', db.drafts, db.supports, db.sync, async () => {
        await resetLinkFailures(db);
        await queuedSupportsBetween(db, now, Infinity, false).modify({ nextAttemptAt: now });
        return queuedBetween(db, now, Infinity, false).modify({ nextAttemptAt: now });
      });
    },

    /** Drafts (and "Moi aussi") a crash left `sending` go back to the queue, due now. */
    recover(now: number): Promise<number> {
      return db.transaction('rw', db.drafts, db.supports, async () => {
        // Few records ever: the supports of one device, filtered in memory (no state index of their own).
        await db.supports
          .filter((support) => support.state === 'sending')
          .modify((support) => {
            support.state = 'queued';
            support.nextAttemptAt = now;
            support.updatedAt = now;
            delete support.claim;
            delete support.claimedRevision;
          });
        return db.drafts
          .where('state')
          .equals('sending')
          .modify((draft) => {
            draft.state = 'queued';
            draft.nextAttemptAt = now;
            draft.updatedAt = now;
            delete draft.claim;
          });
      });
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
