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
  'contribution.unknown': {
    fr: "Cette contribution n'existe pas (ou plus).",
    en: 'This contribution does not exist (any more).',
  },
  'scope.outside': {
    fr: 'Cette contribution ne porte ni sur un domaine de votre organisation ni sur un engagement qu’elle porte : elle relève d’une autre organisation.',
    en: 'This contribution is neither on one of your organisation’s domains nor on a commitment it leads: it belongs to another organisation.',
  },
  'answer.role': {
    fr: 'Seule une administration répond aux contributions, sous son propre nom ; la modération répond avec sa décision.',
    en: 'Only an administration answers contributions, under its own name; moderators reply with their decision.',
  },
  'answer.history-role': {
    fr: "L'historique des réponses est réservé à l'organisation concernée et aux administrateurs de la plateforme.",
    en: 'The history of answers is for the organisation concerned and the platform’s admins only.',
  },
  'decision.reply-by-administration': {
    fr: 'Une administration répond sous son nom avec POST /v1/contributions/{id}/answer, pas dans une décision de modération.',
    en: 'An administration answers under its own name with POST /v1/contributions/{id}/answer, not within a moderation decision.',
  },
  'answer-status.unknown': {
    fr: 'Le statut de la réponse doit être : received (reçue), in-progress (en cours), answered (réponse apportée) ou not-our-remit (hors de notre compétence).',
    en: 'The answer status must be: received, in-progress, answered or not-our-remit.',
  },
  'commitment-status.unknown': {
    fr: "Le statut de l'engagement doit être : not-started, in-progress, completed, withdrawn ou unverified (laissé vide : unverified).",
    en: 'The commitment status must be: not-started, in-progress, completed, withdrawn or unverified (left empty: unverified).',
  },
  'plan.format': {
    fr: "Le plan d'action s'écrit comme 2021-2023.",
    en: 'The action plan is written like 2021-2023.',
  },
  'commitment.unknown': { fr: "Cet engagement n'existe pas.", en: 'This commitment does not exist.' },
  // The operator's command line: making an administration's token.
  'domain.any': {
    fr: '« * » seul désignerait tous les sites : donnez les domaines que votre organisation gère, par exemple *.economie.gouv.fr,economie.gouv.fr.',
    en: '"*" alone would mean every site: give the domains your organisation runs, e.g. *.economie.gouv.fr,economie.gouv.fr.',
  },
  'domain.public-suffix': {
    fr: 'Ce domaine est un suffixe public (comme gouv.fr ou fr), partagé par de nombreuses organisations : donnez le domaine propre à la vôtre, par exemple *.economie.gouv.fr.',
    en: 'This domain is a public suffix (like gouv.fr or fr), shared by many organisations: give your organisation’s own domain, e.g. *.economie.gouv.fr.',
  },
  'domain.invalid': {
    fr: "Ce n'est pas un nom de domaine comme economie.gouv.fr ou *.economie.gouv.fr (ni adresse IP, ni protocole, port ou chemin, et l'étoile seulement en tête).",
    en: 'This is not a domain name such as economie.gouv.fr or *.economie.gouv.fr (no IP address, scheme, port or path, and the star only in front).',
  },
  'token.scope-required': {
    fr: 'Une administration est liée aux domaines de ses sites (--domains) ou aux engagements qu’elle porte (--commitments) : donnez-en au moins un.',
    en: 'An administration is bound to the domains of its sites (--domains) or to the commitments it leads (--commitments): give at least one.',
  },
  'token.scope-only-administration': {
    fr: '--domains et --commitments ne valent que pour --role administration.',
    en: '--domains and --commitments are for --role administration only.',
  },
  'token.commitment-unknown': {
    fr: "Cet engagement n'existe pas sur cette plateforme : importez-le d'abord (npm run platform -- commitments import FICHIER).",
    en: 'This commitment does not exist on this platform: import it first (npm run platform -- commitments import FILE).',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PlatformMessageCode = keyof typeof platformCatalogue;

export function platformMessage(code: PlatformMessageCode, locale: Locale = 'fr'): string {
  return platformCatalogue[code][locale];
}

export function isPlatformMessageCode(value: string): value is PlatformMessageCode {
  return Object.hasOwn(platformCatalogue, value);
}

/** For `explainIssues`: the platform's sentence for a code the citizens' catalogue does not hold. */
export function platformSentence(code: string, locale: Locale): string | undefined {
  return isPlatformMessageCode(code) ? platformCatalogue[code][locale] : undefined;
}
