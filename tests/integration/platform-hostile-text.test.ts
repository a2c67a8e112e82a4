import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchResponse, Problem, type ContributionInput } from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

// Hostile text through every text field of a batch: NUL and other controls, lone
// surrogates, decomposed accents, look-alike pseudonyms. Never a 5xx, on either storage.

const NUL = '\u0000';
const withText = (fields: { body?: string; title?: string; exact?: string; prefix?: string; suffix?: string }) =>
  aContribution({
    ...(fields.body === undefined ? {} : { body: fields.body }),
    target: {
      url: 'https://www.example.gouv.fr/texte',
      title: fields.title ?? 'Titre',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: fields.exact ?? 'la citation',
          ...(fields.prefix === undefined ? {} : { prefix: fields.prefix }),
          ...(fields.suffix === undefined ? {} : { suffix: fields.suffix }),
        },
      ],
    },
  });

forEachStorage((kind) => {
  describe('hostile text', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    let moderator: string;
    let ngo: string;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post' } });
      client = createVigieClient({ baseUrl: platform.url });
      [moderator, ngo] = await Promise.all([
        platform.token('moderator', 'Modération DITP'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
    });
    afterAll(() => platform?.dispose());

    const batch = async (items: unknown[]) => {
      const answer = await send('POST', `${platform.url}/v1/contributions:batch`, { body: { items } });
      expect(answer.status, answer.text).toBe(200);
      return BatchResponse.parse(answer.json()).results;
    };

    it('one NUL byte makes its item invalid with a sentence, and the good item beside it is stored', async () => {
      const good = aContribution();
      const poisoned = aContribution({ body: `Bonjour${NUL}` });
      const results = await batch([good, poisoned]);
      expect(results.map((r) => r.outcome)).toEqual(['created', 'invalid']);
      expect(results[1]!.problem).toMatchObject({
        status: 422,
        detail: 'Le texte contient un caractère de contrôle ou mal encodé ; retirez-le.',
        errors: [{ pointer: '/items/1/body', code: 'text.control' }],
      });
      expect((await client.getContribution(good.id)).body).toBe(good.body);
      expect(platform.output()).not.toMatch(/failed:/);
    });

    it('every text field refuses C0 controls and lone surrogates, and keeps tab and line breaks', async () => {
      const bad = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\ud800', '\udfff'];
      const fields = ['body', 'title', 'exact', 'prefix', 'suffix'] as const;
      const pointers = {
        body: 'body',
        title: 'target/title',
        exact: 'target/selectors/0/exact',
        prefix: 'target/selectors/0/prefix',
        suffix: 'target/selectors/0/suffix',
      };
      const items = fields.flatMap((field) => bad.map((ch) => withText({ [field]: `avant ${ch} après` })));
      items.push(aContribution({ author: { pseudonym: `Zoé${NUL}` } }));
      items.push(aContribution({ target: { url: `https://www.example.gouv.fr/a${NUL}b`, title: 'x', selectors: [] } }));
      const results = await batch(items);
      results.forEach((result, index) => {
        expect(result.outcome, JSON.stringify(result)).toBe('invalid');
        const field = fields[Math.floor(index / bad.length)];
        if (field) expect(result.problem?.errors?.[0]?.pointer).toBe(`/items/${index}/${pointers[field]}`);
      });
      const kept = withText({ body: 'ligne 1\r\nligne 2\tavec tab\n', title: 'a\tb', exact: 'x\ny' });
      const [created] = await batch([kept]);
      expect(created!.outcome).toBe('created');
      expect(created!.contribution!.body).toBe('ligne 1\r\nligne 2\tavec tab');
    });

    it('stores text in NFC and takes a retry in NFD for a duplicate, not a conflict', async () => {
      const nfd = 'Le re\u0301sume\u0301 de l’engagement est incomplet.';
      const nfc = nfd.normalize('NFC');
      const item = aContribution({ body: nfd, author: { pseudonym: 'Zoe\u0301' } });
      const [first] = await batch([item]);
      expect(first!.contribution!.body).toBe(nfc);
      expect(first!.contribution!.author?.pseudonym).toBe('Zoé');
      const [again] = await batch([{ ...item, body: nfc }]);
      expect(again!.outcome).toBe('duplicate');
      const [conflict] = await batch([{ ...item, body: `${nfc} Autre.` }]);
      expect(conflict!.outcome).toBe('conflict');
      const [row] = await platform.rows('SELECT body FROM contributions WHERE id = ?', [item.id]);
      expect(row!.body).toBe(nfc);
    });

    it('refuses controls in replies and campaign texts with a sentence, not a 5xx', async () => {
      const item = aContribution();
      await batch([item]);
      const reply = await send('POST', `${platform.url}/v1/moderation/contributions/${item.id}/decision`, {
        token: moderator,
        body: { decision: 'publish', reply: `Merci${NUL}` },
      });
      expect(reply.status).toBe(422);
      expect(Problem.parse(reply.json()).errors?.[0]).toMatchObject({ pointer: '/reply', code: 'text.control' });
      const campaign = await send('POST', `${platform.url}/v1/campaigns`, {
        token: ngo,
        body: {
          id: 'campagne-nul',
          title: `Titre${NUL}`,
          question: 'Question \ud800 ?',
          targets: { commitmentIds: [], urlPatterns: [`https://x.gouv.fr/${NUL}*`] },
          opensAt: '2020-01-01T00:00:00.000Z',
          closesAt: '2099-01-01T00:00:00.000Z',
        },
      });
      expect(campaign.status).toBe(422);
      expect(Problem.parse(campaign.json()).errors?.map((e) => e.code)).toEqual([
        'text.control',
        'text.control',
        'text.control',
      ]);
    });

    it('a cursor carrying a NUL is a bad cursor (400), not a crash', async () => {
      const cursor = Buffer.from(JSON.stringify([`2026${NUL}`, `x${NUL}`])).toString('base64url');
      for (const path of [
        `/v1/contributions?commitmentId=FR0067&cursor=${cursor}`,
        `/v1/moderation/queue?cursor=${cursor}`,
      ]) {
        const answer = await send('GET', platform.url + path, { token: moderator });
        expect(answer.status, `${path}: ${answer.text}`).toBe(400);
      }
    });

    it('refuses pseudonyms that impersonate, and keeps honest ones', async () => {
      const impostors = [
        ['Modération', 'pseudonym.reserved'],
        ['Mode\u0301ration', 'pseudonym.reserved'],
        ['M\u043Ed\u00E9ration', 'pseudonym.reserved'], // a Cyrillic о
        ['Mod\u200Bération', 'pseudonym.invisible'],
        ['\u202EnoitarédoM', 'pseudonym.invisible'],
        ['Administration officielle ✔', 'pseudonym.reserved'],
        ['\u200B', 'pseudonym.invisible'],
        ['VIGIE', 'pseudonym.reserved'],
        ['ｒｅｇａｒｄｓ ｃｉｔｏｙｅｎｓ', 'pseudonym.reserved'], // an organisation's token name, in full width
        ['Modération DITP', 'pseudonym.reserved'],
      ] as const;
      const results = await batch(impostors.map(([pseudonym]) => aContribution({ author: { pseudonym } })));
      results.forEach((result, index) => {
        expect(result.outcome, impostors[index]![0]).toBe('invalid');
        expect(result.problem?.errors?.[0], impostors[index]![0]).toMatchObject({
          pointer: `/items/${index}/author/pseudonym`,
          code: impostors[index]![1],
        });
      });
      expect(results[0]!.problem!.detail).toBe(
        'Ce pseudonyme ressemble au nom de la modération, de la plateforme ou d’une organisation : choisissez-en un autre.',
      );
      const honest = ['Zoé', 'Camille ❤️', 'Jean-Luc 👩‍💻', 'Modeste', 'Adèle M.'];
      const kept = await batch(honest.map((pseudonym) => aContribution({ author: { pseudonym } })));
      expect(kept.map((r) => r.outcome)).toEqual(honest.map(() => 'created'));
    });

    it('arbitrary Unicode in every text field: created or invalid, never a 5xx, and read back as stored', async () => {
      const hostile = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...'abcdé éà «»—’ 😀👩‍💻❤️'.split('')) },
        fc.integer({ min: 0x00, max: 0x1f }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        fc.constantFrom(
          ...'\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u2060\ufeff\u0301\u0327\ufe0f\u3164\u2800'.split(
            '',
          ),
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      );
      // Mostly plain fields with a hostile one here and there, so that both outcomes are reached.
      const plain = fc.constantFrom(...'abcdefgh éàçœ'.split(''));
      const text = (min: number, max: number) =>
        fc.oneof(
          { weight: 6, arbitrary: fc.string({ unit: plain, minLength: min, maxLength: max }).map((s) => `x${s}`) },
          { weight: 1, arbitrary: fc.string({ unit: hostile, minLength: min, maxLength: max }) },
        );
      const fields = fc.record({
        body: text(1, 60),
        title: text(0, 30),
        exact: text(1, 30),
        prefix: text(0, 20),
        suffix: text(0, 20),
        pseudonym: text(1, 20),
      });
      let created = 0;
      let invalid = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fields, { minLength: 1, maxLength: 25 }), async (all) => {
          const url = `https://www.example.gouv.fr/unicode/${crypto.randomUUID()}`;
          const items = all.map((f) => {
            const item = withText(f);
            return { ...item, target: { ...item.target, url }, author: { pseudonym: f.pseudonym } };
          });
          const results = await batch(items);
          const stored = new Map((await client.listContributions({ url, limit: 100 })).items.map((c) => [c.id, c]));
          results.forEach((result, index) => {
            expect(['created', 'invalid']).toContain(result.outcome);
            const sent = items[index]! as ContributionInput;
            if (result.outcome === 'invalid') {
              invalid++;
              expect(result.problem?.detail).toMatch(/\S/);
              return;
            }
            created++;
            const nfc = (s: string) => s.normalize('NFC');
            const quote = sent.target.selectors[0]!;
            if (quote.type !== 'TextQuoteSelector') throw new Error('unexpected selector');
            expect(stored.get(sent.id)).toEqual(result.contribution);
            expect(result.contribution).toMatchObject({
              body: nfc(sent.body).trim(),
              author: { pseudonym: nfc(sent.author!.pseudonym).trim() },
              target: {
                title: nfc(sent.target.title).trim(),
                selectors: [
                  {
                    exact: nfc(quote.exact),
                    ...(quote.prefix ? { prefix: nfc(quote.prefix) } : {}),
                    ...(quote.suffix ? { suffix: nfc(quote.suffix) } : {}),
                  },
                ],
              },
            });
          });
        }),
        { numRuns: 12 },
      );
      // The generator must reach both outcomes, or the property says little.
      expect(created).toBeGreaterThan(5);
      expect(invalid).toBeGreaterThan(5);
      expect(platform.output()).not.toMatch(/failed:/);
    });
  });
});
