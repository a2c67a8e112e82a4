import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDraftStore,
  createSyncEngine,
  NotWithdrawableError,
  withdrawContribution,
} from '../../api-client/drafts';
import { createVigieClient, VigieHttpError } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';

let platform: PlatformProcess;
beforeAll(async () => {
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post' } });
});
afterAll(() => platform?.dispose());

it('a citizen withdraws a sent contribution with the key only their device kept, without an account', async () => {
  const store = createDraftStore({
    dbName: `withdrawal-${crypto.randomUUID()}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const client = createVigieClient({ baseUrl: platform.url });
  const engine = createSyncEngine({ store, client, schedule: null, connectivity: null });
  const { id: _unused, ...input } = aContribution();
  const draft = await store.create(input);

  // The platform gets the key's hash; the secret stays in the draft.
  expect(draft.withdrawalSecret).toMatch(/^[\w-]{43}$/);
  expect(draft.input.withdrawalKeyHash).toBe(createHash('sha256').update(draft.withdrawalSecret!).digest('hex'));
  await expect(withdrawContribution(store, client, draft.id)).rejects.toBeInstanceOf(NotWithdrawableError);

  expect((await store.queue(draft.id)).ok).toBe(true);
  await engine.syncNow();
  expect((await store.get(draft.id))?.state).toBe('synced');
  expect((await client.getContribution(draft.id)).body).toBe(input.body);

  // A stranger who knows the id cannot withdraw it.
  await expect(client.withdrawContribution(draft.id, 'x'.repeat(43))).rejects.toMatchObject({ status: 403 });

  await withdrawContribution(store, client, draft.id);
  // The entry stays, as withdrawn: without its words or its secret, which the platform no longer needs.
  const withdrawn = await store.get(draft.id);
  expect(withdrawn).toMatchObject({ state: 'synced', platform: { status: 'withdrawn' } });
  expect(withdrawn?.withdrawalSecret).toBeUndefined();
  expect(withdrawn?.input.body).toBeUndefined();
  const gone = await client.getContribution(draft.id).catch((e: unknown) => e);
  expect(gone).toBeInstanceOf(VigieHttpError);
  expect((gone as VigieHttpError).status).toBe(404);
  const listed = await client.listContributions({ url: input.target.url, limit: 100 });
  expect(listed.items.map((c) => c.id)).not.toContain(draft.id);
  await engine.stop();
  store.close();
});

it('each draft gets its own key, even a copy of another', async () => {
  const store = createDraftStore({ dbName: `keys-${crypto.randomUUID()}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const first = await store.create({ body: 'un' });
  const copy = await store.create(first.input);
  expect(copy.withdrawalSecret).not.toBe(first.withdrawalSecret);
  expect(copy.input.withdrawalKeyHash).not.toBe(first.input.withdrawalKeyHash);
  store.close();
});
