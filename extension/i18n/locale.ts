export const uiLocales = ['fr', 'en'] as const;
export type UiLocale = (typeof uiLocales)[number];
export const languageSettings = ['auto', ...uiLocales] as const;
export type LanguageSetting = (typeof languageSettings)[number];

/**
 * The language the extension speaks: the citizen's choice in the options, else
 * the browser's interface language; French first, English for English browsers.
 */
export function resolveLocale(setting: LanguageSetting | undefined, uiLanguage: string | undefined): UiLocale {
  if (setting === 'fr' || setting === 'en') return setting;
  return uiLanguage?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
