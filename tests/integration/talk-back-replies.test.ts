import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BatchItemResult,
  Contribution,
  ContributionInput,
  ContributionPage,
  ModerationQueue,
  Problem,
} from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getFeed, getPage, moderation, text, withdrawalKey } from '../support/public-site';

/** A reply as a client builds it: on its parent's page, nothing of its own about where it stands. */
function aReply(parent: ContributionInput, overrides: Partial<ContributionInput> = {}): ContributionInput {
  const {
    commitmentId: _c,
    gapType: _g,
    ...rest
  } = aContribution({ body: 'Moi aussi, je le cherche depuis des mois.' });
  return {
    ...rest,
    kind: 'reply',
    parentId: parent.id,
    target: { url: parent.target.url, title: parent.target.title, selectors: [] },
    ...overrides,
  };
}

forEachStorage((kind) => {
  describe('replies between citizens', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    let token: string;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      token = await platform.token('moderator', 'Modération');
      mod = moderation(platform, token);
    });
    afterAll(() => platform?.dispose());

    const submit = async (...items: ContributionInput[]) =>
      (await send('POST', `${platform.url}/v1/contributions:batch`, { body: { items } })).json<{
        results: BatchItemResult[];
      }>().results;
    const get = (path: string) => send('GET', `${platform.url}${path}`);
    const published = async (overrides: Partial<ContributionInput> = {}) => {
      const [item] = await mod.submit(aContribution(overrides));
      await mod.publish(item!.id);
      return item!;
    };

    it('are sent through the batch, moderated, then listed under their parent, oldest first, and counted', async () => {
      const parent = await published();
      const replies = [0, 1, 2].map((n) => aReply(parent, { body: `Réponse ${n}` }));
      for (const reply of replies) expect((await submit(reply))[0]).toMatchObject({ outcome: 'created' });
      // The same reply again is a duplicate, as for any contribution.
      expect((await submit(replies[0]!))[0]).toMatchObject({ outcome: 'duplicate' });

      // Moderated like any contribution: pending, in the queue with the words it answers.
      expect((await get(`/v1/contributions/${parent.id}/replies`)).json<ContributionPage>().items).toEqual([]);
      const queue = (
        await send('GET', `${platform.url}/v1/moderation/queue?limit=100`, { token })
      ).json<ModerationQueue>();
      const queued = queue.items.find((item) => item.contribution.id === replies[0]!.id);
      expect(queued?.contribution).toMatchObject({ kind: 'reply', parentId: parent.id, status: 'pending' });
      expect(queued?.parent).toMatchObject({ id: parent.id, body: parent.body });

      for (const reply of replies) await mod.publish(reply.id);
      const first = (await get(`/v1/contributions/${parent.id}/replies?limit=2`)).json<ContributionPage>();
      expect(first.items.map((r) => r.body)).toEqual(['Réponse 0', 'Réponse 1']);
      const rest = (
        await get(`/v1/contributions/${parent.id}/replies?limit=2&cursor=${first.nextCursor}`)
      ).json<ContributionPage>();
      expect(rest).toMatchObject({ items: [{ body: 'Réponse 2' }], nextCursor: null });
      expect((await get(`/v1/contributions/${parent.id}`)).json<Contribution>().replyCount).toBe(3);

      // Only published replies count.
      await mod.hide(replies[1]!.id);
      expect((await get(`/v1/contributions/${parent.id}`)).json<Contribution>().replyCount).toBe(2);
      // A reply has no replies: one level.
      expect((await get(`/v1/contributions/${replies[0]!.id}/replies`)).status).toBe(404);
    });

    it('are invalid, each with its sentence, when their parent or their fields do not allow them', async () => {
      const parent = await published();
      const [pending, hidden] = await mod.submit(aContribution(), aContribution());
      await mod.hide(hidden!.id);
      const reply = aReply(parent);
      await mod.submit(reply);
      await mod.publish(reply.id);
      const cases: Array<[ContributionInput, string, string]> = [
        [aReply({ ...parent, id: crypto.randomUUID() }), '/parentId', 'parent.not-public'],
        [aReply(pending!), '/parentId', 'parent.not-public'],
        [aReply(hidden!), '/parentId', 'parent.not-public'],
        [aReply(reply), '/parentId', 'parent.is-reply'],
        [
          aReply(parent, { target: { url: 'https://ailleurs.gouv.fr/', title: 'Ailleurs', selectors: [] } }),
          '/target/url',
          'reply.target',
        ],
        [aReply(parent, { gapType: 'other' }), '/gapType', 'reply.gap-type'],
        [aReply(parent, { target: { ...parent.target } }), '/target/selectors', 'reply.selectors'],
        [aReply(parent, { commitmentId: 'FR0067' }), '/commitmentId', 'reply.commitment'],
        [aReply(parent, { campaignId: 'une-campagne' }), '/campaignId', 'reply.campaign'],
        [aReply(parent, { parentId: undefined }), '/parentId', 'parent.required'],
        [aContribution({ parentId: parent.id }), '/parentId', 'parent.only-for-replies'],
      ];
      const results = await submit(...cases.map(([item]) => item));
      results.forEach((result, i) => {
        const [, pointer, code] = cases[i]!;
        expect(result.outcome, code).toBe('invalid');
        expect(result.problem?.errors?.[0], code).toMatchObject({ pointer: `/items/${i}${pointer}`, code });
        expect(result.problem?.detail, code).toMatch(/^[A-ZÀ-Ý].+\.$/u);
      });
      expect(results[0]!.problem?.detail).toBe(
        "La contribution à laquelle vous répondez n'existe pas ou n'est plus publiée ; votre réponse est gardée, vous pouvez la copier.",
      );
      const english = await send('POST', `${platform.url}/v1/contributions:batch`, {
        body: { items: [cases[3]![0]] },
        headers: { 'accept-language': 'en' },
      });
      expect(english.json<{ results: BatchItemResult[] }>().results[0]!.problem?.detail).toBe(
        'A reply cannot be answered: reply to the contribution itself.',
      );
    });

    it('leave public view with their parent, hidden or withdrawn, and a withdrawn reply is erased', async () => {
      const key = withdrawalKey();
      const parent = await published({ withdrawalKeyHash: key.hash });
      const replyKey = withdrawalKey();
      const [kept, withdrawn] = [aReply(parent), aReply(parent, { withdrawalKeyHash: replyKey.hash })];
      await mod.submit(kept, withdrawn);
      await mod.publish(kept.id);
      await mod.publish(withdrawn.id);
      expect((await get(`/v1/contributions/${parent.id}`)).json<Contribution>().replyCount).toBe(2);

      await mod.withdraw(withdrawn.id, replyKey.secret);
      expect(await platform.rows('SELECT id FROM contributions WHERE id = ?', [withdrawn.id])).toEqual([]);
      expect((await get(`/v1/contributions/${parent.id}`)).json<Contribution>().replyCount).toBe(1);

      await mod.hide(parent.id);
      expect((await get(`/v1/contributions/${parent.id}/replies`)).status).toBe(404);
      expect((await get(`/v1/contributions/${kept.id}`)).status).toBe(404);
      expect((await getPage(platform, `/c/${kept.id}`)).status).toBe(404);
      await mod.publish(parent.id);
      expect((await get(`/v1/contributions/${kept.id}`)).json<Contribution>().parentId).toBe(parent.id);

      // Withdrawn, the parent's words go; the replies are others' words: kept, out of public view.
      await mod.withdraw(parent.id, key.secret);
      expect((await get(`/v1/contributions/${kept.id}`)).status).toBe(404);
      expect(await platform.rows('SELECT status FROM contributions WHERE id = ?', [kept.id])).toEqual([
        { status: 'published' },
      ]);
    });

    it('stay out of the lists, feeds, search and counts of contributions, and come with their parentId in exports', async () => {
      const marker = `filigrane${Date.now()}`;
      const parent = await published({ commitmentId: 'FR0108', body: `Le parent ${marker}` });
      const reply = aReply(parent, { body: `La réponse ${marker}` });
      await mod.submit(reply);
      await mod.publish(reply.id);

      const listed = (await get(`/v1/contributions?commitmentId=FR0108&limit=100`)).json<ContributionPage>();
      expect(listed.items.map((c) => c.id)).toContain(parent.id);
      expect(listed.items.map((c) => c.id)).not.toContain(reply.id);
      const byPage = (
        await get(`/v1/contributions?url=${encodeURIComponent(parent.target.url)}&limit=100`)
      ).json<ContributionPage>();
      expect(byPage.items.every((c) => c.kind !== 'reply')).toBe(true);

      const search = await getPage(platform, `/recherche?q=${marker}`);
      expect(search.document.querySelectorAll('main article')).toHaveLength(1);
      const feed = await getFeed(platform, '/engagements/FR0108/flux.atom');
      expect([...feed.document.querySelectorAll('entry id')].map((e) => text(e))).not.toContainEqual(
        expect.stringContaining(reply.id),
      );
      const siteFeed = await getFeed(platform, '/flux.atom');
      expect(siteFeed.text).not.toContain(reply.id);

      const csv = await send('GET', `${platform.url}/v1/exports/contributions?format=csv&kind=reply`, { token });
      const lines = csv.text.trim().split('\r\n');
      // The open data's columns, parentId last of them; a token holder's export adds the moderation's after.
      const header = lines[0]!.split(',');
      expect(header.indexOf('parentId')).toBe(header.indexOf('answerAt') + 1);
      expect(
        lines
          .find((line) => line.startsWith(reply.id))
          ?.split(',')
          .at(header.indexOf('parentId')),
      ).toBe(parent.id);
      const jsonld = await send('GET', `${platform.url}/v1/exports/contributions?format=jsonld&kind=reply`, { token });
      const annotation = jsonld
        .json<{ first: { items: Array<{ id: string; motivation: string; target: unknown }> } }>()
        .first.items.find((a) => a.id.endsWith(reply.id));
      expect(annotation?.motivation).toBe('replying');
      expect(annotation?.target).toBe(`http://localhost:${platform.port}/v1/contributions/${parent.id}`);

      // Open data: a reply only while the contribution it answers is public.
      expect((await get('/donnees/contributions.csv')).text).toContain(reply.id);
      await mod.hide(parent.id);
      const openData = (await get('/donnees/contributions.csv')).text;
      expect(openData).not.toContain(reply.id);
      expect(openData).not.toContain(parent.id);
    });

    it('refuses a malformed replies request with a sentence', async () => {
      const parent = await published();
      const bad = await get(`/v1/contributions/${parent.id}/replies?cursor=abc`);
      expect(bad.status).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.code).toBe('cursor.invalid');
      expect((await get(`/v1/contributions/pas-un-uuid/replies`)).status).toBe(400);
    });
  });
});
