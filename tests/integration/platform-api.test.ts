import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchResponse, Problem, type ContributionInput } from '../../api-client/contract';
import { createVigieClient, VigieHttpError, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

/** The parts of the OpenAPI document the test reads (it checks them). */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: {
    schemas: Record<
      string,
      {
        properties: Record<
          string,
          { maxLength?: number; format?: string; description?: string; enum?: string[]; $ref?: string }
        >;
      }
    >;
  };
}

forEachStorage((kind) => {
  let platform: StoragePlatform;
  let client: VigieClient;

  beforeAll(async () => {
    platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre', VIGIE_MAX_BODY_BYTES: '65536' } });
    client = createVigieClient({ baseUrl: platform.url });
  });
  afterAll(async () => {
    await platform?.dispose();
  });

  /** A raw request, for what the typed client would never send. */
  async function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const response = await fetch(`${platform.url}/v1/contributions:batch`, { method: 'POST', body, headers });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text,
      json: () => JSON.parse(text) as unknown,
    };
  }

  async function expectProblem(pending: ReturnType<typeof post>, status: number, pointer?: string): Promise<Problem> {
    const answer = await pending;
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    const problem = Problem.parse(answer.json());
    expect(problem.status).toBe(status);
    expect(problem.detail).toMatch(/\S/);
    expect(answer.text).not.toMatch(/\bat \S+:\d+:\d+/); // no stack frames, ever
    if (pointer) expect(problem.errors?.map((e) => e.pointer)).toContain(pointer);
    return problem;
  }

  describe('the batch endpoint', () => {
    it('creates a new contribution, pending until moderated, stamped with the server clock', async () => {
      const input = aContribution({ createdAt: '2001-01-01T00:00:00.000Z' });
      const before = Date.now();
      const [result] = await client.submitBatch([input]);
      expect(result).toMatchObject({ id: input.id, outcome: 'created', contribution: { status: 'pending' } });
      const receivedAt = Date.parse(result!.contribution!.receivedAt);
      expect(receivedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(receivedAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect(result!.contribution!.createdAt).toBe('2001-01-01T00:00:00.000Z');
      // Pending is not public: the author's device learns its status with its secret.
      await expect(client.getContribution(input.id)).rejects.toMatchObject({ status: 404 });
    });

    it('treats the same id with the same content as a duplicate, stored once', async () => {
      const input = aContribution();
      const [first] = await client.submitBatch([input]);
      // Key order and surrounding spaces do not make it another contribution.
      const reordered = JSON.parse(JSON.stringify({ ...input, body: ` ${input.body} ` })) as ContributionInput;
      const [again] = await client.submitBatch([reordered]);
      expect(again).toEqual({ id: input.id, outcome: 'duplicate', contribution: first!.contribution });
    });

    it('treats the same id with other content as a conflict, keeping the first', async () => {
      const input = aContribution();
      await client.submitBatch([input]);
      const [result] = await client.submitBatch([{ ...input, body: 'Un tout autre texte.' }]);
      expect(result).toMatchObject({ id: input.id, outcome: 'conflict', problem: { status: 409 } });
      expect(result!.contribution).toBeUndefined();
      expect(await platform.rows('SELECT body FROM contributions WHERE id = ?', [input.id])).toEqual([
        { body: input.body },
      ]);
    });

    it('answers a mixed batch item by item, in order, one bad item sinking nothing', async () => {
      const stored = aContribution();
      await client.submitBatch([stored]);
      const fresh = aContribution();
      const gap = aContribution({ kind: 'gap', gapType: 'missing-data' });
      const invalid = { ...aContribution(), body: '   ' };
      const repeatedInBatch = aContribution();
      const results = await client.submitBatch([
        fresh,
        invalid,
        stored,
        { ...stored, body: 'autre' },
        gap,
        repeatedInBatch,
        repeatedInBatch,
      ]);
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        [fresh.id, 'created'],
        [invalid.id, 'invalid'],
        [stored.id, 'duplicate'],
        [stored.id, 'conflict'],
        [gap.id, 'created'],
        [repeatedInBatch.id, 'created'],
        [repeatedInBatch.id, 'duplicate'],
      ]);
      expect(results[1]!.problem).toMatchObject({
        status: 422,
        detail: 'Le texte est vide.',
        errors: [{ pointer: '/items/1/body', code: 'body.empty' }],
      });
    });

    it('reports an item without a usable id with a null id', async () => {
      const answer = await post(JSON.stringify({ items: [{ kind: 'comment' }, 'texte', aContribution()] }));
      expect(answer.status).toBe(200);
      const { results } = BatchResponse.parse(answer.json());
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        [null, 'invalid'],
        [null, 'invalid'],
        [expect.any(String), 'created'],
      ]);
    });

    it('stores page addresses in their canonical form', async () => {
      const input = aContribution({
        target: { ...aContribution().target, url: 'https://www.gouv.fr/plan?utm_source=newsletter#engagement' },
      });
      const [result] = await client.submitBatch([input]);
      expect(result!.contribution!.target.url).toBe('https://www.gouv.fr/plan');
      const [again] = await client.submitBatch([input]);
      expect(again!.outcome).toBe('duplicate');
    });
  });

  describe('bad input gets a 4xx problem naming the field, never a 5xx', () => {
    it('malformed JSON', () => expectProblem(post('{"items": [}'), 400));
    it('a body that is not UTF-8', () =>
      expectProblem(post(new Uint8Array([0x7b, 0x22, 0x69, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), 400));
    it('a body that is not JSON at all', () =>
      expectProblem(post('items=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415));
    it('a body over the size limit', () => expectProblem(post(JSON.stringify({ items: ['x'.repeat(70_000)] })), 413));
    it('a body over the size limit that hides its length', async () => {
      const big = new Blob(['{"items":["', 'x'.repeat(100_000), '"]}']).stream();
      const response = await fetch(`${platform.url}/v1/contributions:batch`, {
        method: 'POST',
        body: big,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
    });
    it('wrong types', () => expectProblem(post(JSON.stringify({ items: 'beaucoup' })), 422, '/items'));
    it('unknown fields in the envelope', () =>
      expectProblem(post(JSON.stringify({ items: [aContribution()], force: true })), 422, '/force'));
    it('an empty batch', () => expectProblem(post(JSON.stringify({ items: [] })), 422, '/items'));
    it('more than 100 items', async () => {
      const problem = await expectProblem(
        post(JSON.stringify({ items: Array.from({ length: 101 }, () => aContribution()) })),
        422,
        '/items',
      );
      expect(problem.detail).toBe('Un lot compte au plus 100 contributions.');
    });
    it('a JSON value that is not an object', () => expectProblem(post('null'), 422));
    it('in English when asked', async () => {
      const answer = await post(JSON.stringify({ items: [] }), {
        'content-type': 'application/json',
        'accept-language': 'en-GB,en;q=0.9',
      });
      expect(Problem.parse(answer.json()).detail).toBe('The batch is empty.');
    });
    it('a bad query or id', async () => {
      for (const path of [
        '/v1/contributions',
        '/v1/contributions?commitmentId=FR0067&limit=500',
        '/v1/contributions/42',
        '/v1/commitments/nope',
      ]) {
        const response = await fetch(platform.url + path);
        expect(response.status, path).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    });
    it('an address that does not exist', async () => {
      const response = await fetch(`${platform.url}/v2/anything`);
      expect(response.status).toBe(404);
      expect(Problem.parse(await response.json()).title).toBe('Introuvable');
    });
    it('whatever bytes arrive', async () => {
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.json().map((text) => text),
            fc.jsonValue().map((value) => JSON.stringify({ items: [value] })),
            fc.uint8Array({ maxLength: 200 }),
            fc.string({ maxLength: 200 }),
          ),
          async (body) => {
            cases++;
            const answer = await post(body);
            expect(answer.status, answer.text).toBeLessThan(500);
          },
        ),
        { numRuns: 150 },
      );
      expect(cases).toBe(150);
      expect(platform.output()).not.toMatch(/failed:/);
    });
  });

  describe('reading', () => {
    it('lists the seeded commitments, and one by id, in the client’s language', async () => {
      const commitments = await client.listCommitments();
      expect(commitments.map((c) => c.id)).toContain('FR0067');
      expect(commitments).toHaveLength(12);
      expect(await client.getCommitment('FR0067')).toMatchObject({
        title: 'Rendre la commande publique plus transparente',
        leadInstitution: "Ministère de l'Économie, des Finances et de la Relance",
        plan: '2021-2023',
      });
      const english = createVigieClient({ baseUrl: platform.url, locale: 'en' });
      expect(await english.getCommitment('FR0067')).toMatchObject({
        title: 'Make public procurement more transparent',
        leadInstitution: 'Ministry for the Economy, Finance and the Recovery',
      });
      await expect(client.getCommitment('FR9999')).rejects.toMatchObject({ kind: 'http', status: 404 });
    });

    it('lists only published contributions', async () => {
      const url = `https://www.example.gouv.fr/pre-moderation/${crypto.randomUUID()}`;
      await client.submitBatch([aContribution({ target: { url, title: 'Page', selectors: [] } })]);
      const page = await client.listContributions({ url });
      expect(page).toEqual({ items: [], nextCursor: null });
    });

    it('hands out a typed error the caller can branch on', async () => {
      const error = await client.getContribution(crypto.randomUUID()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VigieHttpError);
      expect((error as VigieHttpError).problem.status).toBe(404);
    });

    it('reports its health and serves its OpenAPI 3.1 description', async () => {
      expect(await client.health()).toMatchObject({ status: 'ok', storage: kind });
      const doc = (await (await fetch(`${platform.url}/openapi.json`)).json()) as OpenApiDocument;
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/v1/commitments',
          '/v1/commitments/{id}',
          '/v1/contributions',
          '/v1/contributions/{id}',
          '/v1/contributions:batch',
          '/v1/contributions/{id}/answer',
          '/v1/contributions/{id}/answers',
          '/healthz',
        ]),
      );
      const { schemas } = doc.components;
      expect(Object.keys(doc.paths['/v1/commitments/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'put']));
      expect(schemas.Answer?.properties.status?.enum).toEqual(['received', 'in-progress', 'answered', 'not-our-remit']);
      expect(schemas.Contribution?.properties.answer?.$ref).toBe('#/components/schemas/Answer');
      expect(schemas.ContributionInput?.properties.body?.maxLength).toBe(5000);
      // The prose comes from api-client/contract/docs.ts, kept apart from the checks clients bundle.
      expect(schemas.ContributionInput?.properties.withdrawalKeyHash?.description).toMatch(/SHA-256/);
      expect(schemas.Target?.properties.url).toMatchObject({ format: 'uri', maxLength: 2048 });
      const batch = doc.paths['/v1/contributions:batch']?.post;
      expect(batch?.requestBody?.content['application/json']?.schema.$ref).toBe('#/components/schemas/BatchRequest');
    });
  });

  describe('a platform publishing on arrival', () => {
    let published: StoragePlatform;
    let publishedClient: VigieClient;
    beforeAll(async () => {
      published = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'post' } });
      publishedClient = createVigieClient({ baseUrl: published.url });
    });
    afterAll(() => published?.dispose());

    it('pages through a page’s contributions newest first, each once', async () => {
      const url = 'https://www.example.gouv.fr/demarche';
      const sent: string[] = [];
      for (let batch = 0; batch < 5; batch++) {
        const items = Array.from({ length: 11 }, (_, i) =>
          aContribution({ body: `Contribution ${batch}-${i}`, target: { url, title: 'Démarche', selectors: [] } }),
        );
        await publishedClient.submitBatch(items);
        sent.push(...items.map((i) => i.id));
      }
      await publishedClient.submitBatch([
        aContribution({ target: { url: `${url}/autre`, title: 'x', selectors: [] } }),
      ]);

      const seen: string[] = [];
      const receivedAts: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await publishedClient.listContributions({ url, limit: 7, ...(cursor ? { cursor } : {}) });
        pages++;
        expect(page.items.length).toBeLessThanOrEqual(7);
        seen.push(...page.items.map((c) => c.id));
        receivedAts.push(...page.items.map((c) => c.receivedAt));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(pages).toBe(8); // 55 items, 7 a page
      expect(new Set(seen).size).toBe(55);
      expect(seen.sort()).toEqual([...sent].sort());
      expect([...receivedAts].sort().reverse()).toEqual(receivedAts);
    });

    it('lists a commitment’s contributions', async () => {
      const input = aContribution({ commitmentId: 'FR0109' });
      await publishedClient.submitBatch([input]);
      const page = await publishedClient.listContributions({ commitmentId: 'FR0109' });
      expect(page.items.map((c) => c.id)).toContain(input.id);
      expect(page.items.every((c) => c.commitmentId === 'FR0109' && c.status === 'published')).toBe(true);
    });

    it('refuses a cursor it did not make', async () => {
      await expect(
        publishedClient.listContributions({ commitmentId: 'FR0109', cursor: 'bm9wZQ' }),
      ).rejects.toMatchObject({
        status: 400,
        problem: { errors: [{ pointer: '/cursor' }] },
      });
    });
  });
});
