import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contribution, ContributionStatusResponse, Problem } from '../../api-client/contract';
import { createVigieClient, VigieHttpError } from '../../api-client/http';
import { countsAsAnswered } from '../../platform/site/answer';
import { aContribution } from '../support/contributions';
import { send, type Answer } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getFeed, getPage, moderation, text, withdrawalKey } from '../support/public-site';

function expectProblem(answer: Answer, status: number): Problem {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  const problem = Problem.parse(answer.json());
  expect(problem.detail).toMatch(/\S/);
  return problem;
}

const PAGE = 'https://www.economie.gouv.fr/daj/commande-publique';
const MINISTRY = 'Ministère de l’Économie';

forEachStorage((kind) => {
  describe('official answers', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    const tokens = { ministry: '', other: '', admin: '', moderator: '', ngo: '' };
    const key = withdrawalKey();
    const item = aContribution({
      body: 'Où sont les données essentielles des marchés de 2025 ?',
      target: { url: PAGE, title: 'La commande publique', selectors: [] },
      withdrawalKeyHash: key.hash,
    });

    const answer = (id: string, body: unknown, token = tokens.ministry, headers: Record<string, string> = {}) =>
      send('POST', `${platform.url}/v1/contributions/${id}/answer`, { token, body, headers });

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      [tokens.ministry, tokens.other, tokens.admin, tokens.moderator, tokens.ngo] = await Promise.all([
        platform.token('administration', MINISTRY, '--domains', '*.economie.gouv.fr'),
        platform.token('administration', 'Ministère de la Culture', '--domains', '*.culture.gouv.fr'),
        platform.token('admin', 'DITP'),
        platform.token('moderator', 'Modération'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
      mod = moderation(platform, tokens.moderator);
      await mod.submit(item);
    }, 60_000);
    afterAll(() => platform?.dispose());

    it('are given by the administration concerned only: other roles get 403 with a sentence, an unknown id 404', async () => {
      for (const token of [tokens.admin, tokens.moderator, tokens.ngo]) {
        const refused = expectProblem(await answer(item.id, { body: 'Réponse.', status: 'answered' }, token), 403);
        expect(refused.detail).toContain('Seule une administration répond');
      }
      expectProblem(await answer(item.id, { body: 'Réponse.', status: 'answered' }, tokens.other), 403);
      expectProblem(await answer(crypto.randomUUID(), { body: 'Réponse.', status: 'answered' }), 404);
      expectProblem(await send('POST', `${platform.url}/v1/contributions/${item.id}/answer`, { body: {} }), 401);
      expect(await platform.rows('SELECT id FROM answers')).toEqual([]);
    });

    it('follow the text rules of every text field, with a sentence naming the field', async () => {
      const cases: Array<[unknown, string, string]> = [
        [{ body: '', status: 'received' }, '/body', 'reply.empty'],
        [{ body: 'x'.repeat(2001), status: 'received' }, '/body', 'reply.too-long'],
        [{ body: 'Avec un \u0000 nul', status: 'received' }, '/body', 'text.control'],
        [{ body: 'Une moitié \uD800 de caractère', status: 'received' }, '/body', 'text.control'],
        [{ body: 'Texte', status: 'done' }, '/status', 'answer-status.unknown'],
        [{ body: 'Texte' }, '/status', 'field.required'],
        [{ body: 'Texte', status: 'received', signedBy: 'Autre' }, '/signedBy', 'field.unknown'],
      ];
      for (const [body, pointer, code] of cases) {
        const problem = expectProblem(await answer(item.id, body), 422);
        expect(problem.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ pointer, code }));
      }
      const english = expectProblem(
        await answer(item.id, { body: 'T', status: 'done' }, tokens.ministry, { 'accept-language': 'en' }),
        422,
      );
      expect(english.detail).toBe('The answer status must be: received, in-progress, answered or not-our-remit.');
      expect(await platform.rows('SELECT id FROM answers')).toEqual([]);
    });

    it('on a contribution not yet published: kept, shown to its author’s device, public once it is published', async () => {
      // NFD in, NFC kept, as every text.
      const first = await answer(item.id, {
        body: '  Bien reçue ; nous vérifions.  '.normalize('NFD'),
        status: 'received',
      });
      expect(first.status, first.text).toBe(201);
      const contribution = Contribution.parse(first.json());
      expect(contribution.status).toBe('pending');
      expect(contribution.answer).toEqual({
        body: 'Bien reçue ; nous vérifions.',
        status: 'received',
        organisation: MINISTRY,
        at: expect.any(String) as unknown,
      });
      // Not public: the contribution is not.
      await expect(createVigieClient({ baseUrl: platform.url }).getContribution(item.id)).rejects.toBeInstanceOf(
        VigieHttpError,
      );
      expect((await getPage(platform, `/c/${item.id}`)).status).toBe(404);
      // Its author's device, proving its secret, reads it.
      const own = ContributionStatusResponse.parse(
        (
          await send('POST', `${platform.url}/v1/contributions/status`, {
            body: { items: [{ id: item.id, secret: key.secret }] },
          })
        ).json(),
      );
      expect(own.items[0]).toMatchObject({ status: 'pending', answer: { status: 'received', organisation: MINISTRY } });
      // The same words and status again: no new version (a retry, a second click).
      expect((await answer(item.id, { body: 'Bien reçue ; nous vérifions.', status: 'received' })).status).toBe(200);
      expect(await platform.rows('SELECT id FROM answers')).toHaveLength(1);

      await mod.publish(item.id);
      const published = await createVigieClient({ baseUrl: platform.url }).getContribution(item.id);
      expect(published.answer?.body).toBe('Bien reçue ; nous vérifions.');
      const page = await getPage(platform, `/c/${item.id}`);
      expect(text(page.document.querySelector('.vigie-answer--organisation .vigie-answer__by'))).toMatch(
        /^Réponse de Ministère de l’Économie Reçue · le \d{1,2} \S+ \d{4}$/,
      );
      const english = await getPage(platform, `/c/${item.id}?lang=en`);
      expect(text(english.document.querySelector('.vigie-answer__by'))).toMatch(
        /^Answer from Ministère de l’Économie Received · on /,
      );
    });

    it('keep every version: the public reads the latest and that it was edited, the organisation and admins the history', async () => {
      const edited = await answer(item.id, { body: 'Les données seront publiées le 1er mars.', status: 'answered' });
      expect(edited.status).toBe(200);
      const latest = Contribution.parse(edited.json()).answer!;
      expect(latest).toMatchObject({ status: 'answered', firstAt: expect.any(String) as unknown });
      expect(latest.firstAt! <= latest.at).toBe(true);

      const history = await send('GET', `${platform.url}/v1/contributions/${item.id}/answers`, {
        token: tokens.ministry,
      });
      expect(history.headers['cache-control']).toBe('no-store');
      expect(
        history
          .json<{ items: Array<{ status: string; organisation: string }> }>()
          .items.map((v) => [v.status, v.organisation]),
      ).toEqual([
        ['received', MINISTRY],
        ['answered', MINISTRY],
      ]);
      const viaClient = await createVigieClient({ baseUrl: platform.url, token: tokens.admin }).answerHistory(item.id);
      expect(viaClient.map((v) => v.body)).toEqual([
        'Bien reçue ; nous vérifions.',
        'Les données seront publiées le 1er mars.',
      ]);

      // The public sees the latest only, and that it was edited, when.
      const page = await getPage(platform, `/c/${item.id}`);
      const answerBlock = page.document.querySelector('.vigie-answer--organisation');
      expect(text(answerBlock?.querySelector('.vigie-text'))).toBe('Les données seront publiées le 1er mars.');
      expect(text(answerBlock?.querySelector('.vigie-answer__by'))).toMatch(/Réponse apportée · le .+, modifiée le /);
      expect(page.text).not.toContain('nous vérifions');
      const feed = await getFeed(platform, '/flux.atom');
      expect(feed.text).toContain('Réponse de Ministère de l’Économie · Réponse apportée');
      expect(feed.text).not.toContain('nous vérifions');
    });

    it('coexist with a moderator’s reply, the organisation’s first; the plan counts what closed the matter', async () => {
      const acknowledged = aContribution({
        body: 'Un lien est cassé.',
        target: { url: PAGE, title: 'P', selectors: [] },
      });
      const both = aContribution({ body: 'Où est le registre ?', target: { url: PAGE, title: 'P', selectors: [] } });
      await mod.submit(acknowledged, both);
      await mod.publish(acknowledged.id);
      await mod.publish(both.id, 'Voir aussi la page de la DAJ.');
      expect((await answer(acknowledged.id, { body: 'Nous corrigeons.', status: 'in-progress' })).status).toBe(201);
      expect((await answer(both.id, { body: 'Ce n’est pas notre registre.', status: 'not-our-remit' })).status).toBe(
        201,
      );

      const page = await getPage(platform, `/c/${both.id}`);
      const blocks = [...page.document.querySelectorAll('.vigie-answer')].map((b) => b.getAttribute('class'));
      expect(blocks).toEqual(['vigie-answer vigie-answer--organisation', 'vigie-answer vigie-answer--moderation']);
      expect(text(page.document.querySelector('.vigie-answer--moderation'))).toContain('Voir aussi la page de la DAJ.');

      // The plan's count and the pages' rule agree: the reply and the two final answers count, the acknowledgement not.
      const client = createVigieClient({ baseUrl: platform.url });
      const listed = (await client.listContributions({ commitmentId: 'FR0067', limit: 100 })).items;
      expect(
        listed
          .filter(countsAsAnswered)
          .map((c) => c.id)
          .sort(),
      ).toEqual([item.id, both.id].sort());
      const plan = await getPage(platform, '/');
      const row = [...plan.document.querySelectorAll('tbody tr')].find((tr) => text(tr).startsWith('FR0067'));
      expect(text(row?.querySelectorAll('td')[4])).toBe('2'); // the "Avec réponse" column
    });

    it('change the ETag of the pages that show them', async () => {
      const fresh = aContribution({
        body: 'Les ateliers sont-ils publics ?',
        target: { url: PAGE, title: 'P', selectors: [] },
      });
      await mod.submit(fresh);
      await mod.publish(fresh.id);
      const paths = [
        '/',
        '/engagements/FR0067',
        `/c/${fresh.id}`,
        `/pages?url=${encodeURIComponent(PAGE)}`,
        '/flux.atom',
      ];
      const etags = () =>
        Promise.all(paths.map(async (path) => String((await send('GET', `${platform.url}${path}`)).headers.etag)));
      const before = await etags();
      expect(await etags()).toEqual(before);
      await answer(fresh.id, { body: 'Oui, le compte rendu suit.', status: 'answered' });
      const after = await etags();
      for (const [i, tag] of after.entries()) expect(tag, paths[i]).not.toBe(before[i]);
      // An acknowledgement changes what the pages show, not the plan's count.
      await answer(fresh.id, { body: 'Oui, le compte rendu suit.', status: 'in-progress' });
      const again = await etags();
      for (const [i, tag] of again.entries()) expect(tag, paths[i]).not.toBe(after[i]);
    });

    it('go with the contribution when its author withdraws it', async () => {
      const own = withdrawalKey();
      const gone = aContribution({
        body: 'À retirer.',
        target: { url: PAGE, title: 'P', selectors: [] },
        withdrawalKeyHash: own.hash,
      });
      await mod.submit(gone);
      await answer(gone.id, { body: 'Réponse qui partira avec elle.', status: 'received' });
      await answer(gone.id, { body: 'Réponse qui partira avec elle, modifiée.', status: 'answered' });
      expect(await platform.rows('SELECT id FROM answers WHERE contribution_id = ?', [gone.id])).toHaveLength(2);
      await mod.withdraw(gone.id, own.secret);
      expect(await platform.rows('SELECT id FROM answers WHERE contribution_id = ?', [gone.id])).toEqual([]);
      expect(await platform.rows("SELECT id FROM answers WHERE body LIKE '%partira avec elle%'")).toEqual([]);
      expectProblem(await answer(gone.id, { body: 'Trop tard.', status: 'answered' }), 404);
    });
  });
});
