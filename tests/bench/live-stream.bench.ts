/**
 * Live updates, printed beside the machine they ran on; not a test.
 *   npx tsx tests/bench/live-stream.bench.ts      (SQLite, and PostgreSQL when VIGIE_TEST_DATABASE_URL is set)
 *   BENCH_STREAMS=500 npx tsx tests/bench/live-stream.bench.ts   (a quicker run)
 *
 * 1. Fan-out: BENCH_STREAMS clients hold GET /v1/stream open on one platform process; one
 *    contribution is published (on PostgreSQL, through a second process, so the event
 *    crosses LISTEN/NOTIFY), and each client's receipt of it is timed from the moment the
 *    batch request was sent. Five events in turn. The platform's resident memory is read
 *    before the streams open and with all of them open.
 * 2. supportCount read from a counter column kept in the same transaction, against the
 *    same count computed from the supports' primary-key index, for a page of contributions.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ContributionInput } from '../../api-client/contract';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import {
  createTestDatabase,
  postgresAdminUrl,
  postgresSkipReason,
  queryDatabase,
  type TestDatabase,
} from '../support/postgres';
import { openStream, type SseClient } from '../support/sse';
import { machineLine } from './machine';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);
const EVENTS = 5;

/** The file descriptors this process may open: each stream is one, and the platform's side another. */
function openFilesLimit(): { soft: number; hard: number } {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const [soft, hard] = (line?.match(/\d+|unlimited/g) ?? []).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  return { soft: soft ?? 0, hard: hard ?? 0 };
}

/** Raises this process's limit when it is below what the bench needs (Node cannot: prlimit can, up to the hard limit). */
function ensureOpenFiles(needed: number): string {
  const before = openFilesLimit();
  if (before.soft < needed) {
    try {
      const target = Math.min(before.hard, needed * 2);
      execFileSync('prlimit', [`--pid=${process.pid}`, `--nofile=${target}:${before.hard}`]);
    } catch {
      // said below
    }
  }
  const after = openFilesLimit();
  const raised = after.soft === before.soft ? '' : ` (raised from ${before.soft})`;
  const enough = after.soft >= needed ? '' : ` — not enough for ${needed} streams: expect failures`;
  return `open files: soft ${after.soft}${raised}, hard ${after.hard}${enough}`;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function aContribution(n: number): ContributionInput {
  return {
    id: crypto.randomUUID(),
    kind: 'comment',
    body: `Contribution en direct numéro ${n} : le calendrier des données promises n’est pas publié.`,
    target: { url: 'https://www.example.gouv.fr/plan', title: 'Le plan', selectors: [] },
    commitmentId: 'FR0067',
    locale: 'fr',
    source: 'widget',
    createdAt: new Date().toISOString(),
  };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FanOut {
  storage: string;
  rssBefore: number;
  rssOpen: number;
  deliveries: number[];
  publishMs: number[];
  missed: number;
}

async function fanOut(storage: 'sqlite' | 'postgres'): Promise<FanOut> {
  let database: TestDatabase | undefined;
  const env: Record<string, string> = {
    VIGIE_MODERATION: 'post',
    VIGIE_RATE_LIMIT: 'off',
    VIGIE_STREAMS: String(STREAMS + 100),
    VIGIE_STREAMS_PER_NETWORK: String(STREAMS + 100),
    // Heartbeats would only add noise to the timings.
    VIGIE_STREAM_HEARTBEAT_MS: '600000',
    VIGIE_LOG_LEVEL: 'warn',
  };
  if (storage === 'postgres') {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  const platforms: PlatformProcess[] = [await startPlatformProcess({ env })];
  if (storage === 'postgres') platforms.push(await startPlatformProcess({ env }));
  const [listening, publishing = listening] = platforms as [PlatformProcess, PlatformProcess?];
  const clients: SseClient[] = [];
  try {
    // Warm up: the stream route and the publication path once, then the baseline.
    const warm = await openStream(`${listening.url}/v1/stream?commitmentId=FR0067`);
    await warm.waitForComments(2);
    await fetch(`${publishing.url}/v1/contributions:batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [aContribution(0)] }),
    });
    await warm.waitFor((e) => e.event === 'contribution');
    warm.close();
    await settle(1000);
    const rssBefore = rssMiB(listening.pid);

    process.stderr.write(`${storage}: opening ${STREAMS} streams…\n`);
    const received = new Map<string, number[]>();
    for (let opened = 0; opened < STREAMS; opened += 100) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(100, STREAMS - opened) }, () =>
          openStream(`${listening.url}/v1/stream?commitmentId=FR0067`, {
            onEvent: (event) => {
              if (event.event !== 'contribution') return;
              const id = (JSON.parse(event.data) as { id: string }).id;
              let times = received.get(id);
              if (!times) received.set(id, (times = []));
              times.push(event.at);
            },
          }),
        ),
      );
      clients.push(...batch);
    }
    // Live once the first heartbeat (sent after subscribing) arrived.
    await Promise.all(clients.map((client) => client.waitForComments(2, 60_000)));
    await settle(2000);
    const rssOpen = rssMiB(listening.pid);

    const deliveries: number[] = [];
    const publishMs: number[] = [];
    let missed = 0;
    for (let n = 1; n <= EVENTS; n++) {
      const item = aContribution(n);
      const sent = performance.now();
      const response = await fetch(`${publishing.url}/v1/contributions:batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [item] }),
      });
      await response.arrayBuffer();
      publishMs.push(performance.now() - sent);
      const deadline = Date.now() + 30_000;
      while ((received.get(item.id)?.length ?? 0) < STREAMS && Date.now() < deadline) await settle(5);
      const times = received.get(item.id) ?? [];
      missed += STREAMS - times.length;
      deliveries.push(...times.map((at) => at - sent));
      await settle(500);
    }
    return { storage, rssBefore, rssOpen, deliveries, publishMs, missed };
  } finally {
    for (const client of clients) client.close();
    await Promise.all(platforms.map((p) => p.dispose()));
    await database?.drop();
  }
}

