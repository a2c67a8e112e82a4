import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDraftStore,
  createInProcessLock,
  DraftLockedError,
  DraftNotFoundError,
  requestPersistentStorage,
  type Draft,
  type DraftStore,
} from '../../api-client/drafts';
import { internalsOf } from '../../api-client/drafts/store';
import { aDraftInput, createClock, freshStore } from '../support/sync-fakes';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const opened: DraftStore[] = [];
function store(...args: Parameters<typeof freshStore>) {
  const s = freshStore(...args);
  opened.push(s);
  return s;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('a draft is saved as the citizen types', () => {
  it('gets a UUID on creation, which will be its contribution id, and starts as a draft', async () => {
    const drafts = store();
    const draft = await drafts.create({ body: 'Le lien' });
    expect(draft.id).toMatch(uuid);
    expect(draft).toMatchObject({
      state: 'draft',
      attempts: 0,
      input: { body: 'Le lien', source: 'widget', locale: 'fr' },
    });
    expect(draft.input.createdAt).toBe(new Date(draft.createdAt).toISOString());
    expect(await drafts.get(draft.id)).toEqual(draft);
  });

  it('keeps every saved change, and the words survive closing and reopening the database', async () => {
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    const first = createDraftStore({ dbName, indexedDB, IDBKeyRange });
    const { id } = await first.create();
    for (const body of ['L', 'Le l', 'Le lien est mort', 'Le lien vers le jeu de données est mort']) {
      await first.update(id, { body });
    }
    first.close();

    const reopened = createDraftStore({ dbName, indexedDB, IDBKeyRange });
    opened.push(reopened);
    expect((await reopened.get(id))?.input.body).toBe('Le lien vers le jeu de données est mort');
  });

  it('updates the time of the last change, and clears a field set to undefined', async () => {
    const clock = createClock();
    const drafts = store({ now: clock.now });
    const { id, createdAt } = await drafts.create({ kind: 'gap', gapType: 'outdated' });
    clock.advance(1500);
    const updated = await drafts.update(id, { kind: 'comment', gapType: undefined });
    expect(updated.updatedAt).toBe(createdAt + 1500);
    expect('gapType' in updated.input).toBe(false);
    expect((await drafts.get(id))?.input).not.toHaveProperty('gapType');
  });

  it('never lets a patch change the id, the idempotency key', async () => {
    const drafts = store();
    const { id } = await drafts.create();
    const sneaky = { body: 'x', id: crypto.randomUUID() } as never;
    await drafts.update(id, sneaky);
    expect(await drafts.get(id)).toMatchObject({ id, input: { body: 'x' } });
    expect((await drafts.get(id))?.input).not.toHaveProperty('id');
  });

  it('says so when the draft does not exist', async () => {
    const drafts = store();
    await expect(drafts.update(crypto.randomUUID(), { body: 'x' })).rejects.toBeInstanceOf(DraftNotFoundError);
    await expect(drafts.queue(crypto.randomUUID())).rejects.toBeInstanceOf(DraftNotFoundError);
  });
});

describe('pressing send', () => {
  it('sends words refused as a conflict again as a new contribution, with a new id and key', async () => {
    const drafts = store();
    const first = await drafts.create(aDraftInput({ body: 'Mes mots à moi' }));
    // What the engine records when the platform holds other words under this id.
    await internalsOf(drafts).db.drafts.update(first.id, {
      state: 'rejected',
      attempts: 1,
      lastError: { sentence: 'Une autre contribution a déjà été reçue sous cet identifiant.', code: 'conflict' },
    });
    const result = await drafts.queue(first.id);
    expect(result.ok).toBe(true);
    const again = result.draft;
    expect(again.id).toMatch(uuid);
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ state: 'queued', attempts: 0, input: { body: 'Mes mots à moi' } });
    expect(again.withdrawalSecret).not.toBe(first.withdrawalSecret);
    expect(again.input.withdrawalKeyHash).not.toBe(first.input.withdrawalKeyHash);
    expect(await drafts.get(first.id)).toBeUndefined();
    expect((await drafts.list()).map((d) => d.id)).toEqual([again.id]);
  });

  it('does not queue an invalid draft and says what is wrong, in French and English, field by field', async () => {
    const drafts = store();
    const { id } = await drafts.create(aDraftInput({ body: '   ', commitmentId: 'engagement 12' }));
    const result = await drafts.queue(id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.sentences).toEqual({ fr: 'Le texte est vide.', en: 'The text is empty.' });
    expect(result.problems).toEqual([
      { pointer: '/body', code: 'body.empty', sentences: { fr: 'Le texte est vide.', en: 'The text is empty.' } },
      {
        pointer: '/commitmentId',
        code: 'commitment-id.format',
        sentences: {
          fr: "L'engagement doit être un identifiant comme FR0042.",
          en: 'The commitment must be an identifier such as FR0042.',
        },
      },
    ]);
    const kept = await drafts.get(id);
    expect(kept?.state).toBe('draft');
    expect(kept?.lastError).toMatchObject({ code: 'body.empty', sentence: 'Le texte est vide.' });
    // Once the citizen edits, that reason may no longer hold: it goes until the next send.
    expect((await drafts.update(id, { body: 'Un vrai texte' })).lastError).toBeUndefined();
  });

  it('names a missing field rather than failing silently', async () => {
    const drafts = store({ defaults: {} });
    const { id } = await drafts.create({ body: 'Un texte' });
    const result = await drafts.queue(id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.pointer)).toEqual(
      expect.arrayContaining(['/kind', '/target', '/locale', '/source']),
    );
    expect(result.problems.find((p) => p.pointer === '/kind')?.sentences.en).toBe('This field is required.');
  });

  it('queues a valid draft, due at once, and tells whoever listens', async () => {
    const clock = createClock();
    const drafts = store({ now: clock.now });
    const heard: string[] = [];
    drafts.onQueued((draft) => heard.push(draft.id));
    const { id } = await drafts.create(aDraftInput());
    clock.advance(10_000);
    const result = await drafts.queue(id);
    expect(result).toMatchObject({
      ok: true,
      draft: { id, state: 'queued', queuedAt: clock.now(), nextAttemptAt: clock.now() },
    });
    expect(heard).toEqual([id]);
  });

  it('pressing send twice queues once', async () => {
    const drafts = store();
    const heard: string[] = [];
    drafts.onQueued((draft) => heard.push(draft.id));
    const { id } = await drafts.create(aDraftInput());
    const [a, b] = await Promise.all([drafts.queue(id), drafts.queue(id)]);
    expect(a.ok && b.ok).toBe(true);
    expect(heard).toEqual([id]);
    expect((await drafts.get(id))?.state).toBe('queued');
  });
});

