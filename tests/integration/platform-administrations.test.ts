import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ModerationQueue, Problem, type ContributionInput } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send, type Answer } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

function expectProblem(answer: Answer, status: number): Problem {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  const problem = Problem.parse(answer.json());
  expect(problem.detail).toMatch(/\S/);
  return problem;
}

/** A contribution filed under this address, on this commitment (none when null). */
const on = (url: string, commitmentId: string | null = null): ContributionInput => {
  const item = aContribution({ body: `Sur ${url}`, target: { url, title: 'Une page', selectors: [] } });
  if (commitmentId === null) delete item.commitmentId;
  else item.commitmentId = commitmentId;
  return item;
};

/** The hard cases: what is the Ministry's, and what only looks like it. */
const pages = {
  www: on('https://www.economie.gouv.fr/marches-publics'),
  apex: on('https://economie.gouv.fr/'),
  deep: on('https://data.dgfip.economie.gouv.fr/jeux'),
  port: on('https://www.economie.gouv.fr:8443/statistiques'),
  upper: on('https://WWW.ECONOMIE.GOUV.FR/Plan'),
  dot: on('https://www.economie.gouv.fr./fin'),
  suffixLookalike: on('https://economie.gouv.fr.evil.example/'),
  prefixLookalike: on('https://xeconomie.gouv.fr/'),
  userinfo: on('https://economie.gouv.fr@evil.example/'),
  inQuery: on('https://evil.example/?u=https://www.economie.gouv.fr/'),
  idn: on('https://www.économie.gouv.fr/'),
  culture: on('https://www.culture.gouv.fr/patrimoine', 'FR0054'),
  ledByCulture: on('https://www.data.gouv.fr/fr/datasets/communs', 'FR0051'),
  elsewhere: on('https://www.interieur.gouv.fr/', 'FR0069'),
};
type PageName = keyof typeof pages;

const economy: PageName[] = ['www', 'apex', 'deep', 'port', 'upper', 'dot'];
const culture: PageName[] = ['culture', 'ledByCulture'];
const idn: PageName[] = ['idn'];

