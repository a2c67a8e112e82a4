import { createHash, createHmac } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDraftStore,
  createSyncEngine,
  getSupport,
  replyDraftInput,
  setSupport,
  shownSupportCount,
  type DraftStore,
} from '../../api-client/drafts';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { waitUntil } from '../support/wait';

let platform: PlatformProcess;
beforeAll(async () => {
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post', VIGIE_RATE_LIMIT: 'off' } });
});
afterAll(() => platform?.dispose());

interface Call {
  method: string;
  path: string;
  body: string;
}

/** A device's link to the platform that can be cut, recording every request that left (or tried to). */
function deviceLink() {
  const calls: Call[] = [];
  const link = {
    offline: false,
    calls,
    /** Runs before a request leaves (a citizen pressing again meanwhile). */
    before: undefined as ((call: Call) => Promise<void>) | undefined,
    /** The request reaches the platform, which commits, but its answer is lost on the way back. */
    loseAnswer: undefined as ((call: Call) => boolean) | undefined,
    /** Requests about "Moi aussi" that reached the platform. */
    supportCalls: () => calls.filter((c) => c.path.endsWith('/support') && c.method !== 'OFFLINE'),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const body = typeof init?.body === 'string' ? init.body : '';
      const call = { method: init?.method ?? 'GET', path: url.pathname, body };
      if (link.offline) {
        calls.push({ ...call, method: 'OFFLINE' });
        throw new TypeError('fetch failed');
      }
      calls.push(call);
      await link.before?.(call);
      const answer = await fetch(input, init);
      if (link.loseAnswer?.(call)) throw new TypeError('the answer was lost');
      return answer;
    }) as typeof fetch,
  };
  return link;
}

/** A device: its drafts database, its link, its engine; `online()` is the browser's event. */
function aDevice(
  dbName = `device-${crypto.randomUUID()}`,
  indexedDB = new IDBFactory(),
  engineOptions: { withTimer?: boolean } = {},
) {
  const link = deviceLink();
  const connectivity = new EventTarget();
  const store = createDraftStore({
    dbName,
    indexedDB,
    IDBKeyRange,
    defaults: { source: 'widget', locale: 'fr', commitmentId: 'FR0067' },
  });
  const client = createVigieClient({ baseUrl: platform.url, fetch: link.fetch });
  const engine = createSyncEngine({
    store,
    client,
    connectivity,
    // Without the timer a test moves the engine itself; with it, retries after a backoff run as in a page.
    ...(engineOptions.withTimer ? { backoff: { baseMs: 200, capMs: 400 } } : { schedule: null }),
  });
  return {
    store,
    link,
    client,
    engine,
    indexedDB,
    dbName,
    online() {
      link.offline = false;
      connectivity.dispatchEvent(new Event('online'));
    },
    async close() {
      await engine.stop();
      store.close();
    },
  };
}

const reader = () => createVigieClient({ baseUrl: platform.url });

async function aPublishedContribution(overrides: Parameters<typeof aContribution>[0] = {}) {
  const item = aContribution(overrides);
  const [result] = await reader().submitBatch([item]);
  expect(result?.outcome).toBe('created');
  return item;
}

const supportCountOf = async (id: string) => (await reader().getContribution(id)).supportCount;
const settledSupport = (store: DraftStore, id: string) =>
  waitUntil(
    () => getSupport(store, id),
    (s) => s !== undefined && s.state !== 'queued' && s.state !== 'sending',
    `the support of ${id} settled`,
  );

