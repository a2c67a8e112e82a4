import type { Locale, PendingAgeBucket } from '../../../../api-client/contract';
import { lang } from '../i18n';

const frNumber = (n: number) => n.toLocaleString('fr-FR');
const enNumber = (n: number) => n.toLocaleString('en-GB');

/** A duration in days and hours (or hours and minutes under a day). */
function duration(seconds: number, words: { d: string; h: string; min: string }): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} ${words.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${words.h} ${minutes % 60} ${words.min}`;
  return `${Math.floor(hours / 24)} ${words.d} ${hours % 24} ${words.h}`;
}

/** The dashboard's words: titles, descriptions of each chart (for screen readers), table headers. */
const fr = {
  title: 'Tableau de bord',
  scopeOrganisation: (name: string) => `Les contributions qui concernent ${name} : ses domaines et ses engagements.`,
  scopePlatform: 'Toutes les contributions de la plateforme.',
  generated: (date: string) => `Chiffres calculés le ${date} ; la page « Modération » tient ses compteurs à jour.`,
  loading: 'Calcul des chiffres…',
  byStatusTitle: 'Contributions par statut',
  statusCol: 'Statut',
  count: 'Nombre',
  total: 'Total',
  medianAnswer: 'Délai médian de réponse',
  medianAnswerHelp: (n: number) =>
    `entre la réception et la première réponse (de l’organisation ou de la modération), sur ${frNumber(n)} contribution${n > 1 ? 's' : ''} avec réponse`,
  medianPending: 'Attente médiane des contributions en attente',
  oldestPending: (date: string) => `la plus ancienne attend depuis le ${date}`,
  none: 'aucune',
  duration: (seconds: number) => duration(seconds, { d: 'j', h: 'h', min: 'min' }),
  perDayTitle: (days: number) => `Contributions reçues par jour (${days} derniers jours)`,
  day: 'Jour',
  perCommitmentTitle: 'Contributions par engagement',
  commitment: 'Engagement',
  noCommitment: 'Sans engagement',
  perGapTitle: 'Manques signalés, par type',
  gapType: 'Type de manque',
  pendingAgeTitle: 'Contributions en attente, par ancienneté',
  age: 'Attente',
  buckets: {
    'under-1-day': 'moins d’un jour',
    '1-to-7-days': '1 à 7 jours',
    '7-to-30-days': '7 à 30 jours',
    'over-30-days': 'plus de 30 jours',
  } satisfies Record<PendingAgeBucket, string>,
  chartDesc: (total: number, top: string | undefined) =>
    total === 0
      ? 'Graphique en barres : aucune contribution.'
      : `Graphique en barres : ${frNumber(total)} au total ; la plus grande barre est « ${top} ». Les mêmes chiffres sont dans le tableau qui suit.`,
};

type Strings = typeof fr;

const en: Strings = {
  title: 'Dashboard',
  scopeOrganisation: (name) => `The contributions that concern ${name}: its domains and its commitments.`,
  scopePlatform: 'Every contribution on the platform.',
  generated: (date) => `Figures computed on ${date}; the “Moderation” page keeps its counts up to date.`,
  loading: 'Computing the figures…',
  byStatusTitle: 'Contributions by status',
  statusCol: 'Status',
  count: 'Count',
  total: 'Total',
  medianAnswer: 'Median time to answer',
  medianAnswerHelp: (n) =>
    `from arrival to the first answer (the organisation’s or the moderators’), over ${enNumber(n)} answered contribution${n === 1 ? '' : 's'}`,
  medianPending: 'Median wait of pending contributions',
  oldestPending: (date) => `the oldest has waited since ${date}`,
  none: 'none',
  duration: (seconds) => duration(seconds, { d: 'd', h: 'h', min: 'min' }),
  perDayTitle: (days) => `Contributions received per day (last ${days} days)`,
  day: 'Day',
  perCommitmentTitle: 'Contributions per commitment',
  commitment: 'Commitment',
  noCommitment: 'No commitment',
  perGapTitle: 'Gaps reported, by type',
  gapType: 'Kind of gap',
  pendingAgeTitle: 'Pending contributions, by age',
  age: 'Waiting',
  buckets: {
    'under-1-day': 'under a day',
    '1-to-7-days': '1 to 7 days',
    '7-to-30-days': '7 to 30 days',
    'over-30-days': 'over 30 days',
  },
  chartDesc: (total, top) =>
    total === 0
      ? 'Bar chart: no contribution.'
      : `Bar chart: ${enNumber(total)} in all; the largest bar is “${top}”. The same figures are in the table that follows.`,
};

const strings: Record<Locale, Strings> = { fr, en };

export function td(): Strings {
  return strings[lang.value];
}
