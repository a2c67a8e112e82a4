import type * as z from 'zod/mini';
import type { Problem } from '../contract';

/**
 * Every failure of the client is one of four kinds, so a caller can branch on
 * `error.kind` (or instanceof): the network, a timeout, an HTTP error answer
 * from the platform, or an answer that does not match the contract.
 */
export abstract class VigieClientError extends Error {
  abstract readonly kind: 'network' | 'timeout' | 'http' | 'invalid-response';
}

/** The request never got an answer: offline, DNS, connection refused or reset. */
export class VigieNetworkError extends VigieClientError {
  readonly kind = 'network' as const;
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`No answer from ${url}: the network or the platform is unreachable.`, options);
    this.name = 'VigieNetworkError';
  }
}

/** The platform did not answer within the client's time limit. */
export class VigieTimeoutError extends VigieClientError {
  readonly kind = 'timeout' as const;
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`No answer from ${url} within ${timeoutMs} ms.`);
    this.name = 'VigieTimeoutError';
  }
}

/** The platform answered with an error status; `problem` is its RFC 9457 body. */
export class VigieHttpError extends VigieClientError {
  readonly kind = 'http' as const;
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds the platform asked to wait (Retry-After), when it said so. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'VigieHttpError';
  }
}

/** The platform answered 2xx with something the contract does not allow. */
export class VigieResponseError extends VigieClientError {
  readonly kind = 'invalid-response' as const;
  constructor(
    readonly url: string,
    readonly issues: z.core.$ZodIssue[] | undefined,
    detail: string,
  ) {
    super(`The answer from ${url} does not match the contract: ${detail}`);
    this.name = 'VigieResponseError';
  }
}
