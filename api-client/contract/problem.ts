import { z } from 'zod';

/** One bad field: where it is (a JSON Pointer into the request), its rule, and a sentence. */
export const FieldError = z
  .object({
    pointer: z.string().meta({ description: 'JSON Pointer (RFC 6901) to the field, e.g. /items/0/body' }),
    code: z.string().meta({ description: 'Stable code of the broken rule, e.g. body.empty' }),
    detail: z.string(),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details. Extra members are allowed by the RFC, so they pass. */
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });

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
  internal: '/problems/internal',
} as const;