/** A page of 20 contributions' support counts: from the counter, or counted from `supports`. */
async function counterVersusAggregate(storage: 'sqlite' | 'postgres'): Promise<string> {
  const CONTRIBUTIONS = 200;
  const SUPPORTS = 500;
  const RUNS = 200;
  const counter = `SELECT id, support_count FROM contributions WHERE commitment_id = 'FR0067' AND status = 'published'
    ORDER BY received_at DESC, id DESC LIMIT 20`;
  const aggregate = `SELECT id, (SELECT count(*) FROM supports s WHERE s.contribution_id = c.id) AS n FROM contributions c
    WHERE commitment_id = 'FR0067' AND status = 'published' ORDER BY received_at DESC, id DESC LIMIT 20`;
  const time = async (run: () => unknown) => {
    for (let i = 0; i < 20; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return `p50 ${percentile(samples, 50).toFixed(3)} ms, p95 ${percentile(samples, 95).toFixed(3)} ms`;
  };
  let database: TestDatabase | undefined;
  const env: Record<string, string> = { VIGIE_LOG_LEVEL: 'warn' };
  if (storage === 'postgres') {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  // The platform makes the schema (migrations), then stops; rows go in directly, in bulk.
  const platform = await startPlatformProcess({ env });
  await platform.stop();
  try {
    const fill = `INSERT INTO contributions (id, kind, body, target_url, target_title, selectors, commitment_id, locale, source,
      created_at, status, received_at, content_hash, published_at, support_count)`;
    if (storage === 'sqlite') {
      const db = new Database(path.join(platform.dataDir, 'vigie.sqlite'));
      const insert = db.prepare(
        `${fill} VALUES (?, 'comment', 'x', 'https://e.gouv.fr/', 't', '[]', 'FR0067', 'fr', 'widget', ?, 'published', ?, 'h', ?, ${SUPPORTS})`,
      );
      const support = db.prepare(
        `INSERT INTO supports (contribution_id, supporter_hash, created_at) VALUES (?, ?, 'x')`,
      );
      db.transaction(() => {
        for (let i = 0; i < CONTRIBUTIONS; i++) {
          const id = crypto.randomUUID();
          const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
          insert.run(id, at, at, at);
          for (let j = 0; j < SUPPORTS; j++) support.run(id, `${id}-${j}`);
        }
      })();
      const counted = db.prepare(counter);
      const summed = db.prepare(aggregate);
      const result = `counter ${await time(() => counted.all())}; aggregate ${await time(() => summed.all())}`;
      db.close();
      return result;
    }
    const url = database!.url;
    await queryDatabase(
      url,
      `${fill} SELECT gen_random_uuid()::text, 'comment', 'x', 'https://e.gouv.fr/', 't', '[]', 'FR0067', 'fr', 'widget',
        to_char(now() + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'published',
        to_char(now() + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'h',
        to_char(now() + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ${SUPPORTS}
       FROM generate_series(1, ${CONTRIBUTIONS}) AS i`,
    );
    await queryDatabase(
      url,
      `INSERT INTO supports (contribution_id, supporter_hash, created_at)
       SELECT c.id, c.id || '-' || j, 'x' FROM contributions c, generate_series(1, ${SUPPORTS}) AS j`,
    );
    await queryDatabase(url, 'VACUUM ANALYZE');
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      return `counter ${await time(() => client.query(counter))}; aggregate ${await time(() => client.query(aggregate))}`;
    } finally {
      await client.end();
    }
  } finally {
    await platform.dispose();
    await database?.drop();
  }
}

async function main(): Promise<void> {
  const limits = ensureOpenFiles(STREAMS + 200);
  let postgresVersion = 'not measured';
  if (postgresAdminUrl) {
    const [row] = await queryDatabase<{ server_version: string }>(postgresAdminUrl, 'SHOW server_version');
    postgresVersion = row?.server_version ?? 'unknown';
  } else process.stderr.write(`${postgresSkipReason}\n`);
  const storages: Array<'sqlite' | 'postgres'> = postgresAdminUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const runs: FanOut[] = [];
  for (const storage of storages) runs.push(await fanOut(storage));
  const counts: string[] = [];
  for (const storage of storages) counts.push(`  ${storage.padEnd(9)} ${await counterVersusAggregate(storage)}`);

  const out = [
    '',
    `Machine: ${machineLine()}; PostgreSQL ${postgresVersion}`,
    `This process: ${limits}; the clients run on the same machine, in one Node process (their own parsing is in the times).`,
    '',
    `Fan-out: ${STREAMS} clients on GET /v1/stream?commitmentId=FR0067 of one platform process; ${EVENTS} contributions published`,
    'one after the other (on PostgreSQL through a second process); time from sending the batch to each client receiving the event',
    '',
    '  storage    delivery p50   p95       max       missed  publish (batch answer) p50   RSS before → with streams (per stream)',
    ...runs.map((r) => {
      const sorted = [...r.deliveries].sort((a, b) => a - b);
      const publish = [...r.publishMs].sort((a, b) => a - b);
      const perStream = ((r.rssOpen - r.rssBefore) * 1024) / STREAMS;
      return `  ${r.storage.padEnd(9)}  ${percentile(sorted, 50).toFixed(1).padStart(8)} ms ${percentile(sorted, 95).toFixed(1).padStart(6)} ms ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(6)} ms  ${String(r.missed).padStart(6)}  ${percentile(publish, 50).toFixed(1).padStart(19)} ms          ${r.rssBefore.toFixed(0)} → ${r.rssOpen.toFixed(0)} MiB (${perStream.toFixed(1)} KiB)`;
    }),
    '',
    'supportCount of a page of 20 (200 contributions × 500 supports): counter column vs count over the supports index, 200 runs',
    ...counts,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

await main();
