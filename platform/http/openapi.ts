import * as z from 'zod/mini';
import { contractDocs } from '../../api-client/contract/docs';

type Schema = z.core.$ZodType;
type JsonSchema = Record<string, unknown>;

export interface DocumentedResponse {
  description: string;
  /** A schema the contract's docs give an id (api-client/contract/docs.ts), shown as a $ref. */
  schema?: Schema;
  contentType?: string;
}

export interface DocumentedOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: /v1/commitments/{id} */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: Schema;
  responses: Record<number, DocumentedResponse>;
  security?: boolean;
}

const jsonSchemaOptions = {
  target: 'draft-2020-12',
  // Requests are what the contract documents: strict objects say additionalProperties: false,
  // response objects stay open so clients accept fields added later.
  io: 'input',
  unrepresentable: 'any',
  uri: (id: string) => `#/components/schemas/${id}`,
  metadata: contractDocs,
} as const;

function withoutHeaders({ $schema: _s, $id: _i, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

function refTo(schema: Schema): JsonSchema {
  const id = contractDocs.get(schema)?.id;
  if (!id)
    throw new Error('A request or response body must be a contract schema given an id in api-client/contract/docs.ts.');
  return { $ref: `#/components/schemas/${id}` };
}

function parameters(where: 'path' | 'query', object: z.ZodMiniObject | undefined): JsonSchema[] {
  if (!object) return [];
  return Object.entries(object._zod.def.shape).map(([name, schema]) => {
    const { description, ...rest } = withoutHeaders(z.toJSONSchema(schema, jsonSchemaOptions));
    return {
      name,
      in: where,
      required: where === 'path' || schema._zod.optin !== 'optional',
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

/**
 * The OpenAPI 3.1 document, built from the same zod schemas the routes validate
 * with: components from the schemas the contract's docs name, operations from the
 * routes as they are mounted. Nothing is written twice.
 */
export class OpenApiDocument {
  readonly #operations: DocumentedOperation[] = [];

  add(operation: DocumentedOperation): void {
    // Fail at start-up, not when the document is first asked for.
    if (operation.body) refTo(operation.body);
    for (const response of Object.values(operation.responses)) if (response.schema) refTo(response.schema);
    this.#operations.push(operation);
  }

  build(info: { title: string; version: string; description: string }): JsonSchema {
    const { schemas } = z.toJSONSchema(contractDocs, jsonSchemaOptions) as { schemas: Record<string, JsonSchema> };
    const paths: Record<string, Record<string, JsonSchema>> = {};
    for (const op of this.#operations) {
      const responses = Object.fromEntries(
        Object.entries(op.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema
              ? {
                  content: {
                    [response.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json')]:
                      {
                        schema: refTo(response.schema),
                      },
                  },
                }
              : {}),
          },
        ]),
      );
      (paths[op.path] ??= {})[op.method] = {
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        tags: op.tags,
        parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
        ...(op.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: refTo(op.body) } } } }
          : {}),
        ...(op.security ? { security: [{ bearer: [] }] } : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutHeaders(schema)])),
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    };
  }
}
