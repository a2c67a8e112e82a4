import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { OwnContributionStatus } from '../../api-client/contract';
import { internalsOf } from '../../api-client/drafts/store';
import { VigieNetworkError } from '../../api-client/http';
import { showNewsOnBadge } from '../../extension/background/badge';
import { createConnectivity } from '../../extension/background/connectivity';
import { createDraftAccess, memoryArea } from '../../extension/background/draft-access';
import { summaryOf } from '../../extension/background/draft-views';
import { createDraftsService, type DraftsService } from '../../extension/background/drafts-service';
import { createPassageChoices } from '../../extension/background/passage-choices';
import { createRouter } from '../../extension/background/router';
import type { DraftCreateRequest } from '../../extension/messaging/protocol';
import type { SenderLike } from '../../extension/messaging/sender';

const self = { id: 'vigie-extension-id', baseUrl: 'chrome-extension://vigie-extension-id/' };
const tab = (id: number, url: string): SenderLike => ({ id: self.id, url, tab: { id }, frameId: 0 });
const panel: SenderLike = { id: self.id, url: `${self.baseUrl}sidepanel.html` };
const PAGE = 'https://www.example.gouv.fr/plan';
const quote = { type: 'TextQuoteSelector' as const, exact: 'Les données essentielles', prefix: 'Engagement : ' };

const aRequest = (overrides: Partial<DraftCreateRequest> = {}): DraftCreateRequest => ({
  fields: { kind: 'comment', body: 'Le lien est cassé.', pseudonym: 'tapé dans le composeur' },
  target: { url: PAGE, title: 'Plan', selectors: [quote] },
  locale: 'fr',
  ...overrides,
});

const services: DraftsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
});

function setUp() {
  let pseudonym = 'Camille';
  let statuses: (ids: string[]) => OwnContributionStatus[] = () => [];
  let withdrawFails = false;
  const drafts = createDraftsService({
    dbName: `mine-test-${crypto.randomUUID()}`,
    indexedDB,
    IDBKeyRange,
    schedule: null,
    connectivity: createConnectivity(null),
    client: () => ({
      submitBatch: () => Promise.resolve([]),
      contributionStatuses: (items) => Promise.resolve(statuses(items.map((i) => i.id))),
      withdrawContribution: () =>
        withdrawFails ? Promise.reject(new VigieNetworkError('http://platform')) : Promise.resolve(),
    }),
  });
  services.push(drafts);
  const router = createRouter({
    drafts,
    access: createDraftAccess(memoryArea()),
    pageData: {
      lookup: () => Promise.resolve({ allowed: true, contributions: [], readAt: 0 }),
      commitments: () => Promise.resolve([]),
      allows: () => Promise.resolve(true),
    },
    passages: createPassageChoices(memoryArea()),
    self,
    pseudonym: () => pseudonym,
    openOptions: () => Promise.resolve(),
    refreshStatuses: () => undefined,
  });
  /** As if the platform had received it: what the engine does on `created`. */
  const markSent = async (id: string, status: 'pending' | 'published' = 'pending') => {
    const { db } = internalsOf(drafts.store);
    const draft = (await db.drafts.get(id))!;
    await db.drafts.put({ ...draft, state: 'synced', server: { status, receivedAt: new Date().toISOString() } });
  };
  return {
    drafts,
    router,
    markSent,
    setPseudonym: (value: string) => void (pseudonym = value),
    answer: (fn: typeof statuses) => void (statuses = fn),
    failWithdrawals: () => void (withdrawFails = true),
  };
}

