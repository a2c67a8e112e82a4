import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createInProcessLock,
  createSyncEngine,
  type DraftStore,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncReport,
} from '../../api-client/drafts';
import { aDraftInput, createClock, createFakePlatform, freshStore, seededRandom } from '../support/sync-fakes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(options: Partial<SyncEngineOptions> & { storeOptions?: Parameters<typeof freshStore>[0] } = {}) {
  const clock = createClock();
  const platform = createFakePlatform({ now: clock.now });
  const store = freshStore({ now: clock.now, ...options.storeOptions });
  const engine = engineFor(store, platform.client, { now: clock.now, ...options });
  cleanups.push(() => store.close());
  return { clock, platform, store, engine };
}

function engineFor(store: DraftStore, client: SyncEngineOptions['client'], options: Partial<SyncEngineOptions> = {}) {
  const engine = createSyncEngine({
    store,
    client,
    random: seededRandom(7),
    schedule: null,
    connectivity: null,
    ...options,
  });
  cleanups.push(() => engine.stop());
  return engine;
}

async function queued(store: DraftStore, overrides: Parameters<typeof aDraftInput>[0] = {}) {
  const draft = await store.create(aDraftInput(overrides));
  const result = await store.queue(draft.id);
  if (!result.ok) throw new Error(result.sentences.en);
  return draft.id;
}

function counts(report: SyncReport) {
  if (report.skipped) throw new Error(report.message);
  return report;
}

describe('the promise: never lose a word, never send twice', () => {
  it('a draft typed offline is sent once when the network returns', async () => {
    const { clock, platform, store, engine } = setup();
    platform.failAlways({ kind: 'network' });
    const id = await queued(store);

    const offline = counts(await engine.syncNow());
    expect(offline).toMatchObject({ requests: 1, synced: 0, retryLater: 1 });
    expect(await store.get(id)).toMatchObject({ state: 'queued', lastError: { code: 'network' } });
    expect(platform.stored.size).toBe(0);

    platform.heal();
    clock.set(offline.nextAttemptAt!);
    const online = counts(await engine.syncNow());
    expect(online).toMatchObject({ requests: 1, sent: 1, synced: 1, retryLater: 0, nextAttemptAt: null });
    expect(await store.get(id)).toMatchObject({ state: 'synced', server: { status: 'published' } });
    expect((await store.get(id))?.lastError).toBeUndefined();
    expect(platform.stored.size).toBe(1);
  });

  it('an answer lost on the way back does not make a second contribution: the retry is a duplicate, and the draft keeps the first receipt', async () => {
    const { clock, platform, store, engine } = setup();
    const id = await queued(store);
    platform.fail({ kind: 'lose-answer' });

    const lost = counts(await engine.syncNow());
    expect(lost).toMatchObject({ synced: 0, retryLater: 1 });
    const firstReceipt = platform.stored.get(id)!.contribution.receivedAt;

    clock.advance(60_000);
    const retried = counts(await engine.syncNow());
    expect(retried.synced).toBe(1);
    expect(platform.timesSent(id)).toBe(2);
    expect(platform.stored.size).toBe(1);
    expect((await store.get(id))?.server?.receivedAt).toBe(firstReceipt);
  });

  it('sends exactly what was checked when the citizen pressed send', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store, { body: '  Le jeu de données manque.  ' });
    await engine.syncNow();
    expect(platform.stored.get(id)?.contribution).toMatchObject({
      id,
      body: 'Le jeu de données manque.',
      kind: 'comment',
    });
  });
});

