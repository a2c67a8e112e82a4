import { gapTypeLabels, type Commitment, type Locale } from '../../api-client/contract';
import { talkBackWordsEn, talkBackWordsFr } from './i18n-talk-back';

/** French counts 0 and 1 as singular. */
const frPlural = (n: number, one: string, other: string) => (n <= 1 ? one : other);
const enPlural = (n: number, one: string, other: string) => (n === 1 ? one : other);
const frNumber = (n: number) => n.toLocaleString('fr-FR');
const enNumber = (n: number) => n.toLocaleString('en-GB');

/**
 * Every word of the public pages, feeds and open-data description, French first. The
 * keys are the sentences' stable codes; English must have every French one (checked by
 * the type below).
 */
const fr = {
  ...talkBackWordsFr,
  'site.name': 'Vigie',
  'site.tagline': 'Ce que les citoyens disent des engagements pour un gouvernement ouvert',
  'site.republic': 'République française',
  'site.skip': 'Aller au contenu',
  'site.menu': 'Menu principal',
  'site.footer':
    'Vigie rassemble les contributions des citoyens sur les engagements du plan d’action national pour un gouvernement ouvert. Seules les contributions publiées par la modération sont visibles ici.',
  'nav.plan': 'Le plan',
  'nav.search': 'Rechercher',
  'nav.pages': 'Par page',
  'nav.data': 'Données ouvertes',
  'nav.feed': 'Flux Atom',
  'nav.home': 'Accueil',
  'nav.breadcrumb': 'Vous êtes ici :',
  'lang.other': 'English',
  'lang.otherLabel': 'Read this page in English',

  'status.not-started': 'Pas commencé',
  'status.in-progress': 'En cours',
  'status.completed': 'Réalisé',
  'status.withdrawn': 'Abandonné',
  'status.unverified': 'Avancement non vérifié',

  'plan.title': (plan: string) => `Plan d’action national ${plan} pour un gouvernement ouvert`,
  'plan.titleAny': 'Les engagements pour un gouvernement ouvert',
  'plan.lead':
    'Pour chaque engagement : les commentaires des citoyens, les manques de transparence qu’ils ont signalés, par type, et combien ont reçu une réponse.',
  'plan.filters': 'Filtrer les engagements',
  'plan.filterStatus': 'Statut',
  'plan.filterLead': 'Institution pilote',
  'plan.filterAny': 'Tous',
  'plan.filterApply': 'Filtrer',
  'plan.filterReset': 'Tout afficher',
  'plan.caption': 'Engagements et contributions publiées',
  'plan.shown': (n: number, total: number) =>
    n === total ? `${n} ${frPlural(n, 'engagement', 'engagements')}` : `${n} engagements sur ${total}`,
  'plan.none': 'Aucun engagement ne correspond à ces filtres.',
  'column.commitment': 'Engagement',
  'column.lead': 'Institution pilote',
  'column.status': 'Statut',
  'column.comments': 'Commentaires',
  'column.gaps': 'Manques signalés',
  'column.answered': 'Avec réponse',
  'gaps.none': 'Aucun',
  'gaps.item': (label: string, n: string) => `${label} : ${n}`,

  'search.label': 'Rechercher dans les contributions publiées',
  'search.button': 'Rechercher',
  'search.title': 'Rechercher dans les contributions',
  'search.titleFor': (q: string) => `Recherche : « ${q} »`,
  'search.hint':
    'Les accents et les majuscules ne comptent pas : « donnees » trouve « données ». Tous les mots doivent figurer dans la contribution ou dans le passage qu’elle cite.',
  'search.accents': 'Sur ce serveur, la recherche tient compte des accents : essayez les deux graphies.',
  'search.count': (n: number, capped: boolean) =>
    capped
      ? `Plus de ${frNumber(n - 1)} contributions trouvées, les plus récentes d’abord`
      : n === 0
        ? 'Aucune contribution trouvée'
        : `${frNumber(n)} ${frPlural(n, 'contribution trouvée', 'contributions trouvées')}, les plus récentes d’abord`,
  'search.none': 'Essayez un autre mot, ou moins de mots.',

  'commitment.breadcrumb': (id: string) => `Engagement ${id}`,
  'commitment.lead': 'Institution pilote',
  'commitment.status': 'Statut',
  'commitment.plan': 'Plan',
  'commitment.noSummary': 'Le résumé de cet engagement n’est pas encore renseigné sur Vigie.',
  'commitment.figures': 'En chiffres',
  'commitment.published': (n: number) => `Contributions publiées (${frNumber(n)})`,
  'commitment.order': 'Les plus récentes d’abord.',
  'commitment.none': 'Aucune contribution publiée pour le moment.',
  'commitment.feed': 'Suivre les nouvelles contributions de cet engagement (flux Atom)',
  'commitment.summaryCounts': (comments: number, gaps: number, answered: number) =>
    `${frNumber(comments)} ${frPlural(comments, 'commentaire', 'commentaires')}, ${frNumber(gaps)} ${frPlural(gaps, 'manque signalé', 'manques signalés')}, ${frNumber(answered)} ${frPlural(answered, 'contribution avec réponse', 'contributions avec réponse')}.`,

  'chart.gapsTitle': 'Manques signalés, par type',
  'chart.gapsDesc': (total: number, top: string | undefined) =>
    total === 0
      ? 'Diagramme en barres : aucun manque signalé pour le moment.'
      : `Diagramme en barres : ${frNumber(total)} ${frPlural(total, 'manque signalé', 'manques signalés')} ; le type le plus signalé est « ${top} ». Les mêmes chiffres sont dans le tableau qui suit.`,
  'chart.monthsTitle': 'Contributions publiées, par mois',
  'chart.monthsDesc': (months: number, total: number, busiest: string | undefined) =>
    total === 0
      ? 'Diagramme en barres : aucune contribution publiée pour le moment.'
      : `Diagramme en barres : ${frNumber(total)} ${frPlural(total, 'contribution publiée', 'contributions publiées')} sur ${months} mois ; le mois le plus actif est ${busiest}. Les mêmes chiffres sont dans le tableau qui suit.`,
  'chart.gapType': 'Type de manque',
  'chart.month': 'Mois',
  'chart.count': 'Nombre',
  'chart.total': 'Total',

  'contribution.comment': 'Commentaire',
  'contribution.gap': 'Manque signalé',
  'contribution.anonymous': 'Anonyme',
  'contribution.by': (who: string) => `Par ${who}`,
  'contribution.publishedOn': (date: string) => `Publiée le ${date}`,
  'contribution.quote': 'Passage cité',
  'contribution.context': 'Le passage dans son contexte',
  'contribution.openPage': (title: string) => `Ouvrir la page « ${title} »`,
  'contribution.openPageUntitled': 'Ouvrir la page commentée',
  'contribution.onCommitment': (id: string, title: string) => `Engagement ${id} : ${title}`,
  'contribution.permalink': 'Lien permanent',
  'contribution.share': 'Partager',
  'contribution.shareCopied': 'Lien copié dans le presse-papiers.',
  'contribution.shareFailed': 'Le lien n’a pas pu être copié : le voici, à copier vous-même.',
  'contribution.title': (date: string) => `Contribution publiée le ${date}`,
  'contribution.noAnswer': 'Pas encore de réponse.',
  'contribution.kindOf': (label: string) => `Manque signalé : ${label}`,

  'answer.moderation': (date: string) => `Réponse publiée par la modération de Vigie, le ${date}`,
  'answer.organisation': (organisation: string) => `Réponse de ${organisation}`,
  'answer.given': (date: string) => `le ${date}`,
  'answer.edited': (first: string, latest: string) => `le ${first}, modifiée le ${latest}`,

  'pages.title': 'Contributions sur une page',
  'pages.titleFor': 'Contributions sur cette page',
  'pages.label': 'Adresse de la page (commençant par https://)',
  'pages.button': 'Afficher',
  'pages.intro': 'Toutes les contributions publiées à propos d’une même page, quel que soit l’engagement.',
  'pages.count': (n: number, bySupport = false) =>
    n === 0
      ? 'Aucune contribution publiée sur cette page.'
      : `${frNumber(n)} ${frPlural(n, 'contribution publiée', 'contributions publiées')} sur cette page, les plus ${bySupport ? 'soutenues' : 'récentes'} d’abord.`,

  'pagination.label': 'Pagination',
  'pagination.previous': 'Page précédente',
  'pagination.next': 'Page suivante',
  'pagination.page': (n: number) => `Page ${n}`,
  'pagination.of': (n: number, total: number) => `Page ${n} sur ${total}`,

  'feed.title': 'Vigie : les contributions publiées',
  'feed.commitmentTitle': (id: string, title: string) => `Vigie : contributions sur l’engagement ${id} (${title})`,
  'feed.entryTitle': (kind: string, id: string | undefined) => (id ? `${kind} sur l’engagement ${id}` : kind),
  'feed.subtitle': 'Chaque contribution publiée, dès sa publication.',

  'data.title': 'Données ouvertes',
  'data.lead':
    'Toutes les contributions publiées, dans deux formats, à réutiliser librement. Les contributions en attente, masquées, refusées ou retirées par leurs auteurs n’y figurent jamais.',
  'data.licenceTitle': 'Licence',
  'data.licence': 'Licence Ouverte / Open Licence version 2.0 (Etalab)',
  'data.licenceText':
    'Vous pouvez réutiliser ces données, y compris commercialement, en mentionnant leur source : « Vigie, contributions citoyennes » et la date de mise à jour.',
  'data.frequencyTitle': 'Mise à jour',
  'data.frequency':
    'En continu : chaque fichier est produit à la demande depuis la base de données, et reflète l’état de la plateforme au moment du téléchargement.',
  'data.filesTitle': 'Fichiers',
  'data.csv': 'Contributions au format CSV (UTF-8, séparateur virgule, RFC 4180)',
  'data.jsonld': 'Contributions au format JSON-LD (W3C Web Annotation)',
  'data.count': (n: number) =>
    `${frNumber(n)} ${frPlural(n, 'contribution publiée', 'contributions publiées')} à ce jour.`,
  'data.fieldsTitle': 'Les champs du fichier CSV',
  'data.field': 'Champ',
  'data.meaning': 'Signification',
  'data.feedsTitle': 'Flux',
  'data.feeds':
    'Pour suivre les nouvelles contributions : le flux Atom de toute la plateforme, et celui de chaque engagement.',

  'error.notFoundTitle': 'Page introuvable',
  'error.notFound':
    'Cette adresse ne mène à aucune page de Vigie. Si elle désigne une contribution, celle-ci n’est pas publiée, ou plus.',
  'error.badRequestTitle': 'Adresse incorrecte',
  'error.badRequest': 'Un paramètre de cette adresse n’est pas valide :',
  'error.home': 'Revenir au plan',

  'param.lang': 'la langue doit être « fr » ou « en ».',
  'param.page': 'le numéro de page doit être un nombre entier de 1 à 10 000.',
  'param.pageBeyond': 'cette page de résultats n’existe pas.',
  'param.status': 'ce statut n’existe pas.',
  'param.lead': 'cette institution ne pilote aucun engagement du plan.',
  'param.q': 'la recherche dépasse 200 caractères.',
  'param.url': 'l’adresse de la page doit commencer par http:// ou https://.',
} as const;

