import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contribution } from '../../api-client/contract';
import { getSupport } from '../../api-client/drafts';
import type { LiveEvent } from '../../api-client/live';
import { createConnectivity } from '../../extension/background/connectivity';
import { createDraftAccess, memoryArea } from '../../extension/background/draft-access';
import { createDraftsService, type DraftsService } from '../../extension/background/drafts-service';
import { createPassageChoices } from '../../extension/background/passage-choices';
import { createRouter, RefusedMessage } from '../../extension/background/router';
import { platformCount, shownCount } from '../../extension/components/support-button';
import { applyLiveEvent, liveListOf, ownIdsIn } from '../../extension/pages/live-list';
import type { SenderLike } from '../../extension/messaging/sender';
import { aContribution } from '../support/contributions';

const self = { id: 'vigie-extension-id', baseUrl: 'chrome-extension://vigie-extension-id/' };
const tab = (id: number, url: string): SenderLike => ({ id: self.id, url, tab: { id }, frameId: 0 });
const panel: SenderLike = { id: self.id, url: `${self.baseUrl}sidepanel.html` };
const allowedPage = tab(1, 'https://www.example.gouv.fr/plan');
const otherSite = tab(2, 'https://blog.example/notes');

const services: DraftsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
});

function setUp() {
  const asked: string[][] = [];
  const drafts = createDraftsService({
    dbName: `talk-back-${crypto.randomUUID()}`,
    indexedDB,
    IDBKeyRange,
    schedule: null,
    connectivity: createConnectivity(null),
    client: () => ({
      submitBatch: async () => [],
      contributionStatuses: async (items) => {
        asked.push(items.map((i) => i.id));
        return [];
      },
      withdrawContribution: async () => undefined,
      // One supporter: this device.
      supportContribution: async (id) => ({ id, supportCount: 1, supported: true }),
      withdrawSupport: async (id) => ({ id, supportCount: 0, supported: false }),
    }),
  });
  services.push(drafts);
  const router = createRouter({
    drafts,
    access: createDraftAccess(memoryArea()),
    pageData: {
      lookup: async () => ({ allowed: true, contributions: [], readAt: 0 }),
      commitments: async () => [],
      allows: (url) => Promise.resolve(url.startsWith('https://www.example.gouv.fr/')),
    },
    passages: createPassageChoices(memoryArea()),
    self,
    pseudonym: () => 'Camille',
    openOptions: () => Promise.resolve(),
    refreshStatuses: () => undefined,
  });
  return { drafts, router, asked };
}

const published = (overrides: Partial<Contribution> = {}): Contribution => ({
  ...aContribution(),
  status: 'published',
  receivedAt: '2026-11-30T10:00:00.000Z',
  supportCount: 0,
  replyCount: 0,
  ...overrides,
});