describe('per-item outcomes', () => {
  it('created and duplicate end synced with the server’s status and time; conflict and invalid end rejected with its reason; one bad item does not sink the others', async () => {
    const { clock, platform, store, engine } = setup();
    const fresh = await queued(store);
    const already = await queued(store);
    const clash = await queued(store, { body: 'Ma version' });
    const refused = await queued(store);
    // What the platform already holds: the same content under one id, another content under another.
    await platform.client.submitBatch([{ ...(await store.get(already))!.input, id: already } as never]);
    await platform.client.submitBatch([{ ...aDraftInput({ body: 'Une autre version' }), id: clash } as never]);
    platform.refuseItem(refused, 'body.empty', 'Le texte est vide.');
    const heldSince = new Date(clock.now()).toISOString();
    clock.advance(5000);

    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ requests: 1, sent: 4, synced: 2, rejected: 2, retryLater: 0 });
    expect(await store.get(fresh)).toMatchObject({
      state: 'synced',
      syncedAt: clock.now(),
      server: { status: 'published', receivedAt: new Date(clock.now()).toISOString() },
    });
    expect(await store.get(already)).toMatchObject({
      state: 'synced',
      server: { status: 'published', receivedAt: heldSince },
    });
    expect(await store.get(clash)).toMatchObject({
      state: 'rejected',
      input: { body: 'Ma version' },
      lastError: {
        code: 'conflict',
        status: 409,
        sentence: 'Une autre contribution a déjà été reçue sous cet identifiant.',
      },
    });
    expect(await store.get(refused)).toMatchObject({
      state: 'rejected',
      lastError: {
        code: 'body.empty',
        status: 422,
        sentence: 'Le texte est vide.',
        errors: [{ pointer: '/items/0/body' }],
      },
    });
  });

  it('a draft the platform refuses keeps its words and the reason; edited and sent again, it is queued and synced', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store, { body: 'Trop court' });
    platform.refuseItem(id, 'body.empty', 'Le texte est vide.');
    expect(counts(await engine.syncNow()).rejected).toBe(1);
    expect(await store.get(id)).toMatchObject({
      state: 'rejected',
      input: { body: 'Trop court' },
      lastError: { code: 'body.empty' },
    });

    platform.acceptItem(id);
    // While the citizen edits, the reason stays on screen.
    const edited = await store.update(id, { body: 'Le lien vers le rapport 2023 est cassé.' });
    expect(edited).toMatchObject({ state: 'rejected', lastError: { code: 'body.empty' } });
    expect(await store.queue(id)).toMatchObject({ ok: true, draft: { state: 'queued' } });
    expect((await store.get(id))?.lastError).toBeUndefined();
    expect(counts(await engine.syncNow()).synced).toBe(1);
    expect(platform.stored.get(id)?.contribution.body).toBe('Le lien vers le rapport 2023 est cassé.');
  });

  it('a queued draft the contract no longer accepts is rejected with words, without a request', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store);
    // As if a newer contract tightened a rule after the draft was queued.
    await store.db.drafts.update(id, { 'input.body': '' } as never);
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ requests: 0, rejected: 1 });
    expect(platform.requests).toHaveLength(0);
    expect(await store.get(id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'body.empty', sentence: 'Le texte est vide.' },
    });
  });

  it('an item missing from the answer stays queued and is tried again later', async () => {
    const { clock, platform, store, engine } = setup();
    const a = await queued(store);
    const b = await queued(store);
    platform.omitFromAnswers(b);
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 1, retryLater: 1 });
    expect(await store.get(a)).toMatchObject({ state: 'synced' });
    expect(await store.get(b)).toMatchObject({ state: 'queued', lastError: { code: 'missing-result' } });
    expect(report.nextAttemptAt).toBeGreaterThan(clock.now());
    // Not before its time.
    expect(counts(await engine.syncNow()).requests).toBe(0);
    platform.includeInAnswers(b);
    clock.set(report.nextAttemptAt!);
    expect(counts(await engine.syncNow()).synced).toBe(1);
  });
});

