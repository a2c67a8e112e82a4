import * as z from 'zod/mini';
import { commitmentStatuses } from './commitment';
import { CommitmentId, HttpUrl, nfc, safeText } from './fields';

/*
 * Kept apart from commitment.ts, which the clients read: only the platform and the
 * console write commitments, so the widget's bundle never carries these checks.
 */

// What an administration or an admin writes: both languages, every text field under the
// text rules. The codes not in the citizens' catalogue are the platform's (platform-messages.ts).
const required = (code: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'field.required' : code;
const text = (max: number) =>
  z
    .string({ error: required('field.type') })
    .check(nfc, z.trim(), z.maxLength(max, { error: 'text.too-long' }), safeText);
const filled = (max: number) =>
  z
    .string({ error: required('field.type') })
    .check(
      nfc,
      z.trim(),
      z.minLength(1, { error: 'field.required' }),
      z.maxLength(max, { error: 'text.too-long' }),
      safeText,
    );

/** French required; English may be empty or absent, and then the French is shown to everyone. */
const Bilingual = (max: number) => z.strictObject({ fr: filled(max), en: z.optional(text(max)) });

export const CommitmentStatus = z.enum(commitmentStatuses, { error: required('commitment-status.unknown') });

/**
 * A commitment as PUT /v1/commitments/{id} and the import take it, the id aside: a full
 * replacement. What is left out is empty (no summary, themes or pages) or `unverified`.
 */
export const CommitmentFields = z.strictObject({
  title: Bilingual(500),
  leadInstitution: Bilingual(500),
  summary: z.optional(z.strictObject({ fr: z.optional(text(5000)), en: z.optional(text(5000)) })),
  status: z.optional(CommitmentStatus),
  themes: z.optional(z.array(filled(100)).check(z.maxLength(20, { error: 'list.too-long' }))),
  plan: z.string({ error: required('plan.format') }).check(z.regex(/^\d{4}-\d{4}$/, { error: 'plan.format' })),
  pages: z.optional(z.array(HttpUrl).check(z.maxLength(50, { error: 'list.too-long' }))),
});

/** One commitment of an import: its id and its fields. */
export const CommitmentInput = z.strictObject({ id: CommitmentId, ...CommitmentFields.shape });

/** A commitment as the platform keeps it, in both languages (what PUT answers). */
export const CommitmentRecord = z.object({
  id: CommitmentId,
  title: z.object({ fr: z.string(), en: z.optional(z.string()) }),
  leadInstitution: z.object({ fr: z.string(), en: z.optional(z.string()) }),
  summary: z.object({ fr: z.optional(z.string()), en: z.optional(z.string()) }),
  status: z.enum(commitmentStatuses),
  themes: z.array(z.string()),
  plan: z.string(),
  pages: z.array(z.string()),
});

export type CommitmentStatus = z.infer<typeof CommitmentStatus>;
export type CommitmentFields = z.infer<typeof CommitmentFields>;
export type CommitmentInput = z.infer<typeof CommitmentInput>;
export type CommitmentRecord = z.infer<typeof CommitmentRecord>;
