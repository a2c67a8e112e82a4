import type * as z from 'zod/mini';
import {
  BatchResponse,
  CampaignList,
  Commitment,
  CommitmentList,
  Contribution,
  ContributionPage,
  Health,
  Problem,
  type BatchItemResult,
  type Campaign,
  type ModerationReason,
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
  /** Open campaigns that target a page or a commitment. */
  listCampaigns(query: { url?: string; commitmentId?: string }, options?: RequestOptions): Promise<Campaign[]>;
  /** A reader reports a published contribution. */
  reportContribution(id: string, reason: ModerationReason, options?: RequestOptions): Promise<void>;
  /** The author withdraws a contribution with the secret their device kept. */
  withdrawContribution(id: string, secret: string, options?: RequestOptions): Promise<void>;
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
    schema: S | null,
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
        if (schema === null) return undefined as z.output<S>;
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
      const parsed = schema!.safeParse(body);
      if (!parsed.success) {
        throw new VigieResponseError(url, parsed.error.issues, parsed.error.issues[0]?.message ?? 'unknown');
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  const segment = encodeURIComponent;
  const query = (values: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
    return params.toString();
  };
  const postJson = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }) satisfies RequestInit;

  return {
    baseUrl,
    health: (o) => request(Health, '/healthz', o),
    listCommitments: async (o) => (await request(CommitmentList, '/v1/commitments', o)).items,
    getCommitment: (id, o) => request(Commitment, `/v1/commitments/${segment(id)}`, o),
    listContributions: (q, o) => request(ContributionPage, `/v1/contributions?${query({ ...q })}`, o),
    getContribution: (id, o) => request(Contribution, `/v1/contributions/${segment(id)}`, o),
    submitBatch: async (items, o) => {
      const { results } = await request(BatchResponse, '/v1/contributions:batch', { ...o, ...postJson({ items }) });
      // One result per item, in order: anything else cannot be mapped back to drafts safely.
      if (results.length !== items.length || results.some((r, i) => r.id !== null && r.id !== items[i]!.id)) {
        throw new VigieResponseError(`${baseUrl}/v1/contributions:batch`, undefined, 'the results do not match the items sent');
      }
      return results;
    },
    listCampaigns: async (q, o) => (await request(CampaignList, `/v1/campaigns?${query(q)}`, o)).items,
    reportContribution: async (id, reason, o) => {
      await request(null, `/v1/contributions/${segment(id)}/reports`, { ...o, ...postJson({ reason }) });
    },
    withdrawContribution: async (id, secret, o) => {
      await request(null, `/v1/contributions/${segment(id)}/withdrawal`, { ...o, ...postJson({ secret }) });
    },
  };
}
