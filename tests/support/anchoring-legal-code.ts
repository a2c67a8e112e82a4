/**
 * A long legal page, generated rather than committed: "Code des relations entre
 * le public et l'administration"-style books, titles, chapters and articles,
 * with the repeated formulae of real legal French, links between articles,
 * non-breaking spaces of French typography, and hidden notes. The same seed
 * gives the same page, character for character, in Node and in the browser.
 */

export interface LegalCodeOptions {
  seed?: number;
  /** Articles are added until the page holds at least this many characters of text. */
  minTextLength?: number;
}

/** mulberry32: small, fast and good enough to vary sentences. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const nbsp = '\u00a0';
export const narrowNbsp = '\u202f';

const subjects = [
  "L'administration",
  'Toute personne',
  'Le public',
  'Le demandeur',
  "L'autorité administrative compétente",
  'Les collectivités territoriales',
  'Les établissements publics',
  'Le représentant de l’État dans le département',
  'La commission d’accès aux documents administratifs',
  'Tout usager',
  "L'organisme chargé d'une mission de service public",
  'Le ministre chargé de la réforme de l’État',
];
const verbs = [
  'est tenu de',
  'peut',
  'doit',
  'a le droit de',
  'est autorisé à',
  'ne peut refuser de',
  's’engage à',
  'veille à',
];
const actions = [
  'communiquer les documents administratifs qu’il détient',
  'motiver sa décision',
  'accuser réception de la demande',
  'informer l’intéressé des voies et délais de recours',
  'publier en ligne les règles définissant les principaux traitements algorithmiques',
  'transmettre la demande à l’autorité compétente',
  'délivrer une attestation de dépôt',
  'mettre les données à disposition dans un format ouvert',
  'consulter le public avant l’adoption de l’acte',
  'procéder au retrait de la décision illégale',
  'rectifier l’erreur matérielle',
  'saisir la commission pour avis',
  'organiser une procédure contradictoire préalable',
  'indiquer le nom et la qualité de l’agent chargé du dossier',
];
const complements = [
  'dans un délai de deux mois',
  'dans des conditions fixées par décret en Conseil d’État',
  'sous réserve des secrets protégés par la loi',
  'à compter de la réception de la demande complète',
  'lorsque la demande est présentée par voie électronique',
  'sauf disposition législative contraire',
  'dans le respect des droits des tiers',
  'selon des modalités définies par arrêté du ministre intéressé',
  'sans préjudice des dispositions du code de la santé publique',
  'au plus tard à la date d’entrée en vigueur de l’acte',
  'à peine de nullité',
  'par tout moyen permettant d’en établir la date certaine',
];
const closings = [
  'Le silence gardé pendant deux mois vaut décision d’acceptation.',
  'Ces dispositions ne sont pas applicables aux relations entre l’administration et ses agents.',
  'Un décret en Conseil d’État précise les modalités d’application du présent article.',
  'La décision est notifiée à l’intéressé.',
  'Les modalités de cette publication sont précisées par voie réglementaire.',
  'Le délai court à compter de la notification de la décision.',
];
const bookNames = [
  'Les échanges avec l’administration',
  'Les actes unilatéraux pris par l’administration',
  'L’accès aux documents administratifs et la réutilisation des informations publiques',
  'La résolution des différends avec l’administration',
  'Dispositions relatives à l’outre-mer',
];
const titleNames = [
  'Les demandes et leur traitement',
  'Les droits des usagers',
  'La motivation et la signature des actes',
  'L’entrée en vigueur des actes',
  'Le retrait et l’abrogation des actes',
  'Le droit d’accès aux documents administratifs',
  'La réutilisation des informations publiques',
  'Les recours administratifs',
];
const chapterNames = [
  'Dispositions générales',
  'Modalités d’exercice',
  'Exceptions',
  'Procédure',
  'Sanctions',
  'Dispositions diverses',
];

export function pickFrom<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export function articleNumber(book: number, title: number, chapter: number, article: number): string {
  return `L.${nbsp}${book}${title}${chapter}-${article}`;
}

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const objects = [
  'de subventions',
  'd’urbanisme',
  'de marchés publics',
  'de prestations sociales',
  'de titres de séjour',
  'd’archives publiques',
  'de données de santé',
  'de concours de la fonction publique',
  'd’aides agricoles',
  'de pensions de retraite',
  'de bourses d’enseignement supérieur',
  'de permis de conduire',
];

/** Real codes are full of numbers, dates and domains: they keep sentences apart. */
export function complement(random: () => number): string {
  const roll = random();
  const n = 2 + Math.floor(random() * 58);
  if (roll < 0.2) return `dans un délai de ${n} ${random() < 0.5 ? 'jours' : 'mois'}`;
  if (roll < 0.35) {
    return `à compter du ${1 + Math.floor(random() * 28)} ${pickFrom(random, months)} ${1978 + Math.floor(random() * 47)}`;
  }
  if (roll < 0.55) return `en matière ${pickFrom(random, objects)}`;
  return pickFrom(random, complements);
}

