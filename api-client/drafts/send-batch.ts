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
  /** Drafts carried by a request the platform answered with a 5xx (see Draft.serverErrors). */
  serverFailed: Set<string>;
}

/**
 * 5xx answers in a row after which a draft is suspected of making the platform fail:
 * two, so that one passing failure (a restart, a deployment) splits nothing.
 */
export const SUSPECT_AFTER_SERVER_ERRORS = 2;

const serverErrorsOf = (item: OutgoingItem) => item.draft.serverErrors ?? 0;

/**
 * The order in which a batch goes, and the size of its first request. Without suspects,
 * one request. With suspects, the least suspected go first: the unsuspected alone, or,
 * when every draft is suspected, a half of the batch, a quarter after one more 5xx, and
 * so on, so that even two drafts at fault in different halves are got round. While that
 * first request fails, nothing else is sent: an outage answering 5xx to everything still
 * costs one request per backoff step.
 */
function firstRequestOf(items: readonly OutgoingItem[]): { ordered: OutgoingItem[]; firstSize: number } {
  // Array.prototype.sort is stable: equally suspected drafts keep the queue's order.
  const ordered = [...items].sort((a, b) => serverErrorsOf(a) - serverErrorsOf(b));
  const unsuspected = ordered.filter((item) => serverErrorsOf(item) < SUSPECT_AFTER_SERVER_ERRORS).length;
  if (unsuspected > 0 || ordered.length === 0) return { ordered, firstSize: unsuspected };
  const halvings = Math.min(serverErrorsOf(ordered[0]!) - SUSPECT_AFTER_SERVER_ERRORS + 1, 30);
  return { ordered, firstSize: Math.ceil(ordered.length / 2 ** halvings) };
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
 * A request answered 5xx once the platform has taken another in this push is halved
 * the same way, but the draft found at fault is not rejected (a 5xx is never the
 * citizen's fault): it waits its own backoff, and the others go.
 */
export async function sendBatch(items: readonly OutgoingItem[], options: BatchSendOptions): Promise<BatchSendResult> {
  const outcome: BatchSendResult = {
    settlements: new Map(),
    answered: false,
    requests: 0,
    sent: 0,
    interruption: undefined,
    tooLargeAt: undefined,
    serverFailed: new Set(),
  };

  const halve = async (group: readonly OutgoingItem[]) => {
    const half = Math.ceil(group.length / 2);
    await send(group.slice(0, half));
    await send(group.slice(half));
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
      if (failure.action === 'split') {
        outcome.answered = true;
        if (group.length === 1) {
          outcome.settlements.set(group[0]!.draft.id, { kind: 'rejected', error: failure.error });
          return;
        }
        if (failure.error.status === 413) outcome.tooLargeAt = Math.min(outcome.tooLargeAt ?? Infinity, group.length);
        await halve(group);
        return;
      }
      if (failure.action === 'retry' && (failure.error.status ?? 0) >= 500) {
        for (const { draft } of group) outcome.serverFailed.add(draft.id);
        // The platform took other drafts of this push, and asks for no wait: the fault is in these.
        if (outcome.answered && failure.retryAfterMs === undefined) {
          if (group.length > 1) await halve(group);
          else {
            const { draft } = group[0]!;
            outcome.settlements.set(draft.id, { kind: 'retry', at: options.retryItemAt(draft), error: failure.error });
          }
          return;
        }
      }
      outcome.interruption = failure;
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

  const { ordered, firstSize } = firstRequestOf(items);
  await send(ordered.slice(0, firstSize));
  await send(ordered.slice(firstSize));
  return outcome;
}
