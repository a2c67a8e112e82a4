import * as z from 'zod/mini';
import { CampaignId, CommitmentId, IsoDateTime } from './fields';

/** An NGO's call for contributions on some commitments or pages, open between two dates. */
export const Campaign = z.object({
  id: CampaignId,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  question: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
  targets: z.object({
    commitmentIds: z.array(CommitmentId).check(z.maxLength(100)),
    urlPatterns: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(100)),
  }),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  owner: z.optional(z.string()),
});

export type Campaign = z.infer<typeof Campaign>;
