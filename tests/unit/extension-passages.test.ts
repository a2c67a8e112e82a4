import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Selector, TextQuoteSelector } from '../../api-client/contract';
import { createConnectivity } from '../../extension/background/connectivity';
import { createDraftAccess, memoryArea } from '../../extension/background/draft-access';
import { createDraftsService, type DraftsService } from '../../extension/background/drafts-service';
import type { PageData } from '../../extension/background/page-data';
import { createPassageChoices } from '../../extension/background/passage-choices';
import { createRouter, RefusedMessage } from '../../extension/background/router';
import type { SenderLike } from '../../extension/messaging/sender';
import { aContribution } from '../support/contributions';

const self = { id: 'vigie-extension-id', baseUrl: 'chrome-extension://vigie-extension-id/' };
const tab = (id: number, url: string): SenderLike => ({ id: self.id, url, tab: { id }, frameId: 0 });
const PAGE = 'https://www.example.gouv.fr/plan';

const here: Selector[] = [
  {
    type: 'TextQuoteSelector',
    exact: 'sont désormais publiées',
    prefix: 'marchés publics ',
    suffix: ' dans un format',
  },
  { type: 'TextPositionSelector', start: 120, end: 143 },
];
const elsewhere: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'sont publiées', prefix: 'Les lois ' };

const services: DraftsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
});

function setUp(allowed = true) {
  const drafts = createDraftsService({
    dbName: `passages-test-${crypto.randomUUID()}`,
    indexedDB,
    IDBKeyRange,
    schedule: null,
    connectivity: createConnectivity(null),
    client: () => ({
      submitBatch: () => Promise.resolve([]),
      contributionStatuses: () => Promise.resolve([]),
      withdrawContribution: () => Promise.resolve(),
    }),
  });
  services.push(drafts);
  const contribution = { ...aContribution(), status: 'published' as const, receivedAt: '2026-11-27T09:30:00.000Z' };
  const pageData: PageData = {
    lookup: () => Promise.resolve({ allowed: true, contributions: [contribution], readAt: 0 }),
    commitments: () => Promise.resolve([]),
    allows: () => Promise.resolve(allowed),
  };
  const area = memoryArea();
  const passages = createPassageChoices(area);
  const router = createRouter({
    drafts,
    access: createDraftAccess(memoryArea()),
    pageData,
    passages,
    self,
    pseudonym: () => '',
    openOptions: () => Promise.resolve(),
    refreshStatuses: () => undefined,
  });
  return { router, area, contribution };
}

describe('what the citizen says of a possible match, kept on this device', () => {
  it('"C\'est ici" and "Ce n\'est pas ici" come back with the page’s contributions, for that page only', async () => {
    const { router, contribution } = setUp();
    const from = tab(3, PAGE);
    await router.handle('passage:choose', { url: PAGE, contributionId: contribution.id, choice: { here } }, from);
    await router.handle(
      'passage:choose',
      { url: PAGE, contributionId: contribution.id, choice: { notHere: elsewhere } },
      from,
    );
    const answer = await router.handle('page:lookup', { url: PAGE }, from);
    expect(answer.allowed && answer.choices).toEqual({ [contribution.id]: { here, notHere: [elsewhere] } });
    // The same contribution read under another address: nothing chosen there.
    const other = await router.handle('page:lookup', { url: 'https://www.example.gouv.fr/autre' }, from);
    expect(other.allowed && other.choices).toEqual({});
  });

  it('is refused from our own pages, from pages off the allow-list, and with data that is not a choice', async () => {
    const { router, contribution } = setUp(false);
    const choice = { url: PAGE, contributionId: contribution.id, choice: { here } };
    await expect(
      router.handle('passage:choose', choice, { id: self.id, url: `${self.baseUrl}sidepanel.html` }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(router.handle('passage:choose', choice, tab(3, 'https://blog.example/'))).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    const { router: allowing } = setUp(true);
    const from = tab(3, PAGE);
    for (const bad of [
      { ...choice, contributionId: 'not-a-uuid' },
      { ...choice, choice: { here: [] } },
      { ...choice, choice: { here: Array.from({ length: 5 }, () => here[0]) } },
      { ...choice, choice: { notHere: { type: 'TextQuoteSelector', exact: '' } } },
      { ...choice, choice: { here, notHere: elsewhere } },
      { ...choice, extra: 1 },
    ]) {
      await expect(allowing.handle('passage:choose', bad, from)).rejects.toBeInstanceOf(RefusedMessage);
    }
  });

  it('lives in the extension’s storage: a worker started again reads it, and it stays bounded', async () => {
    const area = memoryArea();
    let clock = 0;
    const first = createPassageChoices(area, () => ++clock);
    const id = crypto.randomUUID();
    for (let i = 0; i < 15; i++) {
      await first.refuse(PAGE, id, { ...elsewhere, exact: `place ${i}` });
    }
    const again = createPassageChoices(area, () => ++clock);
    const { [id]: kept } = await again.of(PAGE, [id]);
    expect(kept!.notHere.map((q) => q.exact)).toEqual(Array.from({ length: 10 }, (_, i) => `place ${i + 5}`));
    // Data that is not ours, or is broken, is ignored rather than trusted.
    await area.set({ passageChoices: { [id]: { url: PAGE, at: 1, here: 'x', notHere: [] } } });
    expect(await again.of(PAGE, [id])).toEqual({});
  });
});
