import { Migrator, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import {
  Campaign,
  Commitment,
  Contribution,
  ModerationReason,
  Role,
  type ContributionStatus,
  type ModerationItem,
  type Selector,
} from '../../api-client/contract';
import { migrationProvider } from './migrations';
import type { CampaignsTable, ContributionsTable, Database } from './schema';
import type { ApiToken, ExportFilter, PageCursor, PublishedQuery, Storage, StoredContribution } from './storage';

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
    withdrawal_key_hash: item.withdrawalKeyHash ?? null,
    reply_body: c.reply?.body ?? null,
    reply_at: c.reply?.at ?? null,
    moderation_reason: null,
    moderated_at: null,
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
    ...(row.reply_body === null || row.reply_at === null ? {} : { reply: { body: row.reply_body, at: row.reply_at } }),
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

function campaignToRow(c: Campaign): CampaignsTable {
  return {
    id: c.id,
    title: c.title,
    question: c.question,
    targets: JSON.stringify(c.targets),
    opens_at: c.opensAt,
    closes_at: c.closesAt,
    owner: c.owner ?? null,
  };
}

function campaignFromRow(row: Selectable<CampaignsTable>): Campaign {
  return Campaign.parse({
    id: row.id,
    title: row.title,
    question: row.question,
    targets: JSON.parse(row.targets),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    ...(row.owner === null ? {} : { owner: row.owner }),
  });
}

function tokenFromRow(row: Selectable<Database['api_tokens']>): ApiToken {
  return { id: row.id, name: row.name, role: Role.parse(row.role), createdAt: row.created_at, revokedAt: row.revoked_at };
}

type ContributionsBuilder = ExpressionBuilder<Database, 'contributions'>;

/**
 * Strictly past the cursor, in the direction the listing goes. A row-value
 * comparison, not the equivalent OR: PostgreSQL and SQLite both turn it into an
 * index range, so every page costs the same however deep the listing goes.
 */
function pastCursor(eb: ContributionsBuilder, after: PageCursor, direction: '<' | '>'): Expression<SqlBool> {
  return eb(eb.refTuple('received_at', 'id'), direction, eb.tuple(after.receivedAt, after.id));
}

function exportConditions(eb: ContributionsBuilder, filter: ExportFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.campaignIds !== undefined) {
    // An ngo with no campaign exports nothing, not everything.
    conditions.push(filter.campaignIds.length === 0 ? eb.lit(false) : eb('campaign_id', 'in', filter.campaignIds));
  }
  if (filter.commitmentId !== undefined) conditions.push(eb('commitment_id', '=', filter.commitmentId));
  if (filter.kind !== undefined) conditions.push(eb('kind', '=', filter.kind));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.from !== undefined) conditions.push(eb('received_at', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('received_at', '<', filter.to));
  return eb.and(conditions);
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
      if (items.length === 0) return [];
      // One statement for the whole batch, rows in id order: two processes inserting
      // overlapping batches take their row locks in the same order and never deadlock
      // (PostgreSQL); ON CONFLICT DO NOTHING makes check-and-insert one atomic step.
      const firstOfId = new Map<string, StoredContribution>();
      for (const item of items) if (!firstOfId.has(item.contribution.id)) firstOfId.set(item.contribution.id, item);
      const rows = [...firstOfId.values()].map(toRow).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('contributions')
          .values(rows)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        const fresh = new Set(inserted.map((r) => r.id));
        const others = [...firstOfId.keys()].filter((id) => !fresh.has(id));
        const existing = new Map(
          others.length === 0
            ? []
            : (await trx.selectFrom('contributions').selectAll().where('id', 'in', others).execute()).map((row) => [row.id, row]),
        );
        return items.map((item) => {
          const id = item.contribution.id;
          if (fresh.delete(id)) return { ...item, inserted: true };
          const row = existing.get(id);
          // Repeated within this batch after its first occurrence was inserted now.
          if (!row) return { ...firstOfId.get(id)!, inserted: false };
          return { contribution: fromRow(row), contentHash: row.content_hash, inserted: false };
        });
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
      if (after) q = q.where((eb) => pastCursor(eb, after, '<'));
      const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(fromRow);
    },

    async countContributions(filter?: { status?: ContributionStatus }) {
      let q = db.selectFrom('contributions').select((eb) => eb.fn.countAll<number | string>().as('n'));
      if (filter?.status) q = q.where('status', '=', filter.status);
      const { n } = await q.executeTakeFirstOrThrow();
      return Number(n);
    },

    async listForModeration(query) {
      let q = db.selectFrom('contributions').selectAll().where('status', '=', query.status);
      const after = query.after;
      if (after) q = q.where((eb) => pastCursor(eb, after, '>'));
      const rows = await q.orderBy('received_at', 'asc').orderBy('id', 'asc').limit(query.limit).execute();
      if (rows.length === 0) return [];
      const reports = await db
        .selectFrom('reports')
        .select(['contribution_id', 'reason'])
        .where(
          'contribution_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((row): ModerationItem => {
        const mine = reports.filter((r) => r.contribution_id === row.id).map((r) => ModerationReason.parse(r.reason));
        return {
          contribution: fromRow(row),
          reports: { count: mine.length, reasons: [...new Set(mine)] },
          ...(row.moderated_at === null
            ? {}
            : {
                decision: {
                  status: fromRow(row).status,
                  ...(row.moderation_reason === null ? {} : { reason: ModerationReason.parse(row.moderation_reason) }),
                  at: row.moderated_at,
                },
              }),
        };
      });
    },

    async decide(id, decision) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('contributions')
          .set({
            status: decision.status,
            moderation_reason: decision.reason ?? null,
            moderated_at: decision.at,
            ...(decision.reply ? { reply_body: decision.reply.body, reply_at: decision.reply.at } : {}),
          })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return undefined;
        // Once reviewed and published, earlier reports are settled: new ones count afresh.
        if (decision.status === 'published') await trx.deleteFrom('reports').where('contribution_id', '=', id).execute();
        const row = await trx.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return fromRow(row);
      });
    },

    async report(request) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('contributions')
          .select('status')
          .where('id', '=', request.contributionId)
          .executeTakeFirst();
        // Only what readers can see can be reported: published, or already back in review.
        if (!row || (row.status !== 'published' && row.status !== 'pending')) return { found: false } as const;
        await trx
          .insertInto('reports')
          .values({
            contribution_id: request.contributionId,
            reporter_hash: request.reporterHash,
            reason: request.reason,
            created_at: request.at,
          })
          .onConflict((oc) => oc.columns(['contribution_id', 'reporter_hash']).doNothing())
          .execute();
        const { n } = await trx
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('contribution_id', '=', request.contributionId)
          .executeTakeFirstOrThrow();
        const count = Number(n);
        let status = row.status;
        if (status === 'published' && count >= request.threshold) {
          await trx
            .updateTable('contributions')
            .set({ status: 'pending' })
            .where('id', '=', request.contributionId)
            .where('status', '=', 'published')
            .execute();
          status = 'pending';
        }
        return { found: true, count, underReview: status === 'pending' } as const;
      });
    },

    async withdrawalKeyHash(id) {
      const row = await db.selectFrom('contributions').select('withdrawal_key_hash').where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : row.withdrawal_key_hash;
    },

    async withdraw(id, at) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('reports').where('contribution_id', '=', id).execute();
        await trx.deleteFrom('contributions').where('id', '=', id).execute();
        await trx
          .insertInto('withdrawals')
          .values({ id, withdrawn_at: at })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      });
    },

    async storedHashes(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('contributions').select(['id', 'content_hash']).where('id', 'in', [...ids]).execute();
      return new Map(rows.map((r) => [r.id, r.content_hash]));
    },

    async withdrawnIds(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('withdrawals').select('id').where('id', 'in', [...ids]).execute();
      return new Set(rows.map((r) => r.id));
    },

    async createCampaign(campaign) {
      const result = await db
        .insertInto('campaigns')
        .values(campaignToRow(campaign))
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async updateCampaign(campaign) {
      const { id, ...row } = campaignToRow(campaign);
      await db.updateTable('campaigns').set(row).where('id', '=', id).execute();
    },

    async getCampaign(id) {
      const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      return row && campaignFromRow(row);
    },

    async listCampaigns(filter) {
      let q = db.selectFrom('campaigns').selectAll();
      if (filter?.owner !== undefined) q = q.where('owner', '=', filter.owner);
      const rows = await q.orderBy('opens_at', 'desc').orderBy('id').execute();
      return rows.map(campaignFromRow);
    },

    async exportContributions(filter, limit, after) {
      const rows = await db
        .selectFrom('contributions')
        .selectAll()
        .where((eb) => (after ? eb.and([exportConditions(eb, filter), pastCursor(eb, after, '>')]) : exportConditions(eb, filter)))
        .orderBy('received_at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },

    async countExport(filter) {
      const { n } = await db
        .selectFrom('contributions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where((eb) => exportConditions(eb, filter))
        .executeTakeFirstOrThrow();
      return Number(n);
    },

    async createToken(token, tokenHash) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          name: token.name,
          role: token.role,
          token_hash: tokenHash,
          created_at: token.createdAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },

    async findToken(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row && tokenFromRow(row);
    },

    async listTokens() {
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(tokenFromRow);
    },

    async revokeToken(id, at) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setting(key, make) {
      await db
        .insertInto('settings')
        .values({ key, value: make() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      // Whoever inserted first wins; every process reads the same value back.
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
      return row.value;
    },

    async close() {
      await db.destroy();
    },
  };
}
