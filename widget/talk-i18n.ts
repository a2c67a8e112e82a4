import type { WidgetLocale } from './i18n';

/**
 * The words of citizens talking back in the list ("Moi aussi", replies, sorting, live news),
 * French first. Like mine-i18n.ts, a catalogue of its own: it loads with the runtime chunk,
 * not with the page.
 */
export const talkStrings = {
  fr: {
    meToo: 'Moi aussi',
    supportCount: (n: number) =>
      n === 0 ? 'Personne n’a encore dit « moi aussi »' : `${n} personne${n > 1 ? 's disent' : ' dit'} « moi aussi »`,
    supportPending: 'enregistré sur cet appareil, en attente d’envoi',
    supportUnavailable: 'Ce navigateur ne permet pas de dire « moi aussi » sur cette page (connexion non sécurisée).',
    supportOffline:
      'Pas de réseau : votre « moi aussi » est gardé sur cet appareil et partira au retour de la connexion.',
    replies: (n: number) => `${n} réponse${n > 1 ? 's' : ''}`,
    repliesLoading: 'Chargement des réponses…',
    repliesFailed: 'Les réponses n’ont pas pu être chargées.',
    moreReplies: 'Afficher plus de réponses',
    reply: 'Répondre',
    replyTo: (author: string) => `Votre réponse à ${author}`,
    replyHint: 'Texte brut, publiée après relecture. Ne donnez pas d’informations personnelles.',
    sendReply: 'Envoyer la réponse',
    cancel: 'Fermer',
    replyWaiting: 'Votre réponse est enregistrée sur cet appareil et partira dès le retour de la connexion.',
    replySending: 'Votre réponse part…',
    replyForReview: 'Votre réponse a été reçue ; elle sera publiée après relecture.',
    replyPublished: 'Votre réponse a été reçue et publiée.',
    replyRefused: (reason: string) => `Réponse refusée : ${reason} Votre texte est conservé.`,
    sortLabel: 'Trier',
    sortNewest: 'Les plus récentes',
    sortSupport: 'Les plus soutenues',
    liveAdded: 'Une nouvelle contribution vient d’être publiée.',
    liveReply: 'Une nouvelle réponse vient d’être publiée.',
    liveAnswered: 'Une contribution vient de recevoir une réponse.',
    liveRemoved: 'Une contribution a été retirée de la liste.',
  },
  en: {
    meToo: 'Me too',
    supportCount: (n: number) =>
      n === 0 ? 'No one has said “me too” yet' : `${n} ${n > 1 ? 'people say' : 'person says'} “me too”`,
    supportPending: 'kept on this device, waiting to be sent',
    supportUnavailable: 'This browser cannot say “me too” on this page (the connection is not secure).',
    supportOffline: 'No network: your “me too” is kept on this device and will be sent when the connection returns.',
    replies: (n: number) => `${n} repl${n > 1 ? 'ies' : 'y'}`,
    repliesLoading: 'Loading the replies…',
    repliesFailed: 'The replies could not be loaded.',
    moreReplies: 'Show more replies',
    reply: 'Reply',
    replyTo: (author: string) => `Your reply to ${author}`,
    replyHint: 'Plain text, published after review. Do not give personal information.',
    sendReply: 'Send the reply',
    cancel: 'Close',
    replyWaiting: 'Your reply is saved on this device and will be sent when the connection returns.',
    replySending: 'Sending your reply…',
    replyForReview: 'Your reply was received; it will be published after review.',
    replyPublished: 'Your reply was received and published.',
    replyRefused: (reason: string) => `Reply refused: ${reason} Your text is kept.`,
    sortLabel: 'Sort',
    sortNewest: 'Newest first',
    sortSupport: 'Most supported first',
    liveAdded: 'A new contribution was just published.',
    liveReply: 'A new reply was just published.',
    liveAnswered: 'A contribution just received an answer.',
    liveRemoved: 'A contribution was taken off the list.',
  },
} as const;

export type TalkStrings = (typeof talkStrings)[WidgetLocale];
