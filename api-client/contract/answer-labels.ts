import type { answerStatuses } from './limits';
import type { Locale } from './messages';

/**
 * Where an organisation stands on a contribution, in the words every client shows beside
 * "Réponse de <organisation>", French first.
 */
export const answerStatusLabels: Record<Locale, Record<(typeof answerStatuses)[number], string>> = {
  fr: {
    received: 'Reçue',
    'in-progress': 'En cours de traitement',
    answered: 'Réponse apportée',
    'not-our-remit': 'Hors de notre compétence',
  },
  en: {
    received: 'Received',
    'in-progress': 'In progress',
    answered: 'Answered',
    'not-our-remit': 'Not our remit',
  },
};
