import * as z from 'zod/mini';
import { CommitmentId, HttpUrl } from './fields';

/**
 * Where a commitment stands. `unverified` is for what came without a status (the seed,
 * read from pages that give none; an import whose status cell is empty): not guessed.
 */
export const commitmentStatuses = ['not-started', 'in-progress', 'completed', 'withdrawn', 'unverified'] as const;

/** An open-government commitment (engagement) of a national action plan, in the caller's language. */
export const Commitment = z.object({
  id: CommitmentId,
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  summary: z.optional(z.string().check(z.maxLength(5000))),
  leadInstitution: z.string().check(z.maxLength(500)),
  status: z.enum(commitmentStatuses),
  themes: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)),
  plan: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  pages: z.array(HttpUrl).check(z.maxLength(50)),
});

export const CommitmentList = z.object({ items: z.array(Commitment) });

export type Commitment = z.infer<typeof Commitment>;
export type CommitmentList = z.infer<typeof CommitmentList>;
