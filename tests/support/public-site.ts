import { createHash, randomBytes } from 'node:crypto';
import { DOMParser, parseHTML } from 'linkedom';
import type { ContributionInput } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { send, type Answer } from './platform-http';
import type { StoragePlatform } from './platform-storage';

/** The public address the suites configure: every absolute link must start with it. */
export const PUBLIC_URL = 'https://vigie.example.gouv.fr';

export interface Page extends Answer {
  document: Document;
}

/** One page as a browser would ask for it (text/html first), parsed. */
export async function getPage(
  platform: StoragePlatform,
  path: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const answer = await send('GET', `${platform.url}${path}`, {
    headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', ...headers },
  });
  const { document } = parseHTML(answer.text);
  return { ...answer, document };
}

/** An Atom feed, parsed as XML (a malformed document has a parsererror or no feed). */
export async function getFeed(platform: StoragePlatform, path: string, headers: Record<string, string> = {}) {
  const answer = await send('GET', `${platform.url}${path}`, { headers });
  const document = new DOMParser().parseFromString(answer.text, 'text/xml') as unknown as Document;
  return { ...answer, document };
}

export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What a client does for withdrawal: keep a secret, send its hash. */
export function withdrawalKey() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: createHash('sha256').update(secret).digest('hex') };
}

/** A platform under pre-moderation, with a moderator who publishes, hides, rejects and answers. */
export function moderation(platform: StoragePlatform, token: string) {
  const client = createVigieClient({ baseUrl: platform.url });
  const decide = async (id: string, body: Record<string, unknown>) => {
    const answer = await send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, { token, body });
    if (answer.status !== 200) throw new Error(`decision refused: ${answer.status} ${answer.text}`);
  };
  return {
    client,
    async submit(...items: ContributionInput[]) {
      const results = await client.submitBatch(items);
      if (results.some((r) => r.outcome !== 'created')) throw new Error(`not created: ${JSON.stringify(results)}`);
      return items;
    },
    publish: (id: string, reply?: string) => decide(id, { decision: 'publish', ...(reply ? { reply } : {}) }),
    hide: (id: string) => decide(id, { decision: 'hide', reason: 'personal-data' }),
    reject: (id: string) => decide(id, { decision: 'reject', reason: 'spam' }),
    async withdraw(id: string, secret: string) {
      const answer = await send('POST', `${platform.url}/v1/contributions/${id}/withdrawal`, { body: { secret } });
      if (answer.status !== 204) throw new Error(`withdrawal refused: ${answer.status} ${answer.text}`);
    },
  };
}
