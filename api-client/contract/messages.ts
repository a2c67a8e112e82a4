/**
 * Every rule in the contract names its failure with a stable code; this catalogue
 * turns a code into a sentence a citizen can read, in French first and English.
 * Servers answer in the caller's language; clients show the sentence in theirs.
 */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

const catalogue = {
  'body.empty': { fr: 'Le texte est vide.', en: 'The text is empty.' },
  'body.too-long': {
    fr: 'Le texte dépasse 5 000 caractères.',
    en: 'The text is longer than 5,000 characters.',
  },
  'id.not-uuid': {
    fr: "L'identifiant doit être un UUID.",
    en: 'The identifier must be a UUID.',
  },
  'commitment-id.format': {
    fr: "L'engagement doit être un identifiant comme FR0042.",
    en: 'The commitment must be an identifier such as FR0042.',
  },
  'campaign-id.format': {
    fr: "L'identifiant de campagne n'est pas valide.",
    en: 'The campaign identifier is not valid.',
  },
  'kind.unknown': {
    fr: 'Choisissez « commentaire » ou « manque de transparence ».',
    en: 'Choose "comment" or "transparency gap".',
  },
  'gap-type.unknown': {
    fr: "Ce type de manque n'existe pas.",
    en: 'This kind of gap does not exist.',
  },
  'gap-type.required': {
    fr: 'Choisissez le type de manque.',
    en: 'Choose the kind of gap.',
  },
  'gap-type.only-for-gaps': {
    fr: 'Un commentaire ne porte pas de type de manque.',
    en: 'A comment has no gap type.',
  },
  'url.invalid': { fr: "L'adresse de la page n'est pas valide.", en: 'The page address is not valid.' },
  'url.scheme': {
    fr: "L'adresse de la page doit commencer par http:// ou https://.",
    en: 'The page address must start with http:// or https://.',
  },
  'url.too-long': {
    fr: "L'adresse de la page dépasse 2 048 caractères.",
    en: 'The page address is longer than 2,048 characters.',
  },
  'title.too-long': {
    fr: 'Le titre dépasse 300 caractères.',
    en: 'The title is longer than 300 characters.',
  },
  'selectors.too-many': {
    fr: 'Une citation porte au plus 4 sélecteurs.',
    en: 'A quote carries at most 4 selectors.',
  },
  'selector.unknown': {
    fr: "Ce type de sélecteur n'est pas pris en charge.",
    en: 'This selector type is not supported.',
  },
  'quote.empty': { fr: 'La citation est vide.', en: 'The quote is empty.' },
  'quote.too-long': {
    fr: 'La citation dépasse 2 000 caractères.',
    en: 'The quote is longer than 2,000 characters.',
  },
  'quote.context-too-long': {
    fr: 'Le contexte de la citation dépasse 64 caractères.',
    en: 'The quote context is longer than 64 characters.',
  },
  'position.negative': {
    fr: 'Une position ne peut pas être négative.',
    en: 'A position cannot be negative.',
  },
  'position.order': {
    fr: 'La fin de la citation doit suivre son début.',
    en: 'The end of the quote must come after its start.',
  },
  'pseudonym.empty': { fr: 'Le pseudonyme est vide.', en: 'The pseudonym is empty.' },
  'pseudonym.too-long': {
    fr: 'Le pseudonyme dépasse 40 caractères.',
    en: 'The pseudonym is longer than 40 characters.',
  },
  'pseudonym.invisible': {
    fr: 'Le pseudonyme contient un caractère invisible ou qui inverse le sens de lecture ; retirez-le.',
    en: 'The pseudonym holds an invisible character or one that reverses the reading direction; remove it.',
  },
  'text.control': {
    fr: 'Le texte contient un caractère de contrôle ou mal encodé ; retirez-le.',
    en: 'The text holds a control character or a badly encoded one; remove it.',
  },
  'locale.unknown': { fr: 'La langue doit être fr ou en.', en: 'The language must be fr or en.' },
  'source.unknown': {
    fr: 'La source doit être « extension », « widget » ou « site ».',
    en: 'The source must be "extension", "widget" or "site".',
  },
  'date.invalid': {
    fr: 'La date doit être au format ISO 8601 (UTC).',
    en: 'The date must be in ISO 8601 format (UTC).',
  },
  'batch.empty': { fr: 'Le lot est vide.', en: 'The batch is empty.' },
  'batch.too-large': {
    fr: 'Un lot compte au plus 100 contributions.',
    en: 'A batch holds at most 100 contributions.',
  },
  'withdrawal-key.format': {
    fr: 'La clé de retrait doit être une empreinte SHA-256 (64 caractères hexadécimaux).',
    en: 'The withdrawal key must be a SHA-256 digest (64 hexadecimal characters).',
  },
  'contribution.withdrawn': {
    fr: 'Cette contribution a été retirée par son auteur ; elle ne peut pas être renvoyée.',
    en: 'This contribution was withdrawn by its author; it cannot be sent again.',
  },
  'campaign.unknown': { fr: "Cette campagne n'existe pas.", en: 'This campaign does not exist.' },
  'campaign.not-open': {
    fr: "Cette campagne n'est pas encore ouverte : elle ne reçoit pas encore de contributions.",
    en: 'This campaign is not open yet: it does not take contributions yet.',
  },
  'campaign.closed': {
    fr: 'Cette campagne est close : elle ne reçoit plus de contributions.',
    en: 'This campaign is closed: it no longer takes contributions.',
  },
  // Generic sentences for rules zod checks on its own.
  'field.required': { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  'field.unknown': {
    fr: "Ce champ n'est pas attendu.",
    en: 'This field is not expected.',
  },
  'field.type': { fr: "Ce champ n'a pas le bon type.", en: 'This field has the wrong type.' },
  'field.invalid': { fr: "Cette valeur n'est pas valide.", en: 'This value is not valid.' },
  'text.too-long': { fr: 'Ce texte est trop long.', en: 'This text is too long.' },
  'list.too-long': { fr: 'Cette liste est trop longue.', en: 'This list is too long.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof catalogue;

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(catalogue, value);
}

export function message(code: MessageCode, locale: Locale = 'fr'): string {
  return catalogue[code][locale];
}

/** Picks fr or en from an Accept-Language header or a BCP 47 tag; French first. */
export function pickLocale(header: string | null | undefined): Locale {
  if (!header) return 'fr';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if (lang === 'fr' || lang === 'en') return lang;
  }
  return 'fr';
}
