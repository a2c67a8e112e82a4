import type { Locale } from '../contract';
import type { VigieClient } from '../http';
import { backoffDelay, type BackoffOptions } from './backoff';
import { randomUuid } from './ids';
import type { LinkFailure, Outbox, Settlement } from './outbox';
import type { DraftError } from './schema';
import { sendBatch, type BatchSendResult, type OutgoingItem } from './send-batch';
import type { SupportOutbox } from './support-outbox';
import { pushDueSupports, type SupportClient } from './support-push';
import { checkDraft, refusalOf } from './validate';

export interface SyncCounts {
  /** Requests made to the platform. */
  requests: number;
  /** Items put on the wire (an item re-sent in a split batch counts again). */
  sent: number;
  synced: number;
  rejected: number;
  /** "Moi aussi" the platform answered (support and its taking back, one request each, counted in `requests`). */
  supports: number;
  /** Drafts back in the queue for a later attempt. */
  retryLater: number;
  /** When the next queued draft may go (epoch ms), or null when nothing waits. */
  nextAttemptAt: number | null;
}

/** The routes a push calls: the batch, and "Moi aussi" where the bundle carries it. */
export type PushClient = Pick<VigieClient, 'submitBatch'> & Partial<SupportClient>;

/** What a push works with; the engine resolves it once from its options. */
export interface PushOptions {
  outbox: Outbox;
  supports: SupportOutbox;
  client: PushClient;
  locale: Locale;
  /** Items per request, at most the contract's 100. */
  batchSize: number;
  backoff: BackoffOptions;
  /** The wait after a request refused whatever it carries (401, 403, 404, 415…). */
  holdMs: number;
  now: () => number;
  random: () => number;
}

/** What a push asks the engine, and tells it, while it runs. */
export interface PushHooks {
  /** True (once) when a push was asked for meanwhile: claim again before letting go of the lock. */
  takeRerun(): boolean;
  /** The link failed (with why), or the platform answered (null). */
  linkSeen(failure: (DraftError & { at: number }) | null): void;
}

/** A whole-request failure as the outbox records it, or undefined when the push was only stopped. */
function linkFailureOf(batch: BatchSendResult, options: PushOptions): LinkFailure | undefined {
  const interruption = batch.interruption;
  if (!interruption || interruption.action === 'stopped') return undefined;
  return {
    error: interruption.error,
    retryAfterMs: interruption.retryAfterMs,
    delayAfter:
      interruption.action === 'hold'
        ? () => options.holdMs
        : (failures) => backoffDelay(failures, options.random, options.backoff),
  };
}

/** One push: claims due drafts a batch at a time, until none is due or the link fails. */
export async function pushDue(options: PushOptions, signal: AbortSignal, hooks: PushHooks): Promise<SyncCounts> {
  const { outbox, now } = options;
  const counts: SyncCounts = {
    requests: 0,
    sent: 0,
    synced: 0,
    rejected: 0,
    supports: 0,
    retryLater: 0,
    nextAttemptAt: null,
  };
  const { supportContribution, withdrawSupport } = options.client;
  const supportClient = supportContribution && withdrawSupport ? { supportContribution, withdrawSupport } : undefined;
  // Shrinks for the rest of the push once the platform says a batch is too large.
  let limit = options.batchSize;
  for (;;) {
    if (signal.aborted) break;
    const claim = randomUuid();
    const claimed = await outbox.claimDue({ now: now(), limit, claim });
    if (claimed.length === 0) {
      // Drafts first (words matter most), then "Moi aussi", under the same lock and link.
      if (supportClient) {
        const pushed = await pushDueSupports({ ...options, client: supportClient }, signal);
        counts.requests += pushed.requests;
        counts.supports += pushed.settled;
        if (pushed.linkError) {
          hooks.linkSeen({ ...pushed.linkError, at: now() });
          break;
        }
        if (pushed.requests > 0) {
          hooks.linkSeen(null);
          continue;
        }
      }
      if (hooks.takeRerun()) continue;
      break;
    }
    const settlements = new Map<string, Settlement>();
    const items: OutgoingItem[] = [];
    for (const draft of claimed) {
      // Checked again: the contract may have tightened since the draft was queued.
      const check = checkDraft(draft);
      if (check.ok) items.push({ draft, payload: check.contribution });
      else settlements.set(draft.id, { kind: 'rejected', error: refusalOf(check, options.locale) });
    }

    const batch = await sendBatch(items, {
      client: options.client,
      signal,
      locale: options.locale,
      retryItemAt: (draft) => now() + backoffDelay(draft.attempts, options.random, options.backoff),
    });
    counts.requests += batch.requests;
    counts.sent += batch.sent;
    if (batch.tooLargeAt !== undefined) limit = Math.max(1, Math.min(limit, Math.ceil(batch.tooLargeAt / 2)));
    const failure = linkFailureOf(batch, options);
    for (const [id, settlement] of batch.settlements) settlements.set(id, settlement);
    const retryAt = await outbox.settle({
      claim,
      ids: claimed.map((draft) => draft.id),
      settlements,
      failure,
      now: now(),
      answered: batch.answered,
      serverFailed: batch.serverFailed,
    });
    for (const draft of claimed) {
      const settlement = settlements.get(draft.id);
      if (settlement?.kind === 'synced') counts.synced++;
      else if (settlement?.kind === 'rejected') counts.rejected++;
      else counts.retryLater++;
    }
    if (failure) hooks.linkSeen({ ...failure.error, at: now() });
    else if (batch.answered) hooks.linkSeen(null);
    if (batch.interruption || retryAt !== undefined) break;
  }
  counts.nextAttemptAt = await outbox.nextAttemptAt();
  return counts;
}
