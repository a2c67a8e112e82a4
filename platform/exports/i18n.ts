import type {
  ContributionInput,
  ContributionKind,
  ContributionStatus,
  exportCsvColumns,
  exportModerationColumns,
  Locale,
  ModerationReason,
} from '../../api-client/contract';

export type ExportColumn = (typeof exportCsvColumns)[number] | (typeof exportModerationColumns)[number];

/**
 * The words of the exports people open in a spreadsheet (the French CSV, the XLSX): column
 * headers and the labels that replace codes, French first. The codes stay the columns' names
 * in the RFC 4180 CSV and the JSON, which programs read.
 */
export interface ExportWords {
  headers: Record<ExportColumn, string>;
  statuses: Record<ContributionStatus, string>;
  kinds: Record<ContributionKind, string>;
  reasons: Record<ModerationReason, string>;
  decisions: Record<'publish' | 'hide' | 'reject', string>;
  sources: Record<ContributionInput['source'], string>;
  locales: Record<Locale, string>;
  /** How a bulk decision is marked in the journal column. */
  bulk: string;
  sheet: string;
}

export const exportWords: Record<Locale, ExportWords> = {
  fr: {
    headers: {
      id: 'Identifiant',
      receivedAt: 'Reçue le',
      createdAt: 'Écrite le',
      status: 'Statut',
      kind: 'Nature',
      gapType: 'Type de manque',
      commitmentId: 'Engagement',
      campaignId: 'Campagne',
      targetUrl: 'Adresse de la page',
      targetTitle: 'Titre de la page',
      quote: 'Passage cité',
      body: 'Texte',
      pseudonym: 'Pseudonyme',
      locale: 'Langue',
      source: 'Outil',
      replyBody: 'Réponse de la modération',
      replyAt: 'Réponse de la modération le',
      answerStatus: 'Statut de la réponse de l’organisation',
      answerOrganisation: 'Organisation qui a répondu',
      answerBody: 'Réponse de l’organisation',
      answerAt: 'Réponse de l’organisation le',
      parentId: 'En réponse à (identifiant)',
      moderationReason: 'Motif de la décision',
      moderationNote: 'Explication de la décision',
      moderatedBy: 'Décision prise par',
      moderatedAt: 'Décision prise le',
      journal: 'Journal des décisions',
    },
    statuses: { pending: 'En attente', published: 'Publiée', hidden: 'Masquée', rejected: 'Rejetée' },
    kinds: { comment: 'Commentaire', gap: 'Manque de transparence', reply: 'Réponse d’un citoyen' },
    reasons: {
      spam: 'Spam',
      offensive: 'Propos injurieux',
      'off-topic': 'Hors sujet',
      'personal-data': 'Données personnelles',
      other: 'Autre',
    },
    decisions: { publish: 'Publiée', hide: 'Masquée', reject: 'Rejetée' },
    sources: { extension: 'Extension', widget: 'Module intégré au site', site: 'Pages publiques de Vigie' },
    locales: { fr: 'Français', en: 'Anglais' },
    bulk: 'décision groupée',
    sheet: 'Contributions',
  },
  en: {
    headers: {
      id: 'Identifier',
      receivedAt: 'Received on',
      createdAt: 'Written on',
      status: 'Status',
      kind: 'Kind',
      gapType: 'Kind of gap',
      commitmentId: 'Commitment',
      campaignId: 'Campaign',
      targetUrl: 'Page address',
      targetTitle: 'Page title',
      quote: 'Quoted passage',
      body: 'Text',
      pseudonym: 'Pseudonym',
      locale: 'Language',
      source: 'Tool',
      replyBody: 'Moderators’ reply',
      replyAt: 'Moderators’ reply on',
      answerStatus: 'Status of the organisation’s answer',
      answerOrganisation: 'Organisation that answered',
      answerBody: 'Organisation’s answer',
      answerAt: 'Organisation’s answer on',
      parentId: 'In reply to (identifier)',
      moderationReason: 'Reason for the decision',
      moderationNote: 'Explanation of the decision',
      moderatedBy: 'Decided by',
      moderatedAt: 'Decided on',
      journal: 'Journal of decisions',
    },
    statuses: { pending: 'Pending', published: 'Published', hidden: 'Hidden', rejected: 'Rejected' },
    kinds: { comment: 'Comment', gap: 'Transparency gap', reply: 'A citizen’s reply' },
    reasons: {
      spam: 'Spam',
      offensive: 'Offensive',
      'off-topic': 'Off-topic',
      'personal-data': 'Personal data',
      other: 'Other',
    },
    decisions: { publish: 'Published', hide: 'Hidden', reject: 'Rejected' },
    sources: { extension: 'Extension', widget: 'Widget on the site', site: 'Vigie’s public pages' },
    locales: { fr: 'French', en: 'English' },
    bulk: 'bulk decision',
    sheet: 'Contributions',
  },
};
