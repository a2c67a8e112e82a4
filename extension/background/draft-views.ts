import type { Draft, DraftInput, DraftProblem } from '../../api-client/drafts';
import type {
  DraftCreateRequest,
  DraftFields,
  DraftSummary,
  DraftView,
  FieldName,
  Sentences,
} from '../messaging/protocol';

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

export function inputOfNewDraft(request: DraftCreateRequest): DraftInput {
  return {
    ...inputOfFields(request.fields),
    target: request.target,
    commitmentId: request.commitmentId,
    locale: request.locale,
    source: 'extension',
  };
}

export function viewOf(draft: Draft): DraftView {
  return {
    id: draft.id,
    state: draft.state,
    fields: fieldsOf(draft),
    ...(draft.lastError
      ? {
          lastError: {
            sentence: draft.lastError.sentence,
            ...(draft.lastError.code !== undefined ? { code: draft.lastError.code } : {}),
            ...(draft.lastError.status !== undefined ? { status: draft.lastError.status } : {}),
          },
        }
      : {}),
    ...(draft.server ? { server: { status: draft.server.status, receivedAt: draft.server.receivedAt } } : {}),
  };
}

export function summaryOf(draft: Draft): DraftSummary {
  const target = draft.input.target;
  const quote = target?.selectors.find((s) => s.type === 'TextQuoteSelector');
  return {
    ...viewOf(draft),
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

/** The first problem of each field, in every language, for the composer to show in its own. */
export function fieldErrors(problems: readonly DraftProblem[]): Partial<Record<FieldName, Sentences>> {
  const errors: Partial<Record<FieldName, Sentences>> = {};
  for (const problem of problems) errors[fieldOfPointer(problem.pointer)] ??= { ...problem.sentences };
  return errors;
}
