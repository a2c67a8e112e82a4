/**
 * The first version of the drift benchmark's legal text: a generated code like
 * anchoring-legal-code's, in which the look-alikes real codes are full of are
 * planted where a reader would meet them:
 *
 * - sibling paragraphs that say the same thing about a different legal term
 *   ("la mesure de tutelle…", then "la mesure de curatelle…"), word for word
 *   otherwise;
 * - a sentence repeated verbatim in two neighbouring articles, some from a small
 *   pool of formulae found all over the code, some found in those two only;
 * - short generic phrases (" prononcée à l’étranger ", " sans délai ") used in
 *   many sentences, each time with other words on both sides.
 *
 * `data-drift` attributes say where they are, for the scenario to quote and
 * revise them; they change no visible text and are taken out of the second
 * version. The same seed gives the same page, in Node and in the browser.
 */
import {
  articleNumber,
  complement,
  nbsp,
  pickFrom,
  seededRandom,
  sentence,
  type LegalCodeOptions,
} from './anchoring-legal-code';

/** Sibling paragraphs: the same sentences about each term of a family. */
const termFamilies: { terms: string[]; templates: string[] }[] = [
  {
    terms: ['tutelle', 'curatelle', 'sauvegarde de justice', 'habilitation familiale'],
    templates: [
      'La mesure de {T} est prononcée par le juge des contentieux de la protection pour une durée qui ne peut excéder {n} ans.',
      'Le juge qui ouvre la mesure de {T} en informe le procureur de la République dans un délai de {n} jours.',
      'Lorsque la mesure de {T} a été prononcée à l’étranger, elle produit ses effets en France dans les conditions prévues à l’article {ref}.',
      'La personne placée sous {T} conserve le droit de vote ; le juge peut toutefois, par une décision spécialement motivée, limiter sa capacité d’agir seule.',
    ],
  },
  {
    terms: ['mineur', 'majeur protégé'],
    templates: [
      'Le {T} ne peut consentir seul à la donation de ses biens ; l’acte passé en méconnaissance de cette règle est nul de plein droit.',
      'Le {T} est entendu par le juge lorsqu’il en fait la demande, dans un délai de {n} jours à compter de la saisine.',
      'Les biens du {T} sont administrés dans son seul intérêt, sous le contrôle du juge, selon les modalités fixées à l’article {ref}.',
    ],
  },
  {
    terms: ['le maire', 'le préfet', 'le président du conseil départemental'],
    templates: [
      'Lorsque la demande est incomplète, {T} invite le demandeur à la compléter dans un délai de {n} jours ; à défaut, elle est réputée abandonnée.',
      'La décision prise par {T} est affichée pendant {n} jours et publiée sous forme électronique.',
    ],
  },
  {
    terms: ['tribunal judiciaire', 'tribunal administratif'],
    templates: [
      'Les litiges nés de l’application du présent article relèvent du {T} dans le ressort duquel se trouve le domicile du demandeur.',
      'Le recours est porté devant le {T}, qui statue dans un délai de {n} mois.',
    ],
  },
  {
    terms: ['nullité', 'caducité'],
    templates: [
      'Le non-respect de ces formalités est sanctionné par la {T} de l’acte, qui peut être invoquée par toute personne intéressée pendant {n} ans.',
      'La {T} est constatée par le juge à la demande du ministère public ou de toute personne intéressée.',
    ],
  },
];

/** Said in many articles: the same words in the quoted article and in others. */
const formulae = [
  'Le délai de recours contentieux court à compter de la notification de la décision.',
  'Les dispositions du présent article sont applicables en Polynésie française et en Nouvelle-Calédonie.',
  'Un arrêté du ministre chargé de la justice fixe le modèle du formulaire de demande.',
];
/** Said in two neighbouring articles only: the numbers make them theirs. */
const pairedSentences = [
  'Le montant de l’amende encourue est fixé à {n} euros par manquement constaté.',
  'Ces dispositions s’appliquent aux demandes déposées à compter du {date}.',
  'La durée de conservation des pièces du dossier ne peut excéder {n} ans.',
  'Le juge statue dans un délai de {n} jours à compter de sa saisine par le demandeur.',
];

/** Short phrases used all over the code, each time in another sentence. */
const genericPhrases: { phrase: string; carriers: string[] }[] = [
  {
    phrase: 'prononcée à l’étranger',
    carriers: [
      'La décision {G} est reconnue de plein droit en France',
      'L’adoption {G} produit en France les effets d’une adoption plénière',
      'Le divorce {G} est transcrit sur les registres de l’état civil',
      'La condamnation {G} est prise en compte pour l’application des règles de la récidive',
      'Toute mesure de protection {G} peut être rendue exécutoire par le juge',
    ],
  },
  {
    phrase: 'par lettre recommandée avec demande d’avis de réception',
    carriers: [
      'La décision est notifiée à l’intéressé {G}',
      'Le recours est formé {G}',
      'La mise en demeure est adressée {G}',
      'Les pièces manquantes sont réclamées au demandeur {G}',
    ],
  },
  {
    phrase: 'à titre gratuit',
    carriers: [
      'Les documents sont communiqués {G}',
      'La copie est délivrée {G} au demandeur',
      'L’accès aux données est assuré {G}',
    ],
  },
  {
    phrase: 'sans délai',
    carriers: [
      'Le juge en est informé {G}',
      'La décision est transmise {G} au représentant de l’État',
      'L’autorité compétente en avise {G} le demandeur',
    ],
  },
  {
    phrase: 'en cas d’urgence',
    carriers: [
      'Le juge statue par ordonnance {G}',
      'Le délai est réduit de moitié {G}',
      'L’administration peut, {G}, prendre toute mesure conservatoire',
    ],
  },
];

