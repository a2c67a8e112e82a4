import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contribution, ModerationQueue, Problem, type ContributionInput } from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

const onPage = (url: string, overrides: Partial<ContributionInput> = {}) =>
  aContribution({ target: { url, title: 'Démarche', selectors: [] }, ...overrides });
const freshPage = () => `https://www.example.gouv.fr/moderation/${crypto.randomUUID()}`;

/** What a client does: make a secret, keep it with the draft, send only its hash. */
function withdrawalKey() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: createHash('sha256').update(secret).digest('hex') };
}

forEachStorage((kind) => {
  describe('moderation under pre-moderation', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    let moderator: string;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      client = createVigieClient({ baseUrl: platform.url });
      moderator = await platform.token('moderator', 'Modération DITP');
    });
    afterAll(() => platform?.dispose());

    const decide = (id: string, body: unknown, locale = 'fr') =>
      send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, {
        token: moderator,
        body,
        headers: { 'accept-language': locale },
      });
    const queue = async (query = '') =>
      ModerationQueue.parse(
        (await send('GET', `${platform.url}/v1/moderation/queue${query}`, { token: moderator })).json(),
      );

    it('queues new contributions oldest first, page by page', async () => {
      const sent: string[] = [];
      for (let i = 0; i < 5; i++) {
        const item = onPage(freshPage(), { body: `En attente ${i}` });
        await client.submitBatch([item]);
        sent.push(item.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ModerationQueue = await queue(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.contribution.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.filter((id) => sent.includes(id))).toEqual(sent);
      const arrivals = (await queue('?limit=100')).items.map((item) => item.contribution.receivedAt);
      expect([...arrivals].sort()).toEqual(arrivals);
    });

    it('publishes with a public reply shown with the contribution', async () => {
      const url = freshPage();
      const item = onPage(url);
      await client.submitBatch([item]);
      expect((await client.listContributions({ url })).items).toEqual([]);
      const answer = await decide(item.id, {
        decision: 'publish',
        reply: '  Merci, le jeu de données sera publié en mars.  ',
      });
      expect(answer.status).toBe(200);
      const decided = Contribution.parse(answer.json());
      expect(decided.status).toBe('published');
      expect(decided.reply?.body).toBe('Merci, le jeu de données sera publié en mars.');
      const [listed] = (await client.listContributions({ url })).items;
      expect(listed).toMatchObject({ id: item.id, reply: { body: 'Merci, le jeu de données sera publié en mars.' } });
      expect(Date.parse(listed!.reply!.at)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('hides and rejects only with a reason from the list, said in the reader’s language', async () => {
      const hidden = onPage(freshPage());
      const rejected = onPage(freshPage());
      await client.submitBatch([hidden, rejected]);
      const noReason = await decide(hidden.id, { decision: 'hide' });
      expect(noReason.status).toBe(422);
      expect(Problem.parse(noReason.json()).errors).toEqual([
        { pointer: '/reason', code: 'reason.required', detail: 'Indiquez le motif de la décision.' },
      ]);
      const badReason = await decide(hidden.id, { decision: 'hide', reason: 'boring' }, 'en');
      expect(Problem.parse(badReason.json()).detail).toBe(
        'The reason must be: spam, offensive, off-topic, personal data or other.',
      );
      const hide = await decide(hidden.id, { decision: 'hide', reason: 'personal-data' });
      expect(Contribution.parse(hide.json()).status).toBe('hidden');
      const reject = await decide(rejected.id, { decision: 'reject', reason: 'spam' });
      expect(Contribution.parse(reject.json()).status).toBe('rejected');
      await expect(client.getContribution(hidden.id)).rejects.toMatchObject({ status: 404 });
      const hiddenQueue = await queue('?status=hidden');
      expect(hiddenQueue.items.find((i) => i.contribution.id === hidden.id)?.decision).toMatchObject({
        status: 'hidden',
        reason: 'personal-data',
      });
      expect((await queue()).items.map((i) => i.contribution.id)).not.toContain(rejected.id);
    });

    it('answers 404 for an unknown contribution and 400 for a bad id', async () => {
      expect((await decide(crypto.randomUUID(), { decision: 'publish' })).status).toBe(404);
      expect((await decide('42', { decision: 'publish' })).status).toBe(400);
      expect((await send('GET', `${platform.url}/v1/moderation/queue?status=lost`, { token: moderator })).status).toBe(
        400,
      );
    });
  });

  describe('reports by readers', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    let moderator: string;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post' } }); // default threshold: 3
      client = createVigieClient({ baseUrl: platform.url });
      moderator = await platform.token('moderator', 'Modération');
    });
    afterAll(() => platform?.dispose());

    const report = (id: string, from: string, reason = 'offensive') =>
      send('POST', `${platform.url}/v1/contributions/${id}/reports`, { body: { reason }, from });

    it('take a contribution out of view after readers of 3 distinct networks, back into the queue', async () => {
      const url = freshPage();
      const item = onPage(url);
      await client.submitBatch([item]);
      expect((await report(item.id, '127.0.11.1')).status).toBe(204);
      // The same reader twice counts once.
      expect((await report(item.id, '127.0.11.1', 'spam')).status).toBe(204);
      expect((await report(item.id, '127.0.12.1')).status).toBe(204);
      expect((await client.listContributions({ url })).items.map((c) => c.id)).toEqual([item.id]);
      expect((await report(item.id, '127.0.13.1', 'spam')).status).toBe(204);
      expect((await client.listContributions({ url })).items).toEqual([]);
      const queued = ModerationQueue.parse(
        (await send('GET', `${platform.url}/v1/moderation/queue`, { token: moderator })).json(),
      );
      const entry = queued.items.find((i) => i.contribution.id === item.id);
      expect(entry?.contribution.status).toBe('pending');
      expect(entry?.reports.count).toBe(3);
      expect(new Set(entry?.reports.reasons)).toEqual(new Set(['offensive', 'spam']));

      // Reviewed and published again: the slate is clean, old reports do not count.
      await send('POST', `${platform.url}/v1/moderation/contributions/${item.id}/decision`, {
        token: moderator,
        body: { decision: 'publish' },
      });
      expect((await report(item.id, '127.0.14.1')).status).toBe(204);
      expect((await client.listContributions({ url })).items.map((c) => c.id)).toEqual([item.id]);
    });

    it('refuse unknown ids, unpublished contributions and unknown reasons', async () => {
      expect((await report(crypto.randomUUID(), '127.0.15.1')).status).toBe(404);
      const item = onPage(freshPage());
      await client.submitBatch([item]);
      await send('POST', `${platform.url}/v1/moderation/contributions/${item.id}/decision`, {
        token: moderator,
        body: { decision: 'reject', reason: 'off-topic' },
      });
      expect((await report(item.id, '127.0.15.1')).status).toBe(404);
      const bad = await report(item.id, '127.0.15.1', 'ugly');
      expect(bad.status).toBe(422);
      expect(bad.headers['content-type']).toBe('application/problem+json');
    });
  });

  describe('withdrawal by the author', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post' } });
      client = createVigieClient({ baseUrl: platform.url });
    });
    afterAll(() => platform?.dispose());

    const withdraw = (id: string, secret: string) =>
      send('POST', `${platform.url}/v1/contributions/${id}/withdrawal`, { body: { secret } });

    it('deletes the text for good with the secret the client kept, and never shows the key', async () => {
      const key = withdrawalKey();
      const url = freshPage();
      const item = onPage(url, { body: 'Mon adresse est 3 rue des Lilas, retirez ceci.', withdrawalKeyHash: key.hash });
      const [created] = await client.submitBatch([item]);
      expect(created?.outcome).toBe('created');
      expect(JSON.stringify(created)).not.toContain(key.hash);
      expect(JSON.stringify(await client.getContribution(item.id))).not.toContain(key.hash);

      expect((await withdraw(item.id, 'x'.repeat(43))).status).toBe(403);
      expect((await withdraw(item.id, key.secret)).status).toBe(204);
      await expect(client.getContribution(item.id)).rejects.toMatchObject({ status: 404 });
      expect((await client.listContributions({ url })).items).toEqual([]);
      const leftovers = await platform.rows('SELECT body FROM contributions WHERE id = ?', [item.id]);
      expect(leftovers).toEqual([]);
      // A withdrawal repeated after a lost answer succeeds again.
      expect((await withdraw(item.id, key.secret)).status).toBe(204);
    });

    it('survives a lost answer: the retry is a duplicate and the kept secret still works', async () => {
      const key = withdrawalKey();
      const item = onPage(freshPage(), { withdrawalKeyHash: key.hash });
      await client.submitBatch([item]); // the answer is "lost"
      const [retry] = await client.submitBatch([item]);
      expect(retry?.outcome).toBe('duplicate');
      expect((await withdraw(item.id, key.secret)).status).toBe(204);
    });

    it('refuses a withdrawn id sent again by a stale client', async () => {
      const key = withdrawalKey();
      const item = onPage(freshPage(), { withdrawalKeyHash: key.hash });
      await client.submitBatch([item]);
      await withdraw(item.id, key.secret);
      const [again] = await client.submitBatch([item]);
      expect(again).toMatchObject({
        id: item.id,
        outcome: 'invalid',
        problem: { status: 410, errors: [{ pointer: '/items/0/id', code: 'contribution.withdrawn' }] },
      });
    });

    it('cannot withdraw what was sent without a key, nor with a malformed one', async () => {
      const item = onPage(freshPage());
      await client.submitBatch([item]);
      const answer = await withdraw(item.id, 'a'.repeat(43));
      expect(answer.status).toBe(403);
      expect(Problem.parse(answer.json()).detail).toMatch(/sans clé de retrait/);
      expect((await withdraw(crypto.randomUUID(), 'a'.repeat(43))).status).toBe(404);
      expect((await withdraw(item.id, 'short')).status).toBe(422);
      const [bad] = await client.submitBatch([onPage(freshPage(), { withdrawalKeyHash: 'not-a-hash' })]);
      expect(bad?.problem?.errors?.[0]).toMatchObject({
        pointer: '/items/0/withdrawalKeyHash',
        code: 'withdrawal-key.format',
      });
    });
  });
});
