import { isMessageCode, message, type Locale } from '../contract';
import { isSyncFailureCode, syncFailureSentences } from './failures';
import type { Watchable } from './observable';
import { countIn, type Plural } from './plural';
import { describePlatformState } from './own-words';
import { draftStates, type Draft, type DraftError, type DraftState } from './schema';
import type { DraftStore } from './store';
import type { SyncEngine, SyncEngineState } from './sync-engine';

export type StatusTone = 'idle' | 'saved' | 'sending' | 'waiting' | 'problem' | 'done';

/** What the citizen reads about their contributions, in one line and in parts. */
export interface SyncStatus {
  /** e.g. "3 contributions en attente du réseau · 1 contribution refusée : le texte est vide" */
  text: string;
  parts: string[];
  counts: Record<DraftState, number>;
  tone: StatusTone;
}

const text = {
  sending: {
    fr: { one: 'Envoi de {n} contribution…', other: 'Envoi de {n} contributions…' },
    en: { one: 'Sending {n} contribution…', other: 'Sending {n} contributions…' },
  },
  waiting: {
    fr: { one: "{n} contribution en attente d'envoi", other: "{n} contributions en attente d'envoi" },
    en: { one: '{n} contribution waiting to be sent', other: '{n} contributions waiting to be sent' },
  },
  waitingNetwork: {
    fr: { one: '{n} contribution en attente du réseau', other: '{n} contributions en attente du réseau' },
    en: { one: '{n} contribution waiting for the network', other: '{n} contributions waiting for the network' },
  },
  waitingPlatform: {
    fr: { one: '{n} contribution en attente de la plateforme', other: '{n} contributions en attente de la plateforme' },
    en: { one: '{n} contribution waiting for the platform', other: '{n} contributions waiting for the platform' },
  },
  rejected: {
    fr: { one: '{n} contribution refusée', other: '{n} contributions refusées' },
    en: { one: '{n} contribution refused', other: '{n} contributions refused' },
  },
  drafts: {
    fr: { one: '{n} brouillon enregistré', other: '{n} brouillons enregistrés' },
    en: { one: '{n} draft saved', other: '{n} drafts saved' },
  },
  synced: {
    fr: { one: '{n} contribution envoyée', other: '{n} contributions envoyées' },
    en: { one: '{n} contribution sent', other: '{n} contributions sent' },
  },
} satisfies Record<string, Record<Locale, Plural>>;

const single = {
  none: { fr: 'Aucune contribution', en: 'No contributions' },
  draft: { fr: 'Brouillon enregistré', en: 'Draft saved' },
  queued: { fr: "En attente d'envoi", en: 'Waiting to be sent' },
  queuedNetwork: { fr: 'En attente du réseau', en: 'Waiting for the network' },
  queuedPlatform: { fr: 'En attente de la plateforme', en: 'Waiting for the platform' },
  sending: { fr: 'Envoi en cours…', en: 'Sending…' },
  rejected: { fr: 'Refusée : {reason}', en: 'Refused: {reason}' },
  rejectedCount: { fr: '{count} : {reason}', en: '{count}: {reason}' },
} satisfies Record<string, Record<Locale, string>>;

/** A stored reason, in the reader's language when its code is known to us. */
export function reasonSentence(error: DraftError, locale: Locale): string {
  if (error.code && isMessageCode(error.code)) return message(error.code, locale);
  if (isSyncFailureCode(error.code)) return syncFailureSentences[error.code][locale];
  return error.sentence;
}

/** "Le texte est vide." → "le texte est vide", to follow "Refusée : ". */
function asClause(sentence: string): string {
  const trimmed = sentence.trim().replace(/[.。]$/, '');
  const [first = '', second = ''] = trimmed;
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return trimmed; // an acronym
  return first.toLowerCase() + trimmed.slice(1);
}

type WaitKind = 'plain' | 'network' | 'platform';

function waitKindOf(error: DraftError | null | undefined, online: boolean | null | undefined): WaitKind {
  if (online === false) return 'network';
  if (!error) return 'plain';
  return error.code === 'network' || error.code === 'timeout' ? 'network' : 'platform';
}

