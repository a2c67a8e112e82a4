import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getPage, moderation, PUBLIC_URL, text, withdrawalKey } from '../support/public-site';

forEachStorage((kind) => {
  describe('search, and what erasure leaves in its index', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre', VIGIE_PUBLIC_URL: PUBLIC_URL } });
      mod = moderation(platform, await platform.token('moderator', 'Modération'));
    });
    afterAll(() => platform?.dispose());

    const found = async (q: string) => {
      const page = await getPage(platform, `/recherche?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      return [...page.document.querySelectorAll('article .vigie-text')].map(text);
    };

    it('finds published contributions blind to accents and case, in the text and in the quoted passage', async () => {
      const accents = aContribution({ body: 'Les DONNÉES des Écoles ne sont publiées nulle part.' });
      const inQuote = aContribution({
        body: 'Voir le passage.',
        target: {
          url: 'https://www.education.gouv.fr/a',
          title: 'A',
          selectors: [{ type: 'TextQuoteSelector', exact: 'le calendrier des inspections sanitaires' }],
        },
      });
      const waiting = aContribution({ body: 'Des données en attente de modération.' });
      await mod.submit(accents, inQuote, waiting);
      await mod.publish(accents.id);
      await mod.publish(inQuote.id);
      expect(await found('donnees ecoles')).toEqual([accents.body]);
      expect(await found('Données')).toEqual([accents.body]);
      expect(await found('inspections sanitaires')).toEqual([inQuote.body]);
      // Every word must be there; what waits for moderation is never found.
      expect(await found('données inspections')).toEqual([]);
      expect(await found('attente')).toEqual([]);
      const page = await getPage(platform, '/recherche?q=donnees');
      expect(text(page.document.querySelector('#search-results'))).toBe(
        '1 contribution trouvée, les plus récentes d’abord',
      );
      expect(page.document.querySelector('input[name=q]')?.getAttribute('value')).toBe('donnees');
      expect(page.document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
        `${PUBLIC_URL}/recherche?q=donnees`,
      );
    });

    it('follows publication, hiding and withdrawal at once', async () => {
      const word = `sentinelle${Math.random().toString(36).slice(2, 8)}`;
      const key = withdrawalKey();
      const item = aContribution({ body: `Un mot rare : ${word}.`, withdrawalKeyHash: key.hash });
      const other = aContribution({ body: `Un autre ${word} qui sera masqué.` });
      await mod.submit(item, other);
      expect(await found(word)).toEqual([]);
      await mod.publish(item.id);
      await mod.publish(other.id);
      expect((await found(word)).sort()).toEqual([item.body, other.body].sort());
      await mod.hide(other.id);
      expect(await found(word)).toEqual([item.body]);
      await mod.withdraw(item.id, key.secret);
      expect(await found(word)).toEqual([]);
    });

    it('erasure is erasure: a withdrawn word is in no search index afterwards', async () => {
      const word = `zorglub${Math.random().toString(36).slice(2, 10)}`;
      const key = withdrawalKey();
      const item = aContribution({ body: `Texte à effacer : ${word}, et rien d’autre.`, withdrawalKeyHash: key.hash });
      // Neighbours, so the word does not sit alone in its index page.
      const neighbours = Array.from({ length: 30 }, (_, n) =>
        aContribution({ body: `Voisin ${n} : données publiques.` }),
      );
      await mod.submit(item, ...neighbours);
      for (const c of [item, ...neighbours]) await mod.publish(c.id);
      expect(await found(word)).toEqual([item.body]);
      if (kind === 'sqlite') {
        // The FTS5 index stores its terms in `search_index_data` blobs: the word is there now…
        const inIndex = async () =>
          (await platform.rows('SELECT block FROM search_index_data')).some((row) =>
            Buffer.from(row.block as Uint8Array).includes(Buffer.from(word)),
          );
        expect(await inIndex()).toBe(true);
        await mod.withdraw(item.id, key.secret);
        // …and gone from every index table once withdrawn (secure-delete), not merely marked deleted.
        expect(await inIndex()).toBe(false);
        for (const table of ['search_index_idx', 'search_index_docsize', 'search_index_config', 'search_rows']) {
          const rows = await platform.rows(`SELECT * FROM ${table}`);
          expect(
            JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)),
          ).not.toContain(word);
        }
      } else {
        // PostgreSQL's GIN index keeps a key its rows left: the index is rebuilt after a withdrawal.
        const fileOf = async () =>
          (await platform.rows("SELECT relfilenode FROM pg_class WHERE relname = 'search_index'"))[0]?.relfilenode;
        const before = await fileOf();
        await mod.withdraw(item.id, key.secret);
        await expect.poll(fileOf, { timeout: 20_000, interval: 250 }).not.toBe(before);
      }
      expect(await found(word)).toEqual([]);
      expect(await found('données publiques')).toHaveLength(20);
    });

    it('counts matches up to a bound, pages them 20 by 20, and refuses a search longer than 200 characters', async () => {
      const many = Array.from({ length: 23 }, (_, n) => aContribution({ body: `Budget participatif ${n}` }));
      await mod.submit(...many);
      for (const c of many) await mod.publish(c.id);
      const first = await getPage(platform, '/recherche?q=participatif');
      expect(text(first.document.querySelector('#search-results'))).toBe(
        '23 contributions trouvées, les plus récentes d’abord',
      );
      expect(first.document.querySelectorAll('article')).toHaveLength(20);
      expect(text(first.document.querySelector('article .vigie-text'))).toBe('Budget participatif 22');
      const second = await getPage(platform, '/recherche?q=participatif&page=2');
      expect(second.document.querySelectorAll('article')).toHaveLength(3);
      expect((await getPage(platform, '/recherche?q=participatif&page=3')).status).toBe(400);
      const long = await getPage(platform, `/recherche?q=${'a'.repeat(201)}`);
      expect(long.status).toBe(400);
      expect(text(long.document.querySelector('main'))).toContain('la recherche dépasse 200 caractères');
      // An empty search shows the form, no results.
      const empty = await getPage(platform, '/recherche');
      expect(empty.status).toBe(200);
      expect(empty.document.querySelector('#search-results')).toBeNull();
      // What a search engine's syntax would read as operators is searched as words.
      for (const q of ['"', 'NEAR(a b)', 'a OR b', '-données', '*', 'body:x', '^x', '(((', 'données\u0000école']) {
        expect((await getPage(platform, `/recherche?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
      }
    });

    it('never answers 5xx to a few hundred garbage query strings on every public route', async () => {
      const routes = [
        '/',
        '/engagements/FR0067',
        '/recherche',
        '/pages',
        '/donnees',
        '/flux.atom',
        '/c/' + crypto.randomUUID(),
      ];
      const names = fc.constantFrom('q', 'page', 'lang', 'statut', 'porteur', 'url', 'apres', 'q[]', '', '%');
      const values = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.constantFrom('-1', '0', '1e9', '2', 'NaN', 'en', 'fr', 'javascript:alert(1)', 'https://x', '%00', '\u0000'),
      );
      const query = fc
        .array(fc.tuple(names, values), { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
      // Raw garbage too: bytes no encoder would produce.
      const raw = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[#\s]/g, '%'));
      const seen: string[] = [];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(query, raw), async (route, q) => {
          const answer = await send('GET', `${platform.url}${route}?${q}`, { headers: { accept: 'text/html' } });
          seen.push(`${answer.status}`);
          return answer.status < 500 && [200, 400, 404].includes(answer.status);
        }),
        { numRuns: 300 },
      );
      expect(seen).toHaveLength(300);
      expect(seen).toContain('400');
    });
  });
});
