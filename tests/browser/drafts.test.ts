import { afterEach, expect, inject, it, vi } from 'vitest';
import type { DraftInput } from '../../api-client/drafts';
import {
  createDraftStore,
  createSyncEngine,
  lockNameFor,
  requestPersistentStorage,
  watchSyncStatus,
  type DraftStore,
  type SyncEngine,
  type SyncStatus,
} from '../../api-client/drafts';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';

const platformUrl = inject('platformUrl');
const client = createVigieClient({ baseUrl: platformUrl });

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(dbName: string): DraftStore {
  const store = createDraftStore({ dbName, defaults: { source: 'widget', locale: 'fr' } });
  cleanups.push(() => store.close());
  return store;
}

function engineFor(store: DraftStore): SyncEngine {
  const engine = createSyncEngine({ store, client });
  cleanups.push(() => engine.stop());
  return engine;
}

function freshDbName(): string {
  const dbName = `vigie-drafts-${crypto.randomUUID()}`;
  cleanups.push(() => indexedDB.deleteDatabase(dbName));
  return dbName;
}

function aDraftInput(): DraftInput {
  const { id: _id, body: _body, ...rest } = aContribution();
  return rest;
}

it('a draft typed in Chromium survives a reload and reaches the platform once', async () => {
  const dbName = freshDbName();
  const before = createDraftStore({ dbName, defaults: { source: 'widget', locale: 'fr' } });
  const { id } = await before.create(aDraftInput());
  const typed = 'Le jeu de données sur les marchés publics promis pour 2023 est introuvable.';
  for (let i = 1; i <= typed.length; i += 7) await before.update(id, { body: typed.slice(0, i) });
  await before.update(id, { body: typed });
  before.close(); // the tab is reloaded

  const store = open(dbName);
  expect(await store.get(id)).toMatchObject({ state: 'draft', input: { body: typed } });
  const engine = engineFor(store);
  expect(engine.state.get().lockKind).toBe('web-locks');

  expect(await store.queue(id)).toMatchObject({ ok: true });
  expect(await engine.syncNow()).toMatchObject({ skipped: false, requests: 1, synced: 1, nextAttemptAt: null });
  expect(await store.get(id)).toMatchObject({ state: 'synced', server: { status: 'published' } });
  expect((await client.getContribution(id)).body).toBe(typed);

  // Pressing send again, or another push, sends nothing.
  expect(await store.queue(id)).toMatchObject({ ok: true, draft: { state: 'synced' } });
  expect(await engine.syncNow()).toMatchObject({ requests: 0 });
});

it('while another tab holds the Web Lock this engine does not push; it pushes once the lock is released', async () => {
  const dbName = freshDbName();
  const store = open(dbName);
  const engine = engineFor(store);

  let release!: () => void;
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const otherTab = navigator.locks.request(lockNameFor(dbName), () => {
    held();
    return new Promise<void>((resolve) => (release = resolve));
  });
  await isHeld;

  const { id } = await store.create({ ...aDraftInput(), body: 'Envoyée par un seul onglet.' });
  await store.queue(id);
  expect(await engine.start()).toEqual({
    skipped: true,
    reason: 'another-tab-is-sending',
    message: 'skipped: another tab is sending',
  });
  expect((await store.get(id))?.state).toBe('queued');
  // The engine waits in the lock's queue rather than polling.
  const snapshot = await navigator.locks.query();
  expect(snapshot.pending?.some((lock) => lock.name === lockNameFor(dbName))).toBe(true);

  release();
  await otherTab;
  await vi.waitFor(async () => expect((await store.get(id))?.state).toBe('synced'), { timeout: 10_000 });
});

it('shows the citizen where things stand, live, in words', async () => {
  const store = open(freshDbName());
  const engine = engineFor(store);
  const seen: SyncStatus[] = [];
  const stop = watchSyncStatus(store, engine, 'fr').subscribe((status) => seen.push(status));
  cleanups.push(stop);

  const { id } = await store.create(aDraftInput());
  await vi.waitFor(() => expect(seen.at(-1)?.text).toBe('1 brouillon enregistré'));
  const refused = await store.queue(id);
  expect(refused).toMatchObject({
    ok: false,
    sentences: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  });
  await store.update(id, { body: 'Le registre des lobbyistes ne cite pas ce ministère.' });
  await store.queue(id);
  await engine.syncNow();
  await vi.waitFor(() => expect(seen.at(-1)?.text).toBe('1 contribution envoyée'));
});

it('asks Chromium to keep the drafts (persistent storage) and reports its answer', async () => {
  expect(['granted', 'denied']).toContain(await requestPersistentStorage());
});
