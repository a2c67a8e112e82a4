import * as z from 'zod/mini';
import { HttpUrl, locales, TITLE_MAX_LENGTH } from '../../api-client/contract';

/**
 * The messages of citizens talking back ("Moi aussi", replies, what the live stream says
 * of the citizen's own contributions), checked like every other (protocol.ts).
 */

const ContributionId = z.uuid();

/** The platform's count of a contribution's "Moi aussi", as a list showed it. */
const SupportCount = z.number().check(z.int(), z.nonnegative());

/**
 * "Moi aussi" pressed (`wanted`) or taken back, on a published contribution, with the
 * platform's count the list showed at the press (so a count that already holds it is not added to).
 */
export const SupportPressRequest = z.strictObject({
  id: ContributionId,
  wanted: z.boolean(),
  countAtPress: z.optional(SupportCount),
});

/** Where this device stands on these contributions' "Moi aussi". */
export const SupportMarksRequest = z.strictObject({ ids: z.array(ContributionId).check(z.maxLength(500)) });

/**
 * This device's "Moi aussi" on one contribution, as a list shows it: whether the button is
 * pressed, what the platform's count lacks of it until the platform is told (`delta`: +1
 * pressed and not yet told, −1 taken back and not yet told), the platform's answer to the
 * last press and when it came, the count shown at the press, and whether it waits to be
 * sent, or can no longer be.
 */
export const SupportMark = z.object({
  id: z.string(),
  pressed: z.boolean(),
  delta: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  /** The count the platform answered, and when (epoch ms): a list read since has the newer count. */
  answer: z.optional(z.object({ count: SupportCount, at: z.number() })),
  countAtPress: z.optional(z.number()),
  stage: z.enum(['none', 'waiting', 'settled', 'gone', 'refused']),
});

/** Sent to extension pages on the `vigie:drafts` port whenever this device's "Moi aussi" change. */
export const SupportsSnapshot = z.object({ supports: z.array(SupportMark) });

/** "Répondre" under a published contribution: a reply draft, on the parent's page. */
export const ReplyCreateRequest = z.strictObject({
  parentId: ContributionId,
  /** The parent's page: a reply stands where its parent does. */
  target: z.strictObject({ url: HttpUrl, title: z.string().check(z.maxLength(TITLE_MAX_LENGTH * 4)) }),
  locale: z.enum(locales),
});

/** The live stream said something of these contributions of this device: ask the platform what. */
export const OwnNewsRequest = z.strictObject({ ids: z.array(ContributionId).check(z.minLength(1), z.maxLength(100)) });

export type SupportPressRequest = z.infer<typeof SupportPressRequest>;
export type SupportMarksRequest = z.infer<typeof SupportMarksRequest>;
export type SupportMark = z.infer<typeof SupportMark>;
export type SupportsSnapshot = z.infer<typeof SupportsSnapshot>;
export type ReplyCreateRequest = z.infer<typeof ReplyCreateRequest>;
export type OwnNewsRequest = z.infer<typeof OwnNewsRequest>;
