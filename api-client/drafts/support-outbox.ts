import { Dexie } from 'dexie';
import type { SupportState } from '../contract';
import type { DraftsDatabase } from './database';
import { delayQueued, recordLinkFailure, resetLinkFailures, type LinkFailure } from './outbox';
import type { DraftError } from './schema';
import type { SupportRecord } from './support-record';

/** What came of one "Moi aussi" request. */
export type SupportSettlement =
  /** The platform answered: what it now holds for this key, and the count. */
  | { kind: 'answered'; state: SupportState }
  /** 404 or 410: the contribution is not public (withdrawn, hidden, never published). Never retried. */
  | { kind: 'gone'; error: DraftError }
  /** Refused for what it carried (400, 422): the same request would be refused again. */
  | { kind: 'refused'; error: DraftError }
  /** Refused whatever it carried (401, 403, 415…): wait long, keep the intent. */
  | { kind: 'hold'; at: number; error: DraftError }
  /** The whole link failed (network, 5xx, 429…): the backoff of the link, for everything queued. */
  | { kind: 'link'; failure: LinkFailure }
  /** Not sent (the push was stopped, or the link failed on another): back in the queue, due at `at`. */
  | { kind: 'unsent'; at: number };

const LINK = 'link';

/**
 * The sync engine's side of the "Moi aussi" records: claim what is due, settle what came
 * back, each one transaction, like the drafts' outbox (outbox.ts), sharing its link state.
 */
export function createSupportOutbox(db: DraftsDatabase) {
  return {
    /** Marks up to `limit` due supports `sending` under `claim`, with the revision each sends. */
    claimDue({ now, limit, claim }: { now: number; limit: number; claim: string }): Promise<SupportRecord[]> {
      return db.transaction('rw', db.supports, db.sync, async () => {
        const link = await db.sync.get(LINK);
        if (link && link.retryAfterUntil > now) return [];
        const due = await db.supports
          .where('[state+nextAttemptAt]')
          .between(['queued', Dexie.minKey], ['queued', now], true, true)
          .limit(limit)
          .toArray();
        const claimed = due.map((support): SupportRecord => ({
          ...support,
          state: 'sending',
          attempts: support.attempts + 1,
          claim,
          claimedRevision: support.revision,
          updatedAt: now,
        }));
        await db.supports.bulkPut(claimed);
        return claimed;
      });
    },

    /**
     * What came back for one claimed support. The platform's answer is the truth about
     * this key; if the citizen pressed again meanwhile (a newer revision) and now wants
     * the other thing, the record goes back to the queue at once, so the newest intent is
     * the one that stands, never an older one after it. Returns the link's next attempt
     * after a link failure.
     */
    settle(
      contributionId: string,
      claim: string,
      settlement: SupportSettlement,
      now: number,
    ): Promise<number | undefined> {
      return db.transaction('rw', db.drafts, db.supports, db.sync, async () => {
        let retryAt: number | undefined;
        if (settlement.kind === 'link') retryAt = await recordLinkFailure(db, settlement.failure, now);
        else if (settlement.kind !== 'unsent') await resetLinkFailures(db);

        const support = await db.supports.get(contributionId);
        if (support && support.state === 'sending' && support.claim === claim) {
          const { claim: _c, claimedRevision: _r, nextAttemptAt: _n, lastError: _e, ...rest } = support;
          const queuedAt = (at: number, error?: DraftError): SupportRecord => ({
            ...rest,
            state: 'queued',
            nextAttemptAt: at,
            ...(error ? { lastError: error } : {}),
            updatedAt: now,
          });
          let next: SupportRecord;
          switch (settlement.kind) {
            case 'answered': {
              const confirmed = settlement.state.supported;
              const known = { ...rest, confirmed, supportCount: settlement.state.supportCount, updatedAt: now };
              // Pressed again meanwhile for the other side: the newest intent goes next, at once.
              next =
                confirmed === rest.wanted
                  ? { ...known, state: 'settled' }
                  : { ...known, state: 'queued', nextAttemptAt: now };
              break;
            }
            case 'gone':
            case 'refused':
              next = { ...rest, state: settlement.kind, lastError: settlement.error, updatedAt: now };
              break;
            case 'hold':
              next = queuedAt(settlement.at, settlement.error);
              break;
            case 'link':
              next = queuedAt(retryAt ?? now, settlement.failure.error);
              break;
            case 'unsent':
              next = queuedAt(settlement.at);
              break;
          }
          await db.supports.put(next);
        }
        if (retryAt !== undefined) await delayQueued(db, retryAt);
        return retryAt;
      });
    },
  };
}

export type SupportOutbox = ReturnType<typeof createSupportOutbox>;