forEachStorage((kind) => {
  describe('administrations', () => {
    let platform: StoragePlatform;
    const tokens = { economy: '', culture: '', idn: '', moderator: '', admin: '', ngo: '' };
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      [tokens.economy, tokens.culture, tokens.idn, tokens.moderator, tokens.admin, tokens.ngo] = await Promise.all([
        platform.token('administration', 'Ministère de l’Économie', '--domains', '*.economie.gouv.fr,economie.gouv.fr'),
        platform.token(
          'administration',
          'Ministère de la Culture',
          '--domains',
          '*.culture.gouv.fr',
          '--commitments',
          'FR0051',
        ),
        platform.token('administration', 'Économie-les-Bains', '--domains', ' *.ÉCONOMIE.gouv.fr '),
        platform.token('moderator', 'Modération'),
        platform.token('admin', 'DITP'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
      const results = await createVigieClient({ baseUrl: platform.url }).submitBatch(Object.values(pages));
      expect(results.every((r) => r.outcome === 'created')).toBe(true);
    }, 60_000);
    afterAll(() => platform?.dispose());

    const nameOf = (id: string) => (Object.keys(pages) as PageName[]).find((name) => pages[name].id === id);

    async function queue(token: string): Promise<PageName[]> {
      const answer = await send('GET', `${platform.url}/v1/moderation/queue?limit=100`, { token });
      expect(answer.status, answer.text).toBe(200);
      return ModerationQueue.parse(answer.json())
        .items.map((item) => nameOf(item.contribution.id))
        .filter((name): name is PageName => name !== undefined)
        .sort();
    }

    it('token create refuses a bare star, a public suffix, an address, a port or a scheme, each with a sentence', async () => {
      const refused = async (domains: string, sentence: RegExp, env: Record<string, string> = {}) => {
        const run = platform.cli(
          ['token', 'create', '--role', 'administration', '--name', 'X', '--domains', domains],
          env,
        );
        await expect(run, domains).rejects.toMatchObject({ stderr: expect.stringMatching(sentence) as unknown });
      };
      await refused('*', /"\*" alone would mean every site/);
      await refused('*.gouv.fr', /public suffix \(like gouv\.fr or fr\)/);
      await refused('economie.gouv.fr,*.fr', /"\*\.fr": This domain is a public suffix/);
      await refused('*.github.io', /public suffix/);
      await refused('gouv.fr', /public suffix/);
      await refused('https://www.economie.gouv.fr', /not a domain name/);
      await refused('www.economie.gouv.fr:443', /not a domain name/);
      await refused('eco*.gouv.fr', /not a domain name/);
      await refused('192.0.2.10', /not a domain name/);
      await refused('*.gouv.fr', /suffixe public \(comme gouv\.fr ou fr\)/, { LANG: 'fr_FR.UTF-8' });
      await expect(platform.cli(['token', 'create', '--role', 'administration', '--name', 'X'])).rejects.toMatchObject({
        stderr: expect.stringContaining('give at least one') as unknown,
      });
      await expect(
        platform.cli(['token', 'create', '--role', 'moderator', '--name', 'X', '--domains', 'economie.gouv.fr']),
      ).rejects.toMatchObject({ stderr: expect.stringContaining('for --role administration only') as unknown });
      await expect(
        platform.cli(['token', 'create', '--role', 'administration', '--name', 'X', '--commitments', 'FR9999']),
      ).rejects.toMatchObject({ stderr: expect.stringContaining('FR9999: This commitment does not exist') as unknown });
      // None of the refused ones was made.
      expect((await platform.rows("SELECT id FROM api_tokens WHERE name = 'X'")).length).toBe(0);
    });

    it('say who they are and what they cover, an international domain name kept as a browser writes it', async () => {
      const me = async (token: string) => Account.parse((await send('GET', `${platform.url}/v1/me`, { token })).json());
      expect(await me(tokens.economy)).toEqual({
        name: 'Ministère de l’Économie',
        role: 'administration',
        domains: ['*.economie.gouv.fr', 'economie.gouv.fr'],
        commitments: [],
      });
      expect(await me(tokens.culture)).toMatchObject({ domains: ['*.culture.gouv.fr'], commitments: ['FR0051'] });
      expect((await me(tokens.idn)).domains).toEqual(['*.xn--conomie-9xa.gouv.fr']);
      expect(await platform.cli(['token', 'list'])).toMatch(
        /administration\s.*Ministère de la Culture\s+\[\*\.culture\.gouv\.fr,FR0051\]/,
      );
    });

    it('see in the moderation queue only what is filed on their domains or their commitments', async () => {
      expect(await queue(tokens.economy)).toEqual([...economy].sort());
      expect(await queue(tokens.culture)).toEqual([...culture].sort());
      expect(await queue(tokens.idn)).toEqual(idn);
      // The moderators see everything, look-alikes included.
      expect(await queue(tokens.moderator)).toEqual((Object.keys(pages) as PageName[]).sort());
    });

    it('decide only within their scope: 403 with a sentence outside, 404 for an unknown id', async () => {
      const decide = (token: string, id: string, body: unknown = { decision: 'publish' }) =>
        send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, { token, body });
      for (const name of Object.keys(pages) as PageName[]) {
        if (economy.includes(name)) continue;
        const refused = expectProblem(await decide(tokens.economy, pages[name].id), 403);
        expect(refused.detail, name).toContain('relève d’une autre organisation');
      }
      expect(
        expectProblem(
          await send('POST', `${platform.url}/v1/moderation/contributions/${pages.culture.id}/decision`, {
            token: tokens.economy,
            body: { decision: 'publish' },
            headers: { 'accept-language': 'en' },
          }),
          403,
        ).detail,
      ).toContain('it belongs to another organisation');
      expectProblem(await decide(tokens.economy, crypto.randomUUID()), 404);
      // Still pending: nothing was decided by the refused requests.
      expect(
        (await createVigieClient({ baseUrl: platform.url }).listContributions({ url: pages.culture.target.url })).items,
      ).toEqual([]);

      // An organisation speaks through its signed answer, not the moderators' reply.
      const withReply = expectProblem(
        await decide(tokens.economy, pages.www.id, { decision: 'publish', reply: 'Merci.' }),
        422,
      );
      expect(withReply.errors?.[0]?.pointer).toBe('/reply');
      const published = await decide(tokens.economy, pages.www.id);
      expect(published.status).toBe(200);
      expect(published.json<{ status: string }>().status).toBe('published');
      // A commitment it leads is its own wherever the page is.
      expect(
        (await decide(tokens.culture, pages.ledByCulture.id, { decision: 'hide', reason: 'off-topic' })).status,
      ).toBe(200);
    });

    it('answer only within their scope, and read the history of their own answers only', async () => {
      const answer = (token: string, id: string) =>
        send('POST', `${platform.url}/v1/contributions/${id}/answer`, {
          token,
          body: { body: 'Nous regardons.', status: 'received' },
        });
      for (const name of ['suffixLookalike', 'prefixLookalike', 'userinfo', 'inQuery', 'idn', 'culture'] as const) {
        expectProblem(await answer(tokens.economy, pages[name].id), 403);
      }
      expect((await answer(tokens.economy, pages.apex.id)).status).toBe(201);
      expect((await answer(tokens.idn, pages.idn.id)).status).toBe(201);
      const history = (token: string, id: string) =>
        send('GET', `${platform.url}/v1/contributions/${id}/answers`, { token });
      expect((await history(tokens.economy, pages.apex.id)).json<{ items: unknown[] }>().items).toHaveLength(1);
      expectProblem(await history(tokens.culture, pages.apex.id), 403);
      expect((await history(tokens.admin, pages.apex.id)).json<{ items: unknown[] }>().items).toHaveLength(1);
      expectProblem(await history(tokens.moderator, pages.apex.id), 403);
      expectProblem(await history(tokens.economy, crypto.randomUUID()), 404);
      // Nothing was stored for the refused ones.
      const stored = await platform.rows('SELECT contribution_id FROM answers');
      expect(stored.map((row) => nameOf(String(row.contribution_id))).sort()).toEqual(['apex', 'idn']);
    });

    it('export only what is theirs, in every format, whatever filter they ask', async () => {
      const exported = async (token: string, query: string) => {
        const answer = await send('GET', `${platform.url}/v1/exports/contributions?${query}`, { token });
        expect(answer.status, answer.text).toBe(200);
        return answer;
      };
      const json = await exported(tokens.economy, 'format=json');
      const ids = json
        .json<{ items: Array<{ id: string }> }>()
        .items.map((c) => nameOf(c.id))
        .sort();
      expect(ids).toEqual([...economy].sort());
      const csv = (await exported(tokens.culture, 'format=csv')).text;
      for (const name of Object.keys(pages) as PageName[]) {
        expect(csv.includes(pages[name].id), name).toBe(culture.includes(name));
      }
      // Asking for another's commitment gives nothing of it.
      expect(
        (await exported(tokens.economy, 'format=json&commitmentId=FR0054')).json<{ items: unknown[] }>().items,
      ).toEqual([]);
      const jsonld = (await exported(tokens.idn, 'format=jsonld')).json<{ total: number }>();
      expect(jsonld.total).toBe(1);
    });

    it('have no campaign routes', async () => {
      const campaign = {
        id: 'eco-campagne',
        title: 'Marchés',
        question: 'Les données sont-elles publiées ?',
        targets: { commitmentIds: ['FR0067'], urlPatterns: [] },
        opensAt: '2020-01-01T00:00:00.000Z',
        closesAt: '2099-01-01T00:00:00.000Z',
      };
      expectProblem(await send('POST', `${platform.url}/v1/campaigns`, { token: tokens.economy, body: campaign }), 403);
      expectProblem(await send('GET', `${platform.url}/v1/me/campaigns`, { token: tokens.economy }), 403);
      expectProblem(
        await send('PATCH', `${platform.url}/v1/campaigns/eco-campagne`, {
          token: tokens.economy,
          body: { title: 'T' },
        }),
        403,
      );
      expectProblem(
        await send('POST', `${platform.url}/v1/campaigns/eco-campagne/approve`, { token: tokens.economy }),
        403,
      );
      expectProblem(
        await send('PUT', `${platform.url}/v1/commitments/FR0067`, {
          token: tokens.economy,
          body: { title: { fr: 'T' }, leadInstitution: { fr: 'L' }, plan: '2021-2023' },
        }),
        403,
      );
    });
  });
});
