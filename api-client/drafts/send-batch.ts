import type { BatchItemResult, ContributionInput, Locale } from '../contract';
import type { VigieClient } from '../http';
import { classifyFailure, rejectionOf, syncFailureSentences, type RequestFailure } from './failures';
import type { Settlement } from './outbox';
import type { Draft } from './schema';

export interface OutgoingItem {
  draft: Draft;
  /** What goes on the wire: the draft checked against the contract. */
  payload: ContributionInput;
}

export interface BatchSendOptions {
  client: Pick<VigieClient, 'submitBatch'>;
  signal: AbortSignal;
  locale: Locale;
  /** When to try again an item the platform left out of its answer. */
  retryItemAt(draft: Draft): number;
}

export interface BatchSendResult {
  settlements: Map<string, Settlement>;
  /** The platform answered at least once (even to refuse): the link works. */
  answered: boolean;
  requests: number;
  /** Items put on the wire, counting the re-sends of a split. */
  sent: number;
  /** Set when the whole request failed in a way the link explains; unsettled items wait. */
  interruption: Exclude<RequestFailure, { action: 'split' }> | undefined;
  /** The size of the smallest batch refused as too large (413), if any. */
  tooLargeAt: number | undefined;
}

/** One item's outcome, from the platform's per-item result. */
function settlementOf(result: BatchItemResult, locale: Locale): Settlement {
  if (result.outcome === 'created' || result.outcome === 'duplicate') {
    const receipt = result.contribution && {
      status: result.contribution.status,
      receivedAt: result.contribution.receivedAt,
    };
    return { kind: 'synced', receipt };
  }
  return { kind: 'rejected', error: rejectionOf(result, locale) };
}

/**
 * Sends items in one request and maps each item's result. A request refused for
 * its content (413, 400, 422) is halved until the item at fault stands alone and
 * is rejected, so the others go through: at most 2n − 1 requests, never repeated.
 */
export async function sendBatch(items: readonly OutgoingItem[], options: BatchSendOptions): Promise<BatchSendResult> {
  const outcome: BatchSendResult = {
    settlements: new Map(),
    answered: false,
    requests: 0,
    sent: 0,
    interruption: undefined,
    tooLargeAt: undefined,
  };

  const send = async (group: readonly OutgoingItem[]): Promise<void> => {
    if (group.length === 0 || outcome.interruption) return;
    outcome.requests++;
    outcome.sent += group.length;
    let results: BatchItemResult[];
    try {
      results = await options.client.submitBatch(
        group.map((item) => item.payload),
        { signal: options.signal },
      );
    } catch (error) {
      const failure = classifyFailure(error, options.locale, options.signal.aborted);
      if (failure.action !== 'split') {
        outcome.interruption = failure;
        return;
      }
      outcome.answered = true;
      if (group.length === 1) {
        outcome.settlements.set(group[0]!.draft.id, { kind: 'rejected', error: failure.error });
        return;
      }
      if (failure.error.status === 413) outcome.tooLargeAt = Math.min(outcome.tooLargeAt ?? Infinity, group.length);
      const half = Math.ceil(group.length / 2);
      await send(group.slice(0, half));
      await send(group.slice(half));
      return;
    }
    outcome.answered = true;
    const byId = new Map(results.flatMap((result) => (result.id === null ? [] : [[result.id, result] as const])));
    group.forEach(({ draft }, index) => {
      const result = byId.get(draft.id) ?? (results[index]?.id === null ? results[index] : undefined);
      outcome.settlements.set(
        draft.id,
        result
          ? settlementOf(result, options.locale)
          : {
              kind: 'retry',
              at: options.retryItemAt(draft),
              error: { sentence: syncFailureSentences['missing-result'][options.locale], code: 'missing-result' },
            },
      );
    });
  };

  await send(items);
  return outcome;
}
