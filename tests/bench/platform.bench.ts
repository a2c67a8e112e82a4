/**
 * Platform throughput, printed as tables beside the machine they ran on; not a test.
 *   npx tsx tests/bench/platform.bench.ts            (SQLite, and PostgreSQL when VIGIE_TEST_DATABASE_URL is set)
 *   BENCH_ROWS=20000 npx tsx tests/bench/platform.bench.ts   (a quicker run)
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { ContributionInput } from '../../api-client/contract';
import {
  createTestDatabase,
  postgresAdminUrl,
  postgresSkipReason,
  queryDatabase,
  type TestDatabase,
} from '../support/postgres';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';

const CLIENTS = 8;
const BATCH = 100;
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

function contribution(n: number): ContributionInput {
  return {
    id: crypto.randomUUID(),
    kind: n % 5 === 0 ? 'gap' : 'comment',
    ...(n % 5 === 0 ? { gapType: 'missing-data' as const } : {}),
    body: `Contribution ${n} : le jeu de données promis, « avec accents », n'est toujours pas publié, ni daté.`,
    target: {
      url: `https://www.example.gouv.fr/demarches/${n % 500}`,
      title: 'Démarche en ligne',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'rendre la commande publique plus transparente', prefix: 'Engagement : ' },
      ],
    },
    commitmentId: 'FR0067',
    locale: 'fr',
    source: n % 2 ? 'widget' : 'extension',
    createdAt: new Date().toISOString(),
  };
}

function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

/** Samples the server's resident memory every 20 ms while `work` runs. */
async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMiB: number; beforeMiB: number }> {
  const before = rssKiB(pid);
  const beforeMiB = before / 1024;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
  try {
    const result = await work();
    peak = Math.max(peak, rssKiB(pid));
    return { result, peakMiB: peak / 1024, beforeMiB };
  } finally {
    clearInterval(timer);
  }
}

async function ingest(platform: PlatformProcess, rows: number): Promise<{ seconds: number; perSecond: number }> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < rows) {
        const first = next;
        next += BATCH;
        const items = Array.from({ length: Math.min(BATCH, rows - first) }, (_, i) => contribution(first + i));
        const response = await fetch(`${platform.url}/v1/contributions:batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items }),
        });
        const { results } = (await response.json()) as { results: Array<{ outcome: string }> };
        if (!response.ok || results.some((r) => r.outcome !== 'created'))
          throw new Error(`batch refused: ${response.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: rows / seconds };
}

async function exportAll(platform: PlatformProcess, token: string, format: string) {
  return peakRss(platform.pid, async () => {
    const started = performance.now();
    const response = await fetch(`${platform.url}/v1/exports/contributions?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    return { seconds: (performance.now() - started) / 1000, megabytes: bytes / 1e6 };
  });
}

async function makeToken(platform: PlatformProcess, env: Record<string, string>): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  const printed = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'platform/cli.ts', 'token', 'create', '--role', 'admin', '--name', 'bench'],
    {
      env: { ...process.env, VIGIE_DATA_DIR: platform.dataDir, ...env },
      encoding: 'utf8',
    },
  );
  return /^vigie_[\w-]{43}$/m.exec(printed)![0];
}

interface Row {
  storage: string;
  ingest: string;
  exports: string[];
}

async function run(storage: 'sqlite' | 'postgres'): Promise<Row> {
  let database: TestDatabase | undefined;
  const env: Record<string, string> = { VIGIE_MODERATION: 'post', VIGIE_RATE_LIMIT: 'off' };
  if (storage === 'postgres') {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  const platform = await startPlatformProcess({ env });
  try {
    const token = await makeToken(platform, env);
    process.stderr.write(`${storage}: ingesting ${ROWS} contributions…\n`);
    const ingested = await ingest(platform, ROWS);
    const exports: string[] = [];
    // The French CSV and the XLSX (#18) beside the RFC 4180 CSV and JSON-LD; token holders' rows carry the journal.
    for (const format of ['csv', 'csv&dialect=fr', 'xlsx', 'jsonld']) {
      process.stderr.write(`${storage}: exporting ${format}…\n`);
      const { result, peakMiB, beforeMiB } = await exportAll(platform, token, format);
      exports.push(
        `${format.padEnd(14)} ${result.seconds.toFixed(1).padStart(5)} s  ${(ROWS / result.seconds).toFixed(0).padStart(7)} rows/s  ${result.megabytes.toFixed(0).padStart(4)} MB  RSS ${beforeMiB.toFixed(0)} → peak ${peakMiB.toFixed(0)} MiB`,
      );
    }
    return {
      storage,
      ingest: `${ingested.perSecond.toFixed(0).padStart(6)} contributions/s (${ROWS} in ${ingested.seconds.toFixed(1)} s)`,
      exports,
    };
  } finally {
    await platform.dispose();
    await database?.drop();
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  let postgresVersion = 'not measured';
  if (postgresAdminUrl) {
    const [row] = await queryDatabase<{ server_version: string }>(postgresAdminUrl, 'SHOW server_version');
    postgresVersion = row?.server_version ?? 'unknown';
  } else process.stderr.write(`${postgresSkipReason}\n`);
  const rows: Row[] = [await run('sqlite')];
  if (postgresAdminUrl) rows.push(await run('postgres'));

  const out = [
    '',
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
    `Node ${process.version}; PostgreSQL ${postgresVersion}; one platform process; the load generator runs on the same machine.`,
    '',
    `Ingest: POST /v1/contributions:batch, ${CLIENTS} concurrent clients × batches of ${BATCH}, all new ids`,
    ...rows.map((r) => `  ${r.storage.padEnd(9)} ${r.ingest}`),
    '',
    `Export of ${ROWS} contributions (GET /v1/exports/contributions, streamed), server RSS sampled every 20 ms`,
    ...rows.flatMap((r) => r.exports.map((line) => `  ${r.storage.padEnd(9)} ${line}`)),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

await main();
