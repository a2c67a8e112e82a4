import type { Locale } from '../../api-client/contract';
import {
  describeDraft,
  describeOwnSummary,
  describeSyncStatus,
  type Draft,
  type OwnSummary,
  type SyncEngineState,
  type SyncStatus,
} from '../../api-client/drafts';
import type { DraftsSnapshot, DraftView, Sentences } from '../messaging/protocol';

/** A view as the Draft api-client/drafts' sentences read (they look at state, lastError, server and platform only). */
function asDraft(view: DraftView): Draft {
  return {
    id: view.id,
    input: {},
    state: view.state,
    attempts: 0,
    createdAt: 0,
    updatedAt: 0,
    ...(view.lastError ? { lastError: view.lastError } : {}),
    ...(view.server ? { server: view.server } : {}),
    ...(view.platform ? { platform: view.platform } : {}),
  };
}

/** "Envoyée", "En attente du réseau", "Refusée : le texte est vide", in the reader's language. */
export function draftStateText(view: DraftView, locale: Locale): string {
  return describeDraft(asDraft(view), locale);
}

/**
 * The line above "Mes contributions": how many stand where, counted with the very words
 * each entry shows ("2 publiées · 1 en attente de relecture · 1 brouillon").
 */
export function ownSummaryText(snapshot: DraftsSnapshot, locale: Locale): OwnSummary {
  return describeOwnSummary(snapshot.drafts.map(asDraft), locale);
}

/** What waits to be sent, and what it waits for ("2 contributions en attente du réseau"); null when nothing waits. */
export function waitingText(snapshot: DraftsSnapshot, locale: Locale): string | null {
  const waiting = { ...snapshot, drafts: snapshot.drafts.filter((d) => d.state === 'queued' || d.state === 'sending') };
  return waiting.drafts.length > 0 ? syncStatusText(waiting, locale).text : null;
}

/** The status line of every draft on this device, in the reader's language. */
export function syncStatusText(snapshot: DraftsSnapshot, locale: Locale): SyncStatus {
  const engine: SyncEngineState = {
    started: true,
    pushing: false,
    lockKind: 'web-locks',
    nextAttemptAt: null,
    lastFailure: snapshot.link.lastFailure ? { ...snapshot.link.lastFailure, at: 0 } : null,
    lastReport: null,
    online: snapshot.link.online,
  };
  return describeSyncStatus(snapshot.drafts.map(asDraft), engine, locale);
}

/** An error from the background in the reader's language, when it brought its sentences. */
export function sentenceOf(error: unknown, locale: Locale, fallback: string): string {
  const sentences = (error as { sentences?: Partial<Sentences> } | null)?.sentences;
  if (sentences?.[locale]) return sentences[locale];
  return error instanceof Error && error.message ? error.message : fallback;
}
