import type { Kysely } from 'kysely';
import { tokenFromRow } from '../rows';
import type { Database } from '../schema';
import type { Storage } from '../storage';

/** API tokens (stored hashed) and the settings every platform process shares. */
export function accessQueries(
  db: Kysely<Database>,
): Pick<Storage, 'createToken' | 'findToken' | 'listTokens' | 'revokeToken' | 'setting'> {
  return {
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
          domains: token.scope ? JSON.stringify(token.scope.domains) : null,
          commitments: token.scope ? JSON.stringify(token.scope.commitmentIds) : null,
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
  };
}
