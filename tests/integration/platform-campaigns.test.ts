import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, CampaignList, Problem, type CampaignInput } from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

const day = 24 * 3600 * 1000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();

function aCampaign(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    id: `campagne-${crypto.randomUUID().slice(0, 8)}`,
    title: 'Transparence de la commande publique',
    question: 'Quelles données manquent sur les marchés publics de votre région ?',
    targets: { commitmentIds: ['FR0067'], urlPatterns: ['https://www.marches-publics.gouv.fr/*'] },
    opensAt: iso(-day),
    closesAt: iso(30 * day),
    ...overrides,
  };
}

forEachStorage((kind) => {
  describe('campaigns', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    const tokens = { admin: '', moderator: '', ngo: '', otherNgo: '' };
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post' } });
      client = createVigieClient({ baseUrl: platform.url });
      [tokens.admin, tokens.moderator, tokens.ngo, tokens.otherNgo] = await Promise.all([
        platform.token('admin', 'DITP'),
        platform.token('moderator', 'Modération'),
        platform.token('ngo', 'Regards Citoyens'),
        platform.token('ngo', 'Transparency International France'),
      ]);
    });
    afterAll(() => platform?.dispose());

    const create = (token: string, body: unknown) => send('POST', `${platform.url}/v1/campaigns`, { token, body });
    const patch = (token: string, id: string, body: unknown) =>
      send('PATCH', `${platform.url}/v1/campaigns/${id}`, { token, body });
    const close = (token: string, id: string) => send('POST', `${platform.url}/v1/campaigns/${id}/close`, { token });
    const approve = (id: string) => send('POST', `${platform.url}/v1/campaigns/${id}/approve`, { token: tokens.admin });
    /** An NGO's campaign, approved by an admin: what citizens may see and answer. */
    const approved = async (token: string, input: CampaignInput) => {
      expect((await create(token, input)).status).toBe(201);
      expect((await approve(input.id)).status).toBe(200);
    };

    it('an ngo creates its campaign, owned by its name; an admin too; a moderator may not', async () => {
      const input = aCampaign();
      const created = await create(tokens.ngo, input);
      expect(created.status).toBe(201);
      expect(Campaign.parse(created.json())).toEqual({ ...input, owner: 'Regards Citoyens', approval: 'pending' });
      expect((await create(tokens.admin, aCampaign())).status).toBe(201);
      expect((await create(tokens.moderator, aCampaign())).status).toBe(403);
      expect((await create(tokens.otherNgo, input)).status).toBe(409);
      expect((await send('GET', `${platform.url}/v1/campaigns/${input.id}`)).status).toBe(404);
      await approve(input.id);
      const public_ = await send('GET', `${platform.url}/v1/campaigns/${input.id}`);
      expect(public_.json()).toMatchObject({ id: input.id, owner: 'Regards Citoyens', approval: 'approved' });
    });

    it('refuses wrong fields with a sentence per field', async () => {
      const answer = await create(tokens.ngo, { ...aCampaign({ opensAt: iso(day), closesAt: iso(-day) }), id: 'X' });
      expect(answer.status).toBe(422);
      const problem = Problem.parse(answer.json());
      expect(problem.errors?.map((e) => e.code)).toContain('campaign-id.format');
      const dates = Problem.parse(
        (await create(tokens.ngo, aCampaign({ opensAt: iso(day), closesAt: iso(-day) }))).json(),
      );
      expect(dates.errors).toEqual([
        { pointer: '/closesAt', code: 'campaign.dates', detail: "La date de clôture doit suivre la date d'ouverture." },
      ]);
    });

    it('an ngo manages only its own campaigns; an admin manages all', async () => {
      const mine = aCampaign();
      await create(tokens.ngo, mine);
      expect((await patch(tokens.otherNgo, mine.id, { title: 'Piraté' })).status).toBe(403);
      expect((await close(tokens.otherNgo, mine.id)).status).toBe(403);
      const changed = await patch(tokens.ngo, mine.id, {
        title: 'Nouveau titre',
        targets: { commitmentIds: ['FR0068'], urlPatterns: [] },
      });
      expect(changed.json()).toMatchObject({
        title: 'Nouveau titre',
        question: mine.question,
        targets: { commitmentIds: ['FR0068'] },
      });
      expect((await patch(tokens.admin, mine.id, { question: 'Reformulée ?' })).json()).toMatchObject({
        question: 'Reformulée ?',
      });
      expect((await patch(tokens.ngo, mine.id, { closesAt: iso(-2 * day) })).status).toBe(422);
      expect((await patch(tokens.ngo, 'inconnue', { title: 'x' })).status).toBe(404);

      const own = CampaignList.parse(
        (await send('GET', `${platform.url}/v1/me/campaigns`, { token: tokens.otherNgo })).json(),
      );
      expect(own.items.every((c) => c.owner === 'Transparency International France')).toBe(true);
      const all = CampaignList.parse(
        (await send('GET', `${platform.url}/v1/me/campaigns`, { token: tokens.admin })).json(),
      );
      expect(all.items.map((c) => c.id)).toContain(mine.id);
    });

    it('tells clients which open campaigns target a page or a commitment', async () => {
      const byPattern = aCampaign({
        targets: { commitmentIds: [], urlPatterns: ['https://www.impots.gouv.fr/particulier/*'] },
      });
      const byCommitment = aCampaign({ targets: { commitmentIds: ['FR0070'], urlPatterns: [] } });
      const upcoming = aCampaign({ opensAt: iso(day), closesAt: iso(2 * day), targets: byPattern.targets });
      for (const c of [byPattern, byCommitment, upcoming]) await approved(tokens.ngo, c);
      const lookup = async (query: string) =>
        CampaignList.parse((await send('GET', `${platform.url}/v1/campaigns?${query}`)).json()).items.map((c) => c.id);
      const page = encodeURIComponent('https://www.impots.gouv.fr/particulier/questions?utm_source=x#faq');
      expect(await lookup(`url=${page}`)).toEqual([byPattern.id]);
      expect(await lookup('commitmentId=FR0070')).toEqual([byCommitment.id]);
      expect(await lookup(`url=${encodeURIComponent('https://www.impots.gouv.fr/professionnel')}`)).toEqual([]);
      expect(await lookup('')).toEqual(expect.arrayContaining([byPattern.id, byCommitment.id]));
      expect(await lookup('')).not.toContain(upcoming.id);
      expect((await send('GET', `${platform.url}/v1/campaigns?url=ftp://x`)).status).toBe(400);
    });

    it('takes contributions while open, and refuses them closed, not yet open or unknown, item by item', async () => {
      const open = aCampaign();
      const later = aCampaign({ opensAt: iso(day), closesAt: iso(2 * day) });
      await approved(tokens.ngo, open);
      await approved(tokens.ngo, later);
      const beforeClose = aContribution({ campaignId: open.id });
      expect((await client.submitBatch([beforeClose]))[0]?.outcome).toBe('created');

      const closed = await close(tokens.ngo, open.id);
      expect(Date.parse(Campaign.parse(closed.json()).closesAt)).toBeLessThanOrEqual(Date.now());
      const late = aContribution({ campaignId: open.id });
      const early = aContribution({ campaignId: later.id });
      const lost = aContribution({ campaignId: 'campagne-inconnue' });
      const free = aContribution();
      const results = await client.submitBatch([late, early, lost, free, beforeClose]);
      expect(results.map((r) => r.outcome)).toEqual(['invalid', 'invalid', 'invalid', 'created', 'duplicate']);
      expect(results[0]!.problem).toMatchObject({
        status: 422,
        detail: 'Cette campagne est close : elle ne reçoit plus de contributions.',
        errors: [{ pointer: '/items/0/campaignId', code: 'campaign.closed' }],
      });
      expect(results[1]!.problem?.errors?.[0]).toMatchObject({
        pointer: '/items/1/campaignId',
        code: 'campaign.not-open',
      });
      expect(results[2]!.problem?.errors?.[0]).toMatchObject({
        code: 'campaign.unknown',
        detail: "Cette campagne n'existe pas.",
      });

      const english = createVigieClient({ baseUrl: platform.url, locale: 'en' });
      const [refused] = await english.submitBatch([aContribution({ campaignId: open.id })]);
      expect(refused!.problem!.detail).toBe('This campaign is closed: it no longer takes contributions.');
    });
  });
});
