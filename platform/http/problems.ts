import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  PROBLEM_CONTENT_TYPE,
  problemTypes,
  type FieldError,
  type Locale,
  type Problem,
} from '../../api-client/contract';
import type { AppEnv } from './env';

type ProblemKind = keyof typeof problemTypes;

const titles: Record<ProblemKind, Record<Locale, string>> = {
  validation: { fr: 'Requête invalide', en: 'Invalid request' },
  malformedJson: { fr: 'JSON mal formé', en: 'Malformed JSON' },
  encoding: { fr: 'Encodage invalide', en: 'Invalid encoding' },
  tooLarge: { fr: 'Requête trop volumineuse', en: 'Payload too large' },
  unsupportedMediaType: { fr: 'Type de contenu non pris en charge', en: 'Unsupported media type' },
  notFound: { fr: 'Introuvable', en: 'Not found' },
  methodNotAllowed: { fr: 'Méthode non autorisée', en: 'Method not allowed' },
  conflict: { fr: 'Conflit', en: 'Conflict' },
  rateLimited: { fr: 'Trop de requêtes', en: 'Too many requests' },
  unauthorized: { fr: 'Authentification requise', en: 'Authentication required' },
  forbidden: { fr: 'Accès refusé', en: 'Forbidden' },
  internal: { fr: 'Erreur interne', en: 'Internal error' },
  unavailable: { fr: 'Service indisponible', en: 'Service unavailable' },
};

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
    title: titles[kind][locale],
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
