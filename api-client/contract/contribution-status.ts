import * as z from 'zod/mini';
import { Answer } from './answer';
import { contributionStatuses } from './limits';
import { IsoDateTime, rule } from './fields';
import { ModerationReason, WithdrawalRequest } from './moderation';
import { Reply } from './reply';

/**
 * POST /v1/contributions/status: a citizen's own device asks what became of its
 * contributions, proving each one with the withdrawal secret it kept. The platform
 * answers for the ids whose secret matches, and says nothing at all about the others.
 */
export const ContributionStatusRequest = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.uuid({ error: rule('id.not-uuid') }), secret: WithdrawalRequest.shape.secret }), {
      error: rule('field.type'),
    })
    .check(z.minLength(1, { error: 'batch.empty' }), z.maxLength(100, { error: 'list.too-long' })),
});

export const OwnContributionStatus = z.object({
  id: z.string(),
  /** Its moderation status, or `withdrawn` once its author withdrew it. */
  status: z.enum([...contributionStatuses, 'withdrawn']),
  moderationReason: z.optional(ModerationReason),
  reply: z.optional(Reply),
  /** The organisation's answer, even before the contribution is published (the public sees it from then on). */
  answer: z.optional(Answer),
  /** When it was withdrawn. */
  withdrawn: z.optional(IsoDateTime),
  /** Once published: how many published replies other citizens gave it (a rise is news to its author). */
  replyCount: z.optional(z.int().check(z.gte(0))),
});

export const ContributionStatusResponse = z.object({ items: z.array(OwnContributionStatus) });

export type ContributionStatusRequest = z.infer<typeof ContributionStatusRequest>;
export type OwnContributionStatus = z.infer<typeof OwnContributionStatus>;
export type ContributionStatusResponse = z.infer<typeof ContributionStatusResponse>;
