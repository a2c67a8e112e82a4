import { z } from 'zod';
import { Contribution, ContributionInput } from './contribution';
import { rule } from './fields';
import { Problem } from './problem';

export const BATCH_MAX_ITEMS = 100;

/** What a well-behaved client sends to POST /v1/contributions:batch. */
export const BatchRequest = z
  .strictObject({
    items: z
      .array(ContributionInput, { error: rule('field.type') })
      .min(1, { error: 'batch.empty' })
      .max(BATCH_MAX_ITEMS, { error: 'batch.too-large' }),
  })
  .meta({ id: 'BatchRequest' });

/**
 * The envelope the platform checks before looking at items one by one, so that one
 * bad item is reported as `invalid` without sinking the others.
 */
export const BatchEnvelope = z.strictObject({
  items: z
    .array(z.unknown(), { error: rule('field.type') })
    .min(1, { error: 'batch.empty' })
    .max(BATCH_MAX_ITEMS, { error: 'batch.too-large' }),
});

export const batchOutcomes = ['created', 'duplicate', 'conflict', 'invalid'] as const;
export const BatchOutcome = z.enum(batchOutcomes).meta({
  description:
    'created: stored now. duplicate: this id was already stored with the same content. ' +
    'conflict: this id was stored with other content. invalid: the item breaks the contract.',
});

export const BatchItemResult = z
  .object({
    id: z.string().nullable().meta({ description: "The item's id, or null when it had none." }),
    outcome: BatchOutcome,
    contribution: Contribution.optional(),
    problem: Problem.optional(),
  })
  .meta({ id: 'BatchItemResult' });

export const BatchResponse = z
  .object({ results: z.array(BatchItemResult).meta({ description: 'In the order of the items.' }) })
  .meta({ id: 'BatchResponse' });

export type BatchRequest = z.infer<typeof BatchRequest>;
export type BatchOutcome = z.infer<typeof BatchOutcome>;
export type BatchItemResult = z.infer<typeof BatchItemResult>;
export type BatchResponse = z.infer<typeof BatchResponse>;
