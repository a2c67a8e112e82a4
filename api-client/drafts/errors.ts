import type { Locale } from '../contract';
import type { DraftState } from './schema';

export type Sentences = Record<Locale, string>;

/** No draft has this id on this device (it was removed, or never made here). */
export class DraftNotFoundError extends Error {
  readonly sentences: Sentences = {
    fr: "Ce brouillon n'existe pas ou a été supprimé.",
    en: 'This draft does not exist or was removed.',
  };
  constructor(readonly id: string) {
    super(`No draft with id ${id}.`);
    this.name = 'DraftNotFoundError';
  }
}

const lockedSentences: Record<'queued' | 'maybe-received' | 'sending' | 'synced', Sentences> = {
  queued: {
    fr: "Cette contribution attend d'être envoyée : retirez-la de l'envoi pour la modifier.",
    en: 'This contribution is waiting to be sent: take it back from sending to change it.',
  },
  'maybe-received': {
    fr: 'Cette contribution a peut-être déjà été reçue : elle ne peut plus être modifiée.',
    en: 'This contribution may already have been received: it can no longer be changed.',
  },
  sending: {
    fr: "Cette contribution est en cours d'envoi : elle ne peut plus être modifiée.",
    en: 'This contribution is being sent: it can no longer be changed.',
  },
  synced: {
    fr: 'Cette contribution a été envoyée : elle ne peut plus être modifiée.',
    en: 'This contribution was sent: it can no longer be changed.',
  },
};

/**
 * The draft left the citizen's hands (queued, being sent, or sent), so changing it
 * would make the stored text differ from what the platform holds under the same
 * id: the next send would be a conflict, or "my contributions" would show words
 * the platform never received. Only drafts and rejected drafts are editable.
 */
export class DraftLockedError extends Error {
  readonly sentences: Sentences;
  constructor(
    readonly id: string,
    readonly state: DraftState,
    /** queued but already put on the wire once: the platform may hold it. */
    readonly mayBeReceived = false,
  ) {
    const key =
      state === 'queued' ? (mayBeReceived ? 'maybe-received' : 'queued') : state === 'sending' ? 'sending' : 'synced';
    super(`Draft ${id} is ${state} and cannot be changed.`);
    this.name = 'DraftLockedError';
    this.sentences = lockedSentences[key];
  }
}
