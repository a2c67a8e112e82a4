import type { Insertable, Selectable } from 'kysely';
import {
  AnswerStatus,
  Campaign,
  Commitment,
  CommitmentRecord,
  Contribution,
  Role,
  type Locale,
  type Selector,
} from '../../api-client/contract';
import { siteHost } from '../organisations/domains';
import type { CampaignsTable, CommitmentsTable, ContributionsTable, Database } from './schema';
import type { ApiToken, StoredCommitment, StoredContribution } from './storage';

// Between the contract's shapes and the tables' rows: JSON columns, snake_case, nulls.

export function contributionToRow(item: StoredContribution): Insertable<ContributionsTable> {
  const c = item.contribution;
  return {
    id: c.id,
    kind: c.kind,
    gap_type: c.gapType ?? null,
    body: c.body,
    target_url: c.target.url,
    target_title: c.target.title,
    selectors: JSON.stringify(c.target.selectors),
    commitment_id: c.commitmentId ?? null,
    campaign_id: c.campaignId ?? null,
    author_pseudonym: c.author?.pseudonym ?? null,
    locale: c.locale,
    source: c.source,
    created_at: c.createdAt,
    status: c.status,
    received_at: c.receivedAt,
    content_hash: item.contentHash,
    withdrawal_key_hash: item.withdrawalKeyHash ?? null,
    reply_body: c.reply?.body ?? null,
    reply_at: c.reply?.at ?? null,
    moderation_reason: null,
    moderated_at: null,
    published_at: c.status === 'published' ? c.receivedAt : null,
    reported_at: null,
    parent_id: c.parentId ?? null,
    target_host: siteHost(c.target.url),
    answer_body: null,
    answer_status: null,
    answer_organisation: null,
    answer_at: null,
    answer_first_at: null,
    moderation_note: null,
    moderated_by: null,
  };
}

type AnswerColumns = Pick<
  ContributionsTable,
  'answer_body' | 'answer_status' | 'answer_organisation' | 'answer_at' | 'answer_first_at'
>;

/** The organisation's answer as the public reads it: the latest version, and when the first was given if it was edited. */
export function answerFromRow(row: AnswerColumns): Contribution['answer'] {
  if (row.answer_body === null || row.answer_status === null || row.answer_at === null) return undefined;
  return {
    body: row.answer_body,
    status: AnswerStatus.parse(row.answer_status),
    organisation: row.answer_organisation ?? '',
    at: row.answer_at,
    ...(row.answer_first_at !== null && row.answer_first_at !== row.answer_at ? { firstAt: row.answer_first_at } : {}),
  };
}

export function contributionFromRow(row: Selectable<ContributionsTable>): Contribution {
  // Rows were validated on the way in; parsing again guards against a hand-edited database.
  return Contribution.parse({
    id: row.id,
    kind: row.kind,
    ...(row.gap_type === null ? {} : { gapType: row.gap_type }),
    body: row.body,
    target: { url: row.target_url, title: row.target_title, selectors: JSON.parse(row.selectors) as Selector[] },
    ...(row.commitment_id === null ? {} : { commitmentId: row.commitment_id }),
    ...(row.campaign_id === null ? {} : { campaignId: row.campaign_id }),
    ...(row.author_pseudonym === null ? {} : { author: { pseudonym: row.author_pseudonym } }),
    locale: row.locale,
    source: row.source,
    createdAt: row.created_at,
    status: row.status,
    receivedAt: row.received_at,
    ...(row.reply_body === null || row.reply_at === null ? {} : { reply: { body: row.reply_body, at: row.reply_at } }),
    ...(row.parent_id === null ? {} : { parentId: row.parent_id }),
    // Public figures, said of what is public: a pending text has no supports to show.
    ...(row.status === 'published'
      ? { supportCount: Number(row.support_count), replyCount: Number(row.reply_count) }
      : {}),
    ...(row.answer_body === null ? {} : { answer: answerFromRow(row) }),
  });
}

/** A commitment in one language: English when asked and known, French otherwise. */
export function commitmentFromRow(row: Selectable<Database['commitments']>, locale: Locale = 'fr'): Commitment {
  const english = locale === 'en';
  // A summary in one language only is shown in either.
  const summary = english ? (row.summary_en ?? row.summary) : (row.summary ?? row.summary_en);
  return Commitment.parse({
    id: row.id,
    title: (english ? row.title_en : null) ?? row.title,
    ...(summary === null ? {} : { summary }),
    leadInstitution: (english ? row.lead_institution_en : null) ?? row.lead_institution,
    status: row.status,
    themes: JSON.parse(row.themes) as unknown,
    plan: row.plan,
    pages: JSON.parse(row.pages) as unknown,
  });
}

/** Both languages, as the platform keeps them: what PUT answers and the import compares. */
export function commitmentRecordFromRow(row: Selectable<CommitmentsTable>): StoredCommitment {
  return CommitmentRecord.parse({
    id: row.id,
    title: { fr: row.title, ...(row.title_en === null ? {} : { en: row.title_en }) },
    leadInstitution: {
      fr: row.lead_institution,
      ...(row.lead_institution_en === null ? {} : { en: row.lead_institution_en }),
    },
    summary: {
      ...(row.summary === null ? {} : { fr: row.summary }),
      ...(row.summary_en === null ? {} : { en: row.summary_en }),
    },
    status: row.status,
    themes: JSON.parse(row.themes) as unknown,
    plan: row.plan,
    pages: JSON.parse(row.pages) as unknown,
  });
}

/** An empty text is no text: stored as NULL, so the other language (French) is shown instead. */
const orNull = (text: string | undefined) => (text === undefined || text === '' ? null : text);

export function commitmentToRow(c: StoredCommitment): CommitmentsTable {
  return {
    id: c.id,
    title: c.title.fr,
    title_en: orNull(c.title.en),
    summary: orNull(c.summary.fr),
    summary_en: orNull(c.summary.en),
    lead_institution: c.leadInstitution.fr,
    lead_institution_en: orNull(c.leadInstitution.en),
    status: c.status,
    themes: JSON.stringify(c.themes),
    plan: c.plan,
    pages: JSON.stringify(c.pages),
  };
}

export function campaignToRow(c: Campaign): Omit<CampaignsTable, 'owner_token_id'> {
  return {
    id: c.id,
    title: c.title,
    question: c.question,
    targets: JSON.stringify(c.targets),
    opens_at: c.opensAt,
    closes_at: c.closesAt,
    owner: c.owner ?? null,
    approval: c.approval,
  };
}

export function campaignFromRow(row: Selectable<CampaignsTable>): Campaign {
  return Campaign.parse({
    id: row.id,
    title: row.title,
    question: row.question,
    targets: JSON.parse(row.targets) as unknown,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    ...(row.owner === null ? {} : { owner: row.owner }),
    approval: row.approval,
  });
}

export function tokenFromRow(row: Selectable<Database['api_tokens']>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: Role.parse(row.role),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    ...(row.domains === null && row.commitments === null
      ? {}
      : {
          scope: {
            domains: JSON.parse(row.domains ?? '[]') as string[],
            commitmentIds: JSON.parse(row.commitments ?? '[]') as string[],
          },
        }),
  };
}
