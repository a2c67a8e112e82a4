import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

const onPage = (url: string) => ({ url, title: 'Une page', selectors: [] });

forEachStorage((kind) => {
  describe('the dashboard', () => {
    let platform: StoragePlatform;
    const tokens = { admin: '', ministry: '', ngo: '' };
    const items = [
      aContribution({
        commitmentId: 'FR0067',
        kind: 'gap',
        gapType: 'outdated',
        target: onPage('https://www.economie.gouv.fr/a'),
      }),
      aContribution({ commitmentId: 'FR0067', kind: 'gap', gapType: 'outdated' }),
      aContribution({ commitmentId: 'FR0054', kind: 'gap', gapType: 'no-contact' }),
      aContribution({ commitmentId: 'FR0054', target: onPage('https://www.economie.gouv.fr/b') }),
      aContribution({ commitmentId: 'FR0067' }),
    ];
    const dashboard = async (token: string, query = '') => {
      const answer = await send('GET', `${platform.url}/v1/dashboard${query}`, { token });
      expect(answer.status, answer.text).toBe(200);
      return Dashboard.parse(answer.json());
    };

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      [tokens.admin, tokens.ministry, tokens.ngo] = await Promise.all([
        platform.token('admin', 'DITP'),
        platform.token('administration', 'Ministère de l’Économie', '--domains', '*.economie.gouv.fr'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
      await createVigieClient({ baseUrl: platform.url }).submitBatch(items);
      // One answered by the Ministry, one by a moderator's reply; one rejected.
      await send('POST', `${platform.url}/v1/contributions/${items[0]!.id}/answer`, {
        token: tokens.ministry,
        body: { body: 'Corrigé.', status: 'answered' },
      });
      await send('POST', `${platform.url}/v1/moderation/contributions/${items[1]!.id}/decision`, {
        token: tokens.admin,
        body: { decision: 'publish', reply: 'Transmis au ministère.' },
      });
      await send('POST', `${platform.url}/v1/moderation/contributions/${items[2]!.id}/decision`, {
        token: tokens.admin,
        body: { decision: 'reject', reason: 'spam' },
      });
    });
    afterAll(() => platform?.dispose());

    it('counts per day, per commitment, per gap type, with the median time to answer and the pending age', async () => {
      const before = Date.now();
      const d = await dashboard(tokens.admin);
      expect(d.scope).toBe('platform');
      expect(d.byStatus).toEqual({ pending: 3, published: 1, hidden: 0, rejected: 1 });
      // Every day of the last 30, today last with all five.
      expect(d.perDay).toHaveLength(30);
      expect(d.perDay.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), count: 5 });
      expect(d.perDay.slice(0, -1).every((day) => day.count === 0)).toBe(true);
      expect(d.perCommitment).toEqual([
        { commitmentId: 'FR0067', count: 3 },
        { commitmentId: 'FR0054', count: 2 },
      ]);
      expect(d.perGapType.sort((a, b) => a.gapType.localeCompare(b.gapType))).toEqual([
        { gapType: 'no-contact', count: 1 },
        { gapType: 'outdated', count: 2 },
      ]);
      expect(d.answers.answered).toBe(2);
      expect(d.answers.medianSeconds).toBeGreaterThanOrEqual(0);
      expect(d.answers.medianSeconds).toBeLessThan(600);
      expect(d.pendingAge.buckets).toEqual([
        { bucket: 'under-1-day', count: 3 },
        { bucket: '1-to-7-days', count: 0 },
        { bucket: '7-to-30-days', count: 0 },
        { bucket: 'over-30-days', count: 0 },
      ]);
      expect(Date.parse(d.pendingAge.oldest!)).toBeLessThanOrEqual(before);
      expect(d.pendingAge.medianSeconds).toBeGreaterThanOrEqual(0);
      expect((await dashboard(tokens.admin, '?days=7')).perDay).toHaveLength(7);
    });

    it('an organisation sees its own scope only; an ngo none; a bad period is refused', async () => {
      const d = await dashboard(tokens.ministry);
      expect(d.scope).toBe('organisation');
      expect(d.byStatus).toEqual({ pending: 2, published: 0, hidden: 0, rejected: 0 });
      expect(d.perCommitment.sort((a, b) => String(a.commitmentId).localeCompare(String(b.commitmentId)))).toEqual([
        { commitmentId: 'FR0054', count: 1 },
        { commitmentId: 'FR0067', count: 1 },
      ]);
      expect(d.answers.answered).toBe(1);
      expect((await send('GET', `${platform.url}/v1/dashboard`, { token: tokens.ngo })).status).toBe(403);
      for (const days of ['3', '400', 'x']) {
        expect((await send('GET', `${platform.url}/v1/dashboard?days=${days}`, { token: tokens.admin })).status).toBe(
          400,
        );
      }
    });
  });
});
