import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { GapType, pendingAgeBuckets, type PendingAgeBucket } from '../../../api-client/contract';
import type { Database } from '../schema';
import type { DashboardFigures, OrganisationScope, Storage } from '../storage';
import { inScope } from './conditions';
import { queueStatus } from './console-filters';

type ContributionsBuilder = ExpressionBuilder<Database, 'contributions'>;

const DAY_MS = 86_400_000;

/** Each pending-age bucket's ages, in days: from (included) and to (excluded; none for the last). */
const bucketDays: Record<PendingAgeBucket, [number, number | undefined]> = {
  'under-1-day': [0, 1],
  '1-to-7-days': [1, 7],
  '7-to-30-days': [7, 30],
  'over-30-days': [30, undefined],
};

/** Seconds between two ISO 8601 columns or expressions, in each database's words. */
function secondsBetween(kind: Storage['kind'], from: RawBuilder<string>, to: RawBuilder<string>) {
  return kind === 'postgres'
    ? sql<number>`extract(epoch from (${to}::timestamptz - ${from}::timestamptz))`
    : sql<number>`((julianday(${to}) - julianday(${from})) * 86400.0)`;
}

/** The first answer of either kind: an organisation's, or a moderator's reply (ISO text compares as time). */
function firstAnswer(kind: Storage['kind']) {
  return kind === 'postgres'
    ? sql<string>`LEAST(answer_first_at, reply_at)`
    : sql<string>`min(COALESCE(answer_first_at, reply_at), COALESCE(reply_at, answer_first_at))`;
}

/**
 * The median of an ordered expression over the matching rows, read by the database: the
 * count, then one or two rows at the middle of the index order (LIMIT/OFFSET), never the rows
 * themselves. Null when nothing matches.
 */
async function median(
  db: Kysely<Database>,
  where: (eb: ContributionsBuilder) => Expression<SqlBool>,
  value: RawBuilder<number>,
): Promise<{ count: number; median: number | null }> {
  const { n } = await db
    .selectFrom('contributions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const count = Number(n);
  if (count === 0) return { count, median: null };
  const middle = await db
    .selectFrom('contributions')
    .select(value.as('v'))
    .where(where)
    .orderBy(value)
    .limit(count % 2 === 0 ? 2 : 1)
    .offset(Math.floor((count - 1) / 2))
    .execute();
  const values = middle.map((row) => Number(row.v));
  return { count, median: values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length) };
}

/** The dashboard's figures: each a grouped query over the scope. */
export function dashboardQueries(db: Kysely<Database>, kind: Storage['kind']): Pick<Storage, 'dashboard'> {
  return {
    async dashboard(scope: OrganisationScope | undefined, since: string, now: string): Promise<DashboardFigures> {
      const within = (eb: ContributionsBuilder) => (scope ? inScope(eb, scope) : eb.and([]));
      const day = sql<string>`substr(received_at, 1, 10)`;
      const answeredAt = firstAnswer(kind);
      const waitingSince = sql<string>`COALESCE(reported_at, received_at)`;
      const pending = (eb: ContributionsBuilder) => eb.and([within(eb), queueStatus(eb, 'pending')]);
      const answered = (eb: ContributionsBuilder) =>
        eb.and([within(eb), eb.or([eb('answer_first_at', 'is not', null), eb('reply_at', 'is not', null)])]);
      const nowMs = Date.parse(now);
      const daysAgo = (days: number) => new Date(nowMs - days * DAY_MS).toISOString();
      // Waiting since no later than `from` days ago, and later than `to` days ago.
      const inBucket = (bucket: PendingAgeBucket) => {
        const [from, to] = bucketDays[bucket];
        const older = from === 0 ? sql`1 = 1` : sql`${waitingSince} <= ${daysAgo(from)}`;
        const newer = to === undefined ? sql`1 = 1` : sql`${waitingSince} > ${daysAgo(to)}`;
        return sql<number | string>`sum(CASE WHEN ${older} AND ${newer} THEN 1 ELSE 0 END)`;
      };

      const [statuses, days, commitments, gaps, ages, answerMedian, pendingMedian] = await Promise.all([
        db
          .selectFrom('contributions')
          .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
          .where(within)
          .groupBy('status')
          .execute(),
        db
          .selectFrom('contributions')
          .select((eb) => [day.as('day'), eb.fn.countAll<number | string>().as('n')])
          .where((eb) => eb.and([within(eb), eb('received_at', '>=', since)]))
          .groupBy(day)
          .execute(),
        db
          .selectFrom('contributions')
          .select((eb) => ['commitment_id', eb.fn.countAll<number | string>().as('n')])
          .where(within)
          .groupBy('commitment_id')
          .execute(),
        db
          .selectFrom('contributions')
          .select((eb) => ['gap_type', eb.fn.countAll<number | string>().as('n')])
          .where((eb) => eb.and([within(eb), eb('kind', '=', 'gap')]))
          .groupBy('gap_type')
          .execute(),
        db
          .selectFrom('contributions')
          .select((eb) => [
            eb.fn.countAll<number | string>().as('n'),
            eb.fn.min(waitingSince).as('oldest'),
            ...pendingAgeBuckets.map((bucket) => inBucket(bucket).as(bucket)),
          ])
          .where(pending)
          .executeTakeFirstOrThrow(),
        median(db, answered, secondsBetween(kind, sql`received_at`, answeredAt)),
        median(db, pending, secondsBetween(kind, waitingSince, sql`${now}`)),
      ]);

      const status = (name: string) => Number(statuses.find((row) => row.status === name)?.n ?? 0);
      const perDayCounts = new Map(days.map((row) => [row.day, Number(row.n)]));
      const perDay: DashboardFigures['perDay'] = [];
      for (let t = Date.parse(since.slice(0, 10)); t <= nowMs; t += DAY_MS) {
        const key = new Date(t).toISOString().slice(0, 10);
        perDay.push({ day: key, count: perDayCounts.get(key) ?? 0 });
      }
      const bucketCount = (bucket: PendingAgeBucket) => Number((ages as Record<string, unknown>)[bucket] ?? 0);
      return {
        byStatus: {
          pending: status('pending'),
          published: status('published'),
          hidden: status('hidden'),
          rejected: status('rejected'),
        },
        perDay,
        perCommitment: commitments
          .map((row) => ({ commitmentId: row.commitment_id, count: Number(row.n) }))
          .sort((a, b) => b.count - a.count || String(a.commitmentId).localeCompare(String(b.commitmentId))),
        perGapType: gaps
          .filter((row) => row.gap_type !== null)
          .map((row) => ({ gapType: GapType.parse(row.gap_type), count: Number(row.n) })),
        answers: {
          answered: answerMedian.count,
          medianSeconds: answerMedian.median,
        },
        pendingAge: {
          buckets: pendingAgeBuckets.map((bucket) => ({ bucket, count: bucketCount(bucket) })),
          oldest: ages.oldest === null || ages.oldest === undefined ? null : String(ages.oldest),
          medianSeconds: pendingMedian.median,
        },
      };
    },
  };
}
