import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionPage, Problem, SupportState } from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { moderation, withdrawalKey } from '../support/public-site';

/** What a device does for "Moi aussi": make a secret once, send its SHA-256. */
function supporterKey(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

forEachStorage((kind) => {
  describe('"Moi aussi"', () => {
    let platform: StoragePlatform;
    let mod: ReturnType<typeof moderation>;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      mod = moderation(platform, await platform.token('moderator', 'Modération'));
    });
    afterAll(() => platform?.dispose());

    const support = (id: string, key: string, method: 'POST' | 'DELETE' = 'POST', from?: string) =>
      send(method, `${platform.url}/v1/contributions/${id}/support`, { body: { supporterKeyHash: key }, from });
    const published = async (overrides: Parameters<typeof aContribution>[0] = {}) => {
      const [item] = await mod.submit(aContribution(overrides));
      await mod.publish(item!.id);
      return item!;
    };

    it('counts a device once however often it asks, and takes it back as often', async () => {
      const item = await published();
      const alice = supporterKey();
      const bob = supporterKey();

      const first = await support(item.id, alice);
      expect(first.status).toBe(201);
      expect(first.json<SupportState>()).toEqual({ id: item.id, supportCount: 1, supported: true });
      // A retry (a lost answer, a double click) changes nothing and says so with 200.
      const again = await support(item.id, alice);
      expect(again.status).toBe(200);
      expect(again.json<SupportState>()).toEqual({ id: item.id, supportCount: 1, supported: true });
      expect((await support(item.id, bob)).json<SupportState>().supportCount).toBe(2);

      const one = await send('GET', `${platform.url}/v1/contributions/${item.id}`);
      expect(one.json<{ supportCount: number }>().supportCount).toBe(2);

      const back = await support(item.id, alice, 'DELETE');
      expect(back.status).toBe(200);
      expect(back.json<SupportState>()).toEqual({ id: item.id, supportCount: 1, supported: false });
      const backAgain = await support(item.id, alice, 'DELETE');
      expect(backAgain.json<SupportState>()).toEqual({ id: item.id, supportCount: 1, supported: false });
      // Given again after taking it back, it counts again.
      expect((await support(item.id, alice)).json<SupportState>().supportCount).toBe(2);
    });

    it('stores neither the key as sent nor anything of the address, and one key on two contributions cannot be linked', async () => {
      const [a, b] = [await published(), await published()];
      const key = supporterKey();
      await support(a.id, key, 'POST', '127.0.33.7');
      await support(b.id, key, 'POST', '127.0.33.7');
      const rows = await platform.rows(
        'SELECT contribution_id, supporter_hash, created_at FROM supports WHERE contribution_id IN (?, ?)',
        [a.id, b.id],
      );
      expect(rows).toHaveLength(2);
      const stored = rows.map((r) => String(r.supporter_hash));
      expect(stored[0]).not.toBe(stored[1]);
      for (const value of stored) {
        expect(value).not.toContain(key);
        expect(value).not.toContain('127.0.33');
      }
      expect(Object.keys(rows[0]!).sort()).toEqual(['contribution_id', 'created_at', 'supporter_hash']);
    });

    it('is for published contributions only: 404 otherwise, 422 for a key that is not a SHA-256, 400 for a bad id', async () => {
      const [pending, hidden] = await mod.submit(aContribution(), aContribution());
      await mod.hide(hidden!.id);
      for (const id of [pending!.id, hidden!.id, crypto.randomUUID()]) {
        const answer = await support(id, supporterKey());
        expect(answer.status, id).toBe(404);
        expect(answer.json<Problem>().detail).toBe("Cette contribution n'existe pas ou n'est pas publiée.");
        expect((await support(id, supporterKey(), 'DELETE')).status).toBe(404);
      }
      const item = await published();
      const bad = await support(item.id, 'le secret lui-même');
      expect(bad.status).toBe(422);
      expect(bad.json<Problem>().errors).toEqual([
        {
          pointer: '/supporterKeyHash',
          code: 'supporter-key.format',
          detail: 'La clé de soutien doit être une empreinte SHA-256 (64 caractères hexadécimaux).',
        },
      ]);
      expect((await support('pas-un-uuid', supporterKey())).status).toBe(400);
      // A reply whose parent left public view cannot be supported either.
      const reply = aContribution({
        kind: 'reply',
        parentId: item.id,
        commitmentId: undefined,
        target: { ...item.target, selectors: [] },
      });
      await mod.submit(reply);
      await mod.publish(reply.id);
      expect((await support(reply.id, supporterKey())).status).toBe(201);
      await mod.hide(item.id);
      expect((await support(reply.id, supporterKey())).status).toBe(404);
    });

    it('lists the most supported first when asked, paging with the cursor', async () => {
      const page = `https://www.example.gouv.fr/soutiens-${randomBytes(4).toString('hex')}`;
      const items = [];
      for (const n of [0, 3, 1, 2]) {
        const item = await published({
          target: { url: page, title: 'Soutiens', selectors: [] },
          body: `${n} soutiens`,
        });
        for (let i = 0; i < n; i++) await support(item.id, supporterKey());
        items.push(item);
      }
      const first = await send(
        'GET',
        `${platform.url}/v1/contributions?url=${encodeURIComponent(page)}&sort=support&limit=3`,
      );
      const body = first.json<ContributionPage>();
      expect(body.items.map((c) => c.supportCount)).toEqual([3, 2, 1]);
      const rest = await send(
        'GET',
        `${platform.url}/v1/contributions?url=${encodeURIComponent(page)}&sort=support&limit=3&cursor=${body.nextCursor}`,
      );
      expect(rest.json<ContributionPage>()).toMatchObject({ items: [{ body: '0 soutiens' }], nextCursor: null });
      // A cursor of the other order is refused with a sentence, not misread.
      const newest = await send('GET', `${platform.url}/v1/contributions?url=${encodeURIComponent(page)}&limit=1`);
      const wrong = await send(
        'GET',
        `${platform.url}/v1/contributions?url=${encodeURIComponent(page)}&sort=support&cursor=${newest.json<ContributionPage>().nextCursor}`,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.json<Problem>().errors?.[0]?.code).toBe('cursor.invalid');
      const unknown = await send('GET', `${platform.url}/v1/contributions?url=${encodeURIComponent(page)}&sort=hasard`);
      expect(unknown.json<Problem>().errors?.[0]).toMatchObject({ pointer: '/sort', code: 'sort.unknown' });
    });

    it('goes with a withdrawn contribution: erasure deletes its supports', async () => {
      const key = withdrawalKey();
      const item = await published({ withdrawalKeyHash: key.hash });
      await support(item.id, supporterKey());
      await support(item.id, supporterKey());
      expect(await platform.rows('SELECT count(*) AS n FROM supports WHERE contribution_id = ?', [item.id])).toEqual([
        { n: kind === 'postgres' ? '2' : 2 },
      ]);
      await mod.withdraw(item.id, key.secret);
      expect(await platform.rows('SELECT * FROM supports WHERE contribution_id = ?', [item.id])).toEqual([]);
    });

    it('answers the preflight of a site taking a support back (DELETE)', async () => {
      const item = await published();
      const preflight = await send('OPTIONS', `${platform.url}/v1/contributions/${item.id}/support`, {
        headers: {
          origin: 'https://www.ministere.gouv.fr',
          'access-control-request-method': 'DELETE',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-allow-methods']).toBe('DELETE');
    });
  });

  describe('"Moi aussi" per network', () => {
    let platform: StoragePlatform;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, {
        env: { VIGIE_MODERATION: 'post', VIGIE_SUPPORT_RATE_LIMIT: '3/min', VIGIE_RATE_LIMIT: '60/min' },
      });
    });
    afterAll(() => platform?.dispose());

    it('bounds one network however many keys and addresses it uses, and leaves other networks alone', async () => {
      const item = aContribution();
      await send('POST', `${platform.url}/v1/contributions:batch`, { body: { items: [item] }, from: '127.0.34.200' });
      const support = (from: string) =>
        send('POST', `${platform.url}/v1/contributions/${item.id}/support`, {
          body: { supporterKeyHash: supporterKey() },
          from,
        });
      // Three addresses of one /24, a new key each time: the per-address limit never sees a second write.
      for (const from of ['127.0.35.1', '127.0.35.2', '127.0.35.3']) expect((await support(from)).status).toBe(201);
      const refused = await support('127.0.35.4');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json<Problem>().detail).toMatch(/^Trop de soutiens depuis votre réseau : réessayez dans \d+ s\./);
      expect((await support('127.0.36.1')).status).toBe(201);
    });
  });
});
