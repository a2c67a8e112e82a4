import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalUrl, ContributionInput, type GapType } from '../../api-client/contract';
import {
  createDraftStore,
  createInProcessLock,
  createSyncEngine,
  type DraftStore,
  type SyncEngine,
} from '../../api-client/drafts';
import { createVigieClient } from '../../api-client/http';
import { contentHash } from '../../platform/contributions/content-hash';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { aDraftInput } from '../support/sync-fakes';

const env = { VIGIE_MODERATION: 'post' };
const RUNS = Number(process.env.SYNC_FAULTS_RUNS ?? 60);
const SEED = process.env.SYNC_FAULTS_SEED === undefined ? undefined : Number(process.env.SYNC_FAULTS_SEED);

let platform: PlatformProcess;
let dataDir: string;
let proxy: FaultProxy;
/** Set while the platform is being started again after a kill. */
let restarting: Promise<void> | undefined;

beforeAll(async () => {
  platform = await startPlatformProcess({ env });
  dataDir = platform.dataDir;
  proxy = await startFaultProxy({ target: platform.url });
});

afterAll(async () => {
  await restarting;
  await proxy?.close();
  await platform?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** SIGKILL, as a crash; then the same database, the same port. */
async function killPlatform() {
  const dying = platform;
  await dying.kill();
  restarting = (async () => {
    platform = await startPlatformProcess({ env, dataDir, port: dying.port });
  })();
}

type FaultName = 'pass' | 'drop' | 'hang' | 'lose' | '500' | '503' | '429' | '429-wait' | 'delay';

const faultOf: Record<Exclude<FaultName, 'lose'>, Fault> = {
  pass: { kind: 'pass' },
  drop: { kind: 'drop' },
  hang: { kind: 'hang' },
  '500': { kind: 'status', status: 500 },
  '503': { kind: 'status', status: 503, retryAfter: '0' },
  '429': { kind: 'status', status: 429 },
  '429-wait': { kind: 'status', status: 429, retryAfter: '1' },
  delay: { kind: 'delay', ms: 30 },
};

const draftArb = fc.record({
  body: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 160 }).filter((s) => s.trim().length > 0),
  gapType: fc.option(fc.constantFrom<GapType>('outdated', 'broken-link', 'missing-data'), { nil: undefined }),
  pseudonym: fc.option(fc.constantFrom('Camille', 'Lou', ' Alex '), { nil: undefined }),
  /** Pressed send (most do), or left as a draft that must never reach the platform. */
  send: fc.constantFrom(true, true, true, false),
});

/** `arbitrary` in `yes` cases out of `yes + no`, null otherwise. */
const sometimes = <T>(yes: number, no: number, arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: no, arbitrary: fc.constant(null) }, { weight: yes, arbitrary });

const scenarioArb = fc.record({
  drafts: fc.array(draftArb, { minLength: 1, maxLength: 12 }),
  faults: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<FaultName>('lose') },
      { weight: 2, arbitrary: fc.constantFrom<FaultName>('drop', '500', '503', '429', 'delay', 'pass') },
      { weight: 1, arbitrary: fc.constantFrom<FaultName>('hang', '429-wait') },
    ),
    { maxLength: 6 },
  ),
  /** The request during which the platform is killed (then restarted), if any. */
  restartAt: sometimes(1, 7, fc.integer({ min: 0, max: 3 })),
  /** How long the platform works on that request before it dies (it may have committed, or not). */
  restartAfterMs: fc.integer({ min: 0, max: 15 }),
  /** The request during which the engine is abandoned, if any, and whether the platform got it first. */
  crashAt: sometimes(1, 3, fc.integer({ min: 0, max: 2 })),
  crashAfterCommit: fc.boolean(),
  batchSize: fc.constantFrom(1, 3, 100),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const totals = { scenarios: 0, drafts: 0, sent: 0, requests: 0, faults: 0, restarts: 0, crashes: 0, lost: 0 };
let dbCounter = 0;

function openEngine(dbName: string, batchSize: number, lockName: string) {
  const store = createDraftStore({
    dbName,
    indexedDB,
    IDBKeyRange,
    defaults: { source: 'widget', locale: 'fr' },
    lock: createInProcessLock(lockName),
  });
  const engine = createSyncEngine({
    store,
    client: createVigieClient({ baseUrl: proxy.url, timeoutMs: 400 }),
    batchSize,
    backoff: { baseMs: 10, capMs: 250 },
    connectivity: null,
    onError: () => undefined, // the crashed engine's writes fail against a closed database: expected
  });
  return { store, engine };
}

