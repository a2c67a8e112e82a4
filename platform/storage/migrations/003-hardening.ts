import { sql, type Kysely } from 'kysely';

/**
 * What the hostile review (#11) changed in the data:
 * - contributions remember when they were first published (only those may be reported)
 *   and since when readers report them (reported ones lead the moderation queue);
 * - a withdrawal keeps the hash of the withdrawal secret, so the device that holds the
 *   secret can still learn that its contribution was withdrawn (the text stays erased);
 * - a campaign belongs to the token that created it, not to a name another token may
 *   share, and reaches citizens once approved;
 * - the address salt leaves the database: the secret is the operator's (VIGIE_ADDRESS_SECRET).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['published_at', 'reported_at']) {
    await db.schema.alterTable('contributions').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('withdrawals').addColumn('withdrawal_key_hash', 'text').execute();
  await db.schema.alterTable('campaigns').addColumn('owner_token_id', 'text').execute();
  await db.schema
    .alterTable('campaigns')
    .addColumn('approval', 'text', (col) => col.notNull().defaultTo('pending'))
    .execute();

  // Published or hidden rows, and rows readers reported, were public once.
  await sql`UPDATE contributions SET published_at = received_at
    WHERE status IN ('published', 'hidden') OR id IN (SELECT contribution_id FROM reports)`.execute(db);
  await sql`UPDATE contributions SET reported_at =
    (SELECT MIN(created_at) FROM reports WHERE reports.contribution_id = contributions.id)
    WHERE status IN ('published', 'pending') AND id IN (SELECT contribution_id FROM reports)`.execute(db);
  // The first token of the owner's name created the campaign; a later namesake did not.
  await sql`UPDATE campaigns SET owner_token_id =
    (SELECT id FROM api_tokens WHERE api_tokens.name = campaigns.owner ORDER BY created_at, id LIMIT 1)`.execute(db);
  // No NGO campaign was ever reviewed: they wait for an admin; an admin's own are approved.
  await sql`UPDATE campaigns SET approval = 'approved'
    WHERE owner_token_id IN (SELECT id FROM api_tokens WHERE role = 'admin')`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'address-salt'`.execute(db);

  // The moderation queue reads reported contributions first.
  await db.schema.createIndex('contributions_reported').on('contributions').columns(['reported_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contributions_reported').execute();
  for (const column of ['approval', 'owner_token_id'])
    await db.schema.alterTable('campaigns').dropColumn(column).execute();
  await db.schema.alterTable('withdrawals').dropColumn('withdrawal_key_hash').execute();
  for (const column of ['reported_at', 'published_at']) {
    await db.schema.alterTable('contributions').dropColumn(column).execute();
  }
}
