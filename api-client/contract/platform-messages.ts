import { isMessageCode, message, type Locale } from './messages';

/**
 * Sentences only the platform says (problem details of its routes, its refusals),
 * kept apart from `messages.ts` so the widget and the extension, which import the
 * citizens' catalogue, do not carry them. Same shape: a stable code, French first.
 * `{name}` stands for a value given when the sentence is said.
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

  // Titles of problem details (RFC 9457), one per kind of problem.
  'problem.validation': { fr: 'Requête invalide', en: 'Invalid request' },
  'problem.malformed-json': { fr: 'JSON mal formé', en: 'Malformed JSON' },
  'problem.encoding': { fr: 'Encodage invalide', en: 'Invalid encoding' },
  'problem.too-large': { fr: 'Requête trop volumineuse', en: 'Payload too large' },
  'problem.unsupported-media-type': { fr: 'Type de contenu non pris en charge', en: 'Unsupported media type' },
  'problem.not-found': { fr: 'Introuvable', en: 'Not found' },
  'problem.method-not-allowed': { fr: 'Méthode non autorisée', en: 'Method not allowed' },
  'problem.conflict': { fr: 'Conflit', en: 'Conflict' },
  'problem.rate-limited': { fr: 'Trop de requêtes', en: 'Too many requests' },
  'problem.unauthorized': { fr: 'Authentification requise', en: 'Authentication required' },
  'problem.forbidden': { fr: 'Accès refusé', en: 'Forbidden' },
  'problem.internal': { fr: 'Erreur interne', en: 'Internal error' },
  'problem.unavailable': { fr: 'Service indisponible', en: 'Service unavailable' },

  // The request itself.
  'request.media-type': {
    fr: 'Envoyez du JSON, avec l’en-tête Content-Type: application/json.',
    en: 'Send JSON, with the header Content-Type: application/json.',
  },
  'request.too-large': {
    fr: 'Le corps de la requête dépasse {limit} octets.',
    en: 'The request body is larger than {limit} bytes.',
  },
  'request.encoding': {
    fr: 'Le corps de la requête doit être du texte UTF-8 valide.',
    en: 'The request body must be valid UTF-8 text.',
  },
  'request.malformed-json': {
    fr: "Le corps de la requête n'est pas du JSON valide : {reason}",
    en: 'The request body is not valid JSON: {reason}',
  },
  'request.origin-not-allowed': {
    fr: "Le site {origin} n'est pas autorisé à envoyer des contributions à cette plateforme.",
    en: 'The site {origin} is not allowed to send contributions to this platform.',
  },
  'request.rate-limited': {
    fr: "Trop d'envois depuis votre connexion : réessayez dans {seconds} s. Rien n'est perdu, vos brouillons restent enregistrés.",
    en: 'Too many submissions from your connection: try again in {seconds} s. Nothing is lost; your drafts are kept.',
  },

  // Access tokens.
  'token.missing': {
    fr: 'Cette adresse demande un jeton d’accès : envoyez l’en-tête Authorization: Bearer suivi du jeton.',
    en: 'This address needs an access token: send the header Authorization: Bearer followed by the token.',
  },
  'token.invalid': {
    fr: "Ce jeton d'accès n'est pas reconnu ou a été révoqué.",
    en: 'This access token is not recognised or was revoked.',
  },
  'token.not-allowed': {
    fr: "Votre jeton d'accès ne permet pas cette action.",
    en: 'Your access token does not allow this action.',
  },

  // Contributions, per item of a batch and per route.
  'item.invalid-title': { fr: 'Contribution invalide', en: 'Invalid contribution' },
  'item.withdrawn-title': { fr: 'Contribution retirée', en: 'Contribution withdrawn' },
  'item.conflict-title': { fr: 'Identifiant déjà utilisé', en: 'Identifier already used' },
  'item.conflict': {
    fr: 'Une autre contribution a déjà été reçue sous cet identifiant.',
    en: 'Another contribution was already received under this identifier.',
  },
  'contribution.not-found': { fr: "Cette contribution n'existe pas.", en: 'This contribution does not exist.' },
  'withdrawal.no-key': {
    fr: 'Cette contribution a été envoyée sans clé de retrait : seule la modération peut la retirer.',
    en: 'This contribution was sent without a withdrawal key: only the moderators can take it down.',
  },
  'withdrawal.wrong-secret': {
    fr: 'Ce secret ne permet pas de retirer cette contribution.',
    en: 'This secret does not withdraw this contribution.',
  },

  // Commitments and campaigns.
  'commitment.not-found': { fr: "Cet engagement n'existe pas.", en: 'This commitment does not exist.' },
  'campaign.id-taken': {
    fr: 'Une campagne porte déjà cet identifiant.',
    en: 'A campaign with this identifier exists already.',
  },
  'campaign.not-yours': {
    fr: 'Cette campagne appartient à une autre organisation.',
    en: 'This campaign belongs to another organisation.',
  },

  // The moderation console's page and files.
  'console.needs-javascript': { fr: 'La console a besoin de JavaScript.', en: 'The console needs JavaScript.' },
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

  // Rules of requests only the platform checks (listings, moderation, campaigns, exports, withdrawal):
  // the contract's schemas name them, no client shows them.
  'limit.range': {
    fr: 'La taille de page va de 1 à 100.',
    en: 'The page size ranges from 1 to 100.',
  },
  'cursor.invalid': { fr: "Le curseur de page n'est pas valide.", en: 'The page cursor is not valid.' },
  'filter.required': {
    fr: 'Indiquez une adresse de page (url) ou un engagement (commitmentId).',
    en: 'Give a page address (url) or a commitment (commitmentId).',
  },
  'campaign.dates': {
    fr: "La date de clôture doit suivre la date d'ouverture.",
    en: 'The closing date must come after the opening date.',
  },
  'reason.unknown': {
    fr: 'Le motif doit être : spam, propos injurieux, hors sujet, données personnelles ou autre.',
    en: 'The reason must be: spam, offensive, off-topic, personal data or other.',
  },
  'reason.required': { fr: 'Indiquez le motif de la décision.', en: 'Give the reason for the decision.' },
  'decision.unknown': {
    fr: 'La décision doit être : publier, masquer ou rejeter.',
    en: 'The decision must be: publish, hide or reject.',
  },
  'reply.empty': { fr: 'La réponse est vide.', en: 'The reply is empty.' },
  'reply.too-long': {
    fr: 'La réponse dépasse 2 000 caractères.',
    en: 'The reply is longer than 2,000 characters.',
  },
  'secret.invalid': {
    fr: 'Le secret de retrait doit compter de 16 à 256 caractères.',
    en: 'The withdrawal secret must be 16 to 256 characters long.',
  },
  'status.unknown': {
    fr: 'Le statut doit être : en attente, publié, masqué ou rejeté.',
    en: 'The status must be: pending, published, hidden or rejected.',
  },
  'format.unknown': {
    fr: "Le format d'export doit être csv, json, jsonld ou xlsx.",
    en: 'The export format must be csv, json, jsonld or xlsx.',
  },
  'dialect.unknown': {
    fr: 'Le dialecte CSV doit être rfc4180 (virgules, codes) ou fr (points-virgules, mots français).',
    en: 'The CSV dialect must be rfc4180 (commas, codes) or fr (semicolons, French words).',
  },
  'dialect.csv-only': {
    fr: 'Le dialecte ne vaut que pour le format csv.',
    en: 'The dialect applies to the csv format only.',
  },
  'note.empty': { fr: "L'explication est vide.", en: 'The explanation is empty.' },
  'note.too-long': {
    fr: "L'explication dépasse 500 caractères.",
    en: 'The explanation is longer than 500 characters.',
  },
  'note.required': {
    fr: 'Le motif « autre » demande une courte explication, conservée avec la décision.',
    en: 'The reason “other” needs a short explanation, kept with the decision.',
  },
  'ids.range': {
    fr: 'Une décision groupée porte sur 1 à 100 contributions.',
    en: 'A bulk decision covers 1 to 100 contributions.',
  },
  'search.length': {
    fr: 'La recherche compte de 1 à 200 caractères.',
    en: 'The search is 1 to 200 characters long.',
  },
  'page-filter.invalid': {
    fr: 'Indiquez une adresse de page (https://…) ou un domaine (economie.gouv.fr).',
    en: 'Give a page address (https://…) or a domain (economie.gouv.fr).',
  },
  'reported.invalid': {
    fr: 'Le filtre des signalements vaut true (signalées) ou false (non signalées).',
    en: 'The reports filter is true (reported) or false (not reported).',
  },
  'days.range': {
    fr: 'La période du tableau de bord va de 7 à 366 jours.',
    en: 'The dashboard covers 7 to 366 days.',
  },
  'date.order': {
    fr: 'La date de fin doit suivre la date de début.',
    en: 'The end date must come after the start date.',
  },
  'sort.unknown': {
    fr: "L'ordre doit être newest (les plus récentes d'abord) ou support (les plus soutenues d'abord).",
    en: 'The order must be newest (newest first) or support (most supported first).',
  },

  // Citizens talk back: replies, "Moi aussi", live updates. A client building a reply or a
  // support by the contract never meets the first ones; a citizen reads the others.
  'parent.required': {
    fr: 'Une réponse doit indiquer la contribution à laquelle elle répond (parentId).',
    en: 'A reply must name the contribution it answers (parentId).',
  },
  'parent.only-for-replies': {
    fr: 'Seule une réponse indique une contribution à laquelle elle répond (parentId).',
    en: 'Only a reply names a contribution it answers (parentId).',
  },
  'reply.gap-type': { fr: 'Une réponse ne porte pas de type de manque.', en: 'A reply has no gap type.' },
  'reply.selectors': {
    fr: 'Une réponse ne cite pas de passage de la page : elle répond à une contribution.',
    en: 'A reply quotes no passage of the page: it answers a contribution.',
  },
  'reply.commitment': {
    fr: "Une réponse ne porte pas d'engagement : elle suit celui de la contribution à laquelle elle répond.",
    en: 'A reply names no commitment: it follows that of the contribution it answers.',
  },
  'reply.campaign': {
    fr: 'Une réponse ne répond pas à une campagne : elle répond à une contribution.',
    en: 'A reply does not answer a campaign: it answers a contribution.',
  },
  'reply.target': {
    fr: "Une réponse porte sur la page de la contribution à laquelle elle répond : l'adresse de la page doit être la même.",
    en: 'A reply is about the page of the contribution it answers: the page address must be the same.',
  },
  'parent.not-public': {
    fr: "La contribution à laquelle vous répondez n'existe pas ou n'est plus publiée ; votre réponse est gardée, vous pouvez la copier.",
    en: 'The contribution you are replying to does not exist or is no longer published; your reply is kept, you can copy it.',
  },
  'parent.is-reply': {
    fr: 'On ne répond pas à une réponse : répondez à la contribution elle-même.',
    en: 'A reply cannot be answered: reply to the contribution itself.',
  },
  'supporter-key.format': {
    fr: 'La clé de soutien doit être une empreinte SHA-256 (64 caractères hexadécimaux).',
    en: 'The support key must be a SHA-256 digest (64 hexadecimal characters).',
  },
  'support.rate-limited': {
    fr: "Trop de soutiens depuis votre réseau : réessayez dans {seconds} s. Votre « Moi aussi » n'est pas perdu, il attend.",
    en: 'Too many supports from your network: try again in {seconds} s. Your "Me too" is not lost, it waits.',
  },
  'last-event-id.invalid': {
    fr: 'Le dernier événement reçu (Last-Event-ID) doit être un nombre entier positif.',
    en: 'The last event received (Last-Event-ID) must be a positive whole number.',
  },
  'stream.network-full': {
    fr: 'Trop de flux en direct sont ouverts depuis votre réseau ({limit}) : fermez des onglets, ou réessayez dans {seconds} s.',
    en: 'Too many live streams are open from your network ({limit}): close some tabs, or try again in {seconds} s.',
  },
  'stream.full': {
    fr: 'La plateforme sert déjà tous les flux en direct qu’elle peut : réessayez dans {seconds} s.',
    en: 'The platform already serves all the live streams it can: try again in {seconds} s.',
  },
  'stream.closing': {
    fr: 'La plateforme s’arrête : reconnectez-vous dans un instant.',
    en: 'The platform is stopping: reconnect in a moment.',
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
    fr: 'Une administration répond sous son nom avec POST /v1/contributions/<id>/answer, pas dans une décision de modération.',
    en: 'An administration answers under its own name with POST /v1/contributions/<id>/answer, not within a moderation decision.',
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

/** The `{name}`s of a sentence. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
type ValuesOf<C extends PlatformMessageCode> = Placeholders<(typeof platformCatalogue)[C]['fr']>;

export const platformMessageCodes = Object.keys(platformCatalogue) as PlatformMessageCode[];

/** For explainIssues on the platform: its own requests' rules, then the citizens' catalogue. */
export function platformRuleSentence(code: string, locale: Locale): string | undefined {
  if (Object.hasOwn(platformCatalogue, code)) return platformCatalogue[code as PlatformMessageCode][locale];
  return isMessageCode(code) ? message(code, locale) : undefined;
}

/** The sentence of `code` in `locale`; a sentence with `{name}`s takes their values, and the compiler asks for each. */
export function platformMessage<C extends PlatformMessageCode>(
  code: C,
  locale: Locale = 'fr',
  ...values: [ValuesOf<C>] extends [never] ? [] : [Record<ValuesOf<C>, string | number>]
): string {
  const sentence: string = platformCatalogue[code][locale];
  const given = values[0] as Record<string, string | number> | undefined;
  return given ? sentence.replace(/\{(\w+)\}/g, (whole, name: string) => String(given[name] ?? whole)) : sentence;
}

export function isPlatformMessageCode(value: string): value is PlatformMessageCode {
  return Object.hasOwn(platformCatalogue, value);
}
