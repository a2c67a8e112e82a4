// The zod-free module of the contract: labels only.
import { answerStatusLabels } from '../api-client/contract/answer-labels';
import type { WidgetLocale } from './i18n';

/**
 * The words of the published list's items (who wrote, who answered, "Partager"). They
 * load with the list's code in the runtime chunk, not with the page (see published-items.ts).
 */
export const listStrings = {
  fr: {
    anonymous: 'Anonyme',
    /** Followed by the reply: French puts a space before the colon. */
    replyLabel: 'Réponse de la modération :',
    answerFrom: (organisation: string) => `Réponse de ${organisation}`,
    answerEdited: 'modifiée',
    answerStatuses: answerStatusLabels.fr,
    share: 'Partager',
    shareCopied: 'Lien de la contribution copié.',
    shareFailed: (address: string) => `Copie impossible ; voici le lien : ${address}`,
  },
  en: {
    anonymous: 'Anonymous',
    replyLabel: 'Reply from the moderators:',
    answerFrom: (organisation: string) => `Answer from ${organisation}`,
    answerEdited: 'edited',
    answerStatuses: answerStatusLabels.en,
    share: 'Share',
    shareCopied: 'Link to the contribution copied.',
    shareFailed: (address: string) => `Could not copy; here is the link: ${address}`,
  },
} as const;

export type ListStrings = (typeof listStrings)[WidgetLocale];