describe('batches', () => {
  it('hold at most 100 items', async () => {
    const { platform, store, engine } = setup();
    for (let i = 0; i < 230; i++) await queued(store, { body: `Contribution ${i}` });
    const report = counts(await engine.syncNow());
    expect(platform.requests.map((r) => r.ids.length)).toEqual([100, 100, 30]);
    expect(report).toMatchObject({ requests: 3, sent: 230, synced: 230 });
  });

  it('a batch refused as too large (413) is split until it passes, and the rest of the push keeps the smaller size', async () => {
    const { platform, store, engine } = setup({ batchSize: 40 });
    for (let i = 0; i < 70; i++) await queued(store, { body: `Contribution ${i}` });
    platform.refuseRequests((items) => items.length > 15, 413, 'Le corps de la requête dépasse 4096 octets.');
    const report = counts(await engine.syncNow());
    expect(report.synced).toBe(70);
    expect(platform.stored.size).toBe(70);
    // 40 → 413 → 20 + 20, each → 413 → 10 + 10; the limit is now 10 for the last 30.
    expect(platform.requests.map((r) => r.ids.length)).toEqual([40, 20, 10, 10, 20, 10, 10, 10, 10, 10]);
  });

  it('an item too large on its own is rejected with the platform’s sentence; the others go', async () => {
    const { platform, store, engine } = setup();
    const ids = [await queued(store), await queued(store), await queued(store)];
    platform.refuseRequests(
      (items) => items.some((i) => i.id === ids[1]),
      413,
      'Le corps de la requête dépasse 4096 octets.',
    );
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 2, rejected: 1 });
    expect(await store.get(ids[1]!)).toMatchObject({
      state: 'rejected',
      lastError: { status: 413, sentence: 'Le corps de la requête dépasse 4096 octets.' },
    });
    expect(platform.stored.has(ids[0]!) && platform.stored.has(ids[2]!)).toBe(true);
  });

  it('a whole request refused as malformed (400, 422) is bisected: only the item at fault is rejected', async () => {
    const { platform, store, engine } = setup();
    const ids: string[] = [];
    // The contract now refuses a NUL before it is queued: the poison is a word only this fake platform minds.
    for (let i = 0; i < 8; i++) ids.push(await queued(store, { body: i === 5 ? 'Texte [piège]' : `Texte ${i}` }));
    platform.refuseRequests((items) => items.some((i) => i.body.includes('[piège]')), 422, 'Le lot est mal formé.');
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 7, rejected: 1 });
    // 8 → 4 + 4, the bad half → 2 + 2, the bad pair → 1 + 1: bounded by 2n − 1, and it never repeats.
    expect(report.requests).toBeLessThanOrEqual(2 * 8 - 1);
    expect(await store.get(ids[5]!)).toMatchObject({
      state: 'rejected',
      lastError: { status: 422, sentence: 'Le lot est mal formé.' },
    });
    expect(counts(await engine.syncNow()).requests).toBe(0);
  });
});