describe('what left the citizen’s hands is not silently changed', () => {
  it('refuses to edit a queued draft, and gives it back with unqueue while it never left the device', async () => {
    const drafts = store();
    const { id } = await drafts.create(aDraftInput());
    await drafts.queue(id);
    const error = await drafts.update(id, { body: 'autre chose' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftLockedError);
    expect((error as DraftLockedError).sentences.en).toBe(
      'This contribution is waiting to be sent: take it back from sending to change it.',
    );
    expect((await drafts.unqueue(id)).state).toBe('draft');
    expect((await drafts.update(id, { body: 'autre chose' })).input.body).toBe('autre chose');
  });

  it('refuses to take back or edit a queued draft that was already put on the wire: the platform may hold it', async () => {
    const drafts = store();
    const { id } = await drafts.create(aDraftInput());
    await drafts.queue(id);
    await internalsOf(drafts).outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'a-push' });
    await drafts.recover();
    expect(await drafts.get(id)).toMatchObject({ state: 'queued', attempts: 1 });
    const error = await drafts.unqueue(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftLockedError);
    expect((error as DraftLockedError).sentences.fr).toBe(
      'Cette contribution a peut-être déjà été reçue : elle ne peut plus être modifiée.',
    );
    await expect(drafts.update(id, { body: 'x' })).rejects.toBeInstanceOf(DraftLockedError);
  });

  it('refuses to edit or remove a draft while it is being sent', async () => {
    const drafts = store();
    const { id } = await drafts.create(aDraftInput());
    await drafts.queue(id);
    await internalsOf(drafts).outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'a-push' });
    const error = await drafts.update(id, { body: 'x' }).catch((e: unknown) => e);
    expect((error as DraftLockedError).sentences.fr).toBe(
      "Cette contribution est en cours d'envoi : elle ne peut plus être modifiée.",
    );
    await expect(drafts.remove(id)).rejects.toBeInstanceOf(DraftLockedError);
    expect(await drafts.get(id)).toMatchObject({ state: 'sending', input: { body: aDraftInput().body } });
  });

  it('the store hands out no way around the draft states: the outbox and the database are the engine’s alone', () => {
    const drafts = store();
    expect(Object.keys(drafts)).not.toContain('outbox');
    expect(Object.keys(drafts)).not.toContain('db');
    expect(internalsOf(drafts).outbox).toBeDefined();
    expect(() => internalsOf({ ...drafts })).toThrow(TypeError);
  });

  it('keeps a sent draft as history until the citizen removes it, and refuses to edit it', async () => {
    const drafts = store();
    const { id } = await drafts.create(aDraftInput());
    await drafts.queue(id);
    await internalsOf(drafts).outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'p' });
    await internalsOf(drafts).outbox.settle({
      claim: 'p',
      ids: [id],
      settlements: new Map([
        [id, { kind: 'synced', receipt: { status: 'pending', receivedAt: '2026-11-27T10:00:00.000Z' } }],
      ]),
      failure: undefined,
      now: Date.now(),
      answered: true,
      serverFailed: new Set(),
    });
    const error = await drafts.update(id, { body: 'corrigé' }).catch((e: unknown) => e);
    expect((error as DraftLockedError).sentences.en).toBe('This contribution was sent: it can no longer be changed.');
    expect(await drafts.list({ state: 'synced' })).toHaveLength(1);
    expect((await drafts.get(id))?.server).toEqual({ status: 'pending', receivedAt: '2026-11-27T10:00:00.000Z' });
    expect(await drafts.remove(id)).toBe(true);
    expect(await drafts.get(id)).toBeUndefined();
    expect(await drafts.remove(id)).toBe(false);
  });
});

