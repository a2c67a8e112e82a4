import {
  BATCH_MAX_ITEMS,
  canonicalUrl,
  ContributionInput,
  explainIssues,
  message,
  problemTypes,
  type BatchItemResult,
  type Campaign,
  type Contribution,
  type ContributionStatus,
  type Locale,
  type MessageCode,
  type Problem,
} from '../../api-client/contract';
import { platformMessage, type PlatformMessageCode } from '../../api-client/contract/platform-messages';
import { campaignRefusal } from '../campaigns/status';
import { builtInReservedNames, impersonates } from '../pseudonyms/reserved-names';
import type { Storage, StoredContribution } from '../storage/storage';
import { contentHash } from './content-hash';

export interface IngestOptions {
  storage: Storage;
  /** Status of a new contribution: pending under pre-moderation, published under post-moderation. */
  initialStatus: ContributionStatus;
  locale: Locale;
  now?: () => Date;
}

function idOf(item: unknown): string | null {
  if (item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string') {
    return item.id.slice(0, 100);
  }
  return null;
}

/** The rules only the platform can check on an item, because they depend on what it holds. */
type StoredStateCode = Extract<
  PlatformMessageCode,
  'pseudonym.reserved' | 'parent.not-public' | 'parent.is-reply' | 'reply.target'
>;

/** An item refused for a rule only the platform can check, said from its own catalogue. */
function platformRefusal(code: StoredStateCode, pointer: string, locale: Locale): Problem {
  const detail = platformMessage(code, locale);
  return {
    type: problemTypes.validation,
    title: platformMessage('item.invalid-title', locale),
    status: 422,
    detail,
    errors: [{ pointer, code, detail }],
  };
}

/**
 * Why a new reply cannot be taken, or null: its parent must be public and not itself a
 * reply (one level), and the reply stands on its parent's page.
 */
function replyRefusal(
  reply: Contribution,
  parent: Contribution | undefined,
): { code: StoredStateCode; field: string } | null {
  if (reply.parentId === undefined) return null;
  if (!parent) return { code: 'parent.not-public', field: 'parentId' };
  if (parent.parentId !== undefined) return { code: 'parent.is-reply', field: 'parentId' };
  if (parent.target.url !== reply.target.url) return { code: 'reply.target', field: 'target/url' };
  return null;
}

function refusal(code: MessageCode, pointer: string, locale: Locale, gone = false): Problem {
  const detail = message(code, locale);
  return {
    type: problemTypes.validation,
    title: platformMessage(gone ? 'item.withdrawn-title' : 'item.invalid-title', locale),
    status: gone ? 410 : 422,
    detail,
    errors: [{ pointer, code, detail }],
  };
}

/**
 * Validates each item on its own and stores the valid ones, idempotently on the
 * client's id: new → created, same content → duplicate, other content → conflict.
 * One bad item never sinks the others; results come back in the items' order.
 */
export async function ingestBatch(items: readonly unknown[], options: IngestOptions): Promise<BatchItemResult[]> {
  if (items.length > BATCH_MAX_ITEMS) throw new RangeError('batch larger than the contract allows');
  const { storage, locale } = options;
  const receivedAt = (options.now?.() ?? new Date()).toISOString();
  const results = new Array<BatchItemResult | undefined>(items.length);
  let valid: Array<{ index: number; stored: StoredContribution }> = [];

  items.forEach((item, index) => {
    const parsed = ContributionInput.safeParse(item);
    if (!parsed.success) {
      const errors = explainIssues(parsed.error, locale, `/items/${index}`);
      results[index] = {
        id: idOf(item),
        outcome: 'invalid',
        problem: {
          type: problemTypes.validation,
          title: platformMessage('item.invalid-title', locale),
          status: 422,
          detail: errors[0]?.detail ?? message('field.invalid', locale),
          errors,
        },
      };
      return;
    }
    const input = { ...parsed.data, target: { ...parsed.data.target, url: canonicalUrl(parsed.data.target.url) } };
    // The key hash is part of what was sent (a retry sends the same) but never part of what is shown.
    const { withdrawalKeyHash, ...shown } = input;
    valid.push({
      index,
      stored: {
        contribution: {
          ...shown,
          status: options.initialStatus,
          receivedAt,
          // Published on arrival, it is public with its figures, as it is read back.
          ...(options.initialStatus === 'published' ? { supportCount: 0, replyCount: 0 } : {}),
        },
        contentHash: contentHash(input),
        withdrawalKeyHash,
      },
    });
  });
  if (valid.length === 0) return results as BatchItemResult[];

  // Refusals that depend on what is stored: a withdrawn id, a campaign that is not
  // open, a pseudonym that looks like an organisation's name. An item already stored is
  // judged as a retry (duplicate or conflict) instead, so that a lost answer never turns
  // a stored contribution into a refusal.
  const ids = valid.map((v) => v.stored.contribution.id);
  const [withdrawn, alreadyStored] = await Promise.all([storage.withdrawnIds(ids), storage.storedHashes(ids)]);
  const reservedNames = valid.some((v) => v.stored.contribution.author)
    ? [...builtInReservedNames, ...(await storage.listTokens()).map((token) => token.name)]
    : [];
  const campaignIds = [...new Set(valid.flatMap((v) => v.stored.contribution.campaignId ?? []))];
  const campaigns = new Map<string, Campaign | undefined>(
    await Promise.all(campaignIds.map(async (id) => [id, await storage.getCampaign(id)] as const)),
  );
  const parents = await storage.publicContributions(
    valid.flatMap((v) => (alreadyStored.has(v.stored.contribution.id) ? [] : (v.stored.contribution.parentId ?? []))),
  );
  valid = valid.filter(({ index, stored: { contribution } }) => {
    if (withdrawn.has(contribution.id)) {
      results[index] = {
        id: contribution.id,
        outcome: 'invalid',
        problem: refusal('contribution.withdrawn', `/items/${index}/id`, locale, true),
      };
      return false;
    }
    if (alreadyStored.has(contribution.id)) return true;
    const pseudonym = contribution.author?.pseudonym;
    if (pseudonym !== undefined && impersonates(pseudonym, reservedNames)) {
      results[index] = {
        id: contribution.id,
        outcome: 'invalid',
        problem: platformRefusal('pseudonym.reserved', `/items/${index}/author/pseudonym`, locale),
      };
      return false;
    }
    const replyProblem = replyRefusal(contribution, parents.get(contribution.parentId ?? ''));
    if (replyProblem) {
      results[index] = {
        id: contribution.id,
        outcome: 'invalid',
        problem: platformRefusal(replyProblem.code, `/items/${index}/${replyProblem.field}`, locale),
      };
      return false;
    }
    if (contribution.campaignId === undefined) return true;
    const code = campaignRefusal(campaigns.get(contribution.campaignId), receivedAt);
    if (code === null) return true;
    results[index] = {
      id: contribution.id,
      outcome: 'invalid',
      problem: refusal(code, `/items/${index}/campaignId`, locale),
    };
    return false;
  });

  const stored = valid.length > 0 ? await storage.insertContributions(valid.map((v) => v.stored)) : [];
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
          title: platformMessage('item.conflict-title', locale),
          status: 409,
          detail: platformMessage('item.conflict', locale),
        },
      };
    }
  });
  return results as BatchItemResult[];
}