describe('failures of the whole request', () => {
  const transient = [
    ['the network', { kind: 'network' }, 'network'],
    ['a timeout', { kind: 'timeout' }, 'timeout'],
    ['408', { kind: 'http', status: 408 }, 'platform-unavailable'],
    ['429', { kind: 'http', status: 429 }, 'platform-unavailable'],
    ['500', { kind: 'http', status: 500 }, 'platform-unavailable'],
    ['502', { kind: 'http', status: 502 }, 'platform-unavailable'],
    ['503', { kind: 'http', status: 503 }, 'platform-unavailable'],
  ] as const;

  it.each(transient)('%s: the drafts wait with growing, jittered delays, then go', async (_name, fault, code) => {
    const { clock, platform, store, engine } = setup({ backoff: { baseMs: 1000, capMs: 60_000 } });
    const id = await queued(store);
    platform.failAlways(fault);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const report = counts(await engine.syncNow());
      expect(report).toMatchObject({ requests: 1, retryLater: 1 });
      delays.push(report.nextAttemptAt! - clock.now());
      // Nothing goes out before the time.
      clock.set(report.nextAttemptAt! - 1);
      expect(counts(await engine.syncNow()).requests).toBe(0);
      clock.advance(1);
    }
    expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 8, lastError: { code } });
    // Full jitter under a doubling ceiling: 1 s, then ≤ 2 s, ≤ 4 s, … ≤ 60 s.
    delays.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** n));
    });
    expect(new Set(delays).size).toBeGreaterThan(4);

    platform.heal();
    expect(counts(await engine.syncNow()).synced).toBe(1);
    // The first answer resets the backoff.
    expect((await store.outbox.readLink()).failures).toBe(0);
  });

  it('never tries again before the Retry-After the platform asked for', async () => {
    const { clock, platform, store, engine } = setup({ random: () => 0 });
    const first = await queued(store);
    platform.fail({ kind: 'http', status: 503, retryAfterSeconds: 120 });
    const report = counts(await engine.syncNow());
    expect(report.nextAttemptAt).toBe(clock.now() + 120_000);
    // A draft queued meanwhile waits too, even though the citizen just pressed send.
    clock.advance(30_000);
    const second = await queued(store);
    expect(counts(await engine.syncNow()).requests).toBe(0);
    clock.advance(89_999);
    expect(counts(await engine.syncNow()).requests).toBe(0);
    clock.advance(1);
    expect(counts(await engine.syncNow())).toMatchObject({ requests: 1, synced: 2 });
    expect(platform.requests[1]?.ids.sort()).toEqual([first, second].sort());
  });

  it('a Retry-After shorter than the backoff does not shorten it', async () => {
    const { clock, platform, store, engine } = setup({ random: () => 1, backoff: { baseMs: 1000, capMs: 60_000 } });
    await queued(store);
    platform.failAlways({ kind: 'http', status: 429, retryAfterSeconds: 1 });
    for (let i = 0; i < 5; i++) {
      const report = counts(await engine.syncNow());
      clock.set(report.nextAttemptAt!);
    }
    const report = counts(await engine.syncNow());
    expect(report.nextAttemptAt! - clock.now()).toBe(32_000);
  });

  it('one failing link costs one request per step, however many drafts wait', async () => {
    const { clock, platform, store, engine } = setup();
    platform.failAlways({ kind: 'network' });
    for (let i = 0; i < 250; i++) {
      await queued(store, { body: `Contribution ${i}` });
      clock.advance(10);
    }
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ requests: 1, sent: 100, retryLater: 100 });
    const waiting = await store.list({ state: 'queued' });
    expect(new Set(waiting.map((d) => d.nextAttemptAt))).toEqual(new Set([report.nextAttemptAt]));
    clock.set(report.nextAttemptAt!);
    expect(counts(await engine.syncNow()).requests).toBe(1);
  });

  it('401, 403, 404, 415 do not spin and do not lose anything: the drafts wait the hold time, then go', async () => {
    for (const status of [401, 403, 404, 415]) {
      const { clock, platform, store, engine } = setup({ holdMs: 10 * 60_000 });
      const id = await queued(store);
      platform.fail({ kind: 'http', status });
      const report = counts(await engine.syncNow());
      expect(report).toMatchObject({
        requests: 1,
        rejected: 0,
        retryLater: 1,
        nextAttemptAt: clock.now() + 10 * 60_000,
      });
      expect(await store.get(id)).toMatchObject({ state: 'queued', lastError: { code: 'platform-refused', status } });
      clock.advance(10 * 60_000 - 1);
      expect(counts(await engine.syncNow()).requests).toBe(0);
      clock.advance(1);
      expect(counts(await engine.syncNow()).synced).toBe(1);
    }
  });
});

