import * as z from 'zod/mini';
import { Contribution, ContributionInput } from './contribution';
import { rule } from './fields';
import { BATCH_MAX_ITEMS } from './limits';
import { Problem } from './problem';

const batchSize = [
  z.minLength(1, { error: 'batch.empty' }),
  z.maxLength(BATCH_MAX_ITEMS, { error: 'batch.too-large' }),
] as const;

/** What a well-behaved client sends to POST /v1/contributions:batch. */
export const BatchRequest = z.strictObject({
  items: z.array(ContributionInput, { error: rule('field.type') }).check(...batchSize),
});

/**
 * The envelope the platform checks before looking at items one by one, so that one
 * bad item is reported as `invalid` without sinking the others.
 */
export const BatchEnvelope = z.strictObject({
  items: z.array(z.unknown(), { error: rule('field.type') }).check(...batchSize),
});

export const batchOutcomes = ['created', 'duplicate', 'conflict', 'invalid'] as const;
export const BatchOutcome = z.enum(batchOutcomes);

export const BatchItemResult = z.object({
  id: z.nullable(z.string()),
  outcome: BatchOutcome,
  contribution: z.optional(Contribution),
  problem: z.optional(Problem),
});

export const BatchResponse = z.object({ results: z.array(BatchItemResult) });

export type BatchRequest = z.infer<typeof BatchRequest>;
export type BatchOutcome = z.infer<typeof BatchOutcome>;
export type BatchItemResult = z.infer<typeof BatchItemResult>;
export type BatchResponse = z.infer<typeof BatchResponse>;
