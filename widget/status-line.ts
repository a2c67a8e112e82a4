import type { Strings } from './i18n';
import type { DraftView } from './runtime/types';

export interface StatusLine {
  tone: 'neutral' | 'ok' | 'problem';
  text: string;
}

/** The status region's sentence for the citizen's current draft. */
export function describeDraft(view: DraftView, t: Strings, online: boolean): StatusLine {
  switch (view.state) {
    case 'draft':
      return { tone: 'neutral', text: t.draftSaved };
    case 'queued':
      return { tone: 'neutral', text: online ? t.queued : t.waitingForNetwork };
    case 'sending':
      return { tone: 'neutral', text: t.sending };
    case 'synced':
      return { tone: 'ok', text: view.published ? t.receivedPublished : t.receivedForReview };
    case 'rejected':
      return { tone: 'problem', text: t.refused(view.reason ?? t.refusedNoReason) };
  }
}