describe('triggers', () => {
  it('start() sends what is due, and queueing a draft pushes it while the engine runs', async () => {
    const { platform, store, engine } = setup();
    const early = await queued(store);
    expect(counts(await engine.start())).toMatchObject({ synced: 1 });
    expect(platform.stored.has(early)).toBe(true);

    const late = await queued(store);
    await vi.waitFor(async () => expect((await store.get(late))?.state).toBe('synced'));
    await engine.stop();
    const afterStop = await queued(store);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await store.get(afterStop))?.state).toBe('queued');
  });

  it('start() recovers drafts a crash left sending, and sends them once', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store);
    await store.outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'a-dead-engine' });
    expect(counts(await engine.start())).toMatchObject({ synced: 1 });
    expect(platform.timesSent(id)).toBe(1);
  });

  it('a new session (a page load, a browser start) tries waiting drafts at once; a plain start keeps the backoff', async () => {
    const { clock, platform, store, engine } = setup();
    const id = await queued(store);
    platform.failAlways({ kind: 'network' });
    await engine.start();
    for (let i = 0; i < 5; i++) {
      clock.set((await store.get(id))!.nextAttemptAt!);
      await engine.syncNow();
    }
    await engine.stop();
    expect((await store.get(id))!.nextAttemptAt!).toBeGreaterThan(clock.now() + 1000);
    platform.heal();
    const requestsBefore = platform.requests.length;

    const woken = engineFor(store, platform.client, { now: clock.now });
    expect(counts(await woken.start())).toMatchObject({ requests: 0, retryLater: 0 });
    await woken.stop();
    expect(platform.requests).toHaveLength(requestsBefore);

    const restarted = engineFor(store, platform.client, { now: clock.now });
    expect(counts(await restarted.start({ retryNow: true }))).toMatchObject({ requests: 1, synced: 1 });
    expect(platform.requests).toHaveLength(requestsBefore + 1);
    expect((await store.get(id))?.state).toBe('synced');
  });

  it('wakes itself at the next attempt time through the host’s timer', async () => {
    const clock = createClock();
    const platform = createFakePlatform({ now: clock.now });
    const store = freshStore({ now: clock.now });
    cleanups.push(() => store.close());
    const alarms: Array<{ at: number; wake: () => void; cancelled: boolean }> = [];
    const engine = engineFor(store, platform.client, {
      now: clock.now,
      schedule: (at, wake) => {
        const alarm = { at, wake, cancelled: false };
        alarms.push(alarm);
        return () => void (alarm.cancelled = true);
      },
    });
    platform.fail({ kind: 'network' });
    const id = await queued(store);
    const report = counts(await engine.start());
    const alarm = alarms.at(-1)!;
    expect(alarm.at).toBe(report.nextAttemptAt);
    clock.set(alarm.at);
    alarm.wake();
    await vi.waitFor(async () => expect((await store.get(id))?.state).toBe('synced'));
  });

  it('an online event ends the backoff: waiting drafts go at once', async () => {
    const { clock, platform, store } = setup();
    const network = new EventTarget();
    const engine = engineFor(store, platform.client, { now: clock.now, connectivity: network });
    const id = await queued(store);
    platform.failAlways({ kind: 'network' });
    await engine.start();
    for (let i = 0; i < 5; i++) {
      clock.set((await store.get(id))!.nextAttemptAt!);
      await engine.syncNow();
    }
    expect((await store.get(id))!.nextAttemptAt!).toBeGreaterThan(clock.now() + 1000);
    const requestsWhileOffline = platform.requests.length;

    network.dispatchEvent(new Event('offline'));
    expect(engine.state.get().online).toBe(false);
    platform.heal();
    network.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect((await store.get(id))?.state).toBe('synced'));
    expect(platform.requests).toHaveLength(requestsWhileOffline + 1);
    expect(engine.state.get().online).toBe(true);
  });

  it('an online event does not override the platform’s Retry-After', async () => {
    const { clock, platform, store } = setup();
    const network = new EventTarget();
    const engine = engineFor(store, platform.client, { now: clock.now, connectivity: network });
    const id = await queued(store);
    platform.fail({ kind: 'http', status: 429, retryAfterSeconds: 600 });
    await engine.start();
    network.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(platform.requests).toHaveLength(1);
    expect((await store.get(id))?.state).toBe('queued');
    clock.advance(600_000);
    network.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect((await store.get(id))?.state).toBe('synced'));
  });

  it('stop() aborts a request in flight; its drafts go back to the queue, due now', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store);
    platform.fail({ kind: 'hang' });
    const pushing = engine.syncNow();
    await vi.waitFor(() => expect(platform.requests).toHaveLength(1));
    await engine.stop();
    expect(await pushing).toMatchObject({ skipped: false, synced: 0, retryLater: 1 });
    expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await store.outbox.readLink()).failures).toBe(0);
  });
});

