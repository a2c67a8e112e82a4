import type { UiLocale } from './locale';

/**
 * The words of citizens talking back, wherever the extension shows a published
 * contribution (the side panel, the in-page popover): "Moi aussi", replies, sorting.
 */
export const talkBackStrings = {
  fr: {
    meToo: 'Moi aussi',
    supporters: (n: number) =>
      n === 0 ? 'Aucun soutien pour l’instant' : `Soutenue par ${n} personne${n > 1 ? 's' : ''}`,
    supportWaiting: 'votre « Moi aussi » part dès que le réseau revient',
    supportGone: 'cette contribution n’est plus publique',
    supportFailed: 'Votre « Moi aussi » n’a pas pu être enregistré. Réessayez.',
    showReplies: (n: number) => `Afficher les réponses (${n})`,
    hideReplies: (n: number) => `Masquer les réponses (${n})`,
    repliesLabel: 'Réponses',
    moreReplies: 'Réponses suivantes',
    repliesFailed: 'Les réponses n’ont pas pu être chargées.',
    noReplies: 'Aucune réponse publiée pour l’instant.',
    reply: 'Répondre',
    replyFailed: 'La réponse n’a pas pu être commencée. Réessayez.',
    kindReply: 'Réponse à une contribution',
    citizenReplies: (n: number) => `${n} réponse${n > 1 ? 's' : ''} d’autres citoyens`,
    sortBy: 'Trier',
    sortNewest: 'Les plus récentes',
    sortSupport: 'Les plus soutenues',
  },
  en: {
    meToo: 'Me too',
    supporters: (n: number) => (n === 0 ? 'No support yet' : `Supported by ${n} ${n === 1 ? 'person' : 'people'}`),
    supportWaiting: 'your “Me too” leaves as soon as the network is back',
    supportGone: 'this contribution is no longer public',
    supportFailed: 'Your “Me too” could not be saved. Try again.',
    showReplies: (n: number) => `Show the replies (${n})`,
    hideReplies: (n: number) => `Hide the replies (${n})`,
    repliesLabel: 'Replies',
    moreReplies: 'Next replies',
    repliesFailed: 'The replies could not be loaded.',
    noReplies: 'No reply published yet.',
    reply: 'Reply',
    replyFailed: 'The reply could not be started. Try again.',
    kindReply: 'Reply to a contribution',
    citizenReplies: (n: number) => `${n} ${n === 1 ? 'reply' : 'replies'} from other citizens`,
    sortBy: 'Sort',
    sortNewest: 'Newest first',
    sortSupport: 'Most supported first',
  },
} satisfies Record<UiLocale, unknown>;
