import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsvColumns } from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getFeed, getPage, moderation, PUBLIC_URL, text, withdrawalKey } from '../support/public-site';

const ATOM = 'http://www.w3.org/2005/Atom';

forEachStorage((kind) => {
  describe('Atom feeds and open data', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    const key = withdrawalKey();
    const first = aContribution({ body: 'Première contribution publiée.', author: { pseudonym: 'Zoé' } });
    const hostile = aContribution({
      kind: 'gap',
      gapType: 'no-contact',
      body: '<script>alert(1)</script> ]]> & <b>',
      author: { pseudonym: '<i>Karim</i>' },
    });
    const other = aContribution({ commitmentId: 'FR0108', body: 'Sur la représentation d’intérêts.' });
    const pending = aContribution({ body: `En attente ${crypto.randomUUID()}` });
    const hidden = aContribution({ body: `Masquée ${crypto.randomUUID()}` });
    const rejected = aContribution({ body: `Refusée ${crypto.randomUUID()}` });
    const withdrawn = aContribution({ body: `Retirée ${crypto.randomUUID()}`, withdrawalKeyHash: key.hash });
    const published = [first, hostile, other];

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre', VIGIE_PUBLIC_URL: PUBLIC_URL } });
      mod = moderation(platform, await platform.token('moderator', 'Modération'));
      await mod.submit(first, hostile, other, pending, hidden, rejected, withdrawn);
      await mod.publish(first.id);
      await mod.publish(hostile.id, 'Un contact a été ajouté en bas de page.');
      await mod.publish(other.id);
      await mod.publish(withdrawn.id);
      await mod.withdraw(withdrawn.id, key.secret);
      await mod.hide(hidden.id);
      await mod.reject(rejected.id);
    });
    afterAll(() => platform?.dispose());

    it('GET /flux.atom: Atom 1.0, one entry per published contribution, linking to its page, dated when it became public', async () => {
      const feed = await getFeed(platform, '/flux.atom', { 'x-forwarded-host': 'attacker.example' });
      expect(feed.status).toBe(200);
      expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const doc = feed.document;
      const root = doc.documentElement;
      expect(root.tagName).toBe('feed');
      expect(root.getAttribute('xmlns')).toBe(ATOM);
      expect(text(doc.querySelector('feed > id'))).toBe(`${PUBLIC_URL}/flux.atom`);
      expect(doc.querySelector('feed > link[rel=self]')?.getAttribute('href')).toBe(`${PUBLIC_URL}/flux.atom`);
      const entries = [...doc.querySelectorAll('entry')];
      expect(entries.map((e) => text(e.querySelector('id')))).toEqual(
        [other, hostile, first].map((c) => `${PUBLIC_URL}/c/${c.id}`),
      );
      for (const entry of entries) {
        expect(entry.querySelector('link')?.getAttribute('href')).toBe(text(entry.querySelector('id')));
        const publishedAt = text(entry.querySelector('published'));
        expect(Date.parse(publishedAt)).toBeGreaterThan(Date.now() - 120_000);
        expect(text(entry.querySelector('updated')) >= publishedAt).toBe(true);
      }
      // Published under pre-moderation: public when the moderator decided, after it arrived.
      const [api] = (await mod.client.listContributions({ commitmentId: 'FR0108' })).items;
      expect(text(entries[0]!.querySelector('published')) > api!.receivedAt).toBe(true);
      // Citizen text is escaped into the html content, never markup of its own.
      const content = text(entries[1]!.querySelector('content'));
      expect(entries[1]!.querySelector('content')?.getAttribute('type')).toBe('html');
      expect(content).toContain('&#60;script&#62;alert(1)&#60;/script&#62; ]]&#62; &#38; &#60;b&#62;');
      expect(content).not.toContain('<script>');
      expect(content).toContain('Un contact a été ajouté en bas de page.');
      expect(text(entries[1]!.querySelector('author > name'))).toBe('<i>Karim</i>');
      expect(entries[1]!.querySelector('category')?.getAttribute('term')).toBe('no-contact');
      expect(text(entries[1]!.querySelector('title'))).toBe(
        'Manque signalé : Aucun contact sur l’engagement FR0067 — &#60;i&#62;Karim&#60;/i&#62;',
      );
      for (const absent of [pending, hidden, rejected, withdrawn]) expect(feed.text).not.toContain(absent.body);
    });

    it('GET /engagements/{id}/flux.atom: that commitment’s entries; in English with ?lang=en; 404 for an unknown one', async () => {
      const feed = await getFeed(platform, '/engagements/FR0067/flux.atom?lang=en');
      expect(text(feed.document.querySelector('feed > title'))).toBe(
        'Vigie: contributions on commitment FR0067 (Make public procurement more transparent)',
      );
      expect([...feed.document.querySelectorAll('entry > id')].map(text)).toEqual(
        [hostile, first].map((c) => `${PUBLIC_URL}/c/${c.id}`),
      );
      expect(feed.document.querySelector('entry > link')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/c/${hostile.id}?lang=en`,
      );
      expect(feed.document.querySelector('feed > link[rel=alternate]')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/engagements/FR0067?lang=en`,
      );
      expect((await getPage(platform, '/engagements/FR9999/flux.atom')).status).toBe(404);
    });

    it('GET /donnees: the fields, the licence (Licence Ouverte / Etalab 2.0) and how often the files change', async () => {
      const page = await getPage(platform, '/donnees');
      expect(page.status).toBe(200);
      const main = page.document.querySelector('main')!;
      expect(text(main)).toContain('Licence Ouverte / Open Licence version 2.0 (Etalab)');
      expect(main.querySelector('a[rel~=license]')?.getAttribute('href')).toBe(
        'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      );
      expect(text(main)).toContain('En continu');
      expect(text(main)).toContain('3 contributions publiées à ce jour.');
      expect([...main.querySelectorAll('table tbody th')].map(text)).toEqual([...exportCsvColumns]);
      expect(main.querySelector('a[href="/donnees/contributions.csv"]')).not.toBeNull();
      expect(main.querySelector('a[href="/donnees/contributions.jsonld"]')).not.toBeNull();
    });

    it('GET /donnees/contributions.csv and .jsonld stream every published contribution and nothing else', async () => {
      const csv = await send('GET', `${platform.url}/donnees/contributions.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers['access-control-allow-origin']).toBe('*');
      const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(exportCsvColumns.join(','));
      const ids = lines.slice(1).map((line) => line.slice(0, 36));
      expect(ids.sort()).toEqual(published.map((c) => c.id).sort());
      for (const absent of [pending, hidden, rejected, withdrawn]) expect(csv.text).not.toContain(absent.body);

      const jsonld = await send('GET', `${platform.url}/donnees/contributions.jsonld`, {
        headers: { host: 'attacker.example' },
      });
      expect(jsonld.headers['content-type']).toContain('application/ld+json');
      const doc = jsonld.json<{ id: string; total: number; first: { items: Array<{ id: string }> } }>();
      expect(doc.id).toBe(`${PUBLIC_URL}/donnees/contributions.jsonld`);
      expect(doc.total).toBe(3);
      expect(doc.first.items.map((a) => a.id).sort()).toEqual(
        published.map((c) => `${PUBLIC_URL}/v1/contributions/${c.id}`).sort(),
      );
      expect(jsonld.text).not.toContain('attacker.example');
    });
  });
});
