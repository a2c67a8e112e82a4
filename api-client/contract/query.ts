import * as z from 'zod/mini';
import { Contribution } from './contribution';
import { CommitmentId, HttpUrl, rule } from './fields';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** `limit` and `cursor` of every paged list: the public ones and the console's queue. */
export const pageLimit = z.optional(
  z.coerce
    .number({ error: rule('limit.range') })
    .check(
      z.int({ error: 'limit.range' }),
      z.gte(1, { error: 'limit.range' }),
      z.lte(PAGE_SIZE_MAX, { error: 'limit.range' }),
    ),
);
export const pageCursor = z.optional(
  z.string().check(z.minLength(1, { error: 'cursor.invalid' }), z.maxLength(200, { error: 'cursor.invalid' })),
);

/**
 * GET /v1/contributions: published contributions for a page or a commitment, replies
 * left out (they come under their parent), newest first or, with `sort=support`, the
 * most supported first.
 */
export const ContributionQuery = z
  .strictObject({
    url: z.optional(HttpUrl),
    commitmentId: z.optional(CommitmentId),
    sort: z.optional(z.enum(['newest', 'support'], { error: rule('sort.unknown') })),
    limit: pageLimit,
    cursor: pageCursor,
  })
  .check(
    z.refine((q) => q.url !== undefined || q.commitmentId !== undefined, {
      error: 'filter.required',
      path: ['url'],
    }),
  );

/** GET /v1/contributions/{id}/replies: a published contribution's published replies, oldest first. */
export const RepliesQuery = z.strictObject({ limit: pageLimit, cursor: pageCursor });

export const ContributionPage = z.object({
  items: z.array(Contribution),
  nextCursor: z.nullable(z.string()),
});

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
});

export type ContributionQuery = z.infer<typeof ContributionQuery>;
export type RepliesQuery = z.infer<typeof RepliesQuery>;
export type ContributionPage = z.infer<typeof ContributionPage>;
export type Health = z.infer<typeof Health>;
