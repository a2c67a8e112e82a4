import { countWithIntent, type CountAt } from './support-count';
import { watchQuery, type Watchable } from './observable';
import { internalsOf, type DraftStore } from './store';
import { supporterKeyHash } from './supporter-key';
import type { SupportRecord } from './support-record';

/*
 * "Moi aussi" on this device, as the UI sees it. Pressing it writes the citizen's intent
 * to the outbox (IndexedDB) at once, online or not, and the sync engine tells the platform
 * when it can, under its lock and backoff, like a draft; only the last intent is ever sent.
 */

/**
 * Says "Moi aussi" (true) or takes it back (false) for a contribution, on this device: the
 * intent is kept (it survives a reload) and the engine sends it. Pressing again before it
 * left replaces it: on, off, on offline sends one support, on, off sends nothing. Resolves
 * with the record, or undefined where this browser cannot make the key (no SubtleCrypto:
 * a plain-http page), where "Moi aussi" is not offered. A contribution the platform said is
 * gone stays so.
 */
export async function setSupport(
  store: DraftStore,
  contributionId: string,
  wanted: boolean,
  options: { countAtPress?: number | undefined; now?: () => number } = {},
): Promise<SupportRecord | undefined> {
  const now = options.now ?? Date.now;
  const { db, supportQueued } = internalsOf(store);
  // Made before the transaction: SubtleCrypto cannot run inside one.
  const keyHash =
    (await db.supports.get(contributionId))?.supporterKeyHash ?? (await supporterKeyHash(db, contributionId));
  if (!keyHash) return undefined;
  const record = await db.transaction('rw', db.supports, async () => {
    const at = now();
    const current = await db.supports.get(contributionId);
    if (current?.state === 'gone' || (current && current.wanted === wanted)) return current;
    const base: SupportRecord = current ?? {
      contributionId,
      wanted: false,
      confirmed: false,
      state: 'settled',
      revision: 0,
      supporterKeyHash: keyHash,
      attempts: 0,
      updatedAt: at,
    };
    // The last answer's count belongs to the last answer: a press settled without a request
    // (taken back, then pressed again before leaving) has no count of its own.
    const { nextAttemptAt: _n, lastError: _e, countAtPress: _c, supportCount: _s, ...rest } = base;
    const pressed: SupportRecord = {
      ...rest,
      wanted,
      revision: base.revision + 1,
      updatedAt: at,
      ...(options.countAtPress !== undefined ? { countAtPress: options.countAtPress } : {}),
    };
    // While a push sends the older intent, the record stays its; the answer's settlement
    // sees the newer revision and queues what is now wanted (support-outbox.ts).
    const next: SupportRecord =
      base.state === 'sending'
        ? pressed
        : wanted === base.confirmed
          ? { ...pressed, state: 'settled' }
          : { ...pressed, state: 'queued', nextAttemptAt: at };
    await db.supports.put(next);
    return next;
  });
  if (record?.state === 'queued') for (const listener of [...supportQueued]) listener();
  return record;
}

/** This device's "Moi aussi" records, by contribution id, now and at every change. */
export function watchSupports(store: DraftStore): Watchable<Map<string, SupportRecord>> {
  const { db } = internalsOf(store);
  return watchQuery(async () => new Map((await db.supports.toArray()).map((s) => [s.contributionId, s])));
}

/** One contribution's record, if this device ever pressed "Moi aussi" on it. */
export function getSupport(store: DraftStore, contributionId: string): Promise<SupportRecord | undefined> {
  return internalsOf(store).db.supports.get(contributionId);
}

/** Whether this device's intent still waits to reach the platform. */
export const supportPending = (record: SupportRecord | undefined): boolean =>
  record !== undefined && (record.state === 'queued' || record.state === 'sending');

/** What this device's intent changes in the platform's count until it reaches it: pressed +1, taken back −1. */
export function intentDelta(record: SupportRecord | undefined): -1 | 0 | 1 {
  if (!record || !supportPending(record) || record.wanted === record.confirmed) return 0;
  return record.wanted ? 1 : -1;
}

/**
 * The count to show beside the button: the platform's, with this device's intent that has
 * not reached it yet (pressed offline: one more; taken back offline: one less).
 */
export function shownSupportCount(platformCount: number, record: SupportRecord | undefined): number {
  return countWithIntent(platformCount, intentDelta(record), record?.countAtPress);
}

/** The platform's answer to this device's last « Moi aussi », when it was the last word on it. */
export function answerOf(record: SupportRecord | undefined): CountAt | undefined {
  return record?.state === 'settled' && record.supportCount !== undefined
    ? { count: record.supportCount, at: record.updatedAt }
    : undefined;
}
