import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchItemResult } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { createTestDatabase, postgresAdminUrl, postgresSkipReason, type TestDatabase } from '../support/postgres';

if (postgresSkipReason) process.stderr.write(`${postgresSkipReason}\n`);

describe.skipIf(!postgresAdminUrl)('several platform processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let platforms: StoragePlatform[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    // Started together: they also race to migrate and seed the same empty database.
    platforms = await Promise.all(
      [0, 1, 2].map(() =>
        startPlatformOn('postgres', {
          database,
          // The operator gives every process the same secret: it is never in the database.
          env: { VIGIE_MODERATION: 'post', VIGIE_ADDRESS_SECRET: 'le secret partagé des processus' },
        }),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(platforms.map((p) => p.dispose()));
    await database?.drop();
  });

  it('store each id once when the same contributions reach every process at the same time', async () => {
    const clients = platforms.map((p) => createVigieClient({ baseUrl: p.url }));
    for (let round = 0; round < 5; round++) {
      const items = Array.from({ length: 40 }, (_, i) => aContribution({ body: `Round ${round}, item ${i}` }));
      // The same batch, in orders that would deadlock row locks taken in arrival order.
      const orders = [items, [...items].reverse(), [...items.slice(20), ...items.slice(0, 20)]];
      const answers = await Promise.all(
        clients.flatMap((client, n) => [client.submitBatch(orders[n]!), client.submitBatch(orders[(n + 1) % 3]!)]),
      );
      const outcomes = new Map<string, BatchItemResult['outcome'][]>();
      for (const result of answers.flat())
        outcomes.set(result.id!, [...(outcomes.get(result.id!) ?? []), result.outcome]);
      expect(outcomes.size).toBe(40);
      for (const [id, list] of outcomes) {
        expect(
          list.filter((o) => o === 'created'),
          id,
        ).toHaveLength(1);
        expect(
          list.filter((o) => o === 'duplicate'),
          id,
        ).toHaveLength(5);
      }
      const ids = items.map((i) => i.id);
      const rows = await platforms[0]!.rows(
        'SELECT id, count(*) AS n FROM contributions WHERE id = ANY(?) GROUP BY id',
        [ids],
      );
      expect(rows).toHaveLength(40);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    }
  });

  it('share the operator’s address secret, so a network reporting through two processes counts once', async () => {
    const [a, b] = platforms;
    const item = aContribution();
    await createVigieClient({ baseUrl: a!.url }).submitBatch([item]);
    for (const p of [a!, b!]) {
      const answer = await send('POST', `${p.url}/v1/contributions/${item.id}/reports`, {
        body: { reason: 'spam' },
        from: p === a ? '127.0.21.1' : '127.0.21.2', // one network
      });
      expect(answer.status).toBe(204);
    }
    const reports = await a!.rows('SELECT count(*) AS n FROM reports WHERE contribution_id = ?', [item.id]);
    expect(Number(reports[0]!.n)).toBe(1);
    expect(await a!.rows("SELECT value FROM settings WHERE key = 'address-salt'")).toEqual([]);
    expect(Number((await b!.rows('SELECT count(*) AS n FROM commitments'))[0]!.n)).toBe(12);
  });
});
