import { z } from 'zod';
import { Contribution } from './contribution';
import { CommitmentId, HttpUrl, rule } from './fields';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** GET /v1/contributions: published contributions for a page or a commitment, newest first. */
export const ContributionQuery = z
  .strictObject({
    url: HttpUrl.optional(),
    commitmentId: CommitmentId.optional(),
    limit: z.coerce
      .number({ error: rule('limit.range') })
      .int({ error: 'limit.range' })
      .min(1, { error: 'limit.range' })
      .max(PAGE_SIZE_MAX, { error: 'limit.range' })
      .optional(),
    cursor: z.string().min(1, { error: 'cursor.invalid' }).max(200, { error: 'cursor.invalid' }).optional(),
  })
  .refine((q) => q.url !== undefined || q.commitmentId !== undefined, {
    error: 'filter.required',
    path: ['url'],
  });

export const ContributionPage = z
  .object({
    items: z.array(Contribution),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null at the end.' }),
  })
  .meta({ id: 'ContributionPage' });

export const Health = z
  .object({ status: z.literal('ok'), version: z.string(), storage: z.enum(['sqlite', 'postgres']) })
  .meta({ id: 'Health' });

export type ContributionQuery = z.infer<typeof ContributionQuery>;
export type ContributionPage = z.infer<typeof ContributionPage>;
export type Health = z.infer<typeof Health>;
