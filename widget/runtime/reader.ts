import * as z from 'zod/mini';
import type { Commitment, ContributionPage } from '../../api-client/contract';
import { createTransport, getCommitment, listContributionsAt, VigieHttpError } from '../../api-client/http';
import { TalkBack, type TalkHost } from './talk-back';
import type { Reader, RuntimeOptions } from './types';

// Zod would probe `new Function` for its fast path; a strict CSP page forbids eval.
z.config({ jitless: true });

/**
 * Reading the platform: the commitment, the list (in the order the citizen chose), and,
 * from where the list's first page was read, its live stream (talk-back.ts).
 */
export function createReader(options: RuntimeOptions, host: TalkHost): Reader & { talk: TalkBack } {
  const platform = createTransport({ baseUrl: options.platform, locale: options.locale });
  const talk = new TalkBack(options, platform, host);
  return {
    talk,
    async loadCommitment(id: string): Promise<Commitment | null> {
      try {
        return await getCommitment(platform, id);
      } catch (error) {
        if (error instanceof VigieHttpError && error.status === 404) return null;
        throw error;
      }
    },
    async loadContributions(cursor?: string): Promise<ContributionPage> {
      const asked = Date.now();
      const { page, eventId } = await listContributionsAt(platform, {
        ...(options.commitmentId ? { commitmentId: options.commitmentId } : { url: options.pageUrl }),
        limit: 10,
        sort: talk.sort,
        ...(cursor ? { cursor } : {}),
      });
      talk.counted(page.items, asked);
      // Events reach the stream over the network, after the element has shown this page.
      if (!cursor) talk.follow(eventId);
      return page;
    },
  };
}
