import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { createTestDatabase, postgresAdminUrl, postgresSkipReason, type TestDatabase } from '../support/postgres';

if (postgresSkipReason) process.stderr.write(`${postgresSkipReason}\n`);

const LIMIT = 6;

/**
 * Two platform processes on one PostgreSQL, behind what would be a load balancer: a
 * client's writes spread over both meet one limit, not one per process.
 */
describe.skipIf(!postgresAdminUrl)('one rate limit shared by the processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let platforms: StoragePlatform[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    platforms = await Promise.all(
      [0, 1].map(() =>
        startPlatformOn('postgres', {
          database,
          env: {
            VIGIE_MODERATION: 'post',
            VIGIE_RATE_LIMIT: `${LIMIT}/min`,
            VIGIE_ADDRESS_SECRET: 'le secret partagé des processus',
          },
        }),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(platforms.map((p) => p.dispose()));
    await database?.drop();
  });

  const batch = (p: StoragePlatform, from: string, size = 1) =>
    send('POST', `${p.url}/v1/contributions:batch`, {
      body: { items: Array.from({ length: size }, () => aContribution()) },
      from,
    });

  it('counts writes spread over both processes against one limit, at once and in parallel', async () => {
    const from = '127.0.31.1';
    // Twenty writes at the same time, alternating between the processes: exactly the limit passes.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => batch(platforms[i % 2]!, from)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - LIMIT);
    for (const refused of answers.filter((a) => a.status === 429)) {
      const wait = Number(refused.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
    }
    // Each process refuses now, and a report counts against the same window.
    for (const p of platforms) expect((await batch(p, from)).status).toBe(429);
    const report = await send('POST', `${platforms[1]!.url}/v1/contributions/${crypto.randomUUID()}/reports`, {
      body: { reason: 'spam' },
      from,
    });
    expect(report.status).toBe(429);
    // Another client has its own window.
    expect((await batch(platforms[1]!, '127.0.31.2')).status).toBe(200);
    const stored = await platforms[0]!.rows('SELECT count(*) AS n FROM contributions');
    expect(Number(stored[0]!.n)).toBe(LIMIT + 1);
  });

  it('keeps a batch’s rules: its items count, all or none, whichever process it reaches', async () => {
    const [a, b] = platforms as [StoragePlatform, StoragePlatform];
    const from = '127.0.32.1';
    expect((await batch(a, from, 4)).status).toBe(200); // 4 of 6
    const tooBig = await batch(b, from, 3); // 7 > 6: refused whole, nothing counted
    expect(tooBig.status).toBe(429);
    expect((await batch(b, from, 2)).status).toBe(200); // 6 of 6
    expect((await batch(a, from, 1)).status).toBe(429);
    // A malformed body counts as one write too, and is refused once the window is used up.
    const malformed = await send('POST', `${b.url}/v1/contributions:batch`, { body: '{"items": [', from });
    expect(malformed.status).toBe(429);
    // A batch larger than the whole limit passes on a fresh window, and uses it up.
    const fresh = '127.0.33.1';
    expect((await batch(b, fresh, LIMIT + 2)).status).toBe(200);
    expect((await batch(a, fresh, 1)).status).toBe(429);
    // Only keyed hashes are kept, never an address.
    const windows = await a.rows('SELECT client, count FROM rate_windows');
    expect(windows.length).toBeGreaterThan(0);
    for (const row of windows) expect(String(row.client)).not.toMatch(/127\.0\./);
  });
});
