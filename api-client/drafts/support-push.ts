import type { Locale } from '../contract';
import { VigieHttpError, type VigieClient } from '../http';
import { backoffDelay, type BackoffOptions } from './backoff';
import { classifyFailure } from './failures';
import { randomUuid } from './ids';
import type { DraftError } from './schema';
import type { SupportOutbox, SupportSettlement } from './support-outbox';
import type { SupportRecord } from './support-record';

export type SupportClient = Pick<VigieClient, 'supportContribution' | 'withdrawSupport'>;

export interface SupportPushOptions {
  supports: SupportOutbox;
  client: SupportClient;
  locale: Locale;
  backoff: BackoffOptions;
  holdMs: number;
  now: () => number;
  random: () => number;
}

export interface SupportPushCounts {
  /** Requests made (one per support: the routes take one contribution each). */
  requests: number;
  settled: number;
  /** Why the link failed, when it did: nothing more is pushed until the backoff says. */
  linkError: DraftError | undefined;
}

/** Supports claimed at once: each is one request, so a small batch keeps the lock short. */
const SUPPORTS_PER_CLAIM = 20;

/** One request's outcome as the outbox settles it. */
function settlementOf(error: unknown, options: SupportPushOptions, stopped: boolean): SupportSettlement {
  // 404 (not public: withdrawn, hidden, unknown) and 410: the contribution is gone; asking again cannot help.
  if (error instanceof VigieHttpError && (error.status === 404 || error.status === 410)) {
    const { problem } = error;
    return {
      kind: 'gone',
      error: { sentence: problem.detail ?? problem.title, code: 'gone', status: error.status },
    };
  }
  const failure = classifyFailure(error, options.locale, stopped);
  switch (failure.action) {
    case 'stopped':
      return { kind: 'unsent', at: options.now() };
    case 'split':
      return { kind: 'refused', error: failure.error };
    case 'hold':
      return {
        kind: 'hold',
        at: options.now() + Math.max(options.holdMs, failure.retryAfterMs ?? 0),
        error: failure.error,
      };
    case 'retry':
      return {
        kind: 'link',
        failure: {
          error: failure.error,
          retryAfterMs: failure.retryAfterMs,
          delayAfter: (failures) => backoffDelay(failures, options.random, options.backoff),
        },
      };
  }
}

async function sendOne(support: SupportRecord, options: SupportPushOptions, signal: AbortSignal) {
  try {
    // The intent as it stood when claimed: a newer press is sent after this answer, never before.
    const state = support.wanted
      ? await options.client.supportContribution(support.contributionId, support.supporterKeyHash, { signal })
      : await options.client.withdrawSupport(support.contributionId, support.supporterKeyHash, { signal });
    return { kind: 'answered', state } satisfies SupportSettlement;
  } catch (error) {
    return settlementOf(error, options, signal.aborted);
  }
}

/**
 * Tells the platform every "Moi aussi" due, one request each, until none is due or the link
 * fails: then what is left waits the link's backoff, drafts included (outbox.ts).
 */
export async function pushDueSupports(options: SupportPushOptions, signal: AbortSignal): Promise<SupportPushCounts> {
  const counts: SupportPushCounts = { requests: 0, settled: 0, linkError: undefined };
  for (;;) {
    if (signal.aborted) return counts;
    const claim = randomUuid();
    const claimed = await options.supports.claimDue({ now: options.now(), limit: SUPPORTS_PER_CLAIM, claim });
    if (claimed.length === 0) return counts;
    // After a link failure or a stop, the rest of the claim goes back unsent, due when the link allows.
    let unsentAt: number | undefined;
    for (const support of claimed) {
      let settlement: SupportSettlement;
      if (unsentAt !== undefined) settlement = { kind: 'unsent', at: unsentAt };
      else {
        settlement = await sendOne(support, options, signal);
        counts.requests++;
      }
      if (settlement.kind === 'answered') counts.settled++;
      const retryAt = await options.supports.settle(support.contributionId, claim, settlement, options.now());
      if (settlement.kind === 'link') {
        counts.linkError = settlement.failure.error;
        unsentAt = retryAt ?? options.now();
      } else if (settlement.kind === 'unsent') unsentAt ??= settlement.at;
    }
    if (unsentAt !== undefined) return counts;
  }
}
