import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  countNews,
  createDraftStore,
  createStatusFollower,
  createSyncEngine,
  describeDraft,
  withdrawContribution,
} from '../../api-client/drafts';
import { createVigieClient, VigieHttpError } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { moderatorOf, type Moderator } from '../support/moderator';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';

let platform: PlatformProcess;
let moderator: Moderator;
beforeAll(async () => {
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'pre' } });
  moderator = await moderatorOf(platform);
});
afterAll(() => platform?.dispose());

function aDevice() {
  const store = createDraftStore({ dbName: `own-${crypto.randomUUID()}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const client = createVigieClient({ baseUrl: platform.url });
  const engine = createSyncEngine({ store, client, schedule: null, connectivity: null });
  const follower = createStatusFollower({ store, client });
  return { store, client, engine, follower };
}

async function sendFrom(device: ReturnType<typeof aDevice>, body: string): Promise<string> {
  const { id: _id, ...input } = aContribution({ body });
  const draft = await device.store.create(input);
  expect((await device.store.queue(draft.id)).ok).toBe(true);
  await device.engine.syncNow();
  expect((await device.store.get(draft.id))?.state).toBe('synced');
  return draft.id;
}

it('a pending text is never readable without its secret, from any client, while its author follows it', async () => {
  const device = aDevice();
  const stranger = aDevice();
  const text = `Mon texte en attente ${crypto.randomUUID()}`;
  const id = await sendFrom(device, text);
  const secret = (await device.store.get(id))!.withdrawalSecret!;

  const byId = await stranger.client.getContribution(id).catch((error: unknown) => error);
  expect((byId as VigieHttpError).status).toBe(404);
  const listed = await stranger.client.listContributions({ url: aContribution().target.url, limit: 100 });
  expect(listed.items.some((c) => c.id === id || c.body === text)).toBe(false);
  expect(await stranger.client.contributionStatuses([{ id, secret: 'x'.repeat(43) }])).toEqual([]);
  // Even the right secret only tells its status: the words never come back.
  const [own] = await device.client.contributionStatuses([{ id, secret }]);
  expect(own).toEqual({ id, status: 'pending' });
  expect(JSON.stringify(own)).not.toContain(text);
  // A device that never sent it has nothing to ask about.
  expect(await stranger.follower.refresh()).toEqual({ skipped: 'nothing-sent' });

  await device.engine.stop();
  device.store.close();
  stranger.store.close();
});

it('a device learns each decision with the secret it kept: published with a reply, hidden, rejected, withdrawn', async () => {
  const device = aDevice();
  const first = await sendFrom(device, `Où est le calendrier ? ${crypto.randomUUID()}`);
  const second = await sendFrom(device, `Publicité ${crypto.randomUUID()}`);
  await device.follower.refresh();
  expect(describeDraft((await device.store.get(first))!, 'fr')).toBe('En attente de relecture');
  expect(countNews(await device.store.list())).toBe(0);

  await moderator.publish(first, 'Le calendrier sera publié en janvier.');
  await moderator.reject(second, 'spam');
  expect(await device.follower.refresh()).toEqual({ asked: 2, requests: 1, updated: 2 });
  const published = (await device.store.get(first))!;
  expect(describeDraft(published, 'fr')).toBe('Publiée');
  expect(published.platform?.reply?.body).toBe('Le calendrier sera publié en janvier.');
  expect(describeDraft((await device.store.get(second))!, 'en')).toBe('Rejected (spam)');
  expect(countNews(await device.store.list())).toBe(2);
  await device.store.markSeen([first, second]);
  expect(countNews(await device.store.list())).toBe(0);

  await moderator.hide(first, 'personal-data');
  await device.follower.refresh();
  expect(describeDraft((await device.store.get(first))!, 'fr')).toBe(
    'Masquée par la modération (données personnelles)',
  );
  expect(countNews(await device.store.list())).toBe(1);

  await withdrawContribution(device.store, device.client, second);
  expect(describeDraft((await device.store.get(second))!, 'fr')).toBe('Retirée');
  // Withdrawn is final: only the other one is asked about from now on.
  expect(await device.follower.refresh()).toEqual({ asked: 1, requests: 1, updated: 1 });
  await device.engine.stop();
  device.store.close();
});

it('a device learns that citizens replied to its published contribution, and the badge counts it once', async () => {
  const device = aDevice();
  const first = await sendFrom(device, `Le registre promis manque ${crypto.randomUUID()}`);
  await moderator.publish(first);
  await device.follower.refresh();
  await device.store.markSeen([first]);
  expect(countNews(await device.store.list())).toBe(0);

  const { target } = aContribution();
  const reply = aContribution({
    kind: 'reply',
    parentId: first,
    commitmentId: undefined,
    target: { ...target, selectors: [] },
  });
  const [sent] = await device.client.submitBatch([reply]);
  expect(sent).toMatchObject({ outcome: 'created' });
  await moderator.publish(reply.id);
  await device.follower.refresh();
  expect((await device.store.get(first))!.platform?.replyCount).toBe(1);
  expect(countNews(await device.store.list())).toBe(1);
  await device.store.markSeen([first]);
  expect(countNews(await device.store.list())).toBe(0);
  // Asked again with nothing new: still no news.
  await device.follower.refresh();
  expect(countNews(await device.store.list())).toBe(0);
  await device.engine.stop();
  device.store.close();
});