describe('"Moi aussi" waits in the outbox', () => {
  it('pressed offline, it is sent once when the network returns, and the count shows it meanwhile', async () => {
    const device = aDevice();
    await device.engine.start();
    const item = await aPublishedContribution();
    device.link.offline = true;

    const pressed = await setSupport(device.store, item.id, true);
    expect(pressed).toMatchObject({ wanted: true, confirmed: false, state: 'queued' });
    await device.engine.syncNow();
    // It tried, and failed on the network: the intent waits, the platform knows nothing.
    expect(device.link.calls.some((c) => c.method === 'OFFLINE' && c.path.endsWith('/support'))).toBe(true);
    expect((await getSupport(device.store, item.id))?.state).toBe('queued');
    expect(await supportCountOf(item.id)).toBe(0);
    // The button shows the citizen's own "Moi aussi" before the platform has it.
    expect(shownSupportCount(0, await getSupport(device.store, item.id))).toBe(1);

    device.online();
    const settled = await settledSupport(device.store, item.id);
    expect(settled).toMatchObject({ state: 'settled', wanted: true, confirmed: true, supportCount: 1 });
    expect(shownSupportCount(1, settled)).toBe(1);
    await device.engine.syncNow();
    await device.engine.syncNow();
    expect(device.link.supportCalls()).toHaveLength(1);
    expect(await supportCountOf(item.id)).toBe(1);
    await device.close();
  });

  it('on, off, on offline sends one support; on, off sends nothing at all', async () => {
    const device = aDevice();
    const [twice, undone] = [await aPublishedContribution(), await aPublishedContribution()];
    device.link.offline = true;
    for (const wanted of [true, false, true]) await setSupport(device.store, twice.id, wanted);
    for (const wanted of [true, false]) await setSupport(device.store, undone.id, wanted);
    expect((await getSupport(device.store, undone.id))?.state).toBe('settled');

    await device.engine.start();
    device.online();
    await settledSupport(device.store, twice.id);
    await device.engine.syncNow();
    const calls = device.link.supportCalls();
    expect(calls.map((c) => [c.method, c.path])).toEqual([['POST', `/v1/contributions/${twice.id}/support`]]);
    expect(await supportCountOf(twice.id)).toBe(1);
    expect(await supportCountOf(undone.id)).toBe(0);
    await device.close();
  });

  it('pressed again while its request is on the wire, the newest intent is the one that stands', async () => {
    const device = aDevice();
    const item = await aPublishedContribution();
    let pressedMeanwhile = false;
    // The citizen takes it back while the support is on its way.
    device.link.before = async (call) => {
      if (call.method === 'POST' && call.path.endsWith('/support') && !pressedMeanwhile) {
        pressedMeanwhile = true;
        await setSupport(device.store, item.id, false);
      }
    };
    await setSupport(device.store, item.id, true);
    await device.engine.syncNow();
    const settled = await settledSupport(device.store, item.id);
    expect(settled).toMatchObject({ state: 'settled', wanted: false, confirmed: false, supportCount: 0 });
    expect(device.link.supportCalls().map((c) => c.method)).toEqual(['POST', 'DELETE']);
    expect(await supportCountOf(item.id)).toBe(0);
    await device.close();
  });

  it('a contribution gone from public view ends the intent, never tried again', async () => {
    const device = aDevice();
    await device.engine.start();
    const unknown = crypto.randomUUID();
    await setSupport(device.store, unknown, true);
    const gone = await settledSupport(device.store, unknown);
    expect(gone).toMatchObject({ state: 'gone', lastError: { status: 404 } });
    await setSupport(device.store, unknown, false);
    await device.engine.syncNow();
    device.online();
    await device.engine.syncNow();
    expect(device.link.supportCalls()).toHaveLength(1);
    expect((await getSupport(device.store, unknown))?.state).toBe('gone');
    await device.close();
  });

  it('the intent survives a reload, and the key the platform sees is one per contribution, never the secret', async () => {
    const first = aDevice();
    const [a, b] = [await aPublishedContribution(), await aPublishedContribution()];
    first.link.offline = true;
    await setSupport(first.store, a.id, true);
    await first.close();

    // The page is reloaded: the same database, a new store and engine.
    const again = aDevice(first.dbName, first.indexedDB);
    expect(await getSupport(again.store, a.id)).toMatchObject({ wanted: true, state: 'queued' });
    await again.engine.start();
    await settledSupport(again.store, a.id);
    await setSupport(again.store, b.id, true);
    await settledSupport(again.store, b.id);

    const keys = again.link
      .supportCalls()
      .map((c) => (JSON.parse(c.body) as { supporterKeyHash: string }).supporterKeyHash);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
    // What the device keeps: one secret, from which each contribution's key is derived.
    const device = await new Promise<{ secret: string }>((resolve, reject) => {
      const open = again.indexedDB.open(again.dbName);
      open.onsuccess = () => {
        const read = open.result.transaction('device').objectStore('device').get('supporter');
        read.onsuccess = () => resolve(read.result as { secret: string });
        read.onerror = () => reject(new Error('the device table cannot be read'));
      };
    });
    const derived = (id: string) =>
      createHash('sha256').update(createHmac('sha256', device.secret).update(id).digest()).digest('hex');
    expect(keys).toEqual([derived(a.id), derived(b.id)]);
    for (const call of again.link.calls) expect(call.body).not.toContain(device.secret);
    await again.close();
  });
});

describe('a reply is a draft like any other', () => {
  it('drafted offline under a published contribution, it is sent once, under its parent, after a lost answer too', async () => {
    const device = aDevice(undefined, undefined, { withTimer: true });
    await device.engine.start();
    const parent = await aPublishedContribution();
    device.link.offline = true;

    const draft = await device.store.create(replyDraftInput(parent));
    // The widget's commitment default does not stick to a reply: it stands under its parent.
    expect(draft.input).toMatchObject({ kind: 'reply', parentId: parent.id, target: { url: parent.target.url } });
    expect(draft.input.commitmentId).toBeUndefined();
    await device.store.update(draft.id, { body: 'Même constat de mon côté, rien depuis mars.' });
    expect((await device.store.queue(draft.id)).ok).toBe(true);
    await device.engine.syncNow();
    expect((await device.store.get(draft.id))?.state).toBe('queued');

    // Back online, the first answer is lost on the way: the retry is a duplicate, stored once.
    let lost = 0;
    device.link.loseAnswer = (call) => call.path.endsWith(':batch') && lost++ === 0;
    device.online();
    await waitUntil(
      () => device.store.get(draft.id),
      (d) => d?.state === 'synced',
      'the reply synced',
    );
    expect(lost).toBe(2);
    expect(device.link.calls.filter((c) => c.method === 'POST' && c.path.endsWith(':batch'))).toHaveLength(2);

    const replies = await reader().listReplies(parent.id);
    expect(replies.items.map((r) => [r.id, r.parentId, r.body])).toEqual([
      [draft.id, parent.id, 'Même constat de mon côté, rien depuis mars.'],
    ]);
    expect((await reader().getContribution(parent.id)).replyCount).toBe(1);
    await device.close();
  });
});
