import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, CampaignList, ContributionStatusResponse, type CampaignInput } from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

// Who may see and do what: public reads, a device's own statuses, NGOs' campaigns and
// exports, the rate limit counting a batch's items, and what may be cached.

function withdrawalKey() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: createHash('sha256').update(secret).digest('hex') };
}

const aCampaign = (overrides: Partial<CampaignInput> = {}): CampaignInput => ({
  id: `campagne-${crypto.randomUUID().slice(0, 8)}`,
  title: 'Marchés publics',
  question: 'Quelles données manquent ?',
  targets: { commitmentIds: ['FR0067'], urlPatterns: ['https://www.impots.gouv.fr/*'] },
  opensAt: '2020-01-01T00:00:00.000Z',
  closesAt: '2099-01-01T00:00:00.000Z',
  ...overrides,
});

forEachStorage((kind) => {
  describe('under pre-moderation', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    const tokens = { admin: '', moderator: '', ngo: '', sameName: '' };
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      client = createVigieClient({ baseUrl: platform.url });
      [tokens.admin, tokens.moderator, tokens.ngo, tokens.sameName] = await Promise.all([
        platform.token('admin', 'DITP'),
        platform.token('moderator', 'Modération'),
        platform.token('ngo', 'Regards Citoyens'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
    });
    afterAll(() => platform?.dispose());

    const decide = (id: string, body: unknown) =>
      send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, { token: tokens.moderator, body });
    const statuses = (items: Array<{ id: string; secret: string }>, headers: Record<string, string> = {}) =>
      send('POST', `${platform.url}/v1/contributions/status`, { body: { items }, headers });

    it('public reads show published contributions only', async () => {
      const [pending, rejected, hidden, published] = [1, 2, 3, 4].map(() => aContribution());
      await client.submitBatch([pending!, rejected!, hidden!, published!]);
      await decide(rejected!.id, { decision: 'reject', reason: 'personal-data' });
      await decide(hidden!.id, { decision: 'hide', reason: 'offensive' });
      await decide(published!.id, { decision: 'publish' });
      for (const item of [pending!, rejected!, hidden!]) {
        const answer = await send('GET', `${platform.url}/v1/contributions/${item.id}`);
        expect(answer.status).toBe(404);
        expect(answer.text).not.toContain(item.body);
      }
      expect((await client.getContribution(published!.id)).status).toBe('published');
    });

    it('a device learns its contributions’ statuses with their secrets, and nothing without them', async () => {
      const keys = [withdrawalKey(), withdrawalKey(), withdrawalKey()];
      const [waiting, refused, gone] = keys.map((key) => aContribution({ withdrawalKeyHash: key.hash }));
      await client.submitBatch([waiting!, refused!, gone!]);
      await decide(refused!.id, { decision: 'reject', reason: 'personal-data', reply: 'Votre adresse était visible.' });
      expect(
        (
          await send('POST', `${platform.url}/v1/contributions/${gone!.id}/withdrawal`, {
            body: { secret: keys[2]!.secret },
          })
        ).status,
      ).toBe(204);

      const answer = await statuses([
        { id: waiting!.id, secret: keys[0]!.secret },
        { id: refused!.id, secret: keys[1]!.secret },
        { id: gone!.id, secret: keys[2]!.secret },
        { id: waiting!.id, secret: keys[1]!.secret }, // another's secret
        { id: crypto.randomUUID(), secret: keys[0]!.secret }, // unknown
      ]);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      const { items } = ContributionStatusResponse.parse(answer.json());
      expect(items).toEqual([
        { id: waiting!.id, status: 'pending' },
        {
          id: refused!.id,
          status: 'rejected',
          moderationReason: 'personal-data',
          reply: { body: 'Votre adresse était visible.', at: expect.any(String) as string },
        },
        { id: gone!.id, status: 'withdrawn', withdrawn: expect.any(String) as string },
      ]);
      // A wrong secret is told apart from an unknown id by nothing at all.
      const wrong = await statuses([{ id: waiting!.id, secret: 'x'.repeat(43) }]);
      const unknown = await statuses([{ id: crypto.randomUUID(), secret: 'x'.repeat(43) }]);
      expect(wrong.text).toBe('{"items":[]}');
      expect(unknown.text).toBe(wrong.text);
      // The typed client says the same.
      expect(await client.contributionStatuses([{ id: waiting!.id, secret: keys[0]!.secret }])).toEqual([
        { id: waiting!.id, status: 'pending' },
      ]);
      const tooMany = await statuses(Array.from({ length: 101 }, () => ({ id: waiting!.id, secret: keys[0]!.secret })));
      expect(tooMany.status).toBe(422);
      const preflight = await send('OPTIONS', `${platform.url}/v1/contributions/status`, {
        headers: { origin: 'https://www.exemple.gouv.fr', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
    });

    it('a contribution never published cannot be reported', async () => {
      const item = aContribution();
      await client.submitBatch([item]);
      const answer = await send('POST', `${platform.url}/v1/contributions/${item.id}/reports`, {
        body: { reason: 'spam' },
      });
      expect(answer.status).toBe(404);
    });

    it('answers behind a token are never cached', async () => {
      for (const [path, token] of [
        ['/v1/me', tokens.ngo],
        ['/v1/me/campaigns', tokens.ngo],
        ['/v1/moderation/queue', tokens.moderator],
        ['/v1/exports/contributions?format=json', tokens.admin],
      ] as const) {
        const answer = await send('GET', platform.url + path, { token });
        expect(answer.status, path).toBe(200);
        expect(answer.headers['cache-control'], path).toBe('no-store');
      }
    });

    it('a campaign belongs to the token that made it, waits for an admin, and only then reaches citizens', async () => {
      const mine = aCampaign();
      const created = await send('POST', `${platform.url}/v1/campaigns`, { token: tokens.ngo, body: mine });
      expect(created.status).toBe(201);
      expect(Campaign.parse(created.json())).toMatchObject({ approval: 'pending', owner: 'Regards Citoyens' });
      // Pending: no citizen sees it, no contribution can join it.
      expect((await send('GET', `${platform.url}/v1/campaigns/${mine.id}`)).status).toBe(404);
      const page = encodeURIComponent('https://www.impots.gouv.fr/accueil');
      const lookup = async () =>
        CampaignList.parse((await send('GET', `${platform.url}/v1/campaigns?url=${page}`)).json()).items.map(
          (c) => c.id,
        );
      expect(await lookup()).toEqual([]);
      const [early] = await client.submitBatch([aContribution({ campaignId: mine.id })]);
      expect(early!.problem?.errors?.[0]?.code).toBe('campaign.unknown');

      // A second token under the same name is another account.
      expect(
        (
          await send('PATCH', `${platform.url}/v1/campaigns/${mine.id}`, {
            token: tokens.sameName,
            body: { title: 'x' },
          })
        ).status,
      ).toBe(403);
      const theirs = CampaignList.parse(
        (await send('GET', `${platform.url}/v1/me/campaigns`, { token: tokens.sameName })).json(),
      );
      expect(theirs.items.map((c) => c.id)).not.toContain(mine.id);
      expect(
        (
          await send('GET', `${platform.url}/v1/exports/contributions?campaignId=${mine.id}`, {
            token: tokens.sameName,
          })
        ).status,
      ).toBe(403);

      // Only an admin approves.
      const approve = (token: string) => send('POST', `${platform.url}/v1/campaigns/${mine.id}/approve`, { token });
      expect((await approve(tokens.ngo)).status).toBe(403);
      const approved = await approve(tokens.admin);
      expect(approved.status).toBe(200);
      expect(Campaign.parse(approved.json()).approval).toBe('approved');
      expect(await lookup()).toEqual([mine.id]);
      const [joined] = await client.submitBatch([aContribution({ campaignId: mine.id })]);
      expect(joined!.outcome).toBe('created');

      // Changing what an approved campaign asks, or where, sends it back for approval.
      const changed = await send('PATCH', `${platform.url}/v1/campaigns/${mine.id}`, {
        token: tokens.ngo,
        body: { targets: { commitmentIds: [], urlPatterns: ['https://www.impots.gouv.fr/'] } },
      });
      expect(Campaign.parse(changed.json()).approval).toBe('pending');
      expect(await lookup()).toEqual([]);

      // An admin's own campaign needs no one's approval.
      const theAdmins = await send('POST', `${platform.url}/v1/campaigns`, { token: tokens.admin, body: aCampaign() });
      expect(Campaign.parse(theAdmins.json()).approval).toBe('approved');
    });

    it('an NGO exports the published contributions of its campaigns only, whatever status it asks', async () => {
      const campaign = aCampaign();
      await send('POST', `${platform.url}/v1/campaigns`, { token: tokens.ngo, body: campaign });
      await send('POST', `${platform.url}/v1/campaigns/${campaign.id}/approve`, { token: tokens.admin });
      const [shown, hidden, waiting] = [1, 2, 3].map((n) =>
        aContribution({ campaignId: campaign.id, body: `Contribution ${n} de campagne` }),
      );
      await client.submitBatch([shown!, hidden!, waiting!]);
      await decide(shown!.id, { decision: 'publish' });
      await decide(hidden!.id, { decision: 'hide', reason: 'personal-data' });
      const exported = async (token: string, query = '') => {
        const path = `/v1/exports/contributions?format=json&campaignId=${campaign.id}${query}`;
        return (await send('GET', platform.url + path, { token }))
          .json<{ items: Array<{ id: string }> }>()
          .items.map((c) => c.id);
      };
      expect(await exported(tokens.ngo)).toEqual([shown!.id]);
      expect(await exported(tokens.ngo, '&status=hidden')).toEqual([]);
      expect(await exported(tokens.ngo, '&status=pending')).toEqual([]);
      expect(new Set(await exported(tokens.admin))).toEqual(new Set([shown!.id, hidden!.id, waiting!.id]));
    });
  });

  describe('the rate limit counts a batch’s items', () => {
    let platform: StoragePlatform;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_RATE_LIMIT: '5/min', VIGIE_MODERATION: 'post' } });
    });
    afterAll(() => platform?.dispose());

    const batch = (count: number, from: string) => {
      const items = Array.from({ length: count }, () => aContribution());
      return send('POST', `${platform.url}/v1/contributions:batch`, { body: { items }, from }).then((answer) => ({
        answer,
        items,
      }));
    };
    const storedOf = async (ids: string[]) =>
      (await platform.rows(`SELECT id FROM contributions WHERE id IN (${ids.map(() => '?').join(',')})`, ids)).length;

    it('refuses a batch larger than what is left, whole, with Retry-After', async () => {
      const first = await batch(3, '127.0.9.1');
      expect(first.answer.status).toBe(200);
      const second = await batch(3, '127.0.9.1');
      expect(second.answer.status).toBe(429);
      expect(Number(second.answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(await storedOf(second.items.map((i) => i.id))).toBe(0);
      // What is left still fits.
      expect((await batch(2, '127.0.9.1')).answer.status).toBe(200);
      expect((await batch(1, '127.0.9.1')).answer.status).toBe(429);
    });

    it('counts a malformed batch as one write, so bad bodies cannot be sent without end', async () => {
      for (let i = 0; i < 5; i++) {
        const bad = await send('POST', `${platform.url}/v1/contributions:batch`, {
          body: '{"items": [',
          from: '127.0.9.3',
        });
        expect(bad.status).toBe(400);
      }
      expect((await batch(1, '127.0.9.3')).answer.status).toBe(429);
    });

    it('lets a batch larger than the whole limit through once the window is fresh, and only then', async () => {
      const big = await batch(8, '127.0.9.2');
      expect(big.answer.status).toBe(200);
      expect(await storedOf(big.items.map((i) => i.id))).toBe(8);
      expect((await batch(1, '127.0.9.2')).answer.status).toBe(429);
    });
  });
});
