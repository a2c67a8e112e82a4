import type { Kysely } from 'kysely';
import { commitmentFromRow, commitmentRecordFromRow, commitmentToRow } from '../rows';
import type { Database } from '../schema';
import type { CommitmentChanges, Storage, StoredCommitment } from '../storage';

/** The fields an import reports as changed, in the order people read a commitment. */
const fieldsOf = (c: StoredCommitment) => ({
  'title.fr': c.title.fr,
  'title.en': c.title.en,
  'leadInstitution.fr': c.leadInstitution.fr,
  'leadInstitution.en': c.leadInstitution.en,
  'summary.fr': c.summary.fr,
  'summary.en': c.summary.en,
  status: c.status,
  themes: c.themes,
  plan: c.plan,
  pages: c.pages,
});

function changedFields(before: StoredCommitment, after: StoredCommitment): string[] {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  return (Object.keys(b) as Array<keyof typeof b>).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** The open-government commitments: seeded once, then imported or replaced by admins. */
export function commitmentsQueries(
  db: Kysely<Database>,
): Pick<
  Storage,
  | 'importCommitments'
  | 'seedCommitments'
  | 'listCommitments'
  | 'getCommitment'
  | 'getCommitmentRecord'
  | 'knownCommitments'
> {
  return {
    async importCommitments(commitments, options = {}) {
      const changes: CommitmentChanges = { created: [], updated: [], unchanged: [] };
      if (commitments.length === 0) return changes;
      await db.transaction().execute(async (trx) => {
        const stored = new Map(
          (
            await trx
              .selectFrom('commitments')
              .selectAll()
              .where(
                'id',
                'in',
                commitments.map((c) => c.id),
              )
              .execute()
          ).map((row) => [row.id, commitmentRecordFromRow(row)]),
        );
        for (const commitment of commitments) {
          const row = commitmentToRow(commitment);
          // Compared in the form the table gives back (an empty English is no English).
          const incoming = commitmentRecordFromRow(row);
          const before = stored.get(commitment.id);
          if (before === undefined) changes.created.push(commitment.id);
          else {
            const fields = changedFields(before, incoming);
            if (fields.length === 0) {
              changes.unchanged.push(commitment.id);
              continue;
            }
            changes.updated.push({ id: commitment.id, fields });
          }
          stored.set(commitment.id, incoming);
          if (options.dryRun) continue;
          await trx
            .insertInto('commitments')
            .values(row)
            .onConflict((oc) => oc.column('id').doUpdateSet(row))
            .execute();
        }
      });
      return changes;
    },

    async seedCommitments(commitments) {
      const { n } = await db
        .selectFrom('commitments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) > 0 || commitments.length === 0) return;
      // Processes starting together on an empty database all get here: the first one's rows stay.
      await db
        .insertInto('commitments')
        .values(commitments.map(commitmentToRow))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async listCommitments(locale) {
      const rows = await db.selectFrom('commitments').selectAll().orderBy('id').execute();
      return rows.map((row) => commitmentFromRow(row, locale));
    },

    async getCommitment(id, locale) {
      const row = await db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && commitmentFromRow(row, locale);
    },

    async getCommitmentRecord(id) {
      const row = await db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && commitmentRecordFromRow(row);
    },

    async knownCommitments(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom('commitments')
        .select('id')
        .where('id', 'in', [...ids])
        .execute();
      return new Set(rows.map((row) => row.id));
    },
  };
}
