import type * as z from 'zod/mini';
import { Problem, type Locale } from '../contract';
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
  /** An API token, for the routes behind one (an administration's answers, an admin's commitments). */
  token?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * One platform, reached with a time limit and the caller's language; every failure is
 * one of the four kinds of errors.ts. Answers are checked against the schema the route names; `null`
 * means the route answers with no body.
 */
export interface Transport {
  readonly baseUrl: string;
  request<S extends z.ZodMiniType>(
    schema: S | null,
    path: string,
    init?: RequestInit & RequestOptions & ReadHeaders,
  ): Promise<z.output<S>>;
}

/** For a route whose headers say something (a list's Vigie-Event-Id): called with them on success. */
export interface ReadHeaders {
  onHeaders?: (headers: Headers) => void;
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

export function createTransport(options: VigieClientOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const locale = options.locale ?? 'fr';
  // Bound late so a test or a page that replaces fetch after creation is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<S extends z.ZodMiniType>(
    schema: S | null,
    path: string,
    { onHeaders, ...init }: RequestInit & RequestOptions & ReadHeaders = {},
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
          headers: {
            accept: 'application/json',
            'accept-language': locale,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...init.headers,
          },
        });
        if (!response.ok) {
          throw new VigieHttpError(
            response.status,
            await readProblem(response),
            parseRetryAfter(response.headers.get('retry-after')),
          );
        }
        onHeaders?.(response.headers);
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
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        throw new VigieResponseError(url, parsed.error.issues, parsed.error.issues[0]?.message ?? 'unknown');
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  return { baseUrl, request };
}
