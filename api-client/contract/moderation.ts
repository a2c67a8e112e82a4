import * as z from 'zod/mini';
import { Contribution, ContributionStatus } from './contribution';
import { IsoDateTime, rule } from './fields';
import { PAGE_SIZE_MAX } from './query';
import { ReplyBody } from './reply';

export const moderationDecisions = ['publish', 'hide', 'reject'] as const;
/** Why a contribution is hidden, rejected or reported by a reader. */
export const moderationReasons = ['spam', 'offensive', 'off-topic', 'personal-data', 'other'] as const;

export const ModerationReason = z.enum(moderationReasons, { error: rule('reason.unknown') });

/** A moderator's decision; hiding or rejecting says why, and any decision may carry a public reply. */
export const ModerationDecision = z
  .strictObject({
    decision: z.enum(moderationDecisions, { error: rule('decision.unknown') }),
    reason: z.optional(ModerationReason),
    reply: z.optional(ReplyBody),
  })
  .check(
    z.refine((d) => d.decision === 'publish' || d.reason !== undefined, { error: 'reason.required', path: ['reason'] }),
  );

const limit = z.optional(
  z.coerce
    .number({ error: rule('limit.range') })
    .check(
      z.int({ error: 'limit.range' }),
      z.gte(1, { error: 'limit.range' }),
      z.lte(PAGE_SIZE_MAX, { error: 'limit.range' }),
    ),
);
const cursor = z.optional(
  z.string().check(z.minLength(1, { error: 'cursor.invalid' }), z.maxLength(200, { error: 'cursor.invalid' })),
);

/** GET /v1/moderation/queue: oldest first, so what waited longest is decided first. */
export const ModerationQueueQuery = z.strictObject({
  status: z.optional(z.enum(['pending', 'published', 'hidden', 'rejected'], { error: rule('status.unknown') })),
  limit,
  cursor,
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
  decision: z.optional(z.object({ status: ContributionStatus, reason: z.optional(ModerationReason), at: IsoDateTime })),
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
export type ModerationItem = z.infer<typeof ModerationItem>;
export type ModerationQueue = z.infer<typeof ModerationQueue>;
export type ReportInput = z.infer<typeof ReportInput>;
export type WithdrawalRequest = z.infer<typeof WithdrawalRequest>;
