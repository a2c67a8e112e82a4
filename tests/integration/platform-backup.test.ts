import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

/** `platform backup …` with this platform's storage settings: its exit code and what it printed. */
function backup(platform: StoragePlatform, args: string[]): Promise<{ code: number; out: string }> {
  return platform.cli(['backup', ...args]).then(
    (out) => ({ code: 0, out }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

forEachStorage((kind) => {
  let platform: StoragePlatform;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigie-backup-'));
    platform = await startPlatformOn(kind);
  });
  afterAll(async () => {
    await platform?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  if (kind === 'postgres') {
    it('says to use pg_dump on PostgreSQL, and exits with 2', async () => {
      const answer = await backup(platform, [path.join(dir, 'copy.sqlite')]);
      expect(answer.code).toBe(2);
      expect(answer.out).toMatch(/^On PostgreSQL, back up with pg_dump/);
    });
    return;
  }

  describe('backup of the SQLite database', () => {
    it('copies it consistently while the platform runs and writes', async () => {
      const client = createVigieClient({ baseUrl: platform.url });
      await platform.token('admin', 'Exploitation');
      // A database of some size, so the copy takes a while.
      for (let n = 0; n < 30; n++) {
        await client.submitBatch(Array.from({ length: 100 }, () => aContribution()));
      }
      const before = Number((await platform.rows('SELECT count(*) AS n FROM contributions'))[0]!.n);

      // Batches of 7, each stored in one transaction, without a pause until the copy is done.
      let writing = true;
      let batches = 0;
      const writer = (async () => {
        while (writing) {
          await client.submitBatch(
            Array.from({ length: 7 }, (_, i) => aContribution({ body: `Écrite pendant la copie ${i}` })),
          );
          batches++;
        }
      })();
      await expect.poll(() => batches).toBeGreaterThan(2);
      const file = path.join(dir, 'vigie-copy.sqlite');
      const answer = await backup(platform, [file]);
      const duringCopy = batches;
      await expect.poll(() => batches).toBeGreaterThan(duringCopy + 2); // still writing after the copy
      writing = false;
      await writer;
      expect(answer.code, answer.out).toBe(0);
      expect(answer.out).toMatch(/^Backed up .* to .*vigie-copy\.sqlite: \d+ pages/);

      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const copied = (copy.prepare('SELECT count(*) AS n FROM contributions').get() as { n: number }).n;
        const after = Number((await platform.rows('SELECT count(*) AS n FROM contributions'))[0]!.n);
        process.stdout.write(
          `Backup during writes: ${before} rows before, ${copied} in the copy, ${after} after (${batches} batches of 7 written meanwhile).\n`,
        );
        expect(copied).toBeGreaterThan(before); // taken while the writes went on
        expect(copied).toBeLessThan(after);
        expect((copied - before) % 7).toBe(0); // whole batches only: one instant of the database
        // The rest of the database came along: tokens and the migrations.
        expect(copy.prepare('SELECT count(*) AS n FROM api_tokens').get()).toEqual({ n: 1 });
        const migrations = copy.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number };
        expect(migrations.n).toBeGreaterThanOrEqual(3);
      } finally {
        copy.close();
      }
    });

    it('never overwrites a file, and says how to call it', async () => {
      const existing = path.join(dir, 'earlier.sqlite');
      writeFileSync(existing, 'an earlier backup');
      const refused = await backup(platform, [existing]);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('exists already: choose a new file name');
      expect(readFileSync(existing, 'utf8')).toBe('an earlier backup');

      const bare = await backup(platform, []);
      expect(bare.code).toBe(2);
      expect(bare.out).toContain('Usage: npm run platform -- backup FILE');
    });
  });
});
