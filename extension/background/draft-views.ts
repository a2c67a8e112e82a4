import { formFieldsOf, inputOfFormFields, type Draft, type DraftInput } from '../../api-client/drafts';
import type { DraftCreateRequest, DraftSummary, DraftView } from '../messaging/protocol';

/** A new draft from a composer: its words, and the page and passage it is about (kept as first recorded). */
export function inputOfNewDraft(request: DraftCreateRequest): DraftInput {
  return {
    ...inputOfFormFields(request.fields),
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
    fields: formFieldsOf(draft),
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
