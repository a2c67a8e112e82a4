import { describe, expect, it, vi } from 'vitest';
import { createInProcessLock, timerDelay, type SyncEngineOptions } from '../../api-client/drafts';
import { internalsOf } from '../../api-client/drafts/store';
import { cleanups, counts, engineFor, queued, setup } from '../support/sync-harness';
import { createClock, createFakePlatform, freshStore } from '../support/sync-fakes';

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
    await internalsOf(store).outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'a-dead-engine' });
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

  it('never asks setTimeout for a delay it cannot keep: past times wake at once, far ones re-arm later', () => {
    const now = Date.UTC(2026, 10, 27);
    expect(timerDelay(now - 5_000, now)).toBe(0);
    expect(timerDelay(now + 5_000, now)).toBe(5_000);
    // Beyond 2^31 − 1 ms setTimeout would fire at once: the engine would spin instead of waiting.
    expect(timerDelay(now + 40 * 24 * 3_600_000, now)).toBe(2 ** 31 - 1);
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
    expect((await internalsOf(store).outbox.readLink()).failures).toBe(0);
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
