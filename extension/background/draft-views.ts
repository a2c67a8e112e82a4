import type { Locale } from '../../api-client/contract';
import { describeDraft, type Draft, type DraftInput, type DraftProblem } from '../../api-client/drafts';
import type { DraftCreateRequest, DraftFields, DraftSummary, DraftView, FieldName } from '../messaging/protocol';

export function fieldsOf(draft: Draft): DraftFields {
  const input = draft.input;
  return {
    kind: input.kind ?? 'comment',
    ...(input.gapType ? { gapType: input.gapType } : {}),
    body: input.body ?? '',
    pseudonym: input.author?.pseudonym ?? '',
  };
}

/** The composer's fields as a draft's input; the target and commitment stay as first recorded. */
export function inputOfFields(fields: DraftFields): DraftInput {
  return {
    kind: fields.kind,
    gapType: fields.kind === 'gap' ? fields.gapType : undefined,
    body: fields.body,
    author: fields.pseudonym.trim() ? { pseudonym: fields.pseudonym } : undefined,
  };
}

export function inputOfNewDraft(request: DraftCreateRequest, locale: Locale): DraftInput {
  return {
    ...inputOfFields(request.fields),
    target: request.target,
    commitmentId: request.commitmentId,
    locale,
    source: 'extension',
  };
}

export function viewOf(draft: Draft, locale: Locale): DraftView {
  return { id: draft.id, state: draft.state, stateText: describeDraft(draft, locale), fields: fieldsOf(draft) };
}

export function summaryOf(draft: Draft, locale: Locale): DraftSummary {
  const target = draft.input.target;
  const quote = target?.selectors.find((s) => s.type === 'TextQuoteSelector');
  return {
    ...viewOf(draft, locale),
    ...(target?.url ? { pageUrl: target.url } : {}),
    ...(target?.title ? { pageTitle: target.title } : {}),
    ...(quote ? { quote: quote.exact } : {}),
    updatedAt: draft.updatedAt,
    canEdit: draft.state === 'draft' || draft.state === 'rejected',
    canRetry: draft.state === 'rejected' || (draft.state === 'queued' && draft.lastError !== undefined),
    canDelete: draft.state !== 'sending',
  };
}

/** The form field a contract problem is about, to put the sentence next to it. */
export function fieldOfPointer(pointer: string): FieldName {
  if (pointer.startsWith('/gapType')) return 'gapType';
  if (pointer.startsWith('/author')) return 'pseudonym';
  if (pointer.startsWith('/kind')) return 'kind';
  if (pointer.startsWith('/target')) return 'target';
  return 'body';
}

export function fieldErrors(problems: readonly DraftProblem[], locale: Locale): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  for (const problem of problems) errors[fieldOfPointer(problem.pointer)] ??= problem.sentences[locale];
  return errors;
}
