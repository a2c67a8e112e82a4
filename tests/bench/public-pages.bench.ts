/**
 * The public pages under load, printed beside the machine and the goal; not a test.
 *   npx tsx tests/bench/public-pages.bench.ts       (SQLite, and PostgreSQL when VIGIE_TEST_DATABASE_URL is set)
 *   BENCH_ROWS=20000 npx tsx tests/bench/public-pages.bench.ts   (a quicker run)
 *
 * 100,000 published contributions spread over the plan's commitments are sent through the
 * batch endpoint (post-moderation) and 1 % of them answered by a moderator; then each page
 * is asked for again and again by one client, and the time until its last byte is taken.
 */
import { execFileSync } from 'node:child_process';
import { gapTypes, type ContributionInput } from '../../api-client/contract';
import { seedCommitments } from '../../platform/seed/commitments';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import {
  createTestDatabase,
  postgresAdminUrl,
  postgresSkipReason,
  queryDatabase,
  type TestDatabase,
} from '../support/postgres';
import { machineLine } from './machine';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CLIENTS = 8;
const BATCH = 100;
const commitments = seedCommitments().map((c) => c.id);

/** Words with known shares of the contributions, so searches have realistic sizes. */
const topics = ['marchés publics', 'calendrier', 'budget', 'rapport annuel', 'santé', 'école', 'justice', 'lobbying'];
const places = ['la préfecture', 'la mairie', 'le ministère', 'l’agence', 'le rectorat'];

function contribution(n: number): ContributionInput {
  const gap = n % 4 === 0;
  return {
    id: crypto.randomUUID(),
    kind: gap ? 'gap' : 'comment',
    ...(gap ? { gapType: gapTypes[(n >> 2) % gapTypes.length] } : {}),
    // One in three mentions "données"; each topic one in eight; "inspection" one in a thousand.
    body:
      `Contribution ${n} sur ${topics[n % topics.length]} : ${n % 3 === 0 ? 'les données promises' : 'le document promis'} ` +
      `par ${places[n % places.length]} ${n % 1000 === 0 ? 'après l’inspection ' : ''}n’est toujours pas publié, ni daté.`,
    target: {
      url: `https://www.example.gouv.fr/demarches/${n % 500}`,
      title: 'Démarche en ligne',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'rendre la commande publique plus transparente', prefix: 'Engagement : ' },
      ],
    },
    commitmentId: commitments[n % commitments.length],
    ...(n % 3 ? { author: { pseudonym: `Citoyen ${n % 97}` } } : {}),
    locale: 'fr',
    source: n % 2 ? 'widget' : 'extension',
    createdAt: new Date().toISOString(),
  };
}

async function seed(platform: PlatformProcess, token: string): Promise<void> {
  let next = 0;
  const answer: string[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < ROWS) {
        const first = next;
        next += BATCH;
        const items = Array.from({ length: Math.min(BATCH, ROWS - first) }, (_, i) => contribution(first + i));
        const response = await fetch(`${platform.url}/v1/contributions:batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items }),
        });
        if (!response.ok) throw new Error(`batch refused: ${response.status}`);
        answer.push(items[0]!.id);
      }
    }),
  );
  // One in a hundred gets a public answer, as a moderator gives it.
  for (const id of answer) {
    const response = await fetch(`${platform.url}/v1/moderation/contributions/${id}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ decision: 'publish', reply: 'Merci : le document sera publié le mois prochain.' }),
    });
    if (!response.ok) throw new Error(`decision refused: ${response.status}`);
  }
}

interface Timing {
  p50: number;
  p95: number;
  bytes: number;
}

async function time(platform: PlatformProcess, paths: string[]): Promise<Timing> {
  const durations: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 20; i++) {
    const path = paths[i % paths.length]!;
    const started = performance.now();
    const response = await fetch(`${platform.url}${path}`, { headers: { accept: 'text/html' } });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    // The first 20 warm the process up (JIT, caches) and are not counted.
    if (i >= 20) durations.push(performance.now() - started);
    bytes = body.byteLength;
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  return { p50: at(0.5), p95: at(0.95), bytes };
}

