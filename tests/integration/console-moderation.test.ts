import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BulkDecisionResult,
  ModerationCounts,
  ModerationItem,
  ModerationQueue,
  Problem,
  type ContributionInput,
} from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

// The console's API on both storages: the queue's filters and search (every status), counts,
// bulk decisions within the caller's scope, the journal of decisions, the contributor's count.

const withdrawalKey = () => {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: createHash('sha256').update(secret).digest('hex') };
};

const page = (url: string, title = 'Une page') => ({ url, title, selectors: [] });
const device = withdrawalKey();

/** A world with the hard cases: look-alike hosts, a subdomain, accents, a quote, a campaign, gaps. */
const world = {
  daj: aContribution({
    body: 'Le registre des marchés n’est pas à jour.',
    kind: 'gap',
    gapType: 'outdated',
    target: page('https://www.economie.gouv.fr/daj?utm_source=lettre'),
    withdrawalKeyHash: device.hash,
  }),
  apex: aContribution({
    body: 'Où trouver les données de l’Économie ?',
    target: page('https://economie.gouv.fr/'),
    withdrawalKeyHash: device.hash,
  }),
  lookalike: aContribution({ body: 'Un sosie du ministère.', target: page('https://economie.gouv.fr.evil.example/') }),
  prefixed: aContribution({ body: 'Un autre sosie.', target: page('https://xeconomie.gouv.fr/') }),
  quoted: aContribution({
    body: 'Rien à signaler.',
    commitmentId: 'FR0054',
    target: {
      url: 'https://www.culture.gouv.fr/patrimoine',
      title: 'Patrimoine',
      selectors: [{ type: 'TextQuoteSelector', exact: 'inventaire général des œuvres', prefix: '', suffix: '' }],
    },
    withdrawalKeyHash: device.hash,
  }),
  campaign: aContribution({
    body: 'Réponse à la campagne sur les subventions.',
    commitmentId: 'FR0069',
    campaignId: 'subventions-2026',
    kind: 'gap',
    gapType: 'missing-data',
  }),
} satisfies Record<string, ContributionInput>;
type Name = keyof typeof world;

