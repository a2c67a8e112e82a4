import * as z from 'zod/mini';
import type { Commitment, ContributionPage } from '../../api-client/contract';
import { createTransport, getCommitment, listContributions, VigieHttpError } from '../../api-client/http';
import type { Reader, RuntimeOptions } from './types';

// Zod would probe `new Function` for its fast path; a strict CSP page forbids eval.
z.config({ jitless: true });

export function createReader(options: RuntimeOptions): Reader {
  const platform = createTransport({ baseUrl: options.platform, locale: options.locale });
  return {
    async loadCommitment(id: string): Promise<Commitment | null> {
      try {
        return await getCommitment(platform, id);
      } catch (error) {
        if (error instanceof VigieHttpError && error.status === 404) return null;
        throw error;
      }
    },
    loadContributions(cursor?: string): Promise<ContributionPage> {
      return listContributions(platform, {
        ...(options.commitmentId ? { commitmentId: options.commitmentId } : { url: options.pageUrl }),
        limit: 10,
        ...(cursor ? { cursor } : {}),
      });
    },
  };
}
