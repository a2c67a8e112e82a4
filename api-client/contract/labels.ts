import type { GapType } from './contribution';
import type { Locale } from './messages';

/**
 * The contract's gap types in the words citizens read, French first. Free of zod, so a
 * first-load bundle can show them; every client names a gap the same way.
 */
export const gapTypeLabels: Record<Locale, Record<GapType, string>> = {
  fr: {
    'missing-information': 'Information manquante',
    outdated: 'Information périmée',
    'missing-data': 'Données non publiées',
    'broken-link': 'Lien cassé',
    'unclear-responsibility': 'Responsable non identifié',
    'no-contact': 'Aucun contact',
    inaccessible: 'Contenu inaccessible',
    other: 'Autre',
  },
  en: {
    'missing-information': 'Missing information',
    outdated: 'Outdated information',
    'missing-data': 'Data not published',
    'broken-link': 'Broken link',
    'unclear-responsibility': 'No one identified as responsible',
    'no-contact': 'No contact',
    inaccessible: 'Inaccessible content',
    other: 'Other',
  },
};

// In a module of its own: a client may load it later than the gap types (the widget's list does).
export { answerStatusLabels } from './answer-labels';
