import * as z from 'zod/mini';

/** One bad field: where it is (a JSON Pointer into the request), its rule, and a sentence. */
export const FieldError = z.object({ pointer: z.string(), code: z.string(), detail: z.string() });

/** RFC 9457 problem details. Extra members are allowed by the RFC, so they pass. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});

export type FieldError = z.infer<typeof FieldError>;
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The kinds of problem the platform reports; `type` is this path under the API. */
export const problemTypes = {
  validation: '/problems/validation',
  malformedJson: '/problems/malformed-json',
  encoding: '/problems/encoding',
  tooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  notFound: '/problems/not-found',
  methodNotAllowed: '/problems/method-not-allowed',
  conflict: '/problems/conflict',
  rateLimited: '/problems/rate-limited',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  internal: '/problems/internal',
  unavailable: '/problems/unavailable',
} as const;
