import {
  formFieldsOf,
  hasNews,
  inputOfFormFields,
  ownStateOf,
  type Draft,
  type DraftInput,
} from '../../api-client/drafts';
import type { DraftCreateRequest, DraftSummary, DraftView, OwnPassage } from '../messaging/protocol';

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
    ...(draft.platform ? { platform: draft.platform } : {}),
  };
}

/**
 * Whether the platform may hold it: sent, or put on the wire at least once (an answer
 * may have been lost). Deleting such a draft would lose the secret that withdraws it.
 */
export const mayBeOnPlatform = (draft: Draft) =>
  draft.state === 'synced' || draft.state === 'sending' || (draft.state === 'queued' && draft.attempts > 0);

export function summaryOf(draft: Draft): DraftSummary {
  const target = draft.input.target;
  const quote = target?.selectors.find((s) => s.type === 'TextQuoteSelector');
  const own = ownStateOf(draft);
  const sentAt =
    draft.state === 'draft' || draft.state === 'rejected' ? undefined : (draft.queuedAt ?? draft.updatedAt);
  return {
    ...viewOf(draft),
    ...(target?.url ? { pageUrl: target.url } : {}),
    ...(draft.input.parentId ? { parentId: draft.input.parentId } : {}),
    ...(target?.title ? { pageTitle: target.title } : {}),
    ...(quote ? { quote: quote.exact } : {}),
    updatedAt: draft.updatedAt,
    ...(sentAt !== undefined ? { sentAt } : {}),
    news: hasNews(draft),
    canEdit: draft.state === 'draft' || draft.state === 'rejected',
    canRetry: draft.state === 'rejected' || (draft.state === 'queued' && draft.lastError !== undefined),
    canDelete: !mayBeOnPlatform(draft),
    canWithdraw: draft.state === 'synced' && own !== 'withdrawn' && draft.withdrawalSecret !== undefined,
    canForget: mayBeOnPlatform(draft) && draft.state !== 'sending',
  };
}

/** The citizen's own passages not yet public: what the content script highlights for them alone. */
export function ownPassageOf(draft: Draft): OwnPassage | undefined {
  const own = ownStateOf(draft);
  const selectors = draft.input.target?.selectors ?? [];
  if ((own !== 'waiting' && own !== 'pending') || !selectors.some((s) => s.type === 'TextQuoteSelector')) {
    return undefined;
  }
  return { id: draft.id, selectors, stage: own };
}
