import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnectivity } from '../../extension/background/connectivity';
import { createDraftAccess, memoryArea } from '../../extension/background/draft-access';
import { createDraftsService, type DraftsService } from '../../extension/background/drafts-service';
import { createLiveUpdates, type PortLike } from '../../extension/background/live-updates';
import { createPassageChoices } from '../../extension/background/passage-choices';
import type { PageData } from '../../extension/background/page-data';
import { createRouter, RefusedMessage } from '../../extension/background/router';
import {
  DRAFT_PORT,
  DRAFTS_PORT,
  DraftsSnapshot,
  DraftView,
  type DraftCreateRequest,
} from '../../extension/messaging/protocol';
import { identifySender, type SenderLike } from '../../extension/messaging/sender';

const self = { id: 'vigie-extension-id', baseUrl: 'chrome-extension://vigie-extension-id/' };
const tab = (id: number, url: string): SenderLike => ({ id: self.id, url, tab: { id }, frameId: 0 });
const page = (name: string): SenderLike => ({ id: self.id, url: `${self.baseUrl}${name}` });

const aRequest = (overrides: Partial<DraftCreateRequest> = {}): DraftCreateRequest => ({
  fields: { kind: 'comment', body: 'Le lien vers les données est cassé.', pseudonym: '' },
  target: {
    url: 'https://www.example.gouv.fr/plan',
    title: 'Plan',
    selectors: [{ type: 'TextQuoteSelector', exact: 'Les données essentielles' }],
  },
  locale: 'fr',
  ...overrides,
});

const services: DraftsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
});

function setUp() {
  const connectivity = createConnectivity(null);
  const drafts = createDraftsService({
    dbName: `extension-test-${crypto.randomUUID()}`,
    indexedDB,
    IDBKeyRange,
    schedule: null,
    connectivity,
    client: () => ({
      submitBatch: async () => [],
      contributionStatuses: async () => [],
      withdrawContribution: async () => undefined,
    }),
  });
  services.push(drafts);
  const access = createDraftAccess(memoryArea());
  const lookups: string[] = [];
  const pageData: PageData = {
    lookup: async (url, readingAt) => {
      lookups.push(readingAt);
      return { allowed: true, contributions: [], readAt: 0 };
    },
    commitments: async () => [],
    allows: () => Promise.resolve(true),
  };
  const passages = createPassageChoices(memoryArea());
  const router = createRouter({
    drafts,
    access,
    pageData,
    passages,
    self,
    // The options' pseudonym signs every contribution, whatever a composer sends.
    pseudonym: () => 'Camille',
    openOptions: () => Promise.resolve(),
    refreshStatuses: () => undefined,
  });
  return { drafts, access, router, lookups };
}

describe('who may speak to the background', () => {
  it('knows our content scripts by their tab, and our pages by their address', () => {
    expect(identifySender(tab(7, 'https://www.service-public.fr/page#x'), self)).toEqual({
      kind: 'content',
      tabId: 7,
      frameId: 0,
      url: 'https://www.service-public.fr/page#x',
      origin: 'https://www.service-public.fr',
    });
    expect(identifySender(page('sidepanel.html'), self)).toEqual({
      kind: 'extension-page',
      url: `${self.baseUrl}sidepanel.html`,
    });
  });

  it('refuses another extension, a sender without a tab, and pages that are not http(s)', () => {
    expect(identifySender({ ...tab(7, 'https://a.gouv.fr/'), id: 'another-extension' }, self)).toBeNull();
    expect(identifySender({ id: self.id, url: 'https://a.gouv.fr/' }, self)).toBeNull();
    expect(identifySender(tab(7, 'file:///etc/passwd'), self)).toBeNull();
    expect(identifySender(tab(7, 'chrome-extension://another/page.html'), self)).toBeNull();
    expect(identifySender(undefined, self)).toBeNull();
    expect(identifySender({ url: 'https://a.gouv.fr/', tab: { id: 3 } }, self)).toBeNull();
  });
});

