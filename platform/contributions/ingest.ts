import {
  BATCH_MAX_ITEMS,
  canonicalUrl,
  ContributionInput,
  explainIssues,
  message,
  problemTypes,
  type BatchItemResult,
  type ContributionStatus,
  type Locale,
} from '../../api-client/contract';
import type { Storage, StoredContribution } from '../storage/storage';
import { contentHash } from './content-hash';

export interface IngestOptions {
  storage: Storage;
  /** Status of a new contribution: pending under pre-moderation, published under post-moderation. */
  initialStatus: ContributionStatus;
  locale: Locale;
  now?: () => Date;
}

const text = {
  invalidTitle: { fr: 'Contribution invalide', en: 'Invalid contribution' },
  conflictTitle: { fr: 'Identifiant déjà utilisé', en: 'Identifier already used' },
  conflictDetail: {
    fr: 'Une autre contribution a déjà été reçue sous cet identifiant.',
    en: 'Another contribution was already received under this identifier.',
  },
} as const;

function idOf(item: unknown): string | null {
  if (item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string') {
    return item.id.slice(0, 100);
  }
  return null;
}

/**
 * Validates each item on its own and stores the valid ones, idempotently on the
 * client's id: new → created, same content → duplicate, other content → conflict.
 * One bad item never sinks the others; results come back in the items' order.
 */
export async function ingestBatch(items: readonly unknown[], options: IngestOptions): Promise<BatchItemResult[]> {
  if (items.length > BATCH_MAX_ITEMS) throw new RangeError('batch larger than the contract allows');
  const receivedAt = (options.now?.() ?? new Date()).toISOString();
  const results: Array<BatchItemResult | undefined> = new Array(items.length);
  const valid: Array<{ index: number; stored: StoredContribution }> = [];

  items.forEach((item, index) => {
    const parsed = ContributionInput.safeParse(item);
    if (!parsed.success) {
      const errors = explainIssues(parsed.error, options.locale, `/items/${index}`);
      results[index] = {
        id: idOf(item),
        outcome: 'invalid',
        problem: {
          type: problemTypes.validation,
          title: text.invalidTitle[options.locale],
          status: 422,
          detail: errors[0]?.detail ?? message('field.invalid', options.locale),
          errors,
        },
      };
      return;
    }
    const input = { ...parsed.data, target: { ...parsed.data.target, url: canonicalUrl(parsed.data.target.url) } };
    valid.push({
      index,
      stored: {
        contribution: { ...input, status: options.initialStatus, receivedAt },
        contentHash: contentHash(input),
      },
    });
  });

  const stored = valid.length > 0 ? await options.storage.insertContributions(valid.map((v) => v.stored)) : [];
  stored.forEach((outcome, n) => {
    const { index, stored: sent } = valid[n]!;
    const id = sent.contribution.id;
    if (outcome.inserted) {
      results[index] = { id, outcome: 'created', contribution: outcome.contribution };
    } else if (outcome.contentHash === sent.contentHash) {
      results[index] = { id, outcome: 'duplicate', contribution: outcome.contribution };
    } else {
      results[index] = {
        id,
        outcome: 'conflict',
        problem: {
          type: problemTypes.conflict,
          title: text.conflictTitle[options.locale],
          status: 409,
          detail: text.conflictDetail[options.locale],
        },
      };
    }
  });
  return results as BatchItemResult[];
}
