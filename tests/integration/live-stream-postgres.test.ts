import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contribution, LiveCounts } from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import {
  createTestDatabase,
  postgresAdminUrl,
  postgresSkipReason,
  queryDatabase,
  type TestDatabase,
} from '../support/postgres';
import { openStream, type SseClient } from '../support/sse';

if (postgresSkipReason) process.stderr.write(`${postgresSkipReason}\n`);

describe.skipIf(!postgresAdminUrl)('live updates across platform processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let platforms: StoragePlatform[] = [];
  const clients: SseClient[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    platforms = await Promise.all(
      [0, 1].map(() =>
        startPlatformOn('postgres', {
          database,
          env: { VIGIE_MODERATION: 'post', VIGIE_ADDRESS_SECRET: 'le secret partagé des processus' },
        }),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(platforms.map((p) => p.dispose()));
    await database?.drop();
  });

  const listen = async (platform: StoragePlatform, query: string) => {
    const client = await openStream(`${platform.url}/v1/stream?${query}`);
    clients.push(client);
    await client.waitForComments(2); // "vigie live", then the first heartbeat: it follows the bus
    return client;
  };

  it('an event published through one process reaches the clients of the other', async () => {
    const [a, b] = platforms as [StoragePlatform, StoragePlatform];
    const onB = await listen(b, 'commitmentId=FR0067');
    const onA = await listen(a, 'commitmentId=FR0067');
    const item = aContribution({ body: 'Publiée par le processus A.' });
    await send('POST', `${a.url}/v1/contributions:batch`, { body: { items: [item] } });
    const event = await onB.waitFor((e) => e.event === 'contribution');
    expect(JSON.parse(event.data) as Contribution).toMatchObject({ id: item.id, body: 'Publiée par le processus A.' });

    // And the other way, with the same ids in both processes' streams.
    await send('POST', `${b.url}/v1/contributions/${item.id}/support`, {
      body: { supporterKeyHash: createHash('sha256').update(randomBytes(8)).digest('hex') },
    });
    const counts = await onA.waitFor((e) => e.event === 'counts');
    expect(JSON.parse(counts.data) as LiveCounts).toEqual({ id: item.id, supportCount: 1, replyCount: 0 });
    const seenOnA = await onA.waitFor((e) => e.event === 'contribution');
    expect(seenOnA.id).toBe(event.id);
  });

  it('hears the other process again after losing its listening connection, and misses nothing meanwhile', async () => {
    const [a, b] = platforms as [StoragePlatform, StoragePlatform];
    const onB = await listen(b, 'commitmentId=FR0108');
    // Cut every LISTEN connection to this database, as a failover or a restarted PostgreSQL would.
    const dbName = new URL(database.url).pathname.slice(1);
    const cut = await queryDatabase<{ pid: number }>(
      database.url,
      `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`,
      [dbName],
    );
    expect(cut.length).toBeGreaterThanOrEqual(2);
    const item = aContribution({ commitmentId: 'FR0108', body: 'Pendant la coupure.' });
    await send('POST', `${a.url}/v1/contributions:batch`, { body: { items: [item] } });
    const event = await onB.waitFor((e) => e.event === 'contribution', 15_000);
    expect(event.data).toContain(item.id);
    expect(b.output()).toContain('live events connection to PostgreSQL was lost');
  });
});
