import type { Context, Hono, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { explainIssues } from '../../api-client/contract';
import { platformSentence } from '../../api-client/contract/platform-messages';
import type { AppEnv } from './env';
import { jsonBody } from './json-body';
import type { DocumentedOperation, OpenApiDocument } from './openapi';
import { ProblemError } from './problems';

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

export interface RouteSpec<
  P extends z.ZodMiniObject | undefined,
  Q extends z.ZodMiniObject | undefined,
  D extends z.core.$ZodType | undefined,
  C extends z.core.$ZodType | undefined,
> extends DocumentedOperation {
  params?: P;
  query?: Q;
  /** The documented body, also what it is checked against unless `bodyCheck` says otherwise. */
  body?: D;
  /** Checks the body instead of `body` (the batch: documented whole, checked item by item). */
  bodyCheck?: C;
  maxBodyBytes?: number;
  /** Middleware run before validation, e.g. authentication. */
  before?: MiddlewareHandler<AppEnv>[];
}

export interface RouteInput<P, Q, D, C> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<C extends z.core.$ZodType ? C : D>;
}

function check(schema: z.core.$ZodType | undefined, value: unknown, c: Context<AppEnv>, status: 400 | 422): unknown {
  if (!schema) return undefined;
  const result = (schema as z.ZodMiniType).safeParse(value);
  if (result.success) return result.data;
  const errors = explainIssues(result.error, c.get('locale'), '', platformSentence);
  throw new ProblemError('validation', { status, errors, ...(errors[0] ? { detail: errors[0].detail } : {}) });
}

/**
 * Mounts one route and documents it from the same schemas: path and query
 * parameters are checked (400 when wrong), a JSON body is read with the size and
 * encoding checks and validated (422 when wrong), then the handler gets typed input.
 */
export function mountRoute<
  P extends z.ZodMiniObject | undefined = undefined,
  Q extends z.ZodMiniObject | undefined = undefined,
  D extends z.core.$ZodType | undefined = undefined,
  C extends z.core.$ZodType | undefined = undefined,
>(
  app: Hono<AppEnv>,
  doc: OpenApiDocument,
  spec: RouteSpec<P, Q, D, C>,
  handler: (c: Context<AppEnv>, input: RouteInput<P, Q, D, C>) => Response | Promise<Response>,
): void {
  doc.add(spec);
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  const bodySchema = spec.bodyCheck ?? spec.body;
  const middleware = [...(spec.before ?? []), ...(bodySchema ? [jsonBody(spec.maxBodyBytes ?? 1024 * 1024)] : [])];
  app.on([spec.method.toUpperCase()], [honoPath], ...middleware, async (c) => {
    const input = {
      params: check(spec.params, c.req.param(), c, 400),
      query: check(spec.query, c.req.query(), c, 400),
      body: check(bodySchema, c.get('jsonBody'), c, 422),
    } as RouteInput<P, Q, D, C>;
    return handler(c, input);
  });
}
