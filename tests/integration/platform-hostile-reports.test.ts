import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModerationQueue } from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

// Reports count networks, not addresses; they send a text to the top of the queue, and
// take it out of view only from enough distinct networks; a website cannot make its
// visitors file them. The secret behind reporters' hashes is never in the data.

const onPage = (body = 'Un texte publié') =>
  aContribution({
    body,
    target: { url: `https://www.example.gouv.fr/r/${crypto.randomUUID()}`, title: 'x', selectors: [] },
  });

forEachStorage((kind) => {
  describe('reports', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    let moderator: string;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, {
        env: { VIGIE_MODERATION: 'pre', VIGIE_ADDRESS_SECRET: 'un secret d’opérateur assez long' },
      });
      client = createVigieClient({ baseUrl: platform.url });
      moderator = await platform.token('moderator', 'Modération');
    });
    afterAll(() => platform?.dispose());

    const report = (id: string, from: string, headers: Record<string, string> = {}) =>
      send('POST', `${platform.url}/v1/contributions/${id}/reports`, { body: { reason: 'offensive' }, from, headers });
    const publish = (id: string) =>
      send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, {
        token: moderator,
        body: { decision: 'publish' },
      });
    const queue = async () =>
      ModerationQueue.parse((await send('GET', `${platform.url}/v1/moderation/queue`, { token: moderator })).json());
    const isPublic = async (id: string) => (await send('GET', `${platform.url}/v1/contributions/${id}`)).status === 200;

    it('count one network once, go to the top of the queue at once, and take a text down from 3 networks', async () => {
      const waiting = onPage('En attente depuis longtemps');
      await client.submitBatch([waiting]);
      const item = onPage();
      await client.submitBatch([item]);
      await publish(item.id);

      // Three addresses of one /24 are one network.
      for (const from of ['127.0.3.1', '127.0.3.2', '127.0.3.3'])
        expect((await report(item.id, from)).status).toBe(204);
      expect(await isPublic(item.id)).toBe(true);
      const first = (await queue()).items[0];
      expect(first?.contribution.id).toBe(item.id); // reported first, before older pending ones
      expect(first?.contribution.status).toBe('published');
      expect(first?.reports.count).toBe(1);
      expect((await queue()).items.map((i) => i.contribution.id)).toContain(waiting.id);
      // Page by page, the order holds: the reported one first, each once.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/moderation/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page = ModerationQueue.parse((await send('GET', platform.url + path, { token: moderator })).json());
        seen.push(...page.items.map((i) => i.contribution.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen[0]).toBe(item.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain(waiting.id);

      expect((await report(item.id, '127.0.4.1')).status).toBe(204);
      expect(await isPublic(item.id)).toBe(true);
      expect((await report(item.id, '127.0.5.1')).status).toBe(204);
      expect(await isPublic(item.id)).toBe(false);
      expect((await queue()).items[0]).toMatchObject({
        contribution: { id: item.id, status: 'pending' },
        reports: { count: 3 },
      });

      // Reviewed and published again, it leaves the top of the queue.
      await publish(item.id);
      expect((await queue()).items.map((i) => i.contribution.id)).not.toContain(item.id);
    });

    it('keep no secret in the data: reporters are hashed with the operator’s secret', async () => {
      const item = onPage();
      await client.submitBatch([item]);
      await publish(item.id);
      await report(item.id, '127.0.6.1');
      const settings = await platform.rows('SELECT key FROM settings');
      expect(settings.map((r) => r.key)).not.toContain('address-salt');
      const [row] = await platform.rows('SELECT reporter_hash FROM reports WHERE contribution_id = ?', [item.id]);
      expect(String(row!.reporter_hash)).toMatch(/^[\w-]{43}$/);
      expect(String(row!.reporter_hash)).not.toContain('127.0.6');
    });

    it('from a browser, come only from the configured sites and the extension', async () => {
      const item = onPage();
      await client.submitBatch([item]);
      await publish(item.id);
      // VIGIE_CORS_ORIGINS is * here: it lets any site send contributions, never reports.
      const evil = await report(item.id, '127.0.7.1', { origin: 'https://forum.example' });
      expect(evil.status).toBe(403);
      const preflight = await send('OPTIONS', `${platform.url}/v1/contributions/${item.id}/reports`, {
        headers: { origin: 'https://forum.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      for (const origin of [
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      ]) {
        const answer = await report(item.id, '127.0.8.1', { origin });
        expect(answer.status, origin).toBe(204);
        expect(answer.headers['access-control-allow-origin']).toBe(origin);
      }
      expect((await report(item.id, '127.0.8.2')).status).toBe(204); // no Origin: not a browser page
    });
  });

  describe('reports with a list of embedding sites', () => {
    let platform: StoragePlatform;
    const site = 'https://www.exemple.gouv.fr';
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post', VIGIE_CORS_ORIGINS: site } });
    });
    afterAll(() => platform?.dispose());

    it('come from those sites and the extension, and contributions from the extension too', async () => {
      const item = onPage();
      const sent = await send('POST', `${platform.url}/v1/contributions:batch`, {
        body: { items: [item] },
        headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      });
      expect(sent.status).toBe(200);
      const report = (origin: string) =>
        send('POST', `${platform.url}/v1/contributions/${item.id}/reports`, {
          body: { reason: 'spam' },
          headers: { origin },
        });
      expect((await report(site)).status).toBe(204);
      expect((await report('https://ailleurs.example')).status).toBe(403);
    });
  });
});
