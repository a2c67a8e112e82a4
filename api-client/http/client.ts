import type * as z from 'zod/mini';
import {
  BatchResponse,
  Commitment,
  CommitmentList,
  Contribution,
  ContributionPage,
  Health,
  Problem,
  type BatchItemResult,
  type ContributionInput,
  type Locale,
} from '../contract';
import { VigieHttpError, VigieNetworkError, VigieResponseError, VigieTimeoutError } from './errors';
import { parseRetryAfter } from './retry-after';

export interface VigieClientOptions {
  /** The platform's base URL, e.g. http://localhost:8787 */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests, service workers, proxies). */
  fetch?: typeof fetch;
  /** Time limit of one request, from sending to the last byte of the answer. Default 15 s. */
  timeoutMs?: number;
  /** Language of the platform's error sentences. Default fr. */
  locale?: Locale;
}

export interface ContributionListQuery {
  url?: string;
  commitmentId?: string;
  limit?: number;
  cursor?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** One typed method per route; responses are checked against the contract. */
export interface VigieClient {
  readonly baseUrl: string;
  health(options?: RequestOptions): Promise<Health>;
  listCommitments(options?: RequestOptions): Promise<Commitment[]>;
  getCommitment(id: string, options?: RequestOptions): Promise<Commitment>;
  listContributions(query: ContributionListQuery, options?: RequestOptions): Promise<ContributionPage>;
  getContribution(id: string, options?: RequestOptions): Promise<Contribution>;
  /** Sends up to 100 contributions; one result per item, in order. No retries here: see drafts/sync. */
  submitBatch(items: readonly ContributionInput[], options?: RequestOptions): Promise<BatchItemResult[]>;
}

function fallbackProblem(response: Response): Problem {
  return { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const parsed = Problem.safeParse(await response.json());
    return parsed.success ? parsed.data : fallbackProblem(response);
  } catch {
    return fallbackProblem(response);
  }
}

export function createVigieClient(options: VigieClientOptions): VigieClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const locale = options.locale ?? 'fr';
  // Bound late so a test or a page that replaces fetch after creation is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    init: RequestInit & RequestOptions = {},
  ): Promise<z.output<S>> {
    const url = baseUrl + path;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      let response: Response;
      let body: unknown;
      try {
        response = await doFetch(url, {
          ...init,
          signal,
          headers: { accept: 'application/json', 'accept-language': locale, ...init.headers },
        });
        if (!response.ok) {
          throw new VigieHttpError(
            response.status,
            await readProblem(response),
            parseRetryAfter(response.headers.get('retry-after')),
          );
        }
        body = await response.json().catch((error: unknown) => {
          if (timeout.signal.aborted || init.signal?.aborted) throw error;
          throw new VigieResponseError(url, undefined, 'the body is not JSON');
        });
      } catch (error) {
        if (error instanceof VigieHttpError || error instanceof VigieResponseError) throw error;
        if (timeout.signal.aborted) throw new VigieTimeoutError(url, timeoutMs);
        if (init.signal?.aborted) throw error; // the caller cancelled: not ours to rename
        throw new VigieNetworkError(url, { cause: error });
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        throw new VigieResponseError(url, parsed.error.issues, parsed.error.issues[0]?.message ?? 'unknown');
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  const segment = encodeURIComponent;

  return {
    baseUrl,
    health: (o) => request(Health, '/healthz', o),
    listCommitments: async (o) => (await request(CommitmentList, '/v1/commitments', o)).items,
    getCommitment: (id, o) => request(Commitment, `/v1/commitments/${segment(id)}`, o),
    listContributions: (query, o) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) params.set(key, String(value));
      }
      return request(ContributionPage, `/v1/contributions?${params}`, o);
    },
    getContribution: (id, o) => request(Contribution, `/v1/contributions/${segment(id)}`, o),
    submitBatch: async (items, o) => {
      const { results } = await request(BatchResponse, '/v1/contributions:batch', {
        ...o,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      });
      // One result per item, in order: anything else cannot be mapped back to drafts safely.
      if (results.length !== items.length || results.some((r, i) => r.id !== null && r.id !== items[i]!.id)) {
        throw new VigieResponseError(`${baseUrl}/v1/contributions:batch`, undefined, 'the results do not match the items sent');
      }
      return results;
    },
  };
}
