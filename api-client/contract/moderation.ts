import * as z from 'zod/mini';
import { Contribution, ContributionKind, ContributionStatus, GapType } from './contribution';
import { CampaignId, CommitmentId, IsoDateTime, nfc, rule, safeText } from './fields';
import { pageCursor, pageLimit } from './query';
import { ReplyBody } from './reply';

export const MODERATION_NOTE_MAX_LENGTH = 500;

/**
 * A moderator's short explanation of a decision, kept with it in the journal: required when
 * the reason is "other", which says nothing by itself. Never shown to the public.
 */
export const ModerationNote = z
  .string({ error: rule('note.empty') })
  .check(
    nfc,
    z.trim(),
    z.minLength(1, { error: 'note.empty' }),
    z.maxLength(MODERATION_NOTE_MAX_LENGTH, { error: 'note.too-long' }),
    safeText,
  );

export const moderationDecisions = ['publish', 'hide', 'reject'] as const;
/** Why a contribution is hidden, rejected or reported by a reader. */
export const moderationReasons = ['spam', 'offensive', 'off-topic', 'personal-data', 'other'] as const;

export const ModerationReason = z.enum(moderationReasons, { error: rule('reason.unknown') });

const reasonGiven = z.refine<{ decision: string; reason?: string | undefined }>(
  (d) => d.decision === 'publish' || d.reason !== undefined,
  {
    error: 'reason.required',
    path: ['reason'],
  },
);
const otherExplained = z.refine<{ reason?: string | undefined; note?: string | undefined }>(
  (d) => d.reason !== 'other' || d.note !== undefined,
  {
    error: 'note.required',
    path: ['note'],
  },
);

/**
 * A moderator's decision; hiding or rejecting says why ("other" with a note that explains),
 * and any decision may carry a public reply.
 */
export const ModerationDecision = z
  .strictObject({
    decision: z.enum(moderationDecisions, { error: rule('decision.unknown') }),
    reason: z.optional(ModerationReason),
    note: z.optional(ModerationNote),
    reply: z.optional(ReplyBody),
  })
  .check(reasonGiven, otherExplained);

export const BULK_DECISION_MAX_ITEMS = 100;

/**
 * One decision on a selection (POST /v1/moderation/decisions): one reason for all. No public
 * reply: a reply speaks to one contribution, and is given with a decision on it alone.
 */
export const BulkDecision = z
  .strictObject({
    ids: z
      .array(z.uuid({ error: 'id.not-uuid' }), { error: rule('ids.range') })
      .check(z.minLength(1, { error: 'ids.range' }), z.maxLength(BULK_DECISION_MAX_ITEMS, { error: 'ids.range' })),
    decision: z.enum(moderationDecisions, { error: rule('decision.unknown') }),
    reason: z.optional(ModerationReason),
    note: z.optional(ModerationNote),
  })
  .check(reasonGiven, otherExplained);

/** The console's filters, the queue's and the counts' alike; every one is optional. */
export const moderationFilterFields = {
  /** Words, searched with the database's full-text engine over every status. */
  q: z.optional(
    z.string().check(z.minLength(1, { error: 'search.length' }), z.maxLength(200, { error: 'search.length' })),
  ),
  commitmentId: z.optional(CommitmentId),
  /** A page's address (http… : that page), or a domain (that host and those below it). */
  page: z.optional(
    z
      .string()
      .check(z.minLength(1, { error: 'page-filter.invalid' }), z.maxLength(2048, { error: 'page-filter.invalid' })),
  ),
  kind: z.optional(ContributionKind),
  gapType: z.optional(GapType),
  campaignId: z.optional(CampaignId),
  /** Bounds on the arrival time, `to` excluded. */
  from: z.optional(IsoDateTime),
  to: z.optional(IsoDateTime),
  /** `true`: only what readers reported; `false`: only what they did not. */
  reported: z.optional(z.enum(['true', 'false'], { error: rule('reported.invalid') })),
};

const datesInOrder = z.refine<{ from?: string | undefined; to?: string | undefined }>(
  (q) => q.from === undefined || q.to === undefined || q.to > q.from,
  {
    error: 'date.order',
    path: ['to'],
  },
);

/** GET /v1/moderation/queue: reported first, then oldest first, so what waited longest is decided first. */
export const ModerationQueueQuery = z
  .strictObject({
    status: z.optional(z.enum(['pending', 'published', 'hidden', 'rejected'], { error: rule('status.unknown') })),
    ...moderationFilterFields,
    limit: pageLimit,
    cursor: pageCursor,
  })
  .check(datesInOrder);

/** GET /v1/moderation/counts: the same filters, every status at once. */
export const ModerationCountsQuery = z.strictObject(moderationFilterFields).check(datesInOrder);

/** One decision as the journal keeps it: who (the token's name), when, what, why. */
export const JournalEntry = z.object({
  at: IsoDateTime,
  by: z.string(),
  role: z.string(),
  decision: z.enum(moderationDecisions),
  reason: z.optional(ModerationReason),
  /** The moderator's explanation; gone once the author withdrew the contribution (it may quote it). */
  note: z.optional(z.string()),
  /** Whether a public reply came with the decision (its text is on the contribution). */
  replied: z.boolean(),
  /** Decided with others in one bulk decision. */
  bulk: z.boolean(),
});

/** A contribution as a moderator sees it: with what readers reported and the last decision. */
export const ModerationItem = z.object({
  contribution: Contribution,
  /** For a reply: the contribution it answers, as it is now, whatever its status (absent once withdrawn). */
  parent: z.optional(Contribution),
  reports: z.object({
    count: z.int(),
    reasons: z.array(ModerationReason),
    /** Since when readers report it, unreviewed: such contributions lead the queue. */
    since: z.optional(IsoDateTime),
  }),
  decision: z.optional(
    z.object({
      status: ContributionStatus,
      reason: z.optional(ModerationReason),
      note: z.optional(z.string()),
      by: z.optional(z.string()),
      at: IsoDateTime,
    }),
  ),
  /**
   * How many other contributions came with the same withdrawal key's hash (the same device's
   * key), within what the caller may see; absent when it came without a key. Never by address.
   */
  contributorOthers: z.optional(z.int()),
  /** Every decision taken on it, oldest first. */
  journal: z.array(JournalEntry),
});

export const ModerationQueue = z.object({ items: z.array(ModerationItem), nextCursor: z.nullable(z.string()) });

/** A reader's report of a published contribution. */
export const ReportInput = z.strictObject({ reason: ModerationReason });

/**
 * The secret a citizen's client made when it created the contribution and kept with
 * the draft; the platform only ever saw its SHA-256 (`withdrawalKeyHash`).
 */
export const WithdrawalRequest = z.strictObject({
  secret: z
    .string({ error: rule('secret.invalid') })
    .check(z.minLength(16, { error: 'secret.invalid' }), z.maxLength(256, { error: 'secret.invalid' })),
});

export type ModerationReason = z.infer<typeof ModerationReason>;
export type ModerationDecision = z.infer<typeof ModerationDecision>;
export type ModerationQueueQuery = z.infer<typeof ModerationQueueQuery>;
export type ModerationCountsQuery = z.infer<typeof ModerationCountsQuery>;
export type BulkDecision = z.infer<typeof BulkDecision>;
export type JournalEntry = z.infer<typeof JournalEntry>;
export type ModerationItem = z.infer<typeof ModerationItem>;
export type ModerationQueue = z.infer<typeof ModerationQueue>;
export type ReportInput = z.infer<typeof ReportInput>;
export type WithdrawalRequest = z.infer<typeof WithdrawalRequest>;
