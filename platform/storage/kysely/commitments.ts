import type { Kysely } from 'kysely';
import { commitmentFromRow } from '../rows';
import type { Database } from '../schema';
import type { Storage } from '../storage';

/** The open-government commitments, seeded at start-up. */
export function commitmentsQueries(
  db: Kysely<Database>,
): Pick<Storage, 'upsertCommitments' | 'listCommitments' | 'getCommitment'> {
  return {
    async upsertCommitments(commitments) {
      await db.transaction().execute(async (trx) => {
        for (const c of commitments) {
          const row = {
            id: c.id,
            title: c.title.fr,
            title_en: c.title.en,
            summary: c.summary ?? null,
            lead_institution: c.leadInstitution.fr,
            lead_institution_en: c.leadInstitution.en,
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

    async listCommitments(locale) {
      const rows = await db.selectFrom('commitments').selectAll().orderBy('id').execute();
      return rows.map((row) => commitmentFromRow(row, locale));
    },

    async getCommitment(id, locale) {
      const row = await db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && commitmentFromRow(row, locale);
    },
  };
}
