import * as z from 'zod/mini';
import { ContributionStatus, GapType } from './contribution';
import { IsoDateTime } from './fields';

/**
 * What the console reads besides the queue: counts for its navigation, the result of a bulk
 * decision, the dashboard's aggregates, and how many rows an export would hold. Platform
 * only: no citizen's client reads these.
 */

/** One contribution of a bulk decision: decided, unknown, or outside an administration's scope (not decided). */
export const BulkDecisionItem = z.object({
  id: z.uuid(),
  result: z.enum(['decided', 'not-found', 'forbidden']),
  status: z.optional(ContributionStatus),
  /** Why it was not decided, as a sentence in the caller's language. */
  detail: z.optional(z.string()),
});

export const BulkDecisionResult = z.object({ items: z.array(BulkDecisionItem) });

/**
 * The queue's sizes by status, within the caller's scope and filters. `pending` is the
 * pending queue as the console shows it: pending contributions and published ones readers
 * reported; `reported` counts those reported since their last review, whatever their status.
 */
export const ModerationCounts = z.object({
  pending: z.int(),
  published: z.int(),
  hidden: z.int(),
  rejected: z.int(),
  reported: z.int(),
});

/** How long contributions still pending have waited. */
export const pendingAgeBuckets = ['under-1-day', '1-to-7-days', '7-to-30-days', 'over-30-days'] as const;

/** GET /v1/dashboard: figures counted by the database (grouped queries), never by loading contributions. */
export const Dashboard = z.object({
  /** `organisation` for an administration (its scope), `platform` for everyone else. */
  scope: z.enum(['platform', 'organisation']),
  since: IsoDateTime,
  generatedAt: IsoDateTime,
  byStatus: z.object({ pending: z.int(), published: z.int(), hidden: z.int(), rejected: z.int() }),
  /** Contributions received per day (UTC), every day since `since`, those without any included. */
  perDay: z.array(z.object({ day: z.string(), count: z.int() })),
  perCommitment: z.array(z.object({ commitmentId: z.nullable(z.string()), count: z.int() })),
  perGapType: z.array(z.object({ gapType: GapType, count: z.int() })),
  answers: z.object({
    /** Contributions that got an organisation's answer or a moderator's reply. */
    answered: z.int(),
    /** Median time from arrival to the first answer or reply, in seconds; null without any. */
    medianSeconds: z.nullable(z.number()),
  }),
  pendingAge: z.object({
    buckets: z.array(z.object({ bucket: z.enum(pendingAgeBuckets), count: z.int() })),
    oldest: z.nullable(IsoDateTime),
    medianSeconds: z.nullable(z.number()),
  }),
});

export const DashboardQuery = z.strictObject({
  /** How many days of arrivals `perDay` covers (7 to 366; 30 by default). */
  days: z.optional(
    z.coerce
      .number({ error: 'days.range' })
      .check(z.int({ error: 'days.range' }), z.gte(7, { error: 'days.range' }), z.lte(366, { error: 'days.range' })),
  ),
});

/** GET /v1/exports/contributions/count: what the export with these filters would hold. */
export const ExportCount = z.object({ count: z.int() });

export type BulkDecisionItem = z.infer<typeof BulkDecisionItem>;
export type BulkDecisionResult = z.infer<typeof BulkDecisionResult>;
export type ModerationCounts = z.infer<typeof ModerationCounts>;
export type Dashboard = z.infer<typeof Dashboard>;
export type DashboardQuery = z.infer<typeof DashboardQuery>;
export type PendingAgeBucket = (typeof pendingAgeBuckets)[number];
export type ExportCount = z.infer<typeof ExportCount>;
