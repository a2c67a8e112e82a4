import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getPage, moderation, PUBLIC_URL, text, withdrawalKey } from '../support/public-site';

const PAGE = 'https://www.economie.gouv.fr/daj/commande-publique';

forEachStorage((kind) => {
  describe('the public pages', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    const quoted = {
      type: 'TextQuoteSelector' as const,
      exact: 'les données essentielles des marchés publics',
      prefix: 'Les acheteurs publient ',
      suffix: ' sur leur profil.',
    };
    const zoe = aContribution({
      body: 'Où trouve-t-on les données essentielles de 2024 ?',
      author: { pseudonym: 'Zoé' },
      target: { url: PAGE, title: 'La commande publique', selectors: [quoted] },
    });
    const answered = aContribution({
      kind: 'gap',
      gapType: 'missing-data',
      body: 'Le jeu de données promis n’est pas en ligne.',
      target: { url: PAGE, title: 'La commande publique', selectors: [] },
    });
    const hostile = aContribution({ body: '<script>window.__x = 1</script><b>gras</b> & « guillemets »' });
    const pending = aContribution({ kind: 'gap', gapType: 'broken-link', body: `En attente ${crypto.randomUUID()}` });
    const hidden = aContribution({ kind: 'gap', gapType: 'outdated', body: `Masquée ${crypto.randomUUID()}` });
    const rejected = aContribution({ body: `Refusée ${crypto.randomUUID()}` });
    const elsewhere = aContribution({
      commitmentId: 'FR0054',
      body: 'Sur l’aide au développement.',
      target: { url: 'https://www.diplomatie.gouv.fr/aide?utm_source=lettre&id=4', title: 'Aide', selectors: [] },
    });
    const reply = 'Le jeu de données sera publié en mars sur data.gouv.fr.';

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre', VIGIE_PUBLIC_URL: `${PUBLIC_URL}/` } });
      mod = moderation(platform, await platform.token('moderator', 'Modération'));
      await mod.submit(zoe, answered, hostile, pending, hidden, rejected, elsewhere);
      // Published one after the other: the newest publication comes first on the pages.
      await mod.publish(zoe.id);
      await mod.publish(answered.id, reply);
      await mod.publish(hostile.id);
      await mod.publish(elsewhere.id);
      await mod.hide(hidden.id);
      await mod.reject(rejected.id);
    });
    afterAll(() => platform?.dispose());

    it('GET /: every commitment in French with its counts, under a strict CSP, linked from the public address', async () => {
      const page = await getPage(platform, '/');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const doc = page.document;
      expect(doc.documentElement.getAttribute('lang')).toBe('fr');
      expect(doc.title).toBe('Plan d’action national 2021-2023 pour un gouvernement ouvert — Vigie');
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${PUBLIC_URL}/`);
      expect(doc.querySelector('link[rel=alternate][hreflang=en]')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/?lang=en`,
      );
      expect(doc.querySelector('script:not([src])')).toBeNull();
      expect(doc.querySelector('[style]')).toBeNull();
      const rows = [...doc.querySelectorAll('table tbody tr')];
      expect(rows).toHaveLength(12);
      const row = rows.find((r) => text(r.querySelector('th')).startsWith('FR0067'))!;
      const cells = [...row.querySelectorAll('td')].map(text);
      expect(text(row.querySelector('th'))).toBe('FR0067 — Rendre la commande publique plus transparente');
      expect(row.querySelector('th a')?.getAttribute('href')).toBe('/engagements/FR0067');
      // Published only: Zoé's and the hostile comment; one gap (missing data), which was answered.
      expect([cells[0], cells[1], cells[2], cells[4]]).toEqual([
        "Ministère de l'Économie, des Finances et de la Relance",
        'Avancement non vérifié',
        '2',
        '1',
      ]);
      const gaps = row.querySelectorAll('td')[3]!;
      expect(text(gaps.querySelector('strong'))).toBe('1');
      expect([...gaps.querySelectorAll('li')].map(text)).toEqual(['Données non publiées : 1']);
      const other = rows.find((r) => text(r.querySelector('th')).startsWith('FR0054'))!;
      expect(text(other.querySelectorAll('td')[2])).toBe('1');
    });

    it('GET /?lang=en and Accept-Language: en speak English, titles included', async () => {
      for (const [path, headers] of [
        ['/?lang=en', {}],
        ['/', { 'accept-language': 'en-GB,en;q=0.9' }],
      ] as const) {
        const page = await getPage(platform, path, headers);
        expect(page.document.documentElement.getAttribute('lang')).toBe('en');
        expect(page.headers['content-language']).toBe('en');
        expect(text(page.document.querySelector('h1'))).toBe('National action plan 2021-2023 for open government');
        expect(page.text).toContain('FR0067 — Make public procurement more transparent');
        expect(page.document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${PUBLIC_URL}/?lang=en`);
      }
      // A language chosen in the address is carried by the links.
      const page = await getPage(platform, '/?lang=en');
      expect(page.document.querySelector('tbody a')?.getAttribute('href')).toBe('/engagements/FR0051?lang=en');
    });

    it('filters by status and lead institution; a wrong filter is a 400 page in the site’s look', async () => {
      const rows = async (query: string) =>
        (await getPage(platform, `/${query}`)).document.querySelectorAll('tbody tr');
      expect(await rows('?statut=unverified')).toHaveLength(12);
      expect(await rows('?statut=completed')).toHaveLength(0);
      expect(text((await getPage(platform, '/?statut=completed')).document.querySelector('main'))).toContain(
        'Aucun engagement ne correspond à ces filtres.',
      );
      const justice = await rows(`?porteur=${encodeURIComponent('Ministère de la Justice')}`);
      expect([...justice].map((r) => text(r.querySelector('th')).slice(0, 6))).toEqual(['FR0075']);
      // "A; B; C" leads are three institutions: each filters to the commitments it leads.
      const europe = await rows(`?porteur=${encodeURIComponent("Ministère de l'Europe et des Affaires étrangères")}`);
      expect([...europe].map((r) => text(r.querySelector('th')).slice(0, 6))).toEqual(['FR0051', 'FR0054']);
      for (const query of ['?statut=bogus', '?porteur=Nobody', '?lang=de']) {
        const page = await getPage(platform, `/${query}`);
        expect(page.status, query).toBe(400);
        expect(text(page.document.querySelector('h1'))).toBe('Adresse incorrecte');
        expect(page.document.querySelector('header.fr-header')).not.toBeNull();
      }
    });

    it('GET /engagements/{id}: the published contributions newest first, with quote, gap type, date, pseudonym, answer and page link', async () => {
      const page = await getPage(platform, '/engagements/FR0067');
      expect(page.status).toBe(200);
      const doc = page.document;
      expect(text(doc.querySelector('h1'))).toBe('FR0067 — Rendre la commande publique plus transparente');
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${PUBLIC_URL}/engagements/FR0067`);
      expect(doc.querySelector('link[rel=alternate][type="application/atom+xml"]')?.getAttribute('href')).toBe(
        '/engagements/FR0067/flux.atom',
      );
      expect(text(doc.querySelector('#contributions-title'))).toBe('Contributions publiées (3)');
      const cards = [...doc.querySelectorAll('article.vigie-contribution')];
      expect(cards.map((card) => text(card.querySelector('.vigie-text')))).toEqual([
        hostile.body,
        answered.body,
        zoe.body,
      ]);
      const [first, second, third] = cards;
      // Markup typed by a citizen is text on the page, not elements.
      expect(first!.querySelector('script, b')).toBeNull();
      expect(text(second!.querySelector('h3'))).toBe('Manque signalé : Données non publiées');
      expect(text(second!.querySelector('.vigie-meta'))).toMatch(/^Par Anonyme · Publiée le \d{1,2} \S+ \d{4}$/);
      expect(text(second!.querySelector('.vigie-answer__by'))).toMatch(
        /^Réponse publiée par la modération de Vigie, le \d{1,2} \S+ \d{4}$/,
      );
      expect(text(second!.querySelector('.vigie-answer .vigie-text'))).toBe(reply);
      expect(text(first!.querySelector('.vigie-no-answer'))).toBe('Pas encore de réponse.');
      expect(text(third!.querySelector('.vigie-meta'))).toMatch(/^Par Zoé/);
      expect(text(third!.querySelector('blockquote'))).toBe(quoted.exact);
      const link = third!.querySelector('a[rel~=external]');
      expect(link?.getAttribute('href')).toBe(
        `${PAGE}#:~:text=les%20donn%C3%A9es%20essentielles%20des%20march%C3%A9s%20publics`,
      );
      expect(text(link)).toBe('Ouvrir la page « La commande publique »');
      expect(third!.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      for (const absent of [pending.body, hidden.body, rejected.body]) expect(page.text).not.toContain(absent);
    });

    it('GET /engagements/{id}: the chart is SVG drawn on the server, with a text alternative and the same figures in a table', async () => {
      const doc = (await getPage(platform, '/engagements/FR0067')).document;
      const chart = doc.querySelector('svg#chart-gaps, svg[aria-labelledby^="chart-gaps"]')!;
      expect(chart.getAttribute('role')).toBe('img');
      expect(text(chart.querySelector('title'))).toBe('Manques signalés, par type');
      expect(text(chart.querySelector('desc'))).toBe(
        'Diagramme en barres : 1 manque signalé ; le type le plus signalé est « Données non publiées ». Les mêmes chiffres sont dans le tableau qui suit.',
      );
      expect(chart.querySelectorAll('rect')).toHaveLength(8);
      const tables = [...doc.querySelectorAll('.vigie-figures table')];
      const gapRows = [...tables[0]!.querySelectorAll('tbody tr')].map((r) => [
        text(r.querySelector('th')),
        text(r.querySelector('td')),
      ]);
      expect(gapRows).toContainEqual(['Données non publiées', '1']);
      expect(gapRows.filter(([, n]) => n !== '0')).toHaveLength(1);
      expect(text(tables[0]!.querySelector('tfoot td'))).toBe('1');
      // One month of publications so far: three contributions.
      const monthRows = [...tables[1]!.querySelectorAll('tbody tr')];
      expect(monthRows).toHaveLength(1);
      expect(text(monthRows[0]!.querySelector('td'))).toBe('3');
      const months = doc.querySelector('svg[aria-labelledby^="chart-months"]')!;
      expect(text(months.querySelector('desc'))).toMatch(/^Diagramme en barres : 3 contributions publiées sur 1 mois/);
    });

    it('pages through a long list, 20 by 20; a page beyond the last is a 400, an unknown commitment a 404', async () => {
      const many: ContributionInput[] = Array.from({ length: 25 }, (_, n) =>
        aContribution({ commitmentId: 'FR0069', body: `Contribution ${n} sur la relance` }),
      );
      await mod.submit(...many);
      for (const item of many) await mod.publish(item.id);
      const first = await getPage(platform, '/engagements/FR0069');
      expect(first.document.querySelectorAll('article.vigie-contribution')).toHaveLength(20);
      expect(text(first.document.querySelector('.vigie-text'))).toBe('Contribution 24 sur la relance');
      expect(first.document.querySelector('.fr-pagination a[href="/engagements/FR0069?page=2"]')).not.toBeNull();
      const second = await getPage(platform, '/engagements/FR0069?page=2');
      expect([...second.document.querySelectorAll('.vigie-text')].map(text)).toEqual(
        [4, 3, 2, 1, 0].map((n) => `Contribution ${n} sur la relance`),
      );
      expect(second.document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/engagements/FR0069?page=2`,
      );
      for (const bad of ['?page=3', '?page=0', '?page=abc', '?page=99999999']) {
        expect((await getPage(platform, `/engagements/FR0069${bad}`)).status, bad).toBe(400);
      }
      for (const path of ['/engagements/FR9999', '/engagements/xyz', '/engagements/FR0067%00', '/nulle-part']) {
        const page = await getPage(platform, path);
        expect(page.status, path).toBe(404);
        expect(text(page.document.querySelector('h1'))).toBe('Page introuvable');
        expect(page.document.querySelector('header.fr-header')).not.toBeNull();
      }
      // The API keeps answering problem+json.
      const api = await send('GET', `${platform.url}/v1/nulle-part`, { headers: { accept: 'text/html' } });
      expect(api.headers['content-type']).toMatch(/problem\+json/);
    });

    it('GET /c/{id}: the permanent page of a published contribution, with its quote in context and Open Graph tags', async () => {
      const page = await getPage(platform, `/c/${zoe.id}`);
      expect(page.status).toBe(200);
      const doc = page.document;
      const meta = (property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
      expect(meta('og:type')).toBe('article');
      expect(meta('og:url')).toBe(`${PUBLIC_URL}/c/${zoe.id}`);
      expect(meta('og:title')).toBe('Commentaire — FR0067 : Rendre la commande publique plus transparente');
      expect(meta('og:description')).toBe(zoe.body);
      expect(meta('article:published_time')).toMatch(/^\d{4}-\d\d-\d\dT.+Z$/);
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${PUBLIC_URL}/c/${zoe.id}`);
      expect(text(doc.querySelector('.vigie-quote--context blockquote'))).toBe(
        `…${quoted.prefix}${quoted.exact}${quoted.suffix}…`.replace(/\s+/g, ' '),
      );
      expect(text(doc.querySelector('mark'))).toBe(quoted.exact);
      expect(text(doc.querySelector('.vigie-no-answer'))).toBe('Pas encore de réponse.');
      const answeredPage = (await getPage(platform, `/c/${answered.id}`)).document;
      expect(text(answeredPage.querySelector('.vigie-answer'))).toContain(reply);
      // Only what is published has a page: not what waits, was hidden, rejected or withdrawn.
      const key = withdrawalKey();
      const gone = aContribution({ body: 'Retirée ensuite.', withdrawalKeyHash: key.hash });
      await mod.submit(gone);
      await mod.publish(gone.id);
      expect((await getPage(platform, `/c/${gone.id}`)).status).toBe(200);
      await mod.withdraw(gone.id, key.secret);
      for (const id of [pending.id, hidden.id, rejected.id, gone.id, crypto.randomUUID(), 'pas-un-uuid']) {
        const absent = await getPage(platform, `/c/${id}`);
        expect(absent.status, id).toBe(404);
        expect(text(absent.document.querySelector('h1'))).toBe('Page introuvable');
      }
    });

    it('GET /pages?url=…: every published contribution about one page, its address canonicalised', async () => {
      const page = await getPage(
        platform,
        `/pages?url=${encodeURIComponent('https://www.diplomatie.gouv.fr/aide?id=4&utm_source=autre#haut')}`,
      );
      expect(page.status).toBe(200);
      expect([...page.document.querySelectorAll('.vigie-text')].map(text)).toEqual([elsewhere.body]);
      expect(text(page.document.querySelector('#page-results'))).toBe(
        '1 contribution publiée sur cette page, les plus récentes d’abord.',
      );
      // Across commitments, each card says which one it is about.
      expect(text(page.document.querySelector('.vigie-meta a'))).toMatch(/^Engagement FR0054 : /);
      const form = await getPage(platform, '/pages');
      expect(form.status).toBe(200);
      expect(form.document.querySelector('form input[name=url][type=url]')).not.toBeNull();
      for (const bad of ['ftp://example.org/x', 'pas une adresse', 'javascript:alert(1)']) {
        expect((await getPage(platform, `/pages?url=${encodeURIComponent(bad)}`)).status, bad).toBe(400);
      }
    });

    it('answers 304 to a matching If-None-Match, and a publication, an answer or a withdrawal changes the ETag at once', async () => {
      const paths = [
        '/',
        '/engagements/FR0067',
        '/flux.atom',
        '/engagements/FR0067/flux.atom',
        '/recherche?q=ateliers',
      ];
      const etags = async () =>
        Promise.all(
          paths.map(async (path) => {
            const first = await send('GET', `${platform.url}${path}`);
            expect(first.status, path).toBe(200);
            const tag = String(first.headers.etag);
            expect(tag, path).toMatch(/^W\/".+"$/);
            expect(first.headers['cache-control']).toBe('no-cache');
            const again = await send('GET', `${platform.url}${path}`, { headers: { 'if-none-match': tag } });
            expect(again.status, path).toBe(304);
            expect(again.text).toBe('');
            return tag;
          }),
        );
      const key = withdrawalKey();
      const fresh = aContribution({ body: 'Les comptes rendus des ateliers manquent.', withdrawalKeyHash: key.hash });
      await mod.submit(fresh);
      const before = await etags();
      // Waiting for moderation changes nothing public.
      expect(await etags()).toEqual(before);
      await mod.publish(fresh.id);
      const published = await etags();
      for (const [i, tag] of published.entries()) expect(tag, paths[i]).not.toBe(before[i]);
      await mod.publish(fresh.id, 'Ils seront en ligne la semaine prochaine.');
      const afterAnswer = await etags();
      for (const [i, tag] of afterAnswer.entries()) expect(tag, paths[i]).not.toBe(published[i]);
      await mod.withdraw(fresh.id, key.secret);
      const afterWithdrawal = await etags();
      for (const [i, tag] of afterWithdrawal.entries()) expect(tag, paths[i]).not.toBe(afterAnswer[i]);
      expect(afterWithdrawal).toEqual(before);
    });

    it('takes absolute links from the configured address, never from the Host header', async () => {
      const page = await getPage(platform, `/c/${zoe.id}`, { host: 'attacker.example' });
      expect(page.document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/c/${zoe.id}`,
      );
      expect(page.text).not.toContain('attacker.example');
    });

    it('serves the DSFR and its own files itself, cached for good; nothing else of the package', async () => {
      const doc = (await getPage(platform, '/')).document;
      const hrefs = [...doc.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')!);
      expect(hrefs).toHaveLength(2);
      for (const href of [...hrefs, doc.querySelector('script[src]')!.getAttribute('src')!]) {
        expect(href.startsWith('/')).toBe(true);
        const asset = await send('GET', `${platform.url}${href}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(asset.status, href).toBe(200);
        expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
      const dsfr = hrefs.find((h) => h.includes('dsfr.min.css'))!;
      const font = dsfr.replace('dsfr.min.css', 'fonts/Marianne-Regular.woff2');
      expect((await send('GET', `${platform.url}${font}`)).status).toBe(200);
      for (const refused of [
        dsfr.replace('dsfr.min.css', 'dsfr.module.min.js'),
        dsfr.replace('dsfr.min.css', '../package.json'),
      ]) {
        expect((await send('GET', `${platform.url}${refused}`)).status, refused).toBe(404);
      }
    });

    it('GET /v1/commitments answers titles in the caller’s language: ?lang=, else Accept-Language, else French', async () => {
      const title = async (path: string, headers: Record<string, string> = {}) => {
        const answer = await send('GET', `${platform.url}${path}`, { headers });
        expect(answer.headers.vary).toContain('Accept-Language');
        return answer.json<{ title?: string; items?: Array<{ id: string; title: string }> }>();
      };
      expect((await title('/v1/commitments/FR0067')).title).toBe('Rendre la commande publique plus transparente');
      expect((await title('/v1/commitments/FR0067', { 'accept-language': 'en' })).title).toBe(
        'Make public procurement more transparent',
      );
      expect((await title('/v1/commitments/FR0067?lang=en', { 'accept-language': 'fr' })).title).toBe(
        'Make public procurement more transparent',
      );
      const list = await title('/v1/commitments?lang=fr', { 'accept-language': 'en' });
      expect(list.items?.find((c) => c.id === 'FR0051')?.title).toBe('Soutenir les communs numériques');
      const bad = await send('GET', `${platform.url}/v1/commitments?lang=de`);
      expect(bad.status).toBe(400);
      expect(bad.json<{ detail: string }>().detail).toBe('La langue doit être fr ou en.');
    });
  });
});