const months = ['janvier', 'mars', 'mai', 'juillet', 'septembre', 'novembre'];

function fill(template: string, random: () => number, refs: readonly string[]): string {
  return template
    .replace('{n}', String(2 + Math.floor(random() * 58)))
    .replace('{ref}', refs.length > 0 ? pickFrom(random, refs) : `L.${nbsp}111-1`)
    .replace(
      '{date}',
      `${1 + Math.floor(random() * 28)} ${pickFrom(random, months)} ${1990 + Math.floor(random() * 35)}`,
    );
}

/** An ordinary sentence, or now and then one carrying a generic phrase. */
function bodySentence(random: () => number, refs: string[]): string {
  if (random() >= 0.1) return sentence(random, refs);
  const { phrase, carriers } = pickFrom(random, genericPhrases);
  const carrier = pickFrom(random, carriers).replace('{G}', `<span data-drift="generic">${phrase}</span>`);
  return random() < 0.5 ? `${carrier} ${complement(random)}.` : `${carrier}.`;
}

function ordinaryParagraph(random: () => number, refs: string[], sentences = 1 + Math.floor(random() * 4)): string {
  return `<p>${Array.from({ length: sentences }, () => bodySentence(random, refs)).join(' ')}</p>`;
}

/** Two or three paragraphs, word for word the same but for the term. */
function siblingParagraphs(random: () => number, refs: string[], group: number): string[] {
  const family = pickFrom(random, termFamilies);
  const terms = shuffle([...family.terms], random).slice(0, random() < 0.7 ? 2 : 3);
  const first = Math.floor(random() * family.templates.length);
  const count = 1 + Math.floor(random() * 2);
  const templates = Array.from({ length: count }, (_, i) => family.templates[(first + i) % family.templates.length]!);
  const sentences = templates.map((t) => fill(t, random, refs));
  // Some siblings also share an ordinary sentence, far enough from the term that a quote of it cannot tell them apart.
  const common = random() < 0.4 ? sentence(random, refs) : undefined;
  const text = (term: string) => [...sentences.map((s) => s.replace('{T}', term)), ...(common ? [common] : [])];
  return terms.map(
    (term) => `<p data-drift="term" data-group="${group}" data-term="${term}">${text(term).join(' ')}</p>`,
  );
}

/** The paragraph of one copy of a shared sentence, with other words on at least one side. */
function sharedParagraph(random: () => number, refs: string[], shared: string, group: number, copy: 1 | 2): string {
  let before = random() < 0.7 ? bodySentence(random, refs) : '';
  const after = random() < 0.7 ? bodySentence(random, refs) : '';
  if (!before && !after) before = bodySentence(random, refs);
  const span = `<span data-drift="shared" data-group="${group}" data-copy="${copy}">${shared}</span>`;
  return `<p>${[before, span, after].filter(Boolean).join(' ')}</p>`;
}

export function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

const visibleLength = (html: string): number => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').length;

/** The body's markup: a <main> holding the whole code, look-alikes marked. */
export function driftCodeBody(options: LegalCodeOptions = {}): string {
  const { seed = 2026, minTextLength = 600_000 } = options;
  const random = seededRandom(seed);
  const out: string[] = [];
  let textLength = 0;
  const add = (html: string): void => {
    out.push(html);
    textLength += visibleLength(html) + 1;
  };
  add('<header><h1>Code de la protection des personnes et des relations avec l’administration</h1></header>');
  const refs: string[] = [];
  let group = 0;
  /** The shared sentence the next article must repeat, if the last one began a pair. */
  let pending: { shared: string; group: number } | undefined;
  for (let book = 1; textLength < minTextLength; book++) {
    add(`<section class="livre"><h2>Livre ${book}</h2>`);
    for (let chapter = 1; chapter <= 6 && textLength < minTextLength; chapter++) {
      add(`<section class="chapitre"><h3>Chapitre ${chapter}</h3>`);
      const articles = 10 + Math.floor(random() * 20);
      for (let article = 1; article <= articles && textLength < minTextLength; article++) {
        const number = articleNumber(book, 1, chapter, article);
        const paragraphs: string[] = [];
        const ordinary = () => ordinaryParagraph(random, refs);
        if (random() < 0.5) paragraphs.push(ordinary());
        const roll = random();
        if (pending) {
          paragraphs.push(sharedParagraph(random, refs, pending.shared, pending.group, 2));
          pending = undefined;
        } else if (roll < 0.1) {
          paragraphs.push(...siblingParagraphs(random, refs, ++group));
        } else if (roll < 0.26 && article < articles) {
          const shared =
            random() < 0.4 ? pickFrom(random, formulae) : fill(pickFrom(random, pairedSentences), random, refs);
          pending = { shared, group: ++group };
          paragraphs.push(sharedParagraph(random, refs, shared, group, 1));
        }
        if (paragraphs.length === 0 || random() < 0.5) paragraphs.push(ordinary());
        add(`<article id="${number.replace(nbsp, '')}"><h4>Article ${number}</h4>${paragraphs.join('')}</article>`);
        refs.push(number);
      }
      add('</section>');
    }
    add('</section>');
  }
  return `<main id="code">${out.join('\n')}</main>`;
}
