import type { WidgetLocale } from './i18n';

/**
 * The words of "Mes contributions sur cette page", French first. A catalogue of its own,
 * beside i18n.ts: the section loads with the lazy runtime, so its words stay out of the
 * page's first load. The states themselves are api-client/drafts' (describeDraft).
 */
export const mineStrings = {
  fr: {
    title: (n: number) => `Mes contributions sur cette page (${n})`,
    hint: 'Gardées sur cet appareil : vous seul les voyez ici, même avant leur publication.',
    kindComment: 'Commentaire',
    kindGap: 'Manque signalé',
    sentOn: (date: string) => `envoyée le ${date}`,
    withdraw: 'Retirer',
    withdrawWarning:
      'Le texte sera effacé de la plateforme : personne ne pourra plus le lire. Ce retrait est définitif.',
    confirmWithdraw: 'Confirmer le retrait',
    cancel: 'Annuler',
    withdrawn: 'Contribution retirée : son texte est effacé de la plateforme.',
    withdrawOffline:
      'Pas de réseau : la contribution n’est pas retirée. Rien n’est perdu : réessayez une fois connecté.',
    withdrawFailed: (reason: string) => `La contribution n’est pas retirée : ${reason}`,
  },
  en: {
    title: (n: number) => `My contributions on this page (${n})`,
    hint: 'Kept on this device: only you see them here, even before they are published.',
    kindComment: 'Comment',
    kindGap: 'Gap reported',
    sentOn: (date: string) => `sent on ${date}`,
    withdraw: 'Withdraw',
    withdrawWarning:
      'The text will be erased from the platform: no one will be able to read it. This cannot be undone.',
    confirmWithdraw: 'Confirm the withdrawal',
    cancel: 'Cancel',
    withdrawn: 'Contribution withdrawn: its text is erased from the platform.',
    withdrawOffline: 'No network: the contribution is not withdrawn. Nothing is lost: try again once connected.',
    withdrawFailed: (reason: string) => `The contribution is not withdrawn: ${reason}`,
  },
} satisfies Record<WidgetLocale, unknown>;

export type MineStrings = (typeof mineStrings)[WidgetLocale];
