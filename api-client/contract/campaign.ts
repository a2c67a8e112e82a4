import * as z from 'zod/mini';
import { CampaignId, CommitmentId, IsoDateTime, nfc, safeText } from './fields';

export const campaignApprovals = ['pending', 'approved'] as const;

/** An NGO's call for contributions on some commitments or pages, open between two dates. */
export const Campaign = z.object({
  id: CampaignId,
  title: z.string().check(nfc, z.trim(), z.minLength(1), z.maxLength(200), safeText),
  question: z.string().check(nfc, z.trim(), z.minLength(1), z.maxLength(1000), safeText),
  targets: z.object({
    commitmentIds: z.array(CommitmentId).check(z.maxLength(100)),
    urlPatterns: z.array(z.string().check(z.minLength(1), z.maxLength(500), safeText)).check(z.maxLength(100)),
  }),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  owner: z.optional(z.string()),
  /** An NGO's campaign reaches citizens once an admin approved it; an admin's needs no one's approval. */
  approval: z.enum(campaignApprovals),
});

export type Campaign = z.infer<typeof Campaign>;