describe('every request is checked before it runs', () => {
  it('refuses a sender that is not us, whatever it asks', async () => {
    const { router } = setUp();
    const web = { url: 'https://evil.example/', tab: { id: 1 } };
    await expect(router.handle('draft:create', aRequest(), web)).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      router.handle('draft:delete', { id: crypto.randomUUID() }, { ...page('x.html'), id: 'other' }),
    ).rejects.toBeInstanceOf(RefusedMessage);
  });

  it('refuses data that does not match its schema, unknown fields included', async () => {
    const { router, drafts } = setUp();
    const from = tab(1, 'https://www.example.gouv.fr/plan');
    await expect(router.handle('draft:create', { ...aRequest(), extra: true }, from)).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    await expect(
      router.handle(
        'draft:create',
        aRequest({ target: { url: 'javascript:alert(1)', title: '', selectors: [] } }),
        from,
      ),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      router.handle('draft:save', { id: 'not-a-uuid', fields: aRequest().fields }, from),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      router.handle(
        'draft:create',
        aRequest({ fields: { kind: 'comment', body: 'x'.repeat(20_001), pseudonym: '' } }),
        from,
      ),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(router.handle('nope' as 'draft:create', aRequest(), from)).rejects.toBeInstanceOf(RefusedMessage);
    expect(await drafts.store.list()).toEqual([]);
  });

  it('keeps the drafts list and deletion for our own pages', async () => {
    const { router } = setUp();
    const from = tab(1, 'https://www.example.gouv.fr/plan');
    const view = await router.handle('draft:create', aRequest(), from);
    await expect(router.handle('draft:delete', { id: view.id }, from)).rejects.toThrow(/not accepted from a content/);
    await expect(
      router.handle('commitments:find', { url: 'https://a.gouv.fr/', readingAt: 'https://a.gouv.fr/', ids: [] }, from),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(await router.handle('draft:delete', { id: view.id }, page('sidepanel.html'))).toBe(true);
  });

  it('asks for a page lookup in the name of the page being read, not of the address given', async () => {
    const { router, lookups } = setUp();
    await router.handle(
      'page:lookup',
      { url: 'https://www.example.gouv.fr/plan' },
      tab(2, 'https://evil.example/copy'),
    );
    expect(lookups).toEqual(['https://evil.example/copy']);
  });
});

describe('a content script reaches only the drafts of its own tab and origin', () => {
  it('writes, saves and sends its own draft, filed as an extension contribution in its language', async () => {
    const { router, drafts } = setUp();
    const from = tab(1, 'https://www.example.gouv.fr/plan');
    const created = await router.handle(
      'draft:create',
      aRequest({ fields: { kind: 'comment', body: 'L', pseudonym: '' }, locale: 'en' }),
      from,
    );
    const saved = await router.handle(
      'draft:save',
      { id: created.id, fields: { kind: 'comment', body: 'Le lien est mort.', pseudonym: 'Autre' } },
      from,
    );
    expect(DraftView.parse(saved).fields).toEqual({ kind: 'comment', body: 'Le lien est mort.', pseudonym: 'Camille' });
    const sent = await router.handle('draft:send', { id: created.id }, from);
    expect(sent).toMatchObject({ ok: true, view: { state: 'queued' } });
    expect((await drafts.store.get(created.id))?.input).toMatchObject({
      source: 'extension',
      locale: 'en',
      author: { pseudonym: 'Camille' },
      target: { url: 'https://www.example.gouv.fr/plan' },
    });
  });

  it('answers "not found" to another tab, or the same tab on another site, and changes nothing', async () => {
    const { router, drafts } = setUp();
    const created = await router.handle('draft:create', aRequest(), tab(1, 'https://www.example.gouv.fr/plan'));
    for (const other of [tab(2, 'https://www.example.gouv.fr/plan'), tab(1, 'https://evil.example/')]) {
      await expect(
        router.handle(
          'draft:save',
          { id: created.id, fields: { kind: 'comment', body: 'volé', pseudonym: '' } },
          other,
        ),
      ).rejects.toThrow(/n'existe pas/);
      await expect(router.handle('draft:send', { id: created.id }, other)).rejects.toThrow(/n'existe pas/);
    }
    expect((await drafts.store.get(created.id))?.state).toBe('draft');
    expect((await drafts.store.get(created.id))?.input.body).toBe(aRequest().fields.body);
  });

  it('sends field errors in both languages when the contract refuses a draft', async () => {
    const { router } = setUp();
    const from = tab(1, 'https://www.example.gouv.fr/plan');
    const created = await router.handle(
      'draft:create',
      aRequest({ fields: { kind: 'gap', body: '', pseudonym: '' } }),
      from,
    );
    const result = await router.handle('draft:send', { id: created.id }, from);
    expect(result).toEqual({
      ok: false,
      errors: {
        body: { fr: 'Le texte est vide.', en: 'The text is empty.' },
        gapType: { fr: 'Choisissez le type de manque.', en: 'Choose the kind of gap.' },
      },
    });
  });
});

function fakePort(name: string, sender: SenderLike) {
  const messages: unknown[] = [];
  const listeners: Array<(message: unknown) => void> = [];
  const disconnects: Array<() => void> = [];
  let disconnected = false;
  const port: PortLike = {
    name,
    sender,
    postMessage: (message) => messages.push(message),
    disconnect: () => {
      disconnected = true;
    },
    onMessage: { addListener: (listener) => listeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnects.push(listener) },
  };
  return {
    port,
    messages,
    send: (message: unknown) => listeners.forEach((l) => l(message)),
    close: () => disconnects.forEach((l) => l()),
    get disconnected() {
      return disconnected;
    },
  };
}

describe('live updates', () => {
  it('give our pages every draft, and a composer only its own', async () => {
    const { router, drafts, access } = setUp();
    const live = createLiveUpdates({ drafts, access, self });
    const created = await router.handle('draft:create', aRequest(), tab(1, 'https://www.example.gouv.fr/plan'));

    const list = fakePort(DRAFTS_PORT, page('sidepanel.html'));
    live.connect(list.port);
    await expect.poll(() => list.messages.length).toBeGreaterThan(0);
    expect(DraftsSnapshot.parse(list.messages.at(-1)).drafts.map((d) => d.id)).toEqual([created.id]);

    const stolen = fakePort(DRAFTS_PORT, tab(1, 'https://www.example.gouv.fr/plan'));
    live.connect(stolen.port);
    expect(stolen.disconnected).toBe(true);

    const mine = fakePort(DRAFT_PORT, tab(1, 'https://www.example.gouv.fr/plan'));
    live.connect(mine.port);
    mine.send({ id: created.id });
    await expect.poll(() => mine.messages.length).toBeGreaterThan(0);
    expect(DraftView.parse(mine.messages.at(-1)).id).toBe(created.id);

    const foreign = fakePort(DRAFT_PORT, tab(9, 'https://evil.example/'));
    live.connect(foreign.port);
    foreign.send({ id: created.id });
    await expect.poll(() => foreign.disconnected).toBe(true);
    expect(foreign.messages).toEqual([]);
    for (const p of [list, mine]) p.close();
  });
});

describe('connectivity reports', () => {
  it('pass on "online" from pages at most every few seconds, unless the citizen asks', () => {
    let t = 0;
    const connectivity = createConnectivity(null, { now: () => t, minIntervalMs: 5000 });
    let heard = 0;
    connectivity.addEventListener('online', () => heard++);
    expect(connectivity.announceOnline()).toBe(true);
    t = 1000;
    expect(connectivity.announceOnline()).toBe(false);
    expect(connectivity.announceOnline({ force: true })).toBe(true);
    t = 7000;
    expect(connectivity.announceOnline()).toBe(true);
    expect(heard).toBe(3);
  });

  it('keep an "online" told to a worker woken by it before its engine listens, for the engine when it does', async () => {
    // A sleeping background is woken by the very message that says the network is back;
    // the engine starts listening only once the settings are read.
    const connectivity = createConnectivity(null);
    expect(connectivity.announceOnline()).toBe(true);
    let heard = 0;
    connectivity.addEventListener('online', () => heard++);
    await Promise.resolve();
    expect(heard).toBe(1);
    // Told once: a second listener, or the same one again, hears nothing more.
    connectivity.addEventListener('online', () => heard++);
    await Promise.resolve();
    expect(heard).toBe(1);
  });
});

describe('the words each page says about a draft', () => {
  it('are made where they are shown, in that page’s language, from what the background sent', async () => {
    const { draftStateText, syncStatusText } = await import('../../extension/shared/draft-words');
    const waiting = {
      id: crypto.randomUUID(),
      state: 'queued' as const,
      fields: { kind: 'comment' as const, body: 'x', pseudonym: '' },
      lastError: { sentence: 'Pas de connexion à la plateforme.', code: 'network' },
    };
    expect(draftStateText(waiting, 'fr')).toBe('En attente du réseau');
    expect(draftStateText(waiting, 'en')).toBe('Waiting for the network');
    const refused = {
      ...waiting,
      state: 'rejected' as const,
      lastError: { sentence: 'Le texte est vide.', code: 'body.empty' },
    };
    expect(draftStateText(refused, 'en')).toBe('Refused: the text is empty');
    const summary = {
      ...waiting,
      updatedAt: 0,
      news: false,
      canEdit: false,
      canRetry: true,
      canDelete: true,
      canWithdraw: false,
      canForget: false,
    };
    expect(syncStatusText({ drafts: [summary], link: { online: false, lastFailure: null } }, 'fr').text).toBe(
      '1 contribution en attente du réseau',
    );
  });
});
