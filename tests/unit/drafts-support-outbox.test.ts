import { describe, expect, it } from 'vitest';
import type { SupportState } from '../../api-client/contract';
import {
  answerOf,
  freshestCount,
  getSupport,
  setSupport,
  shownSupportCount,
  type DraftStore,
  type PushClient,
} from '../../api-client/drafts';
import { VigieHttpError, VigieNetworkError } from '../../api-client/http';
import { cleanups, counts, engineFor, queued } from '../support/sync-harness';
import { createClock, createFakePlatform, freshStore } from '../support/sync-fakes';

/** The support routes as a device meets them: down, or answering with a status, or the platform's count. */
function supportRoutes() {
  const calls: Array<{ method: 'POST' | 'DELETE'; id: string }> = [];
  const state = { answer: 'ok' as 'ok' | 'down' | number, supporters: new Map<string, Set<string>>() };
  const route =
    (method: 'POST' | 'DELETE') =>
    (id: string, key: string): Promise<SupportState> => {
      calls.push({ method, id });
      if (state.answer === 'down') return Promise.reject(new VigieNetworkError('http://platform.test'));
      if (typeof state.answer === 'number') {
        const status = state.answer;
        return Promise.reject(
          new VigieHttpError(status, { type: 'about:blank', title: `HTTP ${status}`, status }, undefined),
        );
      }
      const keys = state.supporters.get(id) ?? new Set<string>();
      if (method === 'POST') keys.add(key);
      else keys.delete(key);
      state.supporters.set(id, keys);
      return Promise.resolve({ id, supportCount: keys.size, supported: method === 'POST' });
    };
  return { calls, state, supportContribution: route('POST'), withdrawSupport: route('DELETE') };
}

function world() {
  const clock = createClock();
  const platform = createFakePlatform({ now: clock.now });
  const routes = supportRoutes();
  const store: DraftStore = freshStore({ now: clock.now });
  cleanups.push(() => store.close());
  const client: PushClient = { ...platform.client, ...routes };
  const engine = engineFor(store, client, { now: clock.now, holdMs: 60_000 });
  return { clock, platform, routes, store, engine };
}

const ID = '6f1e2a9c-3b7d-4c55-9e0a-1d2b3c4d5e6f';