/** A page near the end of a commitment's list: deep paging must cost what the first page does. */
const deepPage = Math.max(1, Math.floor((ROWS / commitments.length / 20) * 0.9));
const searches = ['donnees', 'marches publics', 'lobbying prefecture', 'inspection'];
const routes: Array<{ name: string; paths: string[]; goal: number }> = [
  { name: 'GET /', paths: ['/'], goal: 50 },
  { name: 'GET /engagements/FR0067', paths: ['/engagements/FR0067'], goal: 50 },
  { name: `GET /engagements/FR0067?page=${deepPage}`, paths: [`/engagements/FR0067?page=${deepPage}`], goal: 50 },
  {
    name: `GET /recherche?q=… (${searches.length} searches in turn)`,
    paths: searches.map((q) => `/recherche?q=${encodeURIComponent(q)}`),
    goal: 100,
  },
];

async function matches(platform: PlatformProcess): Promise<string> {
  const counts: string[] = [];
  for (const q of searches) {
    const page = await (await fetch(`${platform.url}/recherche?q=${encodeURIComponent(q)}`)).text();
    counts.push(`"${q}": ${/<h2 id="search-results"[^>]*>([^<]*)</.exec(page)?.[1] ?? '?'}`);
  }
  return counts.join('; ');
}

async function run(storage: 'sqlite' | 'postgres'): Promise<{ timings: Timing[]; matches: string }> {
  let database: TestDatabase | undefined;
  const env: Record<string, string> = { VIGIE_MODERATION: 'post', VIGIE_RATE_LIMIT: 'off' };
  if (storage === 'postgres') {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  const platform = await startPlatformProcess({ env });
  try {
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'platform/cli.ts', 'token', 'create', '--role', 'moderator', '--name', 'bench'],
      { env: { ...process.env, VIGIE_DATA_DIR: platform.dataDir, ...env }, encoding: 'utf8' },
    );
    const token = /^vigie_[\w-]{43}$/m.exec(printed)![0];
    process.stderr.write(`${storage}: publishing ${ROWS} contributions…\n`);
    const started = performance.now();
    await seed(platform, token);
    process.stderr.write(`${storage}: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s; measuring…\n`);
    const timings: Timing[] = [];
    for (const route of routes) timings.push(await time(platform, route.paths));
    return { timings, matches: await matches(platform) };
  } finally {
    await platform.dispose();
    await database?.drop();
  }
}

async function main(): Promise<void> {
  let postgresVersion = 'not measured';
  if (postgresAdminUrl) {
    const [row] = await queryDatabase<{ server_version: string }>(postgresAdminUrl, 'SHOW server_version');
    postgresVersion = row?.server_version ?? 'unknown';
  } else process.stderr.write(`${postgresSkipReason}\n`);
  const sqlite = await run('sqlite');
  const postgres = postgresAdminUrl ? await run('postgres') : undefined;
  const ms = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
  const out = [
    '',
    `## Public pages, ${ROWS.toLocaleString('en-GB')} published contributions over ${commitments.length} commitments (1 % answered)`,
    '',
    `machine: ${machineLine()}; PostgreSQL ${postgresVersion} on the same machine`,
    `${RUNS} requests per page after 20 to warm up, one at a time, from a client on the same machine; time to the last byte`,
    '',
    '| page | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 | goal (p95) | size |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...routes.map(
      (route, i) =>
        `| ${route.name} | ${ms(sqlite.timings[i]!.p50)} | ${ms(sqlite.timings[i]!.p95)} | ${ms(postgres?.timings[i]!.p50)} | ${ms(postgres?.timings[i]!.p95)} | < ${route.goal} ms | ${(sqlite.timings[i]!.bytes / 1024).toFixed(0)} KB |`,
    ),
    '',
    `Searches (SQLite): ${sqlite.matches}`,
    ...(postgres ? [`Searches (PostgreSQL): ${postgres.matches}`] : []),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

await main();