describe('continuing and keeping drafts', () => {
  it('the same passage on the same page continues its unsent draft; another page, origin or passage does not', async () => {
    const { router } = setUp();
    const from = tab(1, 'https://www.example.gouv.fr/plan#top');
    const created = await router.handle('draft:create', aRequest(), from);
    // Another tab of the same site, later (after a browser restart, the tab's access is gone): still continued.
    const again = await router.handle('draft:resume', { url: PAGE, selectors: [quote] }, tab(9, PAGE));
    expect(again?.id).toBe(created.id);
    expect(again?.fields.body).toBe('Le lien est cassé.');
    // And that tab may now write to it.
    await router.handle('draft:save', { id: created.id, fields: { ...again!.fields, body: 'Suite.' } }, tab(9, PAGE));

    expect(
      await router.handle('draft:resume', { url: PAGE, selectors: [{ ...quote, prefix: 'Autre : ' }] }, from),
    ).toBe(null);
    expect(await router.handle('draft:resume', { url: `${PAGE}/autre`, selectors: [quote] }, from)).toBe(null);
    // A page of another origin never reaches these words, even naming the same address.
    expect(
      await router.handle('draft:resume', { url: PAGE, selectors: [quote] }, tab(1, 'https://evil.example/')),
    ).toBe(null);
  });

  it('a draft closed without words is not kept; one with words is', async () => {
    const { router, drafts } = setUp();
    const from = tab(1, PAGE);
    const empty = await router.handle(
      'draft:create',
      aRequest({ fields: { kind: 'comment', body: ' ', pseudonym: '' } }),
      from,
    );
    expect(await router.handle('draft:discard', { id: empty.id }, from)).toBe(true);
    const full = await router.handle('draft:create', aRequest(), from);
    expect(await router.handle('draft:discard', { id: full.id }, from)).toBe(false);
    expect((await drafts.store.list()).map((d) => d.id)).toEqual([full.id]);
  });

  it('signs every contribution with the options’ pseudonym, as they are when it is sent', async () => {
    const { router, drafts, setPseudonym } = setUp();
    const draft = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    expect((await drafts.store.get(draft.id))?.input.author).toEqual({ pseudonym: 'Camille' });
    setPseudonym('');
    await router.handle('draft:send', { id: draft.id }, tab(1, PAGE));
    expect((await drafts.store.get(draft.id))?.input.author).toBeUndefined();
  });
});

describe('deleting, forgetting and withdrawing', () => {
  it('deletes only what never left the device; a sent one is withdrawn or forgotten', async () => {
    const { router, markSent } = setUp();
    const sent = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    await markSent(sent.id);
    await expect(router.handle('draft:delete', { id: sent.id }, panel)).rejects.toMatchObject({
      sentences: { fr: expect.stringContaining('retirez-la, ou oubliez-la') as unknown },
    });
    const withdrawn = await router.handle('draft:withdraw', { id: sent.id }, panel);
    expect(withdrawn.platform?.status).toBe('withdrawn');
    expect(await router.handle('draft:forget', { id: sent.id }, panel)).toBe(true);
    // Never from a page's content script.
    await expect(router.handle('draft:forget', { id: sent.id }, tab(1, PAGE))).rejects.toThrow(/not accepted/);
  });

  it('a withdrawal without network says so, and keeps the secret', async () => {
    const { router, drafts, markSent, failWithdrawals } = setUp();
    const sent = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    await markSent(sent.id);
    failWithdrawals();
    await expect(router.handle('draft:withdraw', { id: sent.id }, panel)).rejects.toMatchObject({
      sentences: { fr: expect.stringContaining('Rien n’est perdu') as unknown },
    });
    expect((await drafts.store.get(sent.id))?.withdrawalSecret).toBeDefined();
  });
});

describe('what the citizen is shown of their own', () => {
  it('a page’s content script learns its own origin’s pending passages, nothing of others', async () => {
    const { router, markSent } = setUp();
    const mine = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    await markSent(mine.id);
    const published = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    await markSent(published.id, 'published');
    await router.handle('draft:create', aRequest(), tab(1, PAGE)); // a draft: not sent, not shown
    expect(await router.handle('page:own', { url: PAGE }, tab(2, PAGE))).toEqual([
      { id: mine.id, selectors: [quote], stage: 'pending' },
    ]);
    expect(await router.handle('page:own', { url: PAGE }, tab(2, 'https://evil.example/'))).toEqual([]);
  });

  it('the badge counts what changed since the citizen looked, and "drafts:seen" clears it', async () => {
    const { router, drafts, markSent, answer } = setUp();
    const a = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    const b = await router.handle('draft:create', aRequest(), tab(1, PAGE));
    await Promise.all([markSent(a.id), markSent(b.id)]);
    const badge: string[] = [];
    const titles: string[] = [];
    const stop = showNewsOnBadge(
      drafts.store,
      {
        setBadgeText: ({ text }) => badge.push(text),
        setBadgeBackgroundColor: () => undefined,
        setTitle: ({ title }) => titles.push(title),
      },
      (n) => `${n} nouveautés`,
    );
    await expect.poll(() => badge.at(-1)).toBe('');
    answer((ids) =>
      ids.map((id) => ({ id, status: id === a.id ? 'published' : 'rejected', moderationReason: 'spam' })),
    );
    await drafts.follower.refresh();
    await expect.poll(() => badge.at(-1)).toBe('2');
    expect(titles.at(-1)).toBe('2 nouveautés');
    expect(summaryOf((await drafts.store.get(a.id))!).news).toBe(true);
    await router.handle('drafts:seen', { ids: [a.id] }, panel);
    await expect.poll(() => badge.at(-1)).toBe('1');
    await router.handle('drafts:seen', { ids: [b.id] }, panel);
    await expect.poll(() => badge.at(-1)).toBe('');
    stop();
  });
});
