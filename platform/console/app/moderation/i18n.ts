import type { ContributionStatus, Locale, ModerationReason } from '../../../../api-client/contract';
import { lang } from '../i18n';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
const enPlural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The moderation page's words: the queue, its filters, the decision beside the selected contribution, the keys. */
const fr = {
  statusNav: 'Statuts de la file',
  statusTab: (status: string, n: number | undefined) => (n === undefined ? status : `${status} (${n})`),
  statusLabels: {
    pending: 'En attente',
    published: 'Publiées',
    hidden: 'Masquées',
    rejected: 'Rejetées',
  } satisfies Record<ContributionStatus, string>,
  reportedCount: (n: number) => `dont ${plural(n, 'signalée', 'signalées')} par des lecteurs`,
  countsLive: 'Compteurs mis à jour toutes les 20 secondes tant que la page est affichée.',
  searchLabel: 'Rechercher dans les textes et les passages cités (tous statuts)',
  filtersTitle: 'Filtres',
  filterCommitment: 'Engagement',
  filterPage: 'Page (adresse complète) ou domaine',
  filterPageHint: 'Par exemple https://www.economie.gouv.fr/daj ou economie.gouv.fr (avec ses sous-domaines).',
  filterKind: 'Nature',
  filterGapType: 'Type de manque',
  filterCampaign: 'Campagne (identifiant)',
  filterFrom: 'Reçues à partir du',
  filterTo: 'Reçues jusqu’au (inclus)',
  filterReported: 'Signalements',
  reportedAny: 'toutes',
  reportedOnly: 'signalées seulement',
  reportedNone: 'non signalées seulement',
  any: 'tous',
  applyFilters: 'Filtrer',
  clearFilters: 'Effacer les filtres',
  filtersActive: (n: number) => (n === 0 ? 'Aucun filtre actif.' : `${plural(n, 'filtre actif', 'filtres actifs')}.`),
  commitmentLine: (id: string, title: string | undefined) =>
    title ? `Engagement ${id} : ${title}` : `Engagement ${id}`,
  noCommitment: 'Aucun engagement indiqué',
  campaignLine: (id: string) => `Campagne ${id}`,
  contributorOthers: (n: number) =>
    n === 0
      ? 'Aucune autre contribution de ce contributeur (même clé de retrait).'
      : `Ce contributeur a envoyé ${plural(n, 'autre contribution', 'autres contributions')} (même clé de retrait).`,
  reportedSince: (date: string) => `signalée depuis le ${date}`,
  lastDecision: (status: string, by: string | undefined, date: string) =>
    `Dernière décision : ${status}${by ? `, par ${by}` : ''}, le ${date}.`,
  selectOne: (excerpt: string) => `Sélectionner pour une décision groupée : ${excerpt}`,
  decisionTitle: 'Décision',
  reasonLabel: 'Motif (pour masquer ou rejeter)',
  reasonChoose: '— choisir un motif —',
  reasonSentences: {
    spam: 'Spam : publicité, liens sans rapport ou messages répétés.',
    offensive: 'Propos injurieux, haineux ou diffamatoires.',
    'off-topic': 'Hors sujet : sans rapport avec la page ou l’engagement.',
    'personal-data': 'Données personnelles : le texte permet d’identifier une personne.',
    other: 'Autre raison, à expliquer ci-dessous.',
  } satisfies Record<ModerationReason, string>,
  noteLabel: 'Explication (obligatoire pour « autre », 500 caractères au plus)',
  noteHint: 'Conservée avec la décision dans le journal et les exports ; jamais publiée.',
  needNote: 'Le motif « autre » demande une courte explication.',
  replyLabel: 'Réponse publique de la modération (facultative)',
  journalTitle: 'Journal des décisions',
  journalEmpty: 'Aucune décision prise sur cette contribution.',
  journalEntry: (date: string, by: string, decision: string, reason: string | undefined, bulk: boolean) =>
    `${date} — ${by} : ${decision}${reason ? ` (${reason})` : ''}${bulk ? ', décision groupée' : ''}`,
  journalReplied: 'avec une réponse publique',
  decisionNames: { publish: 'publiée', hide: 'masquée', reject: 'rejetée' },
  bulkTitle: 'Décision groupée',
  bulkSelectAll: 'Sélectionner toute la page affichée',
  bulkSelected: (n: number) => plural(n, 'contribution sélectionnée', 'contributions sélectionnées'),
  bulkPublish: 'Publier la sélection',
  bulkHide: 'Masquer la sélection',
  bulkReject: 'Rejeter la sélection',
  bulkDone: (decided: number, status: string, refused: number) =>
    `${plural(decided, 'contribution', 'contributions')} ${status}${decided > 1 ? 's' : ''}` +
    (refused > 0
      ? ` ; ${plural(refused, 'laissée telle quelle', 'laissées telles quelles')} (hors de votre périmètre ou introuvable).`
      : '.'),
  bulkStatus: { published: 'publiée', hidden: 'masquée', rejected: 'rejetée', pending: 'remise en attente' },
  keysTitle: 'Raccourcis clavier',
  keysEnabled: 'Activer les raccourcis à une touche',
  keysHint:
    'Ils n’agissent que lorsque le focus est dans la file (sur une contribution ou sa décision), jamais dans un champ de saisie, pour ne pas gêner les lecteurs d’écran.',
  keys: [
    ['j', 'contribution suivante'],
    ['k', 'contribution précédente'],
    ['x', 'cocher ou décocher la contribution pour une décision groupée'],
    ['p', 'publier'],
    ['h', 'masquer (choisir d’abord un motif)'],
    ['r', 'rejeter (choisir d’abord un motif)'],
    ['m', 'aller au motif'],
    ['a', 'aller à la réponse (publique pour la modération, officielle pour une administration)'],
    ['Échap', 'dans un champ : revenir à la contribution'],
  ] as Array<[string, string]>,
};

