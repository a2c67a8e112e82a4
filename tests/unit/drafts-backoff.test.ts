import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, createSyncEngine, type DraftStore, type SyncEngine } from '../../api-client/drafts';
import { aDraftInput, createClock, createFakePlatform, freshStore, seededRandom } from '../support/sync-fakes';

const HOUR = 60 * 60_000;
const opened: DraftStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('backoffDelay', () => {
  it('doubles a ceiling from the base up to the cap, and jitters below it, never under the base', () => {
    const options = { baseMs: 1000, capMs: 300_000 };
    expect([1, 2, 3, 4, 5, 9, 10, 40, 1000].map((n) => backoffDelay(n, () => 1, options))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 256_000, 300_000, 300_000, 300_000,
    ]);
    expect(backoffDelay(7, () => 0, options)).toBe(1000);
    expect(backoffDelay(7, () => 0.5, options)).toBe(1000 + 0.5 * (64_000 - 1000));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        const delay = backoffDelay(failures, () => r, options);
        return delay >= 1000 && delay <= 300_000 && Number.isFinite(delay);
      }),
    );
  });
});

/**
 * The platform is down for an hour. The host is nervous and calls syncNow every
 * few seconds (as an alarm, an online event storm or a retry button could); the
 * engine still sends only when the backoff says so.
 */
async function requestsDuringAnHourOfOutage(random: () => number, drafts: number, pokeEveryMs = 5000) {
  const clock = createClock();
  const platform = createFakePlatform({ now: clock.now });
  platform.failAlways({ kind: 'http', status: 503 });
  const store = freshStore({ now: clock.now });
  opened.push(store);
  const engine: SyncEngine = createSyncEngine({
    store,
    client: platform.client,
    now: clock.now,
    random,
    schedule: null,
    connectivity: null,
    backoff: { baseMs: 1000, capMs: 5 * 60_000 },
  });
  for (let i = 0; i < drafts; i++) {
    const { id } = await store.create(aDraftInput({ body: `Contribution ${i}` }));
    await store.queue(id);
  }
  const start = clock.now();
  const attemptTimes: number[] = [];
  while (clock.now() - start < HOUR) {
    const before = platform.requests.length;
    const report = await engine.syncNow();
    if (platform.requests.length > before) attemptTimes.push(clock.now() - start);
    // 0: a host that wakes exactly when asked (the default timer, chrome.alarms).
    if (pokeEveryMs === 0 && !report.skipped && report.nextAttemptAt !== null) clock.set(report.nextAttemptAt);
    else clock.advance(pokeEveryMs || 1000);
  }
  const queued = await store.list({ state: 'queued' });
  return { requests: platform.requests.length, attemptTimes, stillQueued: queued.length };
}

describe('with the platform down for an hour', () => {
  it('the engine makes a bounded number of requests, however often it is poked, and loses nothing', async () => {
    const { requests, attemptTimes, stillQueued } = await requestsDuringAnHourOfOutage(seededRandom(2026), 5);
    // Expected: ~9 requests while the ceiling climbs to 5 min, then one per ~2.5 min on average.
    expect(requests).toBeGreaterThanOrEqual(15);
    expect(requests).toBeLessThanOrEqual(45);
    expect(stillQueued).toBe(5);
    // It keeps trying to the end: the last attempt is within one cap of the hour.
    expect(attemptTimes.at(-1)!).toBeGreaterThan(HOUR - 5 * 60_000);
    const gaps = attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5 * 60_000 + 5000);
  }, 30_000);

  it('stays bounded for any random seed and any number of waiting drafts, woken at each attempt time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer({ min: 1, max: 120 }), async (seed, drafts) => {
        const { requests } = await requestsDuringAnHourOfOutage(seededRandom(seed), drafts, 0);
        // One request per attempt however many drafts wait, and far below one a second.
        expect(requests).toBeLessThanOrEqual(60);
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('with the longest jitter, the attempts follow the capped doubling exactly', async () => {
    const { attemptTimes } = await requestsDuringAnHourOfOutage(() => 1, 1, 0);
    const gaps = attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!);
    expect(gaps.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300].map((s) => s * 1000));
    expect(attemptTimes).toHaveLength(10 + Math.floor((HOUR - 511_000) / 300_000));
  });
});