export function sentence(random: () => number, refs: string[]): string {
  const parts = [pickFrom(random, subjects), pickFrom(random, verbs), pickFrom(random, actions), complement(random)];
  if (random() < 0.5) parts.push(complement(random));
  const roll = random();
  if (roll < 0.25 && refs.length > 0) {
    const ref = pickFrom(random, refs);
    const link = `<a href="#${ref.replace(nbsp, '')}">l’article ${ref}</a>`;
    return `${parts.join(' ')}, dans les conditions prévues à ${link}.`;
  }
  if (roll < 0.4) return `${parts.slice(0, 3).join(' ')} <em>${complement(random)}</em>.`;
  if (roll < 0.5) return `${parts.join(' ')}${narrowNbsp}; ${pickFrom(random, closings)}`;
  return `${parts.join(' ')}.`;
}

/** Roughly what a reader sees of some markup: enough to know when the page is long enough. */
const visibleLength = (html: string): number => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').length;

/** The body's markup: a <main> holding the whole code. */
export function legalCodeBody(options: LegalCodeOptions = {}): string {
  const { seed = 2024, minTextLength = 1_050_000 } = options;
  const random = seededRandom(seed);
  const out: string[] = [];
  let textLength = 0;
  const add = (html: string, visible = html): void => {
    out.push(html);
    textLength += visibleLength(visible) + 1;
  };
  const codeName = 'Code des relations entre le public et l’administration';
  add(`<header><h1>${codeName}</h1><p class="version">Version en vigueur au 1<sup>er</sup> janvier 2025</p></header>`);
  add('<script>window.__legalCodeLoaded = true;</script><style>.note-technique { display: none; }</style>', '');
  const refs: string[] = [];
  for (let book = 1; textLength < minTextLength; book++) {
    add(`<section class="livre"><h2>Livre ${book} : ${bookNames[(book - 1) % bookNames.length]}</h2>`);
    for (let title = 1; title <= 4 && textLength < minTextLength; title++) {
      add(`<section class="titre"><h3>Titre ${title} : ${pickFrom(random, titleNames)}</h3>`);
      for (let chapter = 1; chapter <= 5 && textLength < minTextLength; chapter++) {
        add(`<section class="chapitre"><h4>Chapitre ${chapter} : ${pickFrom(random, chapterNames)}</h4>`);
        const articles = 8 + Math.floor(random() * 25);
        for (let article = 1; article <= articles && textLength < minTextLength; article++) {
          const number = articleNumber(book, title, chapter, article);
          const paragraphs = 1 + Math.floor(random() * 4);
          const body: string[] = [];
          for (let p = 0; p < paragraphs; p++) {
            const sentences = Array.from({ length: 1 + Math.floor(random() * 4) }, () => sentence(random, refs));
            body.push(`<p>${sentences.join('\n        ')}</p>`);
          }
          const visible = body.join(' ');
          if (random() < 0.1) {
            body.push('<p class="note-technique">Note technique : version consolidée générée automatiquement.</p>');
          }
          if (random() < 0.05) body.push('<p hidden>Ancienne rédaction abrogée.</p>');
          const heading = `<h5>Article ${number}</h5>`;
          add(
            `<article id="${number.replace(nbsp, '')}">${heading}\n      ${body.join('\n      ')}\n    </article>`,
            `${heading} ${visible}`,
          );
          refs.push(number);
        }
        add('</section>', '');
      }
      add('</section>', '');
    }
    add('</section>', '');
  }
  return `<main id="code">${out.join('\n')}</main>`;
}

/** The whole page, for a browser to load. */
export function legalCodeDocument(options: LegalCodeOptions = {}): string {
  const head = '<meta charset="utf-8"><title>Code des relations entre le public et l’administration</title>';
  return `<!doctype html><html lang="fr"><head>${head}</head><body>${legalCodeBody(options)}</body></html>`;
}
