import { z } from 'zod';
import { CampaignId, CommitmentId, IsoDateTime } from './fields';

/** An NGO's call for contributions on some commitments or pages, open between two dates. */
export const Campaign = z
  .object({
    id: CampaignId,
    title: z.string().trim().min(1).max(200),
    question: z.string().trim().min(1).max(1000),
    targets: z.object({
      commitmentIds: z.array(CommitmentId).max(100),
      urlPatterns: z
        .array(z.string().min(1).max(500))
        .max(100)
        .meta({ description: 'URL patterns (URLPattern syntax) of the pages the campaign targets.' }),
    }),
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
  })
  .meta({ id: 'Campaign' });

export type Campaign = z.infer<typeof Campaign>;