forEachStorage((kind) => {
  describe('the console’s moderation API', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    const tokens = { moderator: '', admin: '', economy: '', ngo: '' };
    const ids = (names: Name[]) => names.map((name) => world[name].id).sort();
    const queue = async (query: string, token = tokens.moderator) => {
      const answer = await send('GET', `${platform.url}/v1/moderation/queue?${query}`, { token });
      expect(answer.status, answer.text).toBe(200);
      return ModerationQueue.parse(answer.json());
    };
    const queueIds = async (query: string, token = tokens.moderator) =>
      (await queue(query, token)).items.map((item) => item.contribution.id).sort();
    const counts = async (query = '', token = tokens.moderator) =>
      ModerationCounts.parse((await send('GET', `${platform.url}/v1/moderation/counts?${query}`, { token })).json());
    const decide = (id: string, body: unknown, token = tokens.moderator) =>
      send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, { token, body });

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      client = createVigieClient({ baseUrl: platform.url });
      [tokens.moderator, tokens.admin, tokens.economy, tokens.ngo] = await Promise.all([
        platform.token('moderator', 'Modération DITP'),
        platform.token('admin', 'DITP'),
        platform.token('administration', 'Ministère de l’Économie', '--domains', '*.economie.gouv.fr,economie.gouv.fr'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
      const campaign = await send('POST', `${platform.url}/v1/campaigns`, {
        token: tokens.admin,
        body: {
          id: 'subventions-2026',
          title: 'Subventions 2026',
          question: 'Quelles subventions manquent ?',
          targets: { commitmentIds: ['FR0069'], urlPatterns: [] },
          opensAt: '2026-01-01T00:00:00.000Z',
          closesAt: '2099-01-01T00:00:00.000Z',
        },
      });
      expect(campaign.status, campaign.text).toBe(201);
      await client.submitBatch(Object.values(world));
    });
    afterAll(() => platform?.dispose());

    it('filters by commitment, page address or domain (no look-alike), kind, gap type, campaign and dates', async () => {
      expect(await queueIds('commitmentId=FR0054')).toEqual(ids(['quoted']));
      // An address is canonicalised as clients file it: the tracking parameter goes.
      expect(await queueIds(`page=${encodeURIComponent('https://www.economie.gouv.fr/daj?utm_source=x')}`)).toEqual(
        ids(['daj']),
      );
      // A domain is that host and the hosts below it; look-alikes are not below it.
      expect(await queueIds('page=economie.gouv.fr')).toEqual(ids(['daj', 'apex']));
      expect(await queueIds('page=ECONOMIE.gouv.fr.')).toEqual(ids(['daj', 'apex']));
      expect(await queueIds('kind=gap')).toEqual(ids(['daj', 'campaign']));
      expect(await queueIds('gapType=missing-data')).toEqual(ids(['campaign']));
      expect(await queueIds('campaignId=subventions-2026')).toEqual(ids(['campaign']));
      const past = '2020-01-01T00:00:00.000Z';
      const future = '2099-01-01T00:00:00.000Z';
      expect(await queueIds(`from=${past}&to=${future}`)).toHaveLength(Object.keys(world).length);
      expect(await queueIds(`from=${future}`)).toEqual([]);
      expect(await queueIds(`to=${past}`)).toEqual([]);
      expect(await queueIds('reported=true')).toEqual([]);
      expect(await queueIds('page=economie.gouv.fr&kind=comment')).toEqual(ids(['apex']));
      // Bad filters are refused with a sentence, never a 5xx.
      for (const bad of [
        'page=https%3A%2F%2F',
        'page=%20',
        'reported=maybe',
        `from=${future}&to=${past}`,
        'gapType=x',
      ]) {
        const answer = await send('GET', `${platform.url}/v1/moderation/queue?${bad}`, { token: tokens.moderator });
        expect(answer.status, bad).toBe(400);
        expect(Problem.parse(answer.json()).detail, bad).toMatch(/\S/);
      }
    });

    it('searches every status with the database’s engine, blind to accents and case, in texts and quotes', async () => {
      // Pending: the public search knows nothing of these, the console does.
      expect(await queueIds('q=registre')).toEqual(ids(['daj']));
      expect(await queueIds('q=ECONOMIE')).toEqual(ids(['apex']));
      expect(await queueIds('q=inventaire')).toEqual(ids(['quoted']));
      expect(await queueIds('q=%22%3B--')).toEqual([]);
      // Hidden ones too, in their own queue.
      expect((await decide(world.prefixed.id, { decision: 'hide', reason: 'spam' })).status).toBe(200);
      expect(await queueIds('status=hidden&q=sosie')).toEqual(ids(['prefixed']));
      expect(await queueIds('q=sosie')).toEqual(ids(['lookalike']));
      // An administration searches its scope only.
      expect(await queueIds('q=sosie', tokens.economy)).toEqual([]);
      expect(await queueIds('q=registre', tokens.economy)).toEqual(ids(['daj']));
    });

    it('counts each status with the filters, within the caller’s scope', async () => {
      const all = await counts();
      expect(all).toEqual({ pending: 5, published: 0, hidden: 1, rejected: 0, reported: 0 });
      expect(await counts('kind=gap')).toEqual({ pending: 2, published: 0, hidden: 0, rejected: 0, reported: 0 });
      expect(await counts('', tokens.economy)).toEqual({
        pending: 2,
        published: 0,
        hidden: 0,
        rejected: 0,
        reported: 0,
      });
      expect((await send('GET', `${platform.url}/v1/moderation/counts`, { token: tokens.ngo })).status).toBe(403);
    });

    it('shows the contributor’s other contributions by withdrawal key only, within the scope', async () => {
      const byId = new Map((await queue('')).items.map((item) => [item.contribution.id, item]));
      expect(byId.get(world.daj.id)?.contributorOthers).toBe(2);
      expect(byId.get(world.quoted.id)?.contributorOthers).toBe(2);
      // No key, no count: never guessed from anything else.
      expect(byId.get(world.lookalike.id)?.contributorOthers).toBeUndefined();
      // The Ministry counts within its own scope: the Culture contribution is not its to know of.
      const ministry = new Map((await queue('', tokens.economy)).items.map((item) => [item.contribution.id, item]));
      expect(ministry.get(world.daj.id)?.contributorOthers).toBe(1);
    });

    it('journals each decision (who, when, what, why) and "other" needs its explanation', async () => {
      const other = await decide(world.lookalike.id, { decision: 'reject', reason: 'other' });
      expect(other.status).toBe(422);
      expect(Problem.parse(other.json()).errors?.[0]).toMatchObject({ pointer: '/note', code: 'note.required' });
      const before = new Date().toISOString();
      const done = await decide(world.lookalike.id, {
        decision: 'reject',
        reason: 'other',
        note: 'Usurpe le nom du ministère.',
        reply: 'Cette page n’est pas celle du ministère.',
      });
      expect(done.status, done.text).toBe(200);
      expect((await decide(world.lookalike.id, { decision: 'publish' }, tokens.admin)).status).toBe(200);
      const item = ModerationItem.parse(
        (
          await send('GET', `${platform.url}/v1/moderation/contributions/${world.lookalike.id}`, {
            token: tokens.moderator,
          })
        ).json(),
      );
      expect(item.journal).toEqual([
        {
          at: expect.any(String) as unknown,
          by: 'Modération DITP',
          role: 'moderator',
          decision: 'reject',
          reason: 'other',
          note: 'Usurpe le nom du ministère.',
          replied: true,
          bulk: false,
        },
        {
          at: expect.any(String) as unknown,
          by: 'DITP',
          role: 'admin',
          decision: 'publish',
          replied: false,
          bulk: false,
        },
      ]);
      expect(item.journal[0]!.at >= before).toBe(true);
      expect(item.decision).toMatchObject({ status: 'published', by: 'DITP' });
      // The Ministry may not read what lies outside its scope.
      const outside = await send('GET', `${platform.url}/v1/moderation/contributions/${world.lookalike.id}`, {
        token: tokens.economy,
      });
      expect(outside.status).toBe(403);
    });

    it('decides on a selection in one request, with one reason; an administration’s out-of-scope ids are refused', async () => {
      const unknown = crypto.randomUUID();
      const answer = await send('POST', `${platform.url}/v1/moderation/decisions`, {
        token: tokens.economy,
        body: { ids: [world.daj.id, world.quoted.id, unknown, world.apex.id], decision: 'hide', reason: 'off-topic' },
      });
      expect(answer.status, answer.text).toBe(200);
      const result = BulkDecisionResult.parse(answer.json());
      expect(result.items.map(({ id, result, status }) => ({ id, result, status }))).toEqual([
        { id: world.daj.id, result: 'decided', status: 'hidden' },
        { id: world.quoted.id, result: 'forbidden', status: undefined },
        { id: unknown, result: 'not-found', status: undefined },
        { id: world.apex.id, result: 'decided', status: 'hidden' },
      ]);
      expect(result.items[1]!.detail).toMatch(/autre organisation|another organisation/);
      // What was refused is left as it was.
      expect(await queueIds('status=pending&commitmentId=FR0054')).toEqual(ids(['quoted']));
      const daj = (await queue('status=hidden&q=registre')).items[0]!;
      expect(daj.journal.at(-1)).toMatchObject({
        by: 'Ministère de l’Économie',
        role: 'administration',
        decision: 'hide',
        reason: 'off-topic',
        bulk: true,
      });
      // One reason for all, "other" explained, 1 to 100 ids: refused whole otherwise, with a sentence.
      for (const body of [
        { ids: [world.quoted.id], decision: 'reject' },
        { ids: [world.quoted.id], decision: 'reject', reason: 'other' },
        { ids: [], decision: 'publish' },
        { ids: Array.from({ length: 101 }, () => crypto.randomUUID()), decision: 'publish' },
        { ids: ['not-a-uuid'], decision: 'publish' },
        { ids: [world.quoted.id], decision: 'publish', reply: 'Pas de réponse groupée.' },
      ]) {
        const refused = await send('POST', `${platform.url}/v1/moderation/decisions`, {
          token: tokens.moderator,
          body,
        });
        expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(422);
        expect(Problem.parse(refused.json()).detail).toMatch(/\S/);
      }
      expect(
        (await send('POST', `${platform.url}/v1/moderation/decisions`, { token: tokens.ngo, body: {} })).status,
      ).toBe(403);
    });

    it('filters and counts what readers reported, still public below the threshold and first in the pending queue', async () => {
      const reported = aContribution({ body: 'Un texte que des lecteurs signalent.' });
      await client.submitBatch([reported]);
      expect((await decide(reported.id, { decision: 'publish' })).status).toBe(200);
      const report = await send('POST', `${platform.url}/v1/contributions/${reported.id}/reports`, {
        body: { reason: 'offensive' },
      });
      expect(report.status, report.text).toBe(204);
      expect(await queueIds('reported=true')).toEqual([reported.id]);
      expect(await queueIds('reported=true&status=published')).toEqual([reported.id]);
      expect(await queueIds('reported=false')).not.toContain(reported.id);
      expect((await queue('')).items[0]!.contribution.id).toBe(reported.id);
      expect((await counts('reported=true')).reported).toBe(1);
      expect(await counts('reported=true')).toMatchObject({ pending: 1, published: 1 });
    });

    it('a withdrawal erases the journal’s notes and the console’s search words, and keeps who decided what', async () => {
      const key = withdrawalKey();
      const word = `quetzal${randomBytes(4).toString('hex')}`;
      const item = aContribution({ body: `Texte à retirer : ${word}.`, withdrawalKeyHash: key.hash });
      const neighbours = Array.from({ length: 20 }, (_, n) => aContribution({ body: `Voisin ${n} du texte.` }));
      await client.submitBatch([item, ...neighbours]);
      expect(await queueIds(`q=${word}`)).toEqual([item.id]);
      await decide(item.id, { decision: 'hide', reason: 'other', note: `La note cite ${word}.` });
      const journal = async () =>
        (await platform.rows('SELECT * FROM moderation_journal WHERE contribution_id = ?', [item.id])).map(
          ({ note, account_name, decision, reason }) => ({ note, account_name, decision, reason }),
        );
      expect(await journal()).toEqual([
        { note: `La note cite ${word}.`, account_name: 'Modération DITP', decision: 'hide', reason: 'other' },
      ]);
      if (kind === 'sqlite') {
        const inIndex = async () =>
          (await platform.rows('SELECT block FROM console_search_data')).some((row) =>
            Buffer.from(row.block as Uint8Array).includes(Buffer.from(word)),
          );
        expect(await inIndex()).toBe(true);
        expect(
          (
            await send('POST', `${platform.url}/v1/contributions/${item.id}/withdrawal`, {
              body: { secret: key.secret },
            })
          ).status,
        ).toBe(204);
        expect(await inIndex()).toBe(false);
      } else {
        const fileOf = async () =>
          (await platform.rows("SELECT relfilenode FROM pg_class WHERE relname = 'console_search_index'"))[0]
            ?.relfilenode;
        const before = await fileOf();
        expect(
          (
            await send('POST', `${platform.url}/v1/contributions/${item.id}/withdrawal`, {
              body: { secret: key.secret },
            })
          ).status,
        ).toBe(204);
        // GIN keeps a key its rows left: the console's index is rebuilt too.
        await expect.poll(fileOf, { timeout: 20_000, interval: 250 }).not.toBe(before);
      }
      expect(await journal()).toEqual([
        { note: null, account_name: 'Modération DITP', decision: 'hide', reason: 'other' },
      ]);
      expect(await queueIds(`q=${word}&status=hidden`)).toEqual([]);
      expect(await queueIds('q=voisin')).toHaveLength(20);
    });
  });
});
