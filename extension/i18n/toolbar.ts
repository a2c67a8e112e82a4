import type { UiLocale } from './locale';

/** The only words the first load carries: the selection toolbar's. */
export const toolbarStrings = {
  fr: { toolbar: 'Vigie : agir sur le passage sélectionné', comment: 'Commenter', flag: 'Signaler' },
  en: { toolbar: 'Vigie: act on the selected passage', comment: 'Comment', flag: 'Flag' },
} as const satisfies Record<UiLocale, Record<string, string>>;
