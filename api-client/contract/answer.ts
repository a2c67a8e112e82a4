import * as z from 'zod/mini';
import { IsoDateTime } from './fields';
import { answerStatuses } from './limits';
import { ReplyBody } from './reply';

/**
 * Where an organisation stands on a contribution: it `received` it, works on it
 * (`in-progress`), `answered` it, or says it is `not-our-remit`.
 */
export const AnswerStatus = z.enum(answerStatuses, {
  error: (issue) => (issue.input === undefined ? 'field.required' : 'answer-status.unknown'),
});

/** What an administration sends to POST /v1/contributions/{id}/answer; the text follows every text rule. */
export const AnswerInput = z.strictObject({ body: ReplyBody, status: AnswerStatus });

/**
 * An organisation's official answer as the public reads it: the latest version, signed
 * with the organisation's name. `firstAt` is there once the answer was edited: when the
 * first version was given (`at` is the latest one's date).
 */
export const Answer = z.object({
  body: z.string(),
  status: AnswerStatus,
  organisation: z.string(),
  at: IsoDateTime,
  firstAt: z.optional(IsoDateTime),
});

/** One version of an answer, as the history keeps it. */
export const AnswerVersion = z.object({
  body: z.string(),
  status: AnswerStatus,
  organisation: z.string(),
  at: IsoDateTime,
});

/** GET /v1/contributions/{id}/answers: every version, oldest first. */
export const AnswerHistory = z.object({ items: z.array(AnswerVersion) });

export type AnswerStatus = z.infer<typeof AnswerStatus>;
export type AnswerInput = z.infer<typeof AnswerInput>;
export type Answer = z.infer<typeof Answer>;
export type AnswerVersion = z.infer<typeof AnswerVersion>;
export type AnswerHistory = z.infer<typeof AnswerHistory>;
