import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../api-client/contract';
import { aContribution } from '../support/contributions';
import { send, type Answer } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

function expectProblem(answer: Answer, status: number): Problem {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  const problem = Problem.parse(answer.json());
  expect(problem.status).toBe(status);
  expect(problem.detail).toMatch(/\S/);
  return problem;
}

const campaign = (id: string) => ({
  id,
  title: 'Marchés publics',
  question: 'Les données des marchés publics sont-elles publiées ?',
  targets: { commitmentIds: ['FR0067'], urlPatterns: [] },
  opensAt: '2020-01-01T00:00:00.000Z',
  closesAt: '2099-01-01T00:00:00.000Z',
});

forEachStorage((kind) => {
  describe('API tokens', () => {
    let platform: StoragePlatform;
    const tokens = { admin: '', moderator: '', ngo: '', administration: '' };
    beforeAll(async () => {
      platform = await startPlatformOn(kind);
      [tokens.admin, tokens.moderator, tokens.ngo, tokens.administration] = await Promise.all([
        platform.token('admin', 'DITP'),
        platform.token('moderator', 'Équipe de modération'),
        platform.token('ngo', 'Regards Citoyens'),
        platform.token('administration', 'Ministère de l’Économie', '--domains', '*.economie.gouv.fr'),
      ]);
    });
    afterAll(() => platform?.dispose());

    it('are printed once by the CLI, listed without their secret, and stored only as a hash', async () => {
      const listed = await platform.cli(['token', 'list']);
      expect(listed).toContain('Regards Citoyens');
      expect(listed).toMatch(/\bngo\b/);
      for (const token of Object.values(tokens)) expect(listed).not.toContain(token);
      const rows = await platform.rows('SELECT token_hash FROM api_tokens');
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(Object.values(tokens)).not.toContain(row.token_hash);
      }
    });

    it('say who holds them', async () => {
      const answer = await send('GET', `${platform.url}/v1/me`, { token: tokens.ngo });
      expect(answer.json()).toEqual({ name: 'Regards Citoyens', role: 'ngo' });
    });

    it('missing or wrong: 401 problem+json with WWW-Authenticate', async () => {
      const missing = await send('GET', `${platform.url}/v1/me`);
      expectProblem(missing, 401);
      expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await send('GET', `${platform.url}/v1/me`, { token: 'vigie_' + 'x'.repeat(43) });
      expect(expectProblem(wrong, 401).detail).toBe("Ce jeton d'accès n'est pas reconnu ou a été révoqué.");
      expect(wrong.headers['www-authenticate']).toContain('invalid_token');
      const garbage = await send('GET', `${platform.url}/v1/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      expectProblem(garbage, 401);
    });

    it('each route lets in exactly the roles it should (401 without a token, 403 with another role)', async () => {
      const id = crypto.randomUUID();
      const routes: Array<{ method: string; path: string; body?: unknown; allowed: Array<keyof typeof tokens> }> = [
        { method: 'GET', path: '/v1/me', allowed: ['admin', 'moderator', 'ngo', 'administration'] },
        { method: 'GET', path: '/v1/moderation/queue', allowed: ['admin', 'moderator', 'administration'] },
        {
          method: 'POST',
          path: `/v1/moderation/contributions/${id}/decision`,
          body: { decision: 'publish' },
          allowed: ['admin', 'moderator', 'administration'],
        },
        { method: 'GET', path: '/v1/me/campaigns', allowed: ['admin', 'ngo'] },
        { method: 'POST', path: '/v1/campaigns', body: campaign('x-roles'), allowed: ['admin', 'ngo'] },
        { method: 'PATCH', path: '/v1/campaigns/nope-campaign', body: { title: 'T' }, allowed: ['admin', 'ngo'] },
        { method: 'POST', path: '/v1/campaigns/nope-campaign/close', allowed: ['admin', 'ngo'] },
        { method: 'POST', path: '/v1/campaigns/nope-campaign/approve', allowed: ['admin'] },
        { method: 'GET', path: '/v1/exports/contributions', allowed: ['admin', 'moderator', 'ngo', 'administration'] },
        {
          method: 'POST',
          path: `/v1/contributions/${id}/answer`,
          body: { body: 'Réponse.', status: 'answered' },
          allowed: ['administration'],
        },
        { method: 'GET', path: `/v1/contributions/${id}/answers`, allowed: ['admin', 'administration'] },
        {
          method: 'PUT',
          path: '/v1/commitments/FR0099',
          body: { title: { fr: 'Essai' }, leadInstitution: { fr: 'DITP' }, plan: '2021-2023' },
          allowed: ['admin'],
        },
      ];
      for (const route of routes) {
        const url = platform.url + route.path;
        const anonymous = await send(route.method, url, { body: route.body });
        expect(anonymous.status, `${route.method} ${route.path} without a token`).toBe(401);
        for (const role of ['admin', 'moderator', 'ngo', 'administration'] as const) {
          const answer = await send(route.method, url, { token: tokens[role], body: route.body });
          const label = `${route.method} ${route.path} as ${role}: ${answer.text.slice(0, 200)}`;
          if (route.allowed.includes(role)) expect([200, 201, 404, 409], label).toContain(answer.status);
          else {
            expect(answer.status, label).toBe(403);
            expect(answer.headers['content-type']).toBe('application/problem+json');
          }
        }
      }
    });

    it('revoked by the CLI, open nothing any more', async () => {
      const token = await platform.token('moderator', 'Stagiaire');
      expect((await send('GET', `${platform.url}/v1/moderation/queue`, { token })).status).toBe(200);
      const id = /^(\w+)\s+moderator\s+\S+\s+active\s+Stagiaire$/m.exec(await platform.cli(['token', 'list']))?.[1];
      expect(id).toBeDefined();
      expect(await platform.cli(['token', 'revoke', id!])).toContain('revoked');
      expectProblem(await send('GET', `${platform.url}/v1/moderation/queue`, { token }), 401);
      expect(await platform.cli(['token', 'list'])).toMatch(new RegExp(`^${id}\\s+moderator\\s+\\S+\\s+revoked`, 'm'));
    });

    it('the CLI refuses an unknown role with a sentence', async () => {
      await expect(platform.cli(['token', 'create', '--role', 'root', '--name', 'x'])).rejects.toHaveProperty(
        'stderr',
        expect.stringContaining('--role must be one of admin, moderator, ngo, administration'),
      );
    });
  });

  describe('rate limits on public writes', () => {
    let platform: StoragePlatform;
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_RATE_LIMIT: '3/min', VIGIE_MODERATION: 'post' } });
    });
    afterAll(() => platform?.dispose());

    it('answer 429 with Retry-After once a client has used its writes, per client address', async () => {
      const batch = `${platform.url}/v1/contributions:batch`;
      for (let i = 0; i < 3; i++) {
        expect((await send('POST', batch, { body: { items: [aContribution()] }, from: '127.0.0.5' })).status).toBe(200);
      }
      const limited = await send('POST', batch, { body: { items: [aContribution()] }, from: '127.0.0.5' });
      const problem = expectProblem(limited, 429);
      expect(problem.type).toBe('/problems/rate-limited');
      const wait = Number(limited.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      // Reports and withdrawals are writes too, counted with the rest.
      const report = await send('POST', `${platform.url}/v1/contributions/${crypto.randomUUID()}/reports`, {
        body: { reason: 'spam' },
        from: '127.0.0.5',
      });
      expectProblem(report, 429);
      // Another client is not held back, and reads are never limited.
      expect((await send('POST', batch, { body: { items: [aContribution()] }, from: '127.0.0.6' })).status).toBe(200);
      expect((await send('GET', `${platform.url}/v1/commitments`, { from: '127.0.0.5' })).status).toBe(200);
    });

    it('never keep an address, only its salted hash', async () => {
      const url = `https://www.example.gouv.fr/signalement/${crypto.randomUUID()}`;
      const item = aContribution({ target: { url, title: 'x', selectors: [] } });
      await send('POST', `${platform.url}/v1/contributions:batch`, { body: { items: [item] }, from: '127.0.0.7' });
      await send('POST', `${platform.url}/v1/contributions/${item.id}/reports`, {
        body: { reason: 'spam' },
        from: '127.0.0.7',
      });
      const [report] = await platform.rows('SELECT reporter_hash FROM reports WHERE contribution_id = ?', [item.id]);
      expect(report!.reporter_hash).toMatch(/^[\w-]{43}$/);
      expect(String(report!.reporter_hash)).not.toContain('127.0.0.7');
    });
  });

  describe('CORS', () => {
    let platform: StoragePlatform;
    const allowed = 'https://www.exemple.gouv.fr';
    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_CORS_ORIGINS: allowed } });
    });
    afterAll(() => platform?.dispose());

    const preflight = (path: string, origin: string, method = 'POST') =>
      send('OPTIONS', platform.url + path, {
        headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
      });

    it('lets any site read public data', async () => {
      const answer = await send('GET', `${platform.url}/v1/commitments`, {
        headers: { origin: 'https://ailleurs.example' },
      });
      expect(answer.headers['access-control-allow-origin']).toBe('*');
    });

    it('lets only the listed embedding sites write', async () => {
      const ok = await preflight('/v1/contributions:batch', allowed);
      expect(ok.headers['access-control-allow-origin']).toBe(allowed);
      const refused = await preflight('/v1/contributions:batch', 'https://ailleurs.example');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const sent = await send('POST', `${platform.url}/v1/contributions:batch`, {
        body: { items: [aContribution()] },
        headers: { origin: 'https://ailleurs.example' },
      });
      expectProblem(sent, 403);
      const accepted = await send('POST', `${platform.url}/v1/contributions:batch`, {
        body: { items: [aContribution()] },
        headers: { origin: allowed },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.headers['access-control-allow-origin']).toBe(allowed);
    });

    it('gives routes behind a token to no other site', async () => {
      for (const [path, method] of [
        ['/v1/moderation/queue', 'GET'],
        ['/v1/exports/contributions', 'GET'],
        ['/v1/campaigns', 'POST'],
        [`/v1/contributions/${crypto.randomUUID()}/answer`, 'POST'],
        [`/v1/contributions/${crypto.randomUUID()}/answers`, 'GET'],
        ['/v1/commitments/FR0067', 'PUT'],
      ] as const) {
        const answer = await preflight(path, allowed, method);
        expect(answer.headers['access-control-allow-origin'], path).toBeUndefined();
      }
    });
  });
});
