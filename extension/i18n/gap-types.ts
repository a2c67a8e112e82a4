import type { GapType } from '../../api-client/contract';
import type { UiLocale } from './locale';

/** The contract's gap types in words (the same words as the widget's). */
export const gapTypeLabels: Record<UiLocale, Record<GapType, string>> = {
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
