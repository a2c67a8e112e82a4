import { Migrator, type Kysely, type Selectable } from 'kysely';
import {
  Commitment,
  Contribution,
  type ContributionStatus,
  type Selector,
} from '../../api-client/contract';
import { migrationProvider } from './migrations';
import type { ContributionsTable, Database } from './schema';
import type { PublishedQuery, Storage, StoredContribution } from './storage';

function toRow(item: StoredContribution): ContributionsTable {
  const c = item.contribution;
  return {
    id: c.id,
    kind: c.kind,
    gap_type: c.gapType ?? null,
    body: c.body,
    target_url: c.target.url,
    target_title: c.target.title,
    selectors: JSON.stringify(c.target.selectors),
    commitment_id: c.commitmentId ?? null,
    campaign_id: c.campaignId ?? null,
    author_pseudonym: c.author?.pseudonym ?? null,
    locale: c.locale,
    source: c.source,
    created_at: c.createdAt,
    status: c.status,
    received_at: c.receivedAt,
    content_hash: item.contentHash,
  };
}

function fromRow(row: Selectable<ContributionsTable>): Contribution {
  // Rows were validated on the way in; parsing again guards against a hand-edited database.
  return Contribution.parse({
    id: row.id,
    kind: row.kind,
    ...(row.gap_type === null ? {} : { gapType: row.gap_type }),
    body: row.body,
    target: { url: row.target_url, title: row.target_title, selectors: JSON.parse(row.selectors) as Selector[] },
    ...(row.commitment_id === null ? {} : { commitmentId: row.commitment_id }),
    ...(row.campaign_id === null ? {} : { campaignId: row.campaign_id }),
    ...(row.author_pseudonym === null ? {} : { author: { pseudonym: row.author_pseudonym } }),
    locale: row.locale,
    source: row.source,
    createdAt: row.created_at,
    status: row.status,
    receivedAt: row.received_at,
  });
}

function commitmentFromRow(row: Selectable<Database['commitments']>): Commitment {
  return Commitment.parse({
    id: row.id,
    title: row.title,
    ...(row.summary === null ? {} : { summary: row.summary }),
    leadInstitution: row.lead_institution,
    status: row.status,
    themes: JSON.parse(row.themes),
    plan: row.plan,
    pages: JSON.parse(row.pages),
  });
}

/** The Storage interface over Kysely; the dialect decides SQLite or PostgreSQL. */
export function createKyselyStorage(db: Kysely<Database>, kind: Storage['kind']): Storage {
  return {
    kind,

    async migrate() {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
    },

    async upsertCommitments(commitments) {
      await db.transaction().execute(async (trx) => {
        for (const c of commitments) {
          const row = {
            id: c.id,
            title: c.title,
            summary: c.summary ?? null,
            lead_institution: c.leadInstitution,
            status: c.status,
            themes: JSON.stringify(c.themes),
            plan: c.plan,
            pages: JSON.stringify(c.pages),
          };
          await trx
            .insertInto('commitments')
            .values(row)
            .onConflict((oc) => oc.column('id').doUpdateSet(row))
            .execute();
        }
      });
    },

    async listCommitments() {
      const rows = await db.selectFrom('commitments').selectAll().orderBy('id').execute();
      return rows.map(commitmentFromRow);
    },

    async getCommitment(id) {
      const row = await db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && commitmentFromRow(row);
    },

    async insertContributions(items) {
      return db.transaction().execute(async (trx) => {
        const results: Array<StoredContribution & { inserted: boolean }> = [];
        for (const item of items) {
          // ON CONFLICT DO NOTHING makes the check-and-insert one atomic step, also
          // between several platform processes sharing one database.
          const inserted = await trx
            .insertInto('contributions')
            .values(toRow(item))
            .onConflict((oc) => oc.column('id').doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
            results.push({ ...item, inserted: true });
            continue;
          }
          const row = await trx
            .selectFrom('contributions')
            .selectAll()
            .where('id', '=', item.contribution.id)
            .executeTakeFirstOrThrow();
          results.push({ contribution: fromRow(row), contentHash: row.content_hash, inserted: false });
        }
        return results;
      });
    },

    async getContribution(id) {
      const row = await db.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async listPublished(query: PublishedQuery) {
      let q = db.selectFrom('contributions').selectAll().where('status', '=', 'published');
      if (query.url !== undefined) q = q.where('target_url', '=', query.url);
      if (query.commitmentId !== undefined) q = q.where('commitment_id', '=', query.commitmentId);
      const after = query.after;
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('received_at', '<', after.receivedAt),
            eb.and([eb('received_at', '=', after.receivedAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(fromRow);
    },

    async countContributions(filter?: { status?: ContributionStatus }) {
      let q = db.selectFrom('contributions').select((eb) => eb.fn.countAll<number>().as('n'));
      if (filter?.status) q = q.where('status', '=', filter.status);
      const { n } = await q.executeTakeFirstOrThrow();
      return Number(n);
    },

    async close() {
      await db.destroy();
    },
  };
}
