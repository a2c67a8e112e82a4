import type { UiLocale } from './locale';

const frNumber = new Intl.NumberFormat('fr-FR');
const enNumber = new Intl.NumberFormat('en-GB');

/** The words of the in-page UI that loads on first use: the composer, highlights, popovers. */
export const pageUiStrings = {
  fr: {
    commentTitle: 'Commenter ce passage',
    flagTitle: 'Signaler un manque de transparence',
    quoted: 'Passage cité',
    gapType: 'Type de manque',
    gapTypeChoose: 'Choisissez…',
    body: 'Votre contribution',
    replyBody: 'Votre réponse',
    bodyHint: 'Texte brut, 5 000 caractères au plus. Ne donnez pas d’informations personnelles.',
    count: (n: number, max: number) => `${frNumber.format(n)} caractère${n > 1 ? 's' : ''} sur ${frNumber.format(max)}`,
    signedAs: (pseudonym: string) => `Signée « ${pseudonym} »`,
    unsigned: 'Anonyme (sans pseudonyme)',
    changePseudonym: 'Changer de pseudonyme dans les réglages',
    send: 'Envoyer',
    resumed: 'Vous reprenez le brouillon laissé sur ce passage.',
    close: 'Fermer',
    saved: 'Brouillon enregistré dans l’extension.',
    saveFailed: 'Le brouillon n’a pas pu être enregistré. Gardez une copie de votre texte.',
    fixErrors: (n: number) => `${n} champ${n > 1 ? 's' : ''} à corriger avant l’envoi.`,
    sent: 'Merci ! Votre contribution part dès que possible ; suivez-la dans « Mes contributions ».',
    quoteProblem: 'Ce passage ne peut pas être cité :',
    contributionsTitle: (n: number) => `${n} contribution${n > 1 ? 's' : ''} sur ce passage`,
    marker: (n: number, quote: string) => `${n} contribution${n > 1 ? 's' : ''} Vigie sur « ${quote} »`,
    ownBadge: 'En attente',
    ownPassage: (stage: 'waiting' | 'pending', quote: string) =>
      `Votre contribution ${stage === 'pending' ? 'en attente de relecture' : 'en attente d’envoi'} sur « ${quote} », visible de vous seul`,
  },
  en: {
    commentTitle: 'Comment on this passage',
    flagTitle: 'Report a transparency gap',
    quoted: 'Quoted passage',
    gapType: 'Kind of gap',
    gapTypeChoose: 'Choose…',
    body: 'Your contribution',
    replyBody: 'Your reply',
    bodyHint: 'Plain text, 5,000 characters at most. Do not give personal information.',
    count: (n: number, max: number) =>
      `${enNumber.format(n)} character${n === 1 ? '' : 's'} of ${enNumber.format(max)}`,
    signedAs: (pseudonym: string) => `Signed “${pseudonym}”`,
    unsigned: 'Anonymous (no pseudonym)',
    changePseudonym: 'Change the pseudonym in the settings',
    send: 'Send',
    resumed: 'You are continuing the draft left on this passage.',
    close: 'Close',
    saved: 'Draft saved in the extension.',
    saveFailed: 'The draft could not be saved. Keep a copy of your text.',
    fixErrors: (n: number) => `${n} field${n === 1 ? '' : 's'} to fix before sending.`,
    sent: 'Thank you! Your contribution is sent as soon as possible; follow it under “My contributions”.',
    quoteProblem: 'This passage cannot be quoted:',
    contributionsTitle: (n: number) => `${n} contribution${n === 1 ? '' : 's'} on this passage`,
    marker: (n: number, quote: string) => `${n} Vigie contribution${n === 1 ? '' : 's'} on “${quote}”`,
    ownBadge: 'Pending',
    ownPassage: (stage: 'waiting' | 'pending', quote: string) =>
      `Your contribution ${stage === 'pending' ? 'awaiting review' : 'waiting to be sent'} on “${quote}”, seen by you alone`,
  },
} satisfies Record<UiLocale, unknown>;

export type PageUiStrings = (typeof pageUiStrings)[UiLocale];