describe('"Moi aussi" through the background', () => {
  it('keeps the last intent, offline, from the side panel or a content script of an allow-listed page', async () => {
    const { router, drafts } = setUp();
    const id = crypto.randomUUID();
    expect(await router.handle('support:press', { id, wanted: true }, panel)).toMatchObject({
      id,
      pressed: true,
      delta: 1,
      stage: 'waiting',
    });
    expect(await router.handle('support:press', { id, wanted: false }, allowedPage)).toMatchObject({
      pressed: false,
      delta: 0,
    });
    expect(await router.handle('support:marks', { ids: [id, crypto.randomUUID()] }, allowedPage)).toEqual([
      expect.objectContaining({ id, pressed: false }),
      expect.objectContaining({ pressed: false, delta: 0, stage: 'none' }),
    ]);
    expect((await getSupport(drafts.store, id))?.wanted).toBe(false);
  });

  it('is refused to a page off the allow-list, another extension, or data off its schema', async () => {
    const { router, drafts } = setUp();
    const id = crypto.randomUUID();
    await expect(router.handle('support:press', { id, wanted: true }, otherSite)).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    await expect(router.handle('support:marks', { ids: [id] }, otherSite)).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      router.handle('support:press', { id, wanted: true }, { ...panel, id: 'another-extension' }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(router.handle('support:press', { id: 'not-a-uuid', wanted: true }, panel)).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    await expect(router.handle('support:press', { id, wanted: 'yes' }, panel)).rejects.toBeInstanceOf(RefusedMessage);
    await expect(router.handle('support:press', { id, wanted: true, countAtPress: -1 }, panel)).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    expect(await getSupport(drafts.store, id)).toBeUndefined();
  });

  it('is counted once when the live count holds the press before the background hears back', async () => {
    const { router } = setUp();
    const id = crypto.randomUUID();
    const listed = (count: number) => ({ count, at: Date.now() });
    const mark = await router.handle('support:press', { id, wanted: true, countAtPress: 4 }, panel);
    expect(shownCount(listed(4), mark)).toBe(5);
    // The stream's count (5) came while the request's answer was still on its way.
    expect(shownCount(listed(4), mark, 5)).toBe(5);
    // Someone else pressed too, and the stream says 6 before this press is answered: 6 holds both.
    expect(shownCount(listed(4), mark, 6)).toBe(6);
    const takenBack = await router.handle('support:press', { id, wanted: false, countAtPress: 5 }, panel);
    // Never sent: taking it back leaves the platform's count as it is.
    expect(shownCount(listed(5), takenBack)).toBe(5);
  });

  it('gives its answer’s count over a list read before the answer, never over a list read since', async () => {
    const { router, drafts } = setUp();
    const id = crypto.randomUUID();
    const readBefore = Date.now();
    await router.handle('support:press', { id, wanted: true, countAtPress: 0 }, panel);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await drafts.engine.syncNow();
    const [mark] = await router.handle('support:marks', { ids: [id] }, panel);
    expect(mark).toMatchObject({ stage: 'settled', delta: 0, answer: { count: 1 } });
    // The list the press was made on (0) is older than the answer: the answer's count.
    expect(shownCount({ count: 0, at: readBefore }, mark)).toBe(1);
    expect(platformCount({ count: 0, at: readBefore }, mark)).toBe(1);
    // A week later, six more people: the list read since says 7, and it is the newer word.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const readSince = Date.now();
    expect(shownCount({ count: 7, at: readSince }, mark)).toBe(7);
    expect(platformCount({ count: 7, at: readSince }, mark)).toBe(7);
  });
});

describe('"Répondre"', () => {
  it('drafts a reply on the parent’s page, from the side panel only, and continues the unsent one', async () => {
    const { router, drafts } = setUp();
    const parentId = crypto.randomUUID();
    const request = {
      parentId,
      target: { url: 'https://www.example.gouv.fr/plan', title: 'Plan' },
      locale: 'fr' as const,
    };
    await expect(router.handle('reply:create', request, allowedPage)).rejects.toThrow(/not accepted from a content/);
    const view = await router.handle('reply:create', request, panel);
    expect(view.fields).toEqual({ kind: 'reply', body: '', pseudonym: 'Camille' });
    expect((await router.handle('reply:create', request, panel)).id).toBe(view.id);
    await router.handle(
      'draft:save',
      { id: view.id, fields: { kind: 'reply', body: 'Je confirme.', pseudonym: '' } },
      panel,
    );
    expect(await router.handle('draft:send', { id: view.id }, panel)).toMatchObject({ ok: true });
    expect((await drafts.store.get(view.id))?.input).toMatchObject({
      kind: 'reply',
      parentId,
      source: 'extension',
      target: { url: 'https://www.example.gouv.fr/plan', selectors: [] },
    });
    // Queued, it is no longer continued: "Répondre" again begins another.
    expect((await router.handle('reply:create', request, panel)).id).not.toBe(view.id);
  });
});

describe('what the live stream says of my own contributions', () => {
  it('is taken from our pages only, and asks the platform once for what arrives together, about what it sent', async () => {
    const { router, drafts, asked } = setUp();
    const mineId = (await drafts.store.create({ kind: 'comment', body: 'x' })).id;
    const { db } = (await import('../../api-client/drafts/store')).internalsOf(drafts.store);
    await db.drafts.update(mineId, { state: 'synced', server: { status: 'published', receivedAt: 'x' } });
    await expect(router.handle('own:news', { ids: [mineId] }, allowedPage)).rejects.toBeInstanceOf(RefusedMessage);
    await router.handle('own:news', { ids: [crypto.randomUUID()] }, panel);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked).toEqual([]);
    await router.handle('own:news', { ids: [mineId] }, panel);
    await router.handle('own:news', { ids: [mineId] }, panel);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked).toEqual([[mineId]]);
  });

  it('names my contributions published, answered, removed, or replied to; not a support', () => {
    const own = new Map([['m', { replyCount: 1 }]]);
    const c = published({ id: 'm' });
    const event = (e: unknown) => e as LiveEvent;
    expect(ownIdsIn(event({ type: 'contribution', id: '1', data: c }), own)).toEqual(['m']);
    expect(
      ownIdsIn(event({ type: 'contribution', id: '2', data: published({ id: 'r', parentId: 'm' }) }), own),
    ).toEqual(['m']);
    expect(ownIdsIn(event({ type: 'answer', id: '3', data: c }), own)).toEqual(['m']);
    expect(ownIdsIn(event({ type: 'removed', id: '4', data: { id: 'm' } }), own)).toEqual(['m']);
    expect(
      ownIdsIn(event({ type: 'counts', id: '5', data: { id: 'm', supportCount: 9, replyCount: 1 } }), own),
    ).toEqual([]);
    expect(
      ownIdsIn(event({ type: 'counts', id: '6', data: { id: 'm', supportCount: 9, replyCount: 2 } }), own),
    ).toEqual(['m']);
    expect(ownIdsIn(event({ type: 'contribution', id: '7', data: published({ id: 'o' }) }), own)).toEqual([]);
  });
});

