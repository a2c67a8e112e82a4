import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getPage, moderation, PUBLIC_URL, text } from '../support/public-site';

const PAGE = 'https://www.economie.gouv.fr/daj/sort-by-support';

forEachStorage((kind) => {
  describe('the public lists sorted by support', () => {
    let platform: StoragePlatform;
    // 23 contributions on one commitment and one page, published oldest first: contribution
    // n has n % 5 supports, so the most supported are neither the newest nor the oldest.
    const many: ContributionInput[] = Array.from({ length: 23 }, (_, n) =>
      aContribution({
        commitmentId: 'FR0069',
        body: `Tri ${n}`,
        target: { url: PAGE, title: 'Tri', selectors: [] },
      }),
    );
    const supports = (n: number) => n % 5;
    const support = (id: string) =>
      send('POST', `${platform.url}/v1/contributions/${id}/support`, {
        body: { supporterKeyHash: createHash('sha256').update(randomBytes(16)).digest('hex') },
      });
    // Most supported first, then the most recently published: 4, 3, 2, 1, 0 supports, the newest first in each.
    const bySupport = [...many.keys()].sort((a, b) => supports(b) - supports(a) || b - a).map((n) => `Tri ${n}`);

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre', VIGIE_PUBLIC_URL: `${PUBLIC_URL}/` } });
      const mod = moderation(platform, await platform.token('moderator', 'Modération'));
      await mod.submit(...many);
      for (const item of many) await mod.publish(item.id);
      for (const [n, item] of many.entries())
        for (let i = 0; i < supports(n); i++) expect((await support(item.id)).status).toBe(201);
    }, 60_000);
    afterAll(() => platform?.dispose());

    const bodies = (doc: Document) => [...doc.querySelectorAll('article .vigie-text')].map(text);
    const sortLinks = (doc: Document) =>
      [...doc.querySelectorAll('nav.vigie-sort a')].map((a) => ({
        label: text(a),
        href: a.getAttribute('href'),
        current: a.getAttribute('aria-current'),
      }));

    it('the commitment page is newest first by default and says so; ?tri=soutien puts the most supported first', async () => {
      const newest = (await getPage(platform, '/engagements/FR0069')).document;
      expect(bodies(newest).slice(0, 3)).toEqual(['Tri 22', 'Tri 21', 'Tri 20']);
      expect(sortLinks(newest)).toEqual([
        { label: 'Les plus récentes d’abord', href: '/engagements/FR0069', current: 'true' },
        { label: 'Les plus soutenues d’abord', href: '/engagements/FR0069?tri=soutien', current: null },
      ]);
      const page = await getPage(platform, '/engagements/FR0069?tri=soutien');
      expect(page.status).toBe(200);
      const doc = page.document;
      expect(bodies(doc)).toEqual(bySupport.slice(0, 20));
      expect(text(doc.querySelector(`article[data-contribution="${many[19]!.id}"] .vigie-support`))).toBe(
        '4 personnes disent « moi aussi »',
      );
      expect(sortLinks(doc).map((link) => link.current)).toEqual([null, 'true']);
      expect(text(doc.querySelector('nav.vigie-sort + p'))).toBe(
        'Les plus soutenues d’abord (« moi aussi »), puis les plus récentes.',
      );
      // The order is kept from page to page, and in the page's canonical address.
      expect(doc.querySelector('.fr-pagination a[href="/engagements/FR0069?tri=soutien&page=2"]')).not.toBeNull();
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/engagements/FR0069?tri=soutien`,
      );
      const second = (await getPage(platform, '/engagements/FR0069?tri=soutien&page=2')).document;
      expect(bodies(second)).toEqual(bySupport.slice(20));
      // A new contribution has no support yet: the live script does not put it on top of this order.
      expect(doc.querySelector('[data-live]')?.hasAttribute('data-first-page')).toBe(false);
      expect(newest.querySelector('[data-live]')?.hasAttribute('data-first-page')).toBe(true);
    });

    it('in English, the choice and the language are both kept', async () => {
      const doc = (await getPage(platform, '/engagements/FR0069?tri=soutien&lang=en')).document;
      expect(sortLinks(doc)).toEqual([
        { label: 'Newest first', href: '/engagements/FR0069?lang=en', current: null },
        { label: 'Most supported first', href: '/engagements/FR0069?tri=soutien&lang=en', current: 'true' },
      ]);
      expect(
        doc.querySelector('.fr-pagination a[href="/engagements/FR0069?tri=soutien&page=2&lang=en"]'),
      ).not.toBeNull();
    });

    it('GET /pages?url=…&tri=soutien: the page’s contributions most supported first, the address kept in every link', async () => {
      const url = encodeURIComponent(PAGE);
      const doc = (await getPage(platform, `/pages?url=${url}&tri=soutien`)).document;
      expect(bodies(doc)).toEqual(bySupport.slice(0, 20));
      expect(text(doc.querySelector('#page-results'))).toBe(
        '23 contributions publiées sur cette page, les plus soutenues d’abord.',
      );
      expect(sortLinks(doc)).toEqual([
        { label: 'Les plus récentes d’abord', href: `/pages?url=${url}`, current: null },
        { label: 'Les plus soutenues d’abord', href: `/pages?url=${url}&tri=soutien`, current: 'true' },
      ]);
      expect(doc.querySelector(`.fr-pagination a[href="/pages?url=${url}&tri=soutien&page=2"]`)).not.toBeNull();
      const newest = (await getPage(platform, `/pages?url=${url}&tri=recent`)).document;
      expect(bodies(newest).slice(0, 2)).toEqual(['Tri 22', 'Tri 21']);
    });

    it('an order that does not exist is a 400 page in the site’s look, saying which are', async () => {
      for (const path of [
        '/engagements/FR0069?tri=popularite',
        '/engagements/FR0069?tri=SOUTIEN',
        `/pages?url=${encodeURIComponent(PAGE)}&tri=support`,
        '/engagements/FR0069?tri=soutien%00',
      ]) {
        const page = await getPage(platform, path);
        expect(page.status, path).toBe(400);
        expect(text(page.document.querySelector('p.fr-text--lead')), path).toContain(
          'le tri doit être « recent » ou « soutien ».',
        );
        expect(page.document.querySelector('header.fr-header'), path).not.toBeNull();
      }
    });
  });
});