/**
 * One draft's state, in words: "Brouillon enregistré", "En attente du réseau", "Refusée : le
 * texte est vide"; once the platform holds it, what became of it there ("En attente de
 * relecture", "Publiée", "Masquée par la modération (spam)"…: own-words.ts).
 */
export function describeDraft(draft: Draft, locale: Locale = 'fr'): string {
  switch (draft.state) {
    case 'draft':
      return single.draft[locale];
    case 'queued': {
      const kind = waitKindOf(draft.lastError, undefined);
      return (kind === 'network' ? single.queuedNetwork : kind === 'platform' ? single.queuedPlatform : single.queued)[
        locale
      ];
    }
    case 'sending':
      return single.sending[locale];
    case 'synced':
      return describePlatformState(draft, locale);
    case 'rejected':
      return single.rejected[locale].replace(
        '{reason}',
        asClause(reasonSentence(draft.lastError ?? { sentence: '', code: 'field.invalid' }, locale)),
      );
  }
}

/** The summary of every draft on this device, given what the engine knows of the link. */
export function describeSyncStatus(
  drafts: readonly Draft[],
  engine: SyncEngineState | null | undefined,
  locale: Locale = 'fr',
): SyncStatus {
  const counts = Object.fromEntries(draftStates.map((s) => [s, 0])) as Record<DraftState, number>;
  for (const draft of drafts) counts[draft.state]++;
  const parts: string[] = [];

  if (counts.sending > 0) parts.push(countIn(text.sending, counts.sending, locale));
  let waitKind: WaitKind = 'plain';
  if (counts.queued > 0) {
    // The engine's view of the link is fresher than a draft's last error.
    const lastQueuedError = drafts.find((d) => d.state === 'queued' && d.lastError)?.lastError;
    waitKind = waitKindOf(engine ? engine.lastFailure : lastQueuedError, engine?.online);
    const forms =
      waitKind === 'network' ? text.waitingNetwork : waitKind === 'platform' ? text.waitingPlatform : text.waiting;
    parts.push(countIn(forms, counts.queued, locale));
  }
  if (counts.rejected === 1) {
    const rejected = drafts.find((d) => d.state === 'rejected')!;
    const reason = asClause(reasonSentence(rejected.lastError ?? { sentence: '', code: 'field.invalid' }, locale));
    parts.push(
      single.rejectedCount[locale].replace('{count}', countIn(text.rejected, 1, locale)).replace('{reason}', reason),
    );
  } else if (counts.rejected > 1) {
    parts.push(countIn(text.rejected, counts.rejected, locale));
  }
  if (counts.draft > 0) parts.push(countIn(text.drafts, counts.draft, locale));
  if (counts.synced > 0) parts.push(countIn(text.synced, counts.synced, locale));

  const tone: StatusTone =
    counts.rejected > 0
      ? 'problem'
      : counts.sending > 0
        ? 'sending'
        : counts.queued > 0
          ? waitKind === 'plain'
            ? 'sending'
            : 'waiting'
          : counts.draft > 0
            ? 'saved'
            : counts.synced > 0
              ? 'done'
              : 'idle';
  return { text: parts.length > 0 ? parts.join(' · ') : single.none[locale], parts, counts, tone };
}

/** The summary, kept up to date from the store's live query and the engine's state. */
export function watchSyncStatus(
  store: DraftStore,
  engine: SyncEngine | null,
  locale: Locale = 'fr',
): Watchable<SyncStatus> {
  return {
    subscribe(onValue, onError) {
      let drafts: Draft[] | undefined;
      let engineState = engine?.state.get() ?? null;
      const emit = () => {
        if (drafts) onValue(describeSyncStatus(drafts, engineState, locale));
      };
      const offDrafts = store.watchList().subscribe((value) => {
        drafts = value;
        emit();
      }, onError);
      const offEngine = engine?.state.subscribe((value) => {
        engineState = value;
        emit();
      });
      return () => {
        offDrafts();
        offEngine?.();
      };
    },
  };
}
