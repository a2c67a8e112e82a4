import type { Locale } from './messages';

/**
 * Sentences only the platform says (problem details of its routes, its refusals),
 * kept apart from `messages.ts` so the widget and the extension, which import the
 * citizens' catalogue, do not carry them. Same shape: a stable code, French first.
 */
const platformCatalogue = {
  'route.not-found': {
    fr: "Cette adresse n'existe pas sur la plateforme.",
    en: 'This address does not exist on the platform.',
  },
  'platform.unexpected': {
    fr: 'Une erreur inattendue est survenue sur la plateforme ; réessayez plus tard.',
    en: 'Something unexpected went wrong on the platform; try again later.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PlatformMessageCode = keyof typeof platformCatalogue;

export function platformMessage(code: PlatformMessageCode, locale: Locale = 'fr'): string {
  return platformCatalogue[code][locale];
}
