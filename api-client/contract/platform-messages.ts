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
  'platform.storage-unavailable': {
    fr: 'La base de données de la plateforme ne répond pas ; réessayez dans un instant.',
    en: 'The platform’s database does not answer; try again in a moment.',
  },
  'widget.not-built': {
    fr: "Le module vigie-feedback n'est pas construit sur cette plateforme : son exploitant doit lancer npm run build.",
    en: 'The vigie-feedback widget is not built on this platform: its operator must run npm run build.',
  },
  'widget.file-not-found': {
    fr: "Ce fichier du module vigie-feedback n'existe pas.",
    en: 'This file of the vigie-feedback widget does not exist.',
  },
  'console.not-built': {
    fr: "La console n'est pas construite sur cette plateforme : son exploitant doit lancer npm run build.",
    en: 'The console is not built on this platform: its operator must run npm run build.',
  },
  'console.file-not-found': {
    fr: "Ce fichier de la console n'existe pas.",
    en: 'This console file does not exist.',
  },
  'pseudonym.reserved': {
    fr: 'Ce pseudonyme ressemble au nom de la modération, de la plateforme ou d’une organisation : choisissez-en un autre.',
    en: 'This pseudonym looks like the name of the moderators, the platform or an organisation: choose another one.',
  },
  'contribution.not-public': {
    fr: "Cette contribution n'existe pas ou n'est pas publiée.",
    en: 'This contribution does not exist or is not published.',
  },
  'report.origin': {
    fr: "Les signalements ne sont acceptés que depuis les sites autorisés et l'extension Vigie.",
    en: 'Reports are accepted only from the allowed sites and the Vigie extension.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PlatformMessageCode = keyof typeof platformCatalogue;

export function platformMessage(code: PlatformMessageCode, locale: Locale = 'fr'): string {
  return platformCatalogue[code][locale];
}