type Strings = typeof fr;

const en: Strings = {
  statusNav: 'Queue statuses',
  statusTab: (status, n) => (n === undefined ? status : `${status} (${n})`),
  statusLabels: { pending: 'Pending', published: 'Published', hidden: 'Hidden', rejected: 'Rejected' },
  reportedCount: (n) => `of which ${enPlural(n, 'is', 'are')} reported by readers`,
  countsLive: 'Counts refreshed every 20 seconds while the page is shown.',
  searchLabel: 'Search the texts and quoted passages (every status)',
  filtersTitle: 'Filters',
  filterCommitment: 'Commitment',
  filterPage: 'Page (full address) or domain',
  filterPageHint: 'For example https://www.economie.gouv.fr/daj or economie.gouv.fr (with its subdomains).',
  filterKind: 'Kind',
  filterGapType: 'Kind of gap',
  filterCampaign: 'Campaign (identifier)',
  filterFrom: 'Received from',
  filterTo: 'Received until (included)',
  filterReported: 'Reports',
  reportedAny: 'all',
  reportedOnly: 'reported only',
  reportedNone: 'not reported only',
  any: 'all',
  applyFilters: 'Filter',
  clearFilters: 'Clear the filters',
  filtersActive: (n) => (n === 0 ? 'No filter active.' : `${enPlural(n, 'filter', 'filters')} active.`),
  commitmentLine: (id, title) => (title ? `Commitment ${id}: ${title}` : `Commitment ${id}`),
  noCommitment: 'No commitment given',
  campaignLine: (id) => `Campaign ${id}`,
  contributorOthers: (n) =>
    n === 0
      ? 'No other contribution from this contributor (same withdrawal key).'
      : `This contributor sent ${enPlural(n, 'other contribution', 'other contributions')} (same withdrawal key).`,
  reportedSince: (date) => `reported since ${date}`,
  lastDecision: (status, by, date) => `Latest decision: ${status}${by ? `, by ${by}` : ''}, on ${date}.`,
  selectOne: (excerpt) => `Select for a bulk decision: ${excerpt}`,
  decisionTitle: 'Decision',
  reasonLabel: 'Reason (to hide or reject)',
  reasonChoose: '— choose a reason —',
  reasonSentences: {
    spam: 'Spam: advertising, unrelated links or repeated messages.',
    offensive: 'Offensive, hateful or defamatory words.',
    'off-topic': 'Off-topic: unrelated to the page or the commitment.',
    'personal-data': 'Personal data: the text identifies a person.',
    other: 'Another reason, to explain below.',
  },
  noteLabel: 'Explanation (required for “other”, 500 characters at most)',
  noteHint: 'Kept with the decision in the journal and the exports; never published.',
  needNote: 'The reason “other” needs a short explanation.',
  replyLabel: 'Public reply from the moderators (optional)',
  journalTitle: 'Journal of decisions',
  journalEmpty: 'No decision taken on this contribution.',
  journalEntry: (date, by, decision, reason, bulk) =>
    `${date} — ${by}: ${decision}${reason ? ` (${reason})` : ''}${bulk ? ', bulk decision' : ''}`,
  journalReplied: 'with a public reply',
  decisionNames: { publish: 'published', hide: 'hidden', reject: 'rejected' },
  bulkTitle: 'Bulk decision',
  bulkSelectAll: 'Select the whole page shown',
  bulkSelected: (n) => enPlural(n, 'contribution selected', 'contributions selected'),
  bulkPublish: 'Publish the selection',
  bulkHide: 'Hide the selection',
  bulkReject: 'Reject the selection',
  bulkDone: (decided, status, refused) =>
    `${enPlural(decided, 'contribution', 'contributions')} ${status}` +
    (refused > 0
      ? `; ${enPlural(refused, 'left as it was', 'left as they were')} (outside your scope or not found).`
      : '.'),
  bulkStatus: { published: 'published', hidden: 'hidden', rejected: 'rejected', pending: 'back in the queue' },
  keysTitle: 'Keyboard shortcuts',
  keysEnabled: 'Turn on single-key shortcuts',
  keysHint:
    'They act only while the focus is in the queue (on a contribution or its decision), never in a text field, so they do not get in the way of screen readers.',
  keys: [
    ['j', 'next contribution'],
    ['k', 'previous contribution'],
    ['x', 'tick or untick the contribution for a bulk decision'],
    ['p', 'publish'],
    ['h', 'hide (choose a reason first)'],
    ['r', 'reject (choose a reason first)'],
    ['m', 'go to the reason'],
    ['a', 'go to the reply (the moderators’ public one, or an administration’s official answer)'],
    ['Escape', 'in a field: back to the contribution'],
  ],
};

const strings: Record<Locale, Strings> = { fr, en };

/** The moderation page's strings in the current language. */
export function tm(): Strings {
  return strings[lang.value];
}
