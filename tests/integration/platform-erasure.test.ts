import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

// Erasure is erasure: after a withdrawal, the withdrawn words are in no file the
// platform writes (SQLite), and in no row or dead row version the database keeps (PostgreSQL).

function withdrawalKey() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: createHash('sha256').update(secret).digest('hex') };
}

/** The marker as the bytes a file could hold it in: UTF-8, UTF-16 either way. */
function encodings(marker: string): Buffer[] {
  const le = Buffer.from(marker, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(marker, 'utf8'), le, be];
}

/** Every file under the directory (the database, its -wal and -shm, anything else) that holds the marker. */
function filesHolding(dir: string, marker: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) hits.push(...filesHolding(file, marker));
    else if (encodings(marker).some((bytes) => readFileSync(file).includes(bytes))) hits.push(name);
  }
  return hits;
}

forEachStorage((kind) => {
  describe('erasure', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    let moderator: string;
    let ministry: string;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post' } });
      client = createVigieClient({ baseUrl: platform.url });
      moderator = await platform.token('moderator', 'Modération');
      ministry = await platform.token('administration', 'DITP', '--domains', '*.modernisation.gouv.fr');
    });
    afterAll(() => platform?.dispose());

    it('leaves no copy of a withdrawn text, while running and after a clean stop', async () => {
      const marker = `Effacez-moi-${randomBytes(8).toString('hex')}`;
      const key = withdrawalKey();
      // A short text, and a long one that spills over several database pages.
      const short = aContribution({
        body: `${marker} court`,
        author: { pseudonym: `P${marker.slice(-8)}` },
        withdrawalKeyHash: key.hash,
      });
      const long = aContribution({ body: `${marker} ${'long '.repeat(900)}${marker}`, withdrawalKeyHash: key.hash });
      const kept = aContribution({ body: 'Un texte qui reste.' });
      await client.submitBatch([short, long, kept]);
      // A decision rewrites the row: the older version must not survive either.
      await send('POST', `${platform.url}/v1/moderation/contributions/${short.id}/decision`, {
        token: moderator,
        body: { decision: 'publish', reply: 'Merci.' },
      });
      // A moderator's note explaining "other" quotes the words: the journal keeps the decision, not the note.
      const hidden = await send('POST', `${platform.url}/v1/moderation/contributions/${long.id}/decision`, {
        token: moderator,
        body: { decision: 'hide', reason: 'other', note: `Le texte « ${marker} » répète la même phrase.` },
      });
      expect(hidden.status, hidden.text).toBe(200);
      // The organisation's answer quotes the words, twice (its history keeps both versions): they go too.
      for (const status of ['received', 'answered']) {
        const answered = await send('POST', `${platform.url}/v1/contributions/${short.id}/answer`, {
          token: ministry,
          body: { body: `Vous écrivez « ${marker} » : ${status}.`, status },
        });
        expect(answered.status, answered.text).toBeLessThan(300);
      }
      for (const item of [short, long]) {
        const answer = await send('POST', `${platform.url}/v1/contributions/${item.id}/withdrawal`, {
          body: { secret: key.secret },
        });
        expect(answer.status).toBe(204);
      }
      expect((await client.getContribution(kept.id)).body).toBe('Un texte qui reste.');
      // Who decided what stays in the journal, without the note.
      expect(
        await platform.rows('SELECT decision, reason, note FROM moderation_journal WHERE contribution_id = ?', [
          long.id,
        ]),
      ).toEqual([{ decision: 'hide', reason: 'other', note: null }]);

      if (kind === 'sqlite') {
        expect(existsSync(path.join(platform.dataDir, 'vigie.sqlite'))).toBe(true);
        // Running: once the withdrawal answered, the write-ahead log holds no copy.
        expect(filesHolding(platform.dataDir, marker)).toEqual([]);
        await platform.stop();
        expect(filesHolding(platform.dataDir, marker)).toEqual([]);
        expect(filesHolding(platform.dataDir, 'Un texte qui reste.')).toContain('vigie.sqlite');
      } else {
        expect(await platform.rows('SELECT id FROM contributions WHERE body LIKE ?', [`%${marker}%`])).toEqual([]);
        expect(await platform.rows('SELECT id FROM answers WHERE body LIKE ?', [`%${marker}%`])).toEqual([]);
        expect(await platform.rows('SELECT id FROM moderation_journal WHERE note LIKE ?', [`%${marker}%`])).toEqual([]);
        // The table was vacuumed after the withdrawal: the dead row versions are gone from its pages.
        await expect
          .poll(
            async () =>
              (await platform.rows("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'contributions'"))[0]
                ?.last_vacuum ?? null,
            { timeout: 10_000 },
          )
          .not.toBeNull();
      }
    });
  });
});
