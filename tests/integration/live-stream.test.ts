import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Contribution,
  ContributionInput,
  LiveCounts,
  LiveRemoval,
  LiveReset,
  Problem,
} from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { moderation, withdrawalKey } from '../support/public-site';
import { openStream, type SseClient, type SseEvent } from '../support/sse';

const supporterKey = () => createHash('sha256').update(randomBytes(32)).digest('hex');
const data = <T>(event: SseEvent) => JSON.parse(event.data) as T;
/** A reply to `parent`, on its page. */
const aReply = (parent: ContributionInput, body: string): ContributionInput => {
  const { commitmentId: _c, ...rest } = aContribution({ body });
  return { ...rest, kind: 'reply', parentId: parent.id, target: { ...parent.target, selectors: [] } };
};

forEachStorage((kind) => {
  describe('live updates (GET /v1/stream)', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    const open: SseClient[] = [];
    const stream = async (query: string, options: Parameters<typeof openStream>[1] = {}) => {
      const client = await openStream(`${platform.url}/v1/stream?${query}`, options);
      open.push(client);
      return client;
    };
    beforeAll(async () => {
      platform = await startPlatformOn(kind, {
        env: { VIGIE_MODERATION: 'pre', VIGIE_STREAM_HEARTBEAT_MS: '300' },
      });
      mod = moderation(platform, await platform.token('moderator', 'Modération'));
    });
    afterAll(async () => {
      for (const client of open) client.close();
      await platform?.dispose();
    });

    it('tells a commitment’s and a page’s streams each kind of public change, and nothing of other commitments', async () => {
      const page = `https://www.example.gouv.fr/direct-${randomBytes(4).toString('hex')}`;
      const target = { url: page, title: 'En direct', selectors: [] };
      const byCommitment = await stream('commitmentId=FR0090');
      const byPage = await stream(`url=${encodeURIComponent(page)}`);
      const elsewhere = await stream('commitmentId=FR0091');
      expect(byCommitment.status).toBe(200);
      expect(byCommitment.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(byCommitment.headers['cache-control']).toBe('no-store');
      expect(byCommitment.retry).toBeGreaterThan(0);

      const key = withdrawalKey();
      const item = aContribution({ commitmentId: 'FR0090', target, body: 'En direct.', withdrawalKeyHash: key.hash });
      await mod.submit(item);
      // Pending is not public: nothing is told until it is published.
      await mod.publish(item.id);
      for (const client of [byCommitment, byPage]) {
        const event = await client.waitFor((e) => e.event === 'contribution');
        expect(data<Contribution>(event)).toMatchObject({ id: item.id, body: 'En direct.', supportCount: 0 });
        expect(Number(event.id)).toBeGreaterThan(0);
      }

      await mod.publish(item.id, 'Merci, la page a été corrigée.');
      const answer = await byCommitment.waitFor((e) => e.event === 'answer');
      expect(data<Contribution>(answer).reply?.body).toBe('Merci, la page a été corrigée.');

      await send('POST', `${platform.url}/v1/contributions/${item.id}/support`, {
        body: { supporterKeyHash: supporterKey() },
      });
      const counts = await byPage.waitFor((e) => e.event === 'counts');
      expect(data<LiveCounts>(counts)).toEqual({ id: item.id, supportCount: 1, replyCount: 0 });

      const reply = aReply(item, 'Je confirme.');
      await mod.submit(reply);
      await mod.publish(reply.id);
      const replied = await byCommitment.waitFor((e) => e.event === 'contribution' && e.data.includes(reply.id));
      expect(data<Contribution>(replied)).toMatchObject({ kind: 'reply', parentId: item.id });
      await byCommitment.waitFor((e) => e.event === 'counts' && data<LiveCounts>(e).replyCount === 1);

      await mod.hide(reply.id);
      const hidden = await byPage.waitFor((e) => e.event === 'removed');
      expect(data<LiveRemoval>(hidden)).toEqual({ id: reply.id, parentId: item.id });

      await mod.withdraw(item.id, key.secret);
      const withdrawn = await byCommitment.waitFor((e) => e.event === 'removed' && data<LiveRemoval>(e).id === item.id);
      expect(withdrawn.data).not.toContain('En direct.');

      // Ids only grow, and the other commitment's stream heard none of it (only heartbeats).
      const ids = byCommitment.events.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(elsewhere.events).toEqual([]);
      expect(elsewhere.comments.length).toBeGreaterThan(0);
    });

    it('tells an organisation’s answer as it is given, in its latest version', async () => {
      const page = 'https://www.economie.gouv.fr/daj/direct';
      const ministry = await platform.token(
        'administration',
        'Ministère de l’Économie',
        '--domains',
        '*.economie.gouv.fr',
      );
      const client = await stream(`url=${encodeURIComponent(page)}`);
      const item = aContribution({ target: { url: page, title: 'Direct', selectors: [] } });
      await mod.submit(item);
      await mod.publish(item.id);
      await client.waitFor((e) => e.event === 'contribution');
      for (const body of ['Nous regardons.', 'Les données sont en ligne.']) {
        const answered = await send('POST', `${platform.url}/v1/contributions/${item.id}/answer`, {
          token: ministry,
          body: { body, status: body.startsWith('Nous') ? 'in-progress' : 'answered' },
        });
        expect(answered.status).toBeLessThan(300);
        const event = await client.waitFor((e) => e.event === 'answer' && e.data.includes(body));
        expect(data<Contribution>(event).answer).toMatchObject({ organisation: 'Ministère de l’Économie', body });
      }
    });

    it('gives a client coming back what it missed (Last-Event-ID or ?lastEventId=), once and in order', async () => {
      const first = await stream('commitmentId=FR0092');
      const a = aContribution({ commitmentId: 'FR0092', body: 'Avant la coupure.' });
      await mod.submit(a);
      await mod.publish(a.id);
      await first.waitFor((e) => e.event === 'contribution');
      await first.waitForComments(first.comments.length + 1);
      const lastSeen = first.lastEventId;
      first.close();

      const missed = [
        aContribution({ commitmentId: 'FR0092', body: 'Pendant 1.' }),
        aContribution({ commitmentId: 'FR0092', body: 'Pendant 2.' }),
      ];
      const other = aContribution({ commitmentId: 'FR0093', body: 'Ailleurs.' });
      await mod.submit(...missed, other);
      for (const item of [...missed, other]) await mod.publish(item.id);

      for (const resume of [{ headers: { 'last-event-id': lastSeen } }, { query: `&lastEventId=${lastSeen}` }]) {
        const back = await stream(
          `commitmentId=FR0092${'query' in resume ? resume.query : ''}`,
          'headers' in resume ? { headers: resume.headers } : {},
        );
        await back.waitForComments(2);
        expect(back.events.map((e) => data<Contribution>(e).body)).toEqual(['Pendant 1.', 'Pendant 2.']);
        expect(Number(back.events[0]!.id)).toBeGreaterThan(Number(lastSeen));
        back.close();
      }
    });

    it('says reset to a client from an unknown position, with an id to go on from', async () => {
      for (const id of ['999999999', 'pas-un-nombre']) {
        const client = await stream('commitmentId=FR0094', { headers: { 'last-event-id': id } });
        const reset = await client.waitFor((e) => e.event === 'reset');
        expect(data<LiveReset>(reset)).toEqual({ reason: 'unknown-position' });
        expect(Number(reset.id)).toBeLessThan(999999999);
        client.close();
      }
      const bad = await send('GET', `${platform.url}/v1/stream?commitmentId=FR0094&lastEventId=abc`);
      expect(bad.status).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.code).toBe('last-event-id.invalid');
      const unscoped = await send('GET', `${platform.url}/v1/stream`);
      expect(unscoped.status).toBe(400);
      expect(unscoped.json<Problem>().errors?.[0]?.code).toBe('filter.required');
    });

    it('keeps an idle stream open with heartbeats (comment lines) whose id moves the client forward', async () => {
      const quiet = await stream('commitmentId=FR0095');
      await expect
        .poll(() => quiet.comments.filter((c) => c === 'heartbeat').length, { timeout: 5000 })
        .toBeGreaterThanOrEqual(3);
      expect(new Set(quiet.comments)).toEqual(new Set(['vigie live', 'heartbeat']));
      // Events elsewhere move the quiet client's Last-Event-ID without telling it anything.
      const elsewhere = aContribution({ commitmentId: 'FR0096' });
      await mod.submit(elsewhere);
      await mod.publish(elsewhere.id);
      await expect.poll(() => Number(quiet.lastEventId), { timeout: 5000 }).toBeGreaterThan(0);
      expect(quiet.events).toEqual([]);
    });

    it('answers any origin (public reads)', async () => {
      const client = await stream('commitmentId=FR0097', { headers: { origin: 'https://www.ministere.gouv.fr' } });
      expect(client.headers['access-control-allow-origin']).toBe('*');
      const preflight = await send('OPTIONS', `${platform.url}/v1/stream?commitmentId=FR0097`, {
        headers: {
          origin: 'https://www.ministere.gouv.fr',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'last-event-id',
        },
      });
      expect(preflight.headers['access-control-allow-headers']).toContain('Last-Event-ID');
    });
  });

  describe('live updates: bounds, a short log, and stopping', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, {
        env: {
          VIGIE_MODERATION: 'pre',
          VIGIE_STREAMS: '3',
          VIGIE_STREAMS_PER_NETWORK: '2',
          VIGIE_EVENT_LOG_SIZE: '5',
          VIGIE_STREAM_HEARTBEAT_MS: '300',
        },
      });
      mod = moderation(platform, await platform.token('moderator', 'Modération'));
    });
    afterAll(() => platform?.dispose());

    const at = (from: string) => openStream(`${platform.url}/v1/stream?commitmentId=FR0098`, { from });

    it('holds so many streams per network and in all, and says why beyond (429, 503), freeing a place when one closes', async () => {
      const [a, b] = [await at('127.0.60.1'), await at('127.0.60.2')];
      expect([a.status, b.status]).toEqual([200, 200]);
      const third = await at('127.0.60.3');
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toBe('30');
      expect(JSON.parse(third.text)).toMatchObject({
        status: 429,
        detail:
          'Trop de flux en direct sont ouverts depuis votre réseau (2) : fermez des onglets, ou réessayez dans 30 s.',
      });
      const c = await at('127.0.61.1');
      expect(c.status).toBe(200);
      const full = await at('127.0.62.1');
      expect(full.status).toBe(503);
      expect(JSON.parse(full.text)).toMatchObject({
        status: 503,
        detail: 'La plateforme sert déjà tous les flux en direct qu’elle peut : réessayez dans 30 s.',
      });
      a.close();
      await expect
        .poll(async () => {
          const next = await at('127.0.62.1');
          next.close();
          return next.status;
        })
        .toBe(200);
      for (const client of [b, c]) client.close();
    });

    it('tells a client too far behind the short log to reload (reset), then goes on', async () => {
      const first = await at('127.0.63.1');
      await first.waitForComments(1);
      const lastSeen = first.lastEventId;
      first.close();
      const items = Array.from({ length: 7 }, (_, n) => aContribution({ commitmentId: 'FR0098', body: `Flot ${n}` }));
      await mod.submit(...items);
      for (const item of items) await mod.publish(item.id);
      // The log keeps 5 events: those the client missed are gone from it.
      await expect
        .poll(async () => Number((await platform.rows('SELECT count(*) AS n FROM events'))[0]!.n), { timeout: 8000 })
        .toBeLessThanOrEqual(5);
      const back = await openStream(`${platform.url}/v1/stream?commitmentId=FR0098`, {
        headers: { 'last-event-id': lastSeen },
        from: '127.0.63.1',
      });
      const reset = await back.waitFor((e) => e.event === 'reset');
      expect(data<LiveReset>(reset)).toEqual({ reason: 'too-far-behind' });
      expect(back.events).toHaveLength(1);
      const late = aContribution({ commitmentId: 'FR0098', body: 'Après la remise à zéro.' });
      await mod.submit(late);
      await mod.publish(late.id);
      const next = await back.waitFor((e) => e.event === 'contribution');
      expect(Number(next.id)).toBeGreaterThan(Number(reset.id));
      back.close();
    });

    it('ends its streams first when told to stop, so it stops at once and cuts nothing', async () => {
      const clients = [await at('127.0.64.1'), await at('127.0.65.1')];
      await Promise.all(clients.map((client) => client.waitForComments(1)));
      const asked = Date.now();
      process.kill(platform.pid, 'SIGTERM');
      await Promise.all(clients.map((client) => client.ended));
      expect(await platform.exited()).toEqual({ code: 0, signal: null });
      expect(Date.now() - asked).toBeLessThan(5000);
      expect(platform.output()).not.toContain('were cut');
    });
  });
});
