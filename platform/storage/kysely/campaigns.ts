import type { Kysely } from 'kysely';
import { campaignFromRow, campaignToRow } from '../rows';
import type { Database } from '../schema';
import type { Storage } from '../storage';

/** NGOs' campaigns. */
export function campaignsQueries(
  db: Kysely<Database>,
): Pick<Storage, 'createCampaign' | 'updateCampaign' | 'getCampaign' | 'listCampaigns'> {
  return {
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
  };
}
