import { expect, inject, it } from 'vitest';
import { createVigieClient, VigieNetworkError, VigieTimeoutError } from '../../api-client/http';
import { aContribution } from '../support/contributions';

const platformUrl = inject('platformUrl');

it('the typed client reads and writes the real platform from a Chromium page', async () => {
  const client = createVigieClient({ baseUrl: platformUrl });
  const commitments = await client.listCommitments();
  // French by default, as the client asks.
  expect(commitments.find((c) => c.id === 'FR0067')?.title).toBe('Rendre la commande publique plus transparente');

  const input = aContribution({ source: 'widget' });
  const [result] = await client.submitBatch([input]);
  expect(result).toMatchObject({ id: input.id, outcome: 'created', contribution: { status: 'published' } });
  const page = await client.listContributions({ url: input.target.url, limit: 100 });
  expect(page.items.map((c) => c.id)).toContain(input.id);
});

it('tells a network failure from a timeout', async () => {
  // Port 9 (discard) is closed on loopback: the connection is refused at once.
  const unreachable = createVigieClient({ baseUrl: 'http://127.0.0.1:9' });
  await expect(unreachable.health()).rejects.toBeInstanceOf(VigieNetworkError);

  const slow = createVigieClient({
    baseUrl: platformUrl,
    timeoutMs: 50,
    fetch: (input, init) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(fetch(input, init)), 1000);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason as DOMException);
        });
      }),
  });
  await expect(slow.health()).rejects.toBeInstanceOf(VigieTimeoutError);
});
