import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientFor } from '../../extension/background/drafts-service';

describe('the extension’s platform client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the platform in the extension’s language, and follows a change of language', async () => {
    const asked: Array<string | null> = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      asked.push(new Headers(init.headers).get('accept-language'));
      return Promise.resolve(Response.json({ items: [] }));
    });
    let locale: 'fr' | 'en' = 'en';
    const client = clientFor(
      () => 'https://vigie.example.gouv.fr/',
      () => locale,
    );
    await client().listCommitments();
    const english = client();
    locale = 'fr';
    await client().listCommitments();
    expect(asked).toEqual(['en', 'fr']);
    // A new client for the new language; the same one while nothing changes.
    expect(client()).not.toBe(english);
    expect(client()).toBe(client());
  });
});