describe('after a crash', () => {
  it('puts drafts left sending back in the queue, due now, and leaves the others alone', async () => {
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    const before = createDraftStore({ dbName, indexedDB, IDBKeyRange, defaults: { source: 'widget', locale: 'fr' } });
    const sending = await before.create(aDraftInput());
    const typing = await before.create(aDraftInput({ body: 'en cours de frappe' }));
    await before.queue(sending.id);
    await internalsOf(before).outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'died-with-the-tab' });
    before.close(); // the crash: nothing else is written

    const clock = createClock(Date.now() + 60_000);
    const after = createDraftStore({
      dbName,
      indexedDB,
      IDBKeyRange,
      now: clock.now,
      lock: createInProcessLock('fresh'),
    });
    opened.push(after);
    expect(await after.recover()).toBe(1);
    const recovered = await after.get(sending.id);
    expect(recovered).toMatchObject({ state: 'queued', nextAttemptAt: clock.now(), attempts: 1 });
    expect(recovered).not.toHaveProperty('claim');
    expect((await after.get(typing.id))?.state).toBe('draft');
    expect(await after.recover()).toBe(0);
  });

  it('waits for a live push to finish before recovering, so its drafts are not taken from under it', async () => {
    const drafts = store();
    const { id } = await drafts.create(aDraftInput());
    await drafts.queue(id);
    let release!: () => void;
    const pushing = drafts.lock.run(
      async () => {
        await internalsOf(drafts).outbox.claimDue({ now: Date.now() + 1, limit: 10, claim: 'live' });
        await new Promise<void>((resolve) => (release = resolve));
      },
      { wait: true },
    );
    await vi.waitFor(async () => expect((await drafts.get(id))?.state).toBe('sending'));
    let recovered: number | undefined;
    const recovery = drafts.recover().then((n) => (recovered = n));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(recovered).toBeUndefined();
    release();
    await pushing;
    await recovery;
    expect(recovered).toBe(1);
  });
});

describe('lists and live queries', () => {
  it('lists drafts by state, oldest first', async () => {
    const clock = createClock();
    const drafts = store({ now: clock.now });
    const a = await drafts.create(aDraftInput());
    clock.advance(1);
    const b = await drafts.create({ body: '' });
    clock.advance(1);
    const c = await drafts.create(aDraftInput());
    await drafts.queue(c.id);
    await drafts.queue(a.id);
    expect((await drafts.list()).map((d) => d.id)).toEqual([a.id, b.id, c.id]);
    expect((await drafts.list({ state: 'queued' })).map((d) => d.id)).toEqual([a.id, c.id]);
    expect((await drafts.list({ state: ['draft', 'rejected'] })).map((d) => d.id)).toEqual([b.id]);
  });

  it('tells subscribers of every change to a state’s list and to one draft, until they unsubscribe', async () => {
    const drafts = store();
    const queued: string[][] = [];
    const one: Array<Draft | undefined> = [];
    const { id } = await drafts.create(aDraftInput());
    const stopList = drafts.watchList({ state: 'queued' }).subscribe((list) => queued.push(list.map((d) => d.id)));
    const stopOne = drafts.watchDraft(id).subscribe((draft) => one.push(draft));
    await vi.waitFor(() => expect(queued).toEqual([[]]));
    await drafts.update(id, { body: 'Nouveau texte' });
    await vi.waitFor(() => expect(one.at(-1)?.input.body).toBe('Nouveau texte'));
    await drafts.queue(id);
    await vi.waitFor(() => expect(queued.at(-1)).toEqual([id]));
    stopList();
    stopOne();
    const seen = one.length;
    await drafts.remove(id);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(one).toHaveLength(seen);
  });
});

describe('persistent storage', () => {
  it('asks for it and reports granted, denied or unavailable', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persist, persisted: async () => false })).toBe('granted');
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistentStorage({ persist: async () => false, persisted: async () => false })).toBe('denied');
    const already = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persist: already, persisted: async () => true })).toBe('granted');
    expect(already).not.toHaveBeenCalled();
    expect(
      await requestPersistentStorage({ persist: async () => Promise.reject(new TypeError('opaque origin')) }),
    ).toBe('unavailable');
    expect(await requestPersistentStorage({})).toBe('unavailable');
    // Node has no StorageManager.
    expect(await requestPersistentStorage()).toBe('unavailable');
  });
});
