import type { Contribution, ContributionKind, GapType, Locale } from '../contract';
import { TITLE_MAX_LENGTH } from '../contract/limits';
import type { Sentences } from './errors';
import type { Draft, DraftInput } from './schema';
import type { DraftProblem } from './validate';

/*
 * A contribution form as the widget and the extension both hold it: the draft's words
 * as fields and back, and the field each of the contract's sentences belongs next to.
 * One place, so a new contract field is added once.
 */

/** The fields a sentence can stand next to; `target` (the page, the quote) has no input, its sentence goes above send. */
export const formFieldNames = ['kind', 'gapType', 'body', 'pseudonym', 'target'] as const;
export type FieldName = (typeof formFieldNames)[number];

/** What the citizen types, as a form holds it. */
export interface FormFields {
  kind: ContributionKind;
  /** A gap's type; unset until chosen, and for a comment. */
  gapType?: GapType | undefined;
  body: string;
  /** Empty for an anonymous contribution. */
  pseudonym: string;
}

/** At most one message per field, in whichever form the caller shows it. */
export type FieldErrors<T> = Partial<Record<FieldName, T>>;

export function formFieldsOf(draft: Pick<Draft, 'input'>): FormFields {
  const { kind, gapType, body, author } = draft.input;
  return {
    kind: kind ?? 'comment',
    ...(gapType ? { gapType } : {}),
    body: body ?? '',
    pseudonym: author?.pseudonym ?? '',
  };
}

/** The form's fields as a draft's input: a comment carries no gap type, a blank pseudonym no author. */
export function inputOfFormFields(fields: FormFields): DraftInput {
  return {
    kind: fields.kind,
    gapType: fields.kind === 'gap' ? fields.gapType : undefined,
    body: fields.body,
    author: fields.pseudonym.trim() ? { pseudonym: fields.pseudonym } : undefined,
  };
}

/** The field a contract problem is about, from its JSON Pointer (`/gapType`, `/author/pseudonym`…). */
export function fieldOfPointer(pointer: string): FieldName {
  if (pointer.startsWith('/gapType')) return 'gapType';
  if (pointer.startsWith('/author')) return 'pseudonym';
  if (pointer.startsWith('/kind')) return 'kind';
  // A reply's parent (gone, not public) is about where it stands, like its page: said above send.
  if (pointer.startsWith('/target') || pointer.startsWith('/parentId')) return 'target';
  return 'body';
}

/** The first problem of each field, in every language. */
export function fieldErrors(problems: readonly DraftProblem[]): FieldErrors<Sentences> {
  const errors: FieldErrors<Sentences> = {};
  for (const problem of problems) errors[fieldOfPointer(problem.pointer)] ??= { ...problem.sentences };
  return errors;
}

/** The first problem of each field, in one language. */
export function fieldErrorsIn(problems: readonly DraftProblem[], locale: Locale): FieldErrors<string> {
  const errors: FieldErrors<string> = {};
  for (const problem of problems) errors[fieldOfPointer(problem.pointer)] ??= problem.sentences[locale];
  return errors;
}

/**
 * A page's title as a contribution's target carries it: trimmed and cut to the
 * contract's length, so a long title never stops a send, and never cut through the
 * middle of a character (half an emoji is a lone surrogate, which the contract refuses).
 */
export function targetTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length <= TITLE_MAX_LENGTH) return trimmed;
  const end = /[\uD800-\uDBFF]/.test(trimmed.charAt(TITLE_MAX_LENGTH - 1)) ? TITLE_MAX_LENGTH - 1 : TITLE_MAX_LENGTH;
  return trimmed.slice(0, end).trimEnd();
}

/**
 * A reply's draft input, before its words: it stands where its parent does (the contract's
 * rule: the parent's page, and no gap type, quote, commitment or campaign of its own). The
 * fields set to undefined clear what a store's defaults (a widget's commitment) would add.
 */
export function replyDraftInput(parent: Pick<Contribution, 'id' | 'target'>): DraftInput {
  return {
    kind: 'reply',
    parentId: parent.id,
    target: { url: parent.target.url, title: parent.target.title, selectors: [] },
    gapType: undefined,
    commitmentId: undefined,
    campaignId: undefined,
  };
}
