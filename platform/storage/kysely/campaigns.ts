import type { Kysely } from 'kysely';
import { campaignFromRow, campaignToRow } from '../rows';
import type { Database } from '../schema';
import type { Storage } from '../storage';

/** NGOs' campaigns. */
export function campaignsQueries(
  db: Kysely<Database>,
): Pick<Storage, 'createCampaign' | 'updateCampaign' | 'getCampaign' | 'campaignOwnerTokenId' | 'listCampaigns'> {
  return {
    async createCampaign(campaign, ownerTokenId) {
      const result = await db
        .insertInto('campaigns')
        .values({ ...campaignToRow(campaign), owner_token_id: ownerTokenId })
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

    async campaignOwnerTokenId(id) {
      const row = await db.selectFrom('campaigns').select('owner_token_id').where('id', '=', id).executeTakeFirst();
      return row?.owner_token_id;
    },

    async listCampaigns(filter) {
      let q = db.selectFrom('campaigns').selectAll();
      if (filter?.ownerTokenId !== undefined) q = q.where('owner_token_id', '=', filter.ownerTokenId);
      if (filter?.approvedOnly) q = q.where('approval', '=', 'approved');
      const rows = await q.orderBy('opens_at', 'desc').orderBy('id').execute();
      return rows.map(campaignFromRow);
    },
  };
}