describe('"Moi aussi" in the outbox, with the drafts’ link', () => {
  it('waits the link’s backoff during an outage: one request per step, then sent once', async () => {
    const { clock, routes, store, engine } = world();
    routes.state.answer = 'down';
    await setSupport(store, ID, true, { now: clock.now });
    await engine.syncNow();
    expect(routes.calls).toHaveLength(1);
    const waiting = await getSupport(store, ID);
    expect(waiting).toMatchObject({ state: 'queued', lastError: { code: 'network' } });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(clock.now());

    // Poked again before its time: nothing leaves.
    for (let i = 0; i < 5; i++) await engine.syncNow();
    expect(routes.calls).toHaveLength(1);

    clock.advance(waiting!.nextAttemptAt! - clock.now());
    await engine.syncNow();
    expect(routes.calls).toHaveLength(2);

    routes.state.answer = 'ok';
    clock.advance(10 * 60_000);
    await engine.syncNow();
    expect(await getSupport(store, ID)).toMatchObject({ state: 'settled', confirmed: true, supportCount: 1 });
    expect(routes.calls).toHaveLength(3);
    await engine.syncNow();
    expect(routes.calls).toHaveLength(3);
  });

  it('a link failing on the drafts holds the supports back too, and both go when it is back', async () => {
    const { clock, platform, routes, store, engine } = world();
    const draft = await queued(store);
    await setSupport(store, ID, true, { now: clock.now });
    platform.fail({ kind: 'network' });
    const report = counts(await engine.syncNow());
    expect(report.requests).toBe(1);
    expect(routes.calls).toHaveLength(0);
    expect((await getSupport(store, ID))?.nextAttemptAt).toBe(report.nextAttemptAt);

    clock.advance(report.nextAttemptAt! - clock.now());
    const back = counts(await engine.syncNow());
    expect(back).toMatchObject({ synced: 1, supports: 1 });
    expect((await store.get(draft))?.state).toBe('synced');
    expect(routes.calls).toEqual([{ method: 'POST', id: ID }]);
  });

  it('refused whatever it carries (403) it waits holdMs; gone (410) or refused for what it carries (422) it ends', async () => {
    const { clock, routes, store, engine } = world();
    routes.state.answer = 403;
    await setSupport(store, ID, true, { now: clock.now });
    await engine.syncNow();
    expect(await getSupport(store, ID)).toMatchObject({ state: 'queued', nextAttemptAt: clock.now() + 60_000 });

    routes.state.answer = 410;
    clock.advance(60_000);
    await engine.syncNow();
    expect(await getSupport(store, ID)).toMatchObject({ state: 'gone', lastError: { status: 410 } });
    // Gone is for good: pressing again changes nothing, nothing leaves.
    await setSupport(store, ID, false, { now: clock.now });
    clock.advance(60 * 60_000);
    await engine.syncNow();
    expect(routes.calls).toHaveLength(2);

    const other = '0b8f5f8e-5a0a-4f6e-8f57-3c2b1a0d9e8f';
    routes.state.answer = 422;
    await setSupport(store, other, true, { now: clock.now });
    await engine.syncNow();
    expect(await getSupport(store, other)).toMatchObject({ state: 'refused', lastError: { status: 422 } });
  });

  it('stopped while its request is on the wire (the tab closes), it is back in the queue and the next engine sends it', async () => {
    const { clock, routes, store } = world();
    const onTheWire: PushClient = {
      submitBatch: () => Promise.resolve([]),
      // Never answers; the engine's stop aborts it, as it aborts a fetch.
      supportContribution: (_id, _key, options) =>
        new Promise<SupportState>((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError'))),
        ),
      withdrawSupport: routes.withdrawSupport,
    };
    const first = engineFor(store, onTheWire, { now: clock.now });
    await setSupport(store, ID, true, { now: clock.now });
    const pushing = first.syncNow();
    await expect.poll(async () => (await getSupport(store, ID))?.state).toBe('sending');
    await first.stop();
    await pushing;
    expect(await getSupport(store, ID)).toMatchObject({ state: 'queued', wanted: true });

    const next = engineFor(store, { submitBatch: () => Promise.resolve([]), ...routes }, { now: clock.now });
    await next.start();
    expect(await getSupport(store, ID)).toMatchObject({ state: 'settled', confirmed: true });
    expect(routes.calls).toEqual([{ method: 'POST', id: ID }]);
  });
});

describe('the count shown beside "Moi aussi"', () => {
  it('adds the waiting intent once, and stops adding it when the platform’s count has moved that way', async () => {
    const clock = createClock();
    const store = freshStore();
    const pressed = await setSupport(store, ID, true, { countAtPress: 4, now: clock.now });
    expect(shownSupportCount(4, pressed)).toBe(5);
    // The live stream's count came before the request's answer: 5 holds this device's support.
    expect(shownSupportCount(5, pressed)).toBe(5);
    const takenBack = await setSupport(store, ID, false, { countAtPress: 5, now: clock.now });
    // Never confirmed: taking back an unsent support leaves the platform's count as it is.
    expect(shownSupportCount(5, takenBack)).toBe(5);
    const again = await setSupport(store, ID, true, { countAtPress: 5, now: clock.now });
    expect(shownSupportCount(5, again)).toBe(6);
    expect(shownSupportCount(6, again)).toBe(6);
  });

  it('a count comes only with the answer it belongs to: a press settled without a request carries none', async () => {
    const { clock, store, engine } = world();
    await setSupport(store, ID, true, { now: clock.now });
    await engine.syncNow();
    expect(await getSupport(store, ID)).toMatchObject({ state: 'settled', confirmed: true, supportCount: 1 });
    // Taken back, then pressed again before it left: nothing to send, and no answer to count.
    await setSupport(store, ID, false, { now: clock.now });
    clock.advance(86_400_000);
    const again = await setSupport(store, ID, true, { now: clock.now });
    expect(again).toMatchObject({ state: 'settled', confirmed: true });
    expect(again!.supportCount).toBeUndefined();
  });

  it('takes the answer’s count over a count given before it, never over one given since', async () => {
    const { clock, store, engine } = world();
    await setSupport(store, ID, true, { now: clock.now });
    const listedBefore = { count: 0, at: clock.now() };
    clock.advance(1_000);
    await engine.syncNow();
    const answer = answerOf(await getSupport(store, ID));
    expect(answer).toEqual({ count: 1, at: clock.now() });
    expect(freshestCount(listedBefore, answer)).toBe(1);
    clock.advance(1_000);
    expect(freshestCount({ count: 7, at: clock.now() }, answer)).toBe(7);
    // While an intent waits, there is no answer to weigh: the intent is added to the list's count.
    await setSupport(store, ID, false, { now: clock.now });
    expect(answerOf(await getSupport(store, ID))).toBeUndefined();
  });
});
