import { canonicalUrl, type Commitment, type Contribution } from '../../api-client/contract';
import type { VigieClient } from '../../api-client/http';
import { pageAllowed } from '../shared/allow-list';

/** More than a page will ever show as highlights; the platform pages by 100. */
const MAX_CONTRIBUTIONS = 300;
const COMMITMENTS_TTL_MS = 10 * 60_000;

export interface PageDataOptions {
  client: () => Pick<VigieClient, 'listContributions' | 'listCommitments'>;
  allowList: () => Promise<readonly string[]>;
  now?: () => number;
}

/** A page's published contributions, if the page being read is on the allow-list. */
export type PageLookup = { allowed: false } | { allowed: true; contributions: Contribution[]; readAt: number };

export interface PageData {
  /**
   * The published contributions of a page, if the page the request came from is
   * on the allow-list; otherwise nothing is asked of the platform.
   */
  lookup(pageUrl: string, readingAt: string): Promise<PageLookup>;
  /** Whether the page being read is on the citizen's allow-list. */
  allows(readingAt: string): Promise<boolean>;
  /** The commitments a page is about: those whose `pages` list it, then those its markup names. */
  commitments(pageUrl: string, readingAt: string, ids: readonly string[]): Promise<Commitment[]>;
}

/** The platform's reads, behind the allow-list. */
export function createPageData(options: PageDataOptions): PageData {
  const now = options.now ?? Date.now;
  // The client is made again when the platform's address changes: a new client, a new list.
  let cache: { at: number; client: ReturnType<PageDataOptions['client']>; items: Promise<Commitment[]> } | undefined;

  const allCommitments = () => {
    const client = options.client();
    if (!cache || cache.client !== client || now() - cache.at > COMMITMENTS_TTL_MS) {
      const items = client.listCommitments();
      cache = { at: now(), client, items };
      items.catch(() => (cache = undefined));
    }
    return cache.items;
  };

  return {
    allows: async (readingAt) => pageAllowed(readingAt, await options.allowList()),

    async lookup(pageUrl, readingAt) {
      // The page being read decides; the address it files contributions under
      // (its canonical link) is what it declares about itself.
      if (!pageAllowed(readingAt, await options.allowList())) return { allowed: false };
      const client = options.client();
      // When the read began: an answer to a « Moi aussi » that came after it may be newer.
      const readAt = now();
      const contributions: Contribution[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listContributions({ url: pageUrl, limit: 100, ...(cursor ? { cursor } : {}) });
        contributions.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && contributions.length < MAX_CONTRIBUTIONS);
      return { allowed: true, contributions, readAt };
    },

    async commitments(pageUrl, readingAt, ids) {
      if (!pageAllowed(readingAt, await options.allowList())) return [];
      const page = canonicalUrl(pageUrl);
      const items = await allCommitments();
      const byPage = items.filter((c) => c.pages.some((p) => safeCanonical(p) === page));
      const byId = ids.flatMap((id) => items.filter((c) => c.id === id && !byPage.includes(c)));
      return [...byPage, ...byId];
    },
  };
}

function safeCanonical(address: string): string | undefined {
  try {
    return canonicalUrl(address);
  } catch {
    return undefined;
  }
}
