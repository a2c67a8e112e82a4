import type { Locale, ModerationReason } from '../contract';
import { platformStateOfDraft } from './platform-state';
import type { Draft } from './schema';
import { countIn, type Plural } from './plural';

/**
 * Where one of the citizen's contributions stands, as "Mes contributions" says it: on
 * this device (a draft, waiting to be sent, refused when sent), then on the platform.
 * Every entry and the summary line above them come from this one function, so they
 * cannot disagree.
 */
export const ownStates = [
  'draft',
  'waiting',
  'refused',
  'pending',
  'published',
  'hidden',
  'rejected',
  'withdrawn',
] as const;
export type OwnState = (typeof ownStates)[number];

type OwnDraft = Pick<Draft, 'state' | 'platform' | 'server' | 'syncedAt'>;

export function ownStateOf(draft: OwnDraft): OwnState {
  switch (draft.state) {
    case 'draft':
      return 'draft';
    case 'queued':
    case 'sending':
      return 'waiting';
    case 'rejected':
      return 'refused';
    case 'synced':
      return platformStateOfDraft(draft)?.status ?? 'pending';
  }
}

/** A moderator's reason, as it follows "Masquée par la modération". */
export const moderationReasonWords: Record<Locale, Record<ModerationReason, string>> = {
  fr: {
    spam: 'spam',
    offensive: 'propos injurieux',
    'off-topic': 'hors sujet',
    'personal-data': 'données personnelles',
    other: 'autre motif',
  },
  en: {
    spam: 'spam',
    offensive: 'offensive',
    'off-topic': 'off topic',
    'personal-data': 'personal data',
    other: 'another reason',
  },
};

const stateWords = {
  pending: { fr: 'En attente de relecture', en: 'Awaiting review' },
  published: { fr: 'Publiée', en: 'Published' },
  hidden: { fr: 'Masquée par la modération', en: 'Hidden by the moderators' },
  rejected: { fr: 'Rejetée', en: 'Rejected' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
} satisfies Record<string, Record<Locale, string>>;

/**
 * The platform's side of a sent contribution in words: "En attente de relecture",
 * "Publiée", "Masquée par la modération (données personnelles)", "Rejetée (spam)",
 * "Retirée". The states on this device are status.ts's describeDraft.
 */
export function describePlatformState(draft: OwnDraft, locale: Locale): string {
  const state = platformStateOfDraft(draft);
  const status = state?.status ?? 'pending';
  const words = stateWords[status][locale];
  if ((status === 'hidden' || status === 'rejected') && state?.reason) {
    return `${words} (${moderationReasonWords[locale][state.reason]})`;
  }
  return words;
}

const countWords: Record<OwnState, Record<Locale, Plural>> = {
  draft: { fr: { one: '{n} brouillon', other: '{n} brouillons' }, en: { one: '{n} draft', other: '{n} drafts' } },
  waiting: {
    fr: { one: "{n} en attente d'envoi", other: "{n} en attente d'envoi" },
    en: { one: '{n} waiting to be sent', other: '{n} waiting to be sent' },
  },
  refused: {
    fr: { one: "{n} refusée à l'envoi", other: "{n} refusées à l'envoi" },
    en: { one: '{n} refused when sent', other: '{n} refused when sent' },
  },
  pending: {
    fr: { one: '{n} en attente de relecture', other: '{n} en attente de relecture' },
    en: { one: '{n} awaiting review', other: '{n} awaiting review' },
  },
  published: {
    fr: { one: '{n} publiée', other: '{n} publiées' },
    en: { one: '{n} published', other: '{n} published' },
  },
  hidden: { fr: { one: '{n} masquée', other: '{n} masquées' }, en: { one: '{n} hidden', other: '{n} hidden' } },
  rejected: { fr: { one: '{n} rejetée', other: '{n} rejetées' }, en: { one: '{n} rejected', other: '{n} rejected' } },
  withdrawn: {
    fr: { one: '{n} retirée', other: '{n} retirées' },
    en: { one: '{n} withdrawn', other: '{n} withdrawn' },
  },
};

const none = { fr: 'Aucune contribution', en: 'No contributions' } satisfies Record<Locale, string>;

export interface OwnSummary {
  /** e.g. "1 publiée · 2 en attente de relecture · 1 brouillon" */
  text: string;
  counts: Record<OwnState, number>;
}

/** The line above "Mes contributions": how many stand where, in the entries' own words. */
export function describeOwnSummary(drafts: readonly OwnDraft[], locale: Locale): OwnSummary {
  const counts = Object.fromEntries(ownStates.map((s) => [s, 0])) as Record<OwnState, number>;
  for (const draft of drafts) counts[ownStateOf(draft)]++;
  // The platform's news first, then what waits on this device.
  const order: OwnState[] = ['published', 'pending', 'hidden', 'rejected', 'withdrawn', 'waiting', 'refused', 'draft'];
  const parts = order
    .filter((state) => counts[state] > 0)
    .map((state) => countIn(countWords[state], counts[state], locale));
  return { text: parts.length > 0 ? parts.join(' · ') : none[locale], counts };
}
