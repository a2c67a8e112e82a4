import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  PROBLEM_CONTENT_TYPE,
  problemTypes,
  type FieldError,
  type Locale,
  type Problem,
} from '../../api-client/contract';
import { platformMessage, type PlatformMessageCode } from '../../api-client/contract/platform-messages';
import type { AppEnv } from './env';

type ProblemKind = keyof typeof problemTypes;

const titles = {
  validation: 'problem.validation',
  malformedJson: 'problem.malformed-json',
  encoding: 'problem.encoding',
  tooLarge: 'problem.too-large',
  unsupportedMediaType: 'problem.unsupported-media-type',
  notFound: 'problem.not-found',
  methodNotAllowed: 'problem.method-not-allowed',
  conflict: 'problem.conflict',
  rateLimited: 'problem.rate-limited',
  unauthorized: 'problem.unauthorized',
  forbidden: 'problem.forbidden',
  internal: 'problem.internal',
  unavailable: 'problem.unavailable',
} as const satisfies Record<ProblemKind, PlatformMessageCode>;

const statuses: Record<ProblemKind, ContentfulStatusCode> = {
  validation: 422,
  malformedJson: 400,
  encoding: 400,
  tooLarge: 413,
  unsupportedMediaType: 415,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  rateLimited: 429,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
  unavailable: 503,
};

export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  status?: ContentfulStatusCode;
  headers?: Record<string, string>;
}

export function buildProblem(kind: ProblemKind, locale: Locale, options: ProblemOptions = {}): Problem {
  return {
    type: problemTypes[kind],
    title: platformMessage(titles[kind], locale),
    status: options.status ?? statuses[kind],
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.errors === undefined ? {} : { errors: options.errors }),
  };
}

/** An RFC 9457 answer in the caller's language. */
export function problemResponse(c: Context<AppEnv>, kind: ProblemKind, options: ProblemOptions = {}): Response {
  const locale = c.get('locale') ?? 'fr';
  const body = buildProblem(kind, locale, options);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': locale, ...options.headers },
  });
}

/** Thrown by handlers and middleware; the app's error handler turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly options: ProblemOptions = {},
  ) {
    super(options.detail ?? kind);
  }
}
