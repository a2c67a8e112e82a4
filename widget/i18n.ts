// The zod-free module of the contract: the first load must not pull in the schemas.
import { gapTypeLabels } from '../api-client/contract/labels';

export type WidgetLocale = 'fr' | 'en';

/** Every word the widget shows, French first. Only types come from the contract here. */
export const strings = {
  fr: {
    locale: 'fr',
    heading: 'Votre avis sur cette page',
    launcher: 'Donner mon avis',
    close: 'Fermer',
    kindLegend: 'Que souhaitez-vous faire ?',
    kindComment: 'Commenter',
    kindGap: 'Signaler un manque de transparence',
    gapType: 'Type de manque',
    gapTypeChoose: 'Choisissez…',
    body: 'Votre contribution',
    bodyHint: 'Texte brut, 5 000 caractères au plus. Ne donnez pas d’informations personnelles.',
    count: (n: number, max: number) =>
      `${n.toLocaleString('fr-FR')} caractère${n > 1 ? 's' : ''} sur ${max.toLocaleString('fr-FR')}`,
    pseudonym: 'Pseudonyme (facultatif)',
    pseudonymHint: 'Sans pseudonyme, votre contribution est anonyme.',
    send: 'Envoyer',
    quote: 'Citer le passage sélectionné',
    quoteHint: 'Sélectionnez d’abord un passage de la page.',
    quoted: (text: string) => `Passage cité : « ${text} »`,
    removeQuote: 'Retirer la citation',
    quoteTooLong: 'Ce passage dépasse 2 000 caractères : sélectionnez-en une partie.',
    quoteEmpty: 'Ce passage ne contient pas de texte visible à citer.',
    possibleTitle: 'Passage peut-être modifié',
    possibleFound: (text: string) => `Le passage cité a peut-être changé. Sur la page : « ${text} »`,
    itsHere: 'C’est ici',
    notHere: 'Ce n’est pas ici',
    hereNoted: 'C’est noté : la citation reprend le passage tel qu’il est sur la page.',
    notHereNoted: 'C’est noté : cet endroit ne vous sera plus proposé.',
    commitment: 'Engagement',
    leadInstitution: 'Institution pilote :',
    published: 'Contributions publiées',
    noneYet: 'Aucune contribution publiée pour le moment.',
    loading: 'Chargement…',
    showPublished: 'Afficher les contributions publiées',
    listError: 'Les contributions publiées n’ont pas pu être chargées.',
    more: 'Afficher plus de contributions',
    seeAll: 'Voir toutes les contributions',
    draftSaved: 'Brouillon enregistré sur cet appareil.',
    waitingForNetwork:
      'Pas de réseau : votre contribution est enregistrée sur cet appareil et partira dès le retour de la connexion.',
    queued: 'Votre contribution est prête à partir.',
    sending: 'Envoi en cours…',
    receivedForReview: 'Merci ! Votre contribution a été reçue ; elle sera publiée après relecture.',
    receivedPublished: 'Merci ! Votre contribution a été reçue et publiée.',
    refused: (reason: string) =>
      `Refusée : ${reason} Votre texte est conservé : modifiez-le puis envoyez-le à nouveau.`,
    refusedNoReason: 'la plateforme n’a pas accepté cette contribution.',
    fixErrors: (n: number) => `${n} champ${n > 1 ? 's' : ''} à corriger avant l’envoi.`,
    missingPlatform: 'Ce module est mal configuré : l’attribut « platform » manque.',
    codeOffline:
      'Pas de réseau : ce module n’a pas fini de se charger. Votre texte reste dans le formulaire et sera enregistré au retour de la connexion.',
    storageUnavailable:
      'Ce navigateur ne permet pas d’enregistrer de brouillon ici : gardez une copie de votre texte avant d’envoyer.',
    gapTypes: gapTypeLabels.fr,
  },
  en: {
    locale: 'en',
    heading: 'Your feedback on this page',
    launcher: 'Give my feedback',
    close: 'Close',
    kindLegend: 'What would you like to do?',
    kindComment: 'Comment',
    kindGap: 'Report a transparency gap',
    gapType: 'Kind of gap',
    gapTypeChoose: 'Choose…',
    body: 'Your contribution',
    bodyHint: 'Plain text, 5,000 characters at most. Do not give personal information.',
    count: (n: number, max: number) =>
      `${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} of ${max.toLocaleString('en-GB')}`,
    pseudonym: 'Pseudonym (optional)',
    pseudonymHint: 'Without a pseudonym, your contribution is anonymous.',
    send: 'Send',
    quote: 'Quote the selected passage',
    quoteHint: 'First select a passage of the page.',
    quoted: (text: string) => `Quoted passage: “${text}”`,
    removeQuote: 'Remove the quote',
    quoteTooLong: 'This passage is longer than 2,000 characters: select part of it.',
    quoteEmpty: 'This passage holds no visible text to quote.',
    possibleTitle: 'Passage may have changed',
    possibleFound: (text: string) => `The quoted passage may have changed. On the page: “${text}”`,
    itsHere: 'It’s here',
    notHere: 'It’s not here',
    hereNoted: 'Noted: the quote now takes the passage as it reads on the page.',
    notHereNoted: 'Noted: this place will not be offered again.',
    commitment: 'Commitment',
    leadInstitution: 'Lead institution:',
    published: 'Published contributions',
    noneYet: 'No contribution published yet.',
    loading: 'Loading…',
    showPublished: 'Show the published contributions',
    listError: 'The published contributions could not be loaded.',
    more: 'Show more contributions',
    seeAll: 'See all contributions',
    draftSaved: 'Draft saved on this device.',
    waitingForNetwork:
      'No network: your contribution is saved on this device and will be sent when the connection returns.',
    queued: 'Your contribution is ready to go.',
    sending: 'Sending…',
    receivedForReview: 'Thank you! Your contribution was received; it will be published after review.',
    receivedPublished: 'Thank you! Your contribution was received and published.',
    refused: (reason: string) => `Refused: ${reason} Your text is kept: edit it, then send it again.`,
    refusedNoReason: 'the platform did not accept this contribution.',
    fixErrors: (n: number) => `${n} field${n === 1 ? '' : 's'} to fix before sending.`,
    missingPlatform: 'This module is misconfigured: the "platform" attribute is missing.',
    codeOffline:
      'No network: this module has not finished loading. Your text stays in the form and will be saved when the connection returns.',
    storageUnavailable: 'This browser does not let us keep a draft here: keep a copy of your text before sending.',
    gapTypes: gapTypeLabels.en,
  },
} as const;

export type Strings = (typeof strings)[WidgetLocale];

/** `lang` attribute first, then the host page's language; French when unsure. */
export function widgetLocale(attribute: string | null, documentLang: string): WidgetLocale {
  const tag = (attribute || documentLang || 'fr').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'fr';
}