describe('the side panel’s list, kept live', () => {
  it('adds, answers, counts and removes without a reload; replies go under their parent; reset reloads', () => {
    const a = published({ id: 'a' });
    let list = liveListOf('https://www.example.gouv.fr/plan', [a], 0);
    const apply = (e: unknown) => {
      const next = applyLiveEvent(list, e as LiveEvent);
      if (next === 'reload') throw new Error('reload');
      list = next;
    };
    const b = published({ id: 'b' });
    apply({ type: 'contribution', id: '1', data: b });
    expect(list.items.map((c) => c.id)).toEqual(['b', 'a']);
    apply({ type: 'contribution', id: '2', data: published({ id: 'r1', kind: 'reply', parentId: 'a' }) });
    apply({ type: 'counts', id: '3', data: { id: 'a', supportCount: 4, replyCount: 1 } });
    expect(list.items.find((c) => c.id === 'a')).toMatchObject({ supportCount: 4, replyCount: 1 });
    expect(list.replies.get('a')?.map((r) => r.id)).toEqual(['r1']);
    const answer = { body: 'Fait.', status: 'answered' as const, organisation: 'DITP', at: '2026-11-30T11:00:00Z' };
    apply({ type: 'answer', id: '4', data: { ...a, answer } });
    expect(list.items.find((c) => c.id === 'a')?.answer).toEqual(answer);
    apply({ type: 'counts', id: '4b', data: { id: 'r1', supportCount: 2, replyCount: 0 } });
    expect(list.otherCounts.get('r1')).toBe(2);
    apply({ type: 'removed', id: '5', data: { id: 'r1', parentId: 'a' } });
    expect(list.replies.get('a')).toEqual([]);
    expect(list.removedReplies.has('r1')).toBe(true);
    apply({ type: 'removed', id: '6', data: { id: 'b' } });
    expect(list.items.map((c) => c.id)).toEqual(['a']);
    // The same event twice changes nothing more.
    apply({ type: 'contribution', id: '7', data: a });
    expect(list.items.map((c) => c.id)).toEqual(['a']);
    expect(applyLiveEvent(list, { type: 'reset', id: '8', data: { reason: 'too-far-behind' } })).toBe('reload');
  });
});