async function runScenario(scenario: Scenario) {
  const dbName = `sync-faults-${dbCounter++}`;
  let current: { store: DraftStore; engine: SyncEngine } = openEngine(dbName, scenario.batchSize, `${dbName}-first`);
  let crashed = false;
  let replaced = false;
  let restarted = false;

  // Write the drafts offline, as the citizen would.
  const written: Array<{ id: string; send: boolean }> = [];
  for (const spec of scenario.drafts) {
    const draft = await current.store.create(
      aDraftInput({
        body: spec.body,
        ...(spec.gapType ? { kind: 'gap', gapType: spec.gapType } : { kind: 'comment' }),
        ...(spec.pseudonym ? { author: { pseudonym: spec.pseudonym } } : {}),
      }),
    );
    if (spec.send) {
      const result = await current.store.queue(draft.id);
      expect(result.ok).toBe(true);
    }
    written.push({ id: draft.id, send: spec.send });
  }

  const firstRequest = proxy.log.length;
  const crashEngine = async () => {
    crashed = true;
    const dead = current;
    // Its database goes first, so nothing it does after this is written: drafts stay `sending`.
    dead.store.close();
    void dead.engine.stop().catch(() => undefined);
  };
  proxy.decide = ({ index }) => {
    const n = index - firstRequest;
    if (n === scenario.restartAt && !restarted) {
      restarted = true;
      totals.restarts++;
      return { kind: 'crash-upstream', afterMs: scenario.restartAfterMs, crash: killPlatform };
    }
    if (n === scenario.crashAt && !crashed) {
      totals.crashes++;
      return scenario.crashAfterCommit
        ? { kind: 'lose-response', meanwhile: crashEngine }
        : { kind: 'drop', before: crashEngine };
    }
    const name = scenario.faults[n];
    if (name === undefined) return { kind: 'pass' };
    totals.faults++;
    return name === 'lose' ? { kind: 'lose-response' } : faultOf[name];
  };
  void current.engine.start().catch(() => undefined);
  const deadline = Date.now() + 25_000;
  for (;;) {
    if (crashed && !replaced) {
      replaced = true;
      // The next start of the app: same database, a new process (its own lock), recovery first.
      current = openEngine(dbName, scenario.batchSize, `${dbName}-after-crash`);
      await current.store.recover();
      void current.engine.start().catch(() => undefined);
    }
    const pending = await current.store.list({ state: ['queued', 'sending'] }).catch(() => null);
    if (pending !== null && pending.length === 0 && !(crashed && !replaced)) break;
    if (Date.now() > deadline)
      throw new Error(`Scenario did not settle: ${JSON.stringify(pending?.map((d) => [d.state, d.lastError]))}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  proxy.decide = () => ({ kind: 'pass' });
  await current.engine.stop();
  await restarting;

  // What the citizen sees: every sent draft synced, every unsent one still a draft, nothing rejected.
  const drafts = await current.store.list();
  expect(drafts).toHaveLength(written.length);
  for (const { id, send } of written) {
    const draft = drafts.find((d) => d.id === id);
    expect(draft?.state, `draft ${id}: ${JSON.stringify(draft?.lastError)}`).toBe(send ? 'synced' : 'draft');
  }

  // What the platform holds: each sent draft once, with the very content that was queued.
  const db = new Database(path.join(dataDir, 'vigie.sqlite'), { readonly: true, fileMustExist: true });
  try {
    for (const draft of drafts) {
      const rows = db.prepare('SELECT * FROM contributions WHERE id = ?').all(draft.id) as Array<
        Record<string, string>
      >;
      if (draft.state === 'draft') {
        expect(rows).toHaveLength(0);
        continue;
      }
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      const sent = ContributionInput.parse({ ...draft.input, id: draft.id });
      const canonical = { ...sent, target: { ...sent.target, url: canonicalUrl(sent.target.url) } };
      expect(row.body).toBe(sent.body);
      expect(row.content_hash).toBe(contentHash(canonical));
      expect(row.received_at).toBe(draft.server?.receivedAt);
      expect(row.status).toBe(draft.server?.status);
    }
    const sentSoFar = totals.sent + written.filter((w) => w.send).length;
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM contributions').get() as { n: number };
    expect(n).toBe(sentSoFar);
  } finally {
    db.close();
  }

  // Retry-After: 1 was honoured, even across an engine crash (the wait is kept in the database).
  const requests = proxy.log.slice(firstRequest);
  requests.forEach((entry, i) => {
    const next = requests[i + 1];
    if (entry.retryAfter === '1' && next) expect(next.receivedAt).toBeGreaterThanOrEqual(entry.endedAt! + 1000);
  });

  current.store.close();
  totals.scenarios++;
  totals.drafts += written.length;
  totals.sent += written.filter((w) => w.send).length;
  totals.requests += requests.length;
  totals.lost += requests.filter((r) => r.outcome === 'lost' && r.upstreamStatus === 200).length;
}

it('whatever the network and the platform do, every queued draft is synced, and stored exactly once', async () => {
  await fc.assert(fc.asyncProperty(scenarioArb, runScenario), {
    numRuns: RUNS,
    ...(SEED === undefined ? {} : { seed: SEED }),
    endOnFailure: true,
  });
  console.log(
    `sync fault injection: ${totals.scenarios} scenarios, ${totals.drafts} drafts (${totals.sent} queued), ` +
      `${totals.requests} requests, ${totals.faults} injected faults, ${totals.lost} answers lost after commit, ` +
      `${totals.restarts} platform restarts, ${totals.crashes} engine crashes: all synced once`,
  );
  expect(totals.scenarios).toBe(RUNS);
  // The scenarios must have exercised the hard cases, or the property proved little.
  expect(totals.lost).toBeGreaterThan(5);
  expect(totals.restarts).toBeGreaterThan(0);
  expect(totals.crashes).toBeGreaterThan(0);
}, 180_000);
