import { ContributionInput, explainIssues, message, type FieldError, type Locale } from '../contract';
import type { Sentences } from './errors';
import type { Draft, DraftError } from './schema';

/** One bad field of a draft, said in every locale the contract speaks. */
export interface DraftProblem {
  /** JSON Pointer into the contribution, e.g. /body */
  pointer: string;
  code: string;
  sentences: Sentences;
}

export type DraftCheck =
  { ok: true; contribution: ContributionInput } | { ok: false; problems: DraftProblem[]; sentences: Sentences };

/** The contribution a draft would send, or what is wrong with it in words. */
export function checkDraft(draft: Pick<Draft, 'id' | 'input'>): DraftCheck {
  const parsed = ContributionInput.safeParse({ ...draft.input, id: draft.id });
  if (parsed.success) return { ok: true, contribution: parsed.data };
  const fr = explainIssues(parsed.error, 'fr');
  const en = explainIssues(parsed.error, 'en');
  const problems = fr.map((issue, index) => ({
    pointer: issue.pointer,
    code: issue.code,
    sentences: { fr: issue.detail, en: en[index]?.detail ?? issue.detail },
  }));
  const first = problems[0]?.sentences ?? { fr: message('field.invalid', 'fr'), en: message('field.invalid', 'en') };
  return { ok: false, problems, sentences: first };
}

/** A failed check as a draft's lastError, in one locale: the first sentence, then every field. */
export function refusalOf(check: Extract<DraftCheck, { ok: false }>, locale: Locale): DraftError {
  const errors: FieldError[] = check.problems.map((p) => ({
    pointer: p.pointer,
    code: p.code,
    detail: p.sentences[locale],
  }));
  return { sentence: check.sentences[locale], code: check.problems[0]?.code ?? 'field.invalid', errors };
}
