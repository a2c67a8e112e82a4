import { z } from 'zod';
import { CommitmentId, HttpUrl } from './fields';

export const commitmentStatuses = ['not-started', 'in-progress', 'completed', 'unverified'] as const;

/** An open-government commitment (engagement) of a national action plan. */
export const Commitment = z
  .object({
    id: CommitmentId,
    title: z.string().min(1).max(500),
    summary: z.string().max(5000).optional(),
    leadInstitution: z.string().max(500),
    status: z.enum(commitmentStatuses).meta({
      description: '"unverified" when the source did not say and we would not guess.',
    }),
    themes: z.array(z.string().max(100)).max(20),
    plan: z.string().regex(/^\d{4}-\d{4}$/),
    pages: z.array(HttpUrl).max(50).meta({ description: 'Pages where the commitment is discussed.' }),
  })
  .meta({ id: 'Commitment' });

export const CommitmentList = z.object({ items: z.array(Commitment) }).meta({ id: 'CommitmentList' });

export type Commitment = z.infer<typeof Commitment>;
export type CommitmentList = z.infer<typeof CommitmentList>;