describe('one pusher at a time', () => {
  it('a second engine on the same database is told another tab is sending, then pushes when the lock frees', async () => {
    const clock = createClock();
    const platform = createFakePlatform({ now: clock.now });
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    const lock = createInProcessLock(`vigie-sync:${dbName}`);
    const tabA = freshStore({ dbName, lock, now: clock.now });
    const tabB = freshStore({ dbName, lock, now: clock.now });
    cleanups.push(
      () => tabA.close(),
      () => tabB.close(),
    );
    const engineA = engineFor(tabA, platform.client, { now: clock.now });
    const engineB = engineFor(tabB, platform.client, { now: clock.now });

    const first = await queued(tabA);
    platform.fail({ kind: 'hang' });
    const pushA = engineA.syncNow();
    await vi.waitFor(() => expect(platform.requests).toHaveLength(1));
    await engineB.start();
    expect(engineB.state.get().lastReport).toEqual({
      skipped: true,
      reason: 'another-tab-is-sending',
      message: 'skipped: another tab is sending',
    });
    const second = await queued(tabB);
    await engineA.stop(); // the hung request is abandoned; A lets go of the lock
    await pushA;
    await vi.waitFor(async () => {
      expect((await tabB.get(first))?.state).toBe('synced');
      expect((await tabB.get(second))?.state).toBe('synced');
    });
    expect(platform.maxConcurrentRequests()).toBe(1);
    expect(platform.stored.size).toBe(2);
  });

  it('even without a shared lock, two engines never send the same draft at the same time: claiming is atomic', async () => {
    const platform = createFakePlatform();
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    const stores = [0, 1, 2].map((n) => freshStore({ dbName, lock: createInProcessLock(`tab-${n}`) }));
    cleanups.push(...stores.map((s) => () => s.close()));
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push(await queued(stores[0]!, { body: `Contribution ${i}` }));
    const engines = stores.map((s) => engineFor(s, platform.client, { batchSize: 7 }));
    const reports = (await Promise.all(engines.map((e) => e.syncNow()))).map(counts);
    expect(reports.reduce((n, r) => n + r.synced, 0)).toBe(300);
    expect(platform.maxConcurrentRequests()).toBeGreaterThan(1);
    for (const id of ids) expect(platform.timesSent(id)).toBe(1);
  });

  it('a late answer to an abandoned push does not overwrite what a newer push recorded', async () => {
    const platform = createFakePlatform();
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    const old = freshStore({ dbName, lock: createInProcessLock('old-process') });
    const fresh = freshStore({ dbName, lock: createInProcessLock('new-process') });
    cleanups.push(
      () => old.close(),
      () => fresh.close(),
    );
    const id = await queued(old);

    let answerLate!: () => void;
    const slowClient: SyncEngineOptions['client'] = {
      submitBatch: async (items) => {
        await new Promise<void>((resolve) => (answerLate = resolve));
        return items.map((i) => ({
          id: i.id,
          outcome: 'conflict' as const,
          problem: { type: '/problems/conflict', title: 'x', status: 409, detail: 'stale' },
        }));
      },
    };
    const abandoned = engineFor(old, slowClient).syncNow();
    await vi.waitFor(async () => expect((await fresh.get(id))?.state).toBe('sending'));

    // A new process starts while the old one is stuck: it recovers and sends.
    await fresh.recover();
    expect(counts(await engineFor(fresh, platform.client).syncNow()).synced).toBe(1);
    answerLate();
    await abandoned;
    expect(await fresh.get(id)).toMatchObject({ state: 'synced' });
  });

  it('tells whoever watches its state when it pushes and why the link failed', async () => {
    const { platform, store, engine } = setup();
    const seen: Array<{ pushing: boolean; failure: string | undefined }> = [];
    const stop = engine.state.subscribe((s) => seen.push({ pushing: s.pushing, failure: s.lastFailure?.code }));
    await queued(store);
    platform.fail({ kind: 'timeout' });
    await engine.syncNow();
    expect(seen).toContainEqual({ pushing: true, failure: undefined });
    expect(seen.at(-1)).toEqual({ pushing: false, failure: 'timeout' });
    expect(engine.state.get().lastFailure?.sentence).toBe('La plateforme a mis trop de temps à répondre.');
    stop();
  });
});