type Words = { [K in keyof typeof fr]: (typeof fr)[K] extends string ? string : (typeof fr)[K] };

const en: Words = {
  ...talkBackWordsEn,
  'site.name': 'Vigie',
  'site.tagline': 'What citizens say about the open-government commitments',
  'site.republic': 'French Republic',
  'site.skip': 'Skip to content',
  'site.menu': 'Main menu',
  'site.footer':
    'Vigie gathers what citizens say about the commitments of the national action plan for open government. Only contributions published by the moderators are shown here.',
  'nav.plan': 'The plan',
  'nav.search': 'Search',
  'nav.pages': 'By page',
  'nav.data': 'Open data',
  'nav.feed': 'Atom feed',
  'nav.home': 'Home',
  'nav.breadcrumb': 'You are here:',
  'lang.other': 'Français',
  'lang.otherLabel': 'Lire cette page en français',

  'status.not-started': 'Not started',
  'status.in-progress': 'In progress',
  'status.completed': 'Completed',
  'status.withdrawn': 'Withdrawn',
  'status.unverified': 'Progress not verified',

  'plan.title': (plan: string) => `National action plan ${plan} for open government`,
  'plan.titleAny': 'The open-government commitments',
  'plan.lead':
    'For each commitment: the citizens’ comments, the transparency gaps they reported, by type, and how many got an answer.',
  'plan.filters': 'Filter the commitments',
  'plan.filterStatus': 'Status',
  'plan.filterLead': 'Lead institution',
  'plan.filterAny': 'All',
  'plan.filterApply': 'Filter',
  'plan.filterReset': 'Show all',
  'plan.caption': 'Commitments and published contributions',
  'plan.shown': (n: number, total: number) =>
    n === total ? `${n} ${enPlural(n, 'commitment', 'commitments')}` : `${n} of ${total} commitments`,
  'plan.none': 'No commitment matches these filters.',
  'column.commitment': 'Commitment',
  'column.lead': 'Lead institution',
  'column.status': 'Status',
  'column.comments': 'Comments',
  'column.gaps': 'Gaps reported',
  'column.answered': 'Answered',
  'gaps.none': 'None',
  'gaps.item': (label: string, n: string) => `${label}: ${n}`,

  'search.label': 'Search the published contributions',
  'search.button': 'Search',
  'search.title': 'Search the contributions',
  'search.titleFor': (q: string) => `Search: “${q}”`,
  'search.hint':
    'Accents and capitals do not matter: “donnees” finds “données”. Every word must appear in the contribution or in the passage it quotes.',
  'search.accents': 'On this server, search tells accented letters apart: try both spellings.',
  'search.count': (n: number, capped: boolean) =>
    capped
      ? `More than ${enNumber(n - 1)} contributions found, newest first`
      : n === 0
        ? 'No contribution found'
        : `${enNumber(n)} ${enPlural(n, 'contribution found', 'contributions found')}, newest first`,
  'search.none': 'Try another word, or fewer words.',

  'commitment.breadcrumb': (id: string) => `Commitment ${id}`,
  'commitment.lead': 'Lead institution',
  'commitment.status': 'Status',
  'commitment.plan': 'Plan',
  'commitment.noSummary': 'This commitment’s summary is not on Vigie yet.',
  'commitment.figures': 'In figures',
  'commitment.published': (n: number) => `Published contributions (${enNumber(n)})`,
  'commitment.order': 'Newest first.',
  'commitment.none': 'No contribution published yet.',
  'commitment.feed': 'Follow the new contributions on this commitment (Atom feed)',
  'commitment.summaryCounts': (comments: number, gaps: number, answered: number) =>
    `${enNumber(comments)} ${enPlural(comments, 'comment', 'comments')}, ${enNumber(gaps)} ${enPlural(gaps, 'gap reported', 'gaps reported')}, ${enNumber(answered)} ${enPlural(answered, 'contribution answered', 'contributions answered')}.`,

  'chart.gapsTitle': 'Gaps reported, by type',
  'chart.gapsDesc': (total: number, top: string | undefined) =>
    total === 0
      ? 'Bar chart: no gap reported yet.'
      : `Bar chart: ${enNumber(total)} ${enPlural(total, 'gap reported', 'gaps reported')}; the type reported most is “${top}”. The same figures are in the table that follows.`,
  'chart.monthsTitle': 'Published contributions, by month',
  'chart.monthsDesc': (months: number, total: number, busiest: string | undefined) =>
    total === 0
      ? 'Bar chart: no contribution published yet.'
      : `Bar chart: ${enNumber(total)} ${enPlural(total, 'contribution published', 'contributions published')} over ${months} ${enPlural(months, 'month', 'months')}; the busiest month is ${busiest}. The same figures are in the table that follows.`,
  'chart.gapType': 'Kind of gap',
  'chart.month': 'Month',
  'chart.count': 'Count',
  'chart.total': 'Total',

  'contribution.comment': 'Comment',
  'contribution.gap': 'Gap reported',
  'contribution.anonymous': 'Anonymous',
  'contribution.by': (who: string) => `By ${who}`,
  'contribution.publishedOn': (date: string) => `Published on ${date}`,
  'contribution.quote': 'Quoted passage',
  'contribution.context': 'The passage in its context',
  'contribution.openPage': (title: string) => `Open the page “${title}”`,
  'contribution.openPageUntitled': 'Open the page commented on',
  'contribution.onCommitment': (id: string, title: string) => `Commitment ${id}: ${title}`,
  'contribution.permalink': 'Permalink',
  'contribution.share': 'Share',
  'contribution.shareCopied': 'Link copied to the clipboard.',
  'contribution.shareFailed': 'The link could not be copied: here it is, to copy yourself.',
  'contribution.title': (date: string) => `Contribution published on ${date}`,
  'contribution.noAnswer': 'No answer yet.',
  'contribution.kindOf': (label: string) => `Gap reported: ${label}`,

  'answer.moderation': (date: string) => `Answer published by Vigie’s moderators, on ${date}`,
  'answer.organisation': (organisation: string) => `Answer from ${organisation}`,
  'answer.given': (date: string) => `on ${date}`,
  'answer.edited': (first: string, latest: string) => `on ${first}, edited on ${latest}`,

  'pages.title': 'Contributions about a page',
  'pages.titleFor': 'Contributions about this page',
  'pages.label': 'Address of the page (starting with https://)',
  'pages.button': 'Show',
  'pages.intro': 'Every published contribution about one page, whatever the commitment.',
  'pages.count': (n: number, bySupport = false) =>
    n === 0
      ? 'No contribution published about this page.'
      : `${enNumber(n)} ${enPlural(n, 'contribution published', 'contributions published')} about this page, ${bySupport ? 'most supported' : 'newest'} first.`,

  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
  'pagination.page': (n: number) => `Page ${n}`,
  'pagination.of': (n: number, total: number) => `Page ${n} of ${total}`,

  'feed.title': 'Vigie: the published contributions',
  'feed.commitmentTitle': (id: string, title: string) => `Vigie: contributions on commitment ${id} (${title})`,
  'feed.entryTitle': (kind: string, id: string | undefined) => (id ? `${kind} on commitment ${id}` : kind),
  'feed.subtitle': 'Every published contribution, as soon as it is published.',

  'data.title': 'Open data',
  'data.lead':
    'Every published contribution, in two formats, free to reuse. Contributions waiting for moderation, hidden, rejected or withdrawn by their authors are never in them.',
  'data.licenceTitle': 'Licence',
  'data.licence': 'Licence Ouverte / Open Licence version 2.0 (Etalab)',
  'data.licenceText':
    'You may reuse these data, commercially too, if you name their source: “Vigie, citizen contributions” and the date of the update.',
  'data.frequencyTitle': 'Updates',
  'data.frequency':
    'Continuous: each file is made on request from the database, and shows the platform as it is at the time of the download.',
  'data.filesTitle': 'Files',
  'data.csv': 'Contributions as CSV (UTF-8, comma-separated, RFC 4180)',
  'data.jsonld': 'Contributions as JSON-LD (W3C Web Annotation)',
  'data.count': (n: number) => `${enNumber(n)} ${enPlural(n, 'contribution', 'contributions')} published so far.`,
  'data.fieldsTitle': 'The fields of the CSV file',
  'data.field': 'Field',
  'data.meaning': 'Meaning',
  'data.feedsTitle': 'Feeds',
  'data.feeds': 'To follow new contributions: the Atom feed of the whole platform, and that of each commitment.',

  'error.notFoundTitle': 'Page not found',
  'error.notFound':
    'This address leads to no page of Vigie. If it names a contribution, that contribution is not published, or no longer.',
  'error.badRequestTitle': 'Wrong address',
  'error.badRequest': 'A parameter of this address is not valid:',
  'error.home': 'Back to the plan',

  'param.lang': 'the language must be “fr” or “en”.',
  'param.page': 'the page number must be a whole number from 1 to 10,000.',
  'param.pageBeyond': 'this page of results does not exist.',
  'param.status': 'this status does not exist.',
  'param.lead': 'this institution leads no commitment of the plan.',
  'param.q': 'the search is longer than 200 characters.',
  'param.url': 'the page address must start with http:// or https://.',
};

export type SiteWords = Words;
export type ParamProblem = Extract<keyof Words, `param.${string}`>;

export function siteWords(locale: Locale): SiteWords {
  return locale === 'en' ? en : fr;
}

/** How the contract's gap types and commitment statuses read, in the page's language. */
export function gapLabel(locale: Locale, type: keyof (typeof gapTypeLabels)['fr']): string {
  return gapTypeLabels[locale][type];
}

const numberIn = (locale: Locale, n: number) => n.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * "3 personnes disent « moi aussi »". The two forms are templates (`{n}`) rather than a
 * function, so the live page's script fills them in too; French counts 0 and 1 as singular.
 */
export function supportSentence(locale: Locale, n: number): string {
  const singular = locale === 'fr' ? n <= 1 : n === 1;
  return siteWords(locale)[singular ? 'support.one' : 'support.other'].replace('{n}', numberIn(locale, n));
}

/** "Réponses des citoyens (3)", a template too. */
export function repliesHeading(locale: Locale, n: number): string {
  return siteWords(locale)['replies.heading'].replace('{n}', numberIn(locale, n));
}

export function statusLabel(locale: Locale, status: Commitment['status']): string {
  return siteWords(locale)[`status.${status}`];
}
