import { rmSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createDraftStore, createSyncEngine } from '../../api-client/drafts';
import { createVigieClient, VigieHttpError } from '../../api-client/http';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { aDraftInput } from '../support/sync-fakes';

let platform: PlatformProcess;
let proxy: FaultProxy;

beforeAll(async () => {
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post' } });
  proxy = await startFaultProxy({ target: platform.url });
});

afterAll(async () => {
  await proxy?.close();
  await platform?.stop();
  if (platform) rmSync(platform.dataDir, { recursive: true, force: true });
});

it('a draft the platform fails on (500 whenever a batch carries it) does not stall the others: they are stored once, it waits in the queue, never rejected, and goes once the platform takes it', async () => {
  const store = createDraftStore({
    dbName: 'sync-poison',
    indexedDB,
    IDBKeyRange,
    defaults: { source: 'widget', locale: 'fr' },
  });
  const engine = createSyncEngine({
    store,
    client: createVigieClient({ baseUrl: proxy.url, timeoutMs: 2_000 }),
    backoff: { baseMs: 20, capMs: 200 },
    connectivity: null,
    onError: () => undefined,
  });
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const draft = await store.create(aDraftInput({ body: `Contribution ${i} : le rapport annuel manque.` }));
    expect((await store.queue(draft.id)).ok).toBe(true);
    ids.push(draft.id);
  }
  const poison = ids[3]!;
  // The platform stays as it is: the proxy in front of it answers 500 for any batch that carries the poison.
  let failing = true;
  proxy.decide = ({ path, body }) =>
    failing && path.startsWith('/v1/contributions:batch') && body.includes(poison)
      ? { kind: 'status', status: 500 }
      : { kind: 'pass' };
  const carriedPoison = () => proxy.log.filter((entry) => entry.fault === 'status').length;

  try {
    void engine.start();
    const others = ids.filter((id) => id !== poison);
    await vi.waitFor(async () => expect(await store.list({ state: 'synced' })).toHaveLength(others.length), {
      timeout: 15_000,
      interval: 20,
    });
    // It keeps being tried, and stays queued with the platform's reason, not rejected.
    const triedSoFar = carriedPoison();
    await vi.waitFor(() => expect(carriedPoison()).toBeGreaterThan(triedSoFar + 1), { timeout: 15_000, interval: 20 });
    expect(await store.get(poison)).toMatchObject({
      state: 'queued',
      lastError: { code: 'platform-unavailable', status: 500 },
    });

    failing = false;
    await vi.waitFor(async () => expect((await store.get(poison))?.state).toBe('synced'), {
      timeout: 15_000,
      interval: 20,
    });

    // What the platform holds: every draft, each under its own id, published once.
    const reader = createVigieClient({ baseUrl: platform.url });
    for (const id of ids) expect((await reader.getContribution(id)).id).toBe(id);
    const answered = proxy.log.filter((entry) => entry.outcome === 'answered' && entry.upstreamStatus === 200);
    expect(answered.length).toBeGreaterThan(1);
    await expect(reader.getContribution(crypto.randomUUID())).rejects.toBeInstanceOf(VigieHttpError);
  } finally {
    await engine.stop();
    store.close();
  }
}, 60_000);
