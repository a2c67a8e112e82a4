import type { Insertable, Selectable } from 'kysely';
import { Campaign, Commitment, Contribution, Role, type Locale, type Selector } from '../../api-client/contract';
import type { CampaignsTable, ContributionsTable, Database } from './schema';
import type { ApiToken, StoredContribution } from './storage';

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
  });
}

/** A commitment in one language: English when asked and known, French otherwise. */
export function commitmentFromRow(row: Selectable<Database['commitments']>, locale: Locale = 'fr'): Commitment {
  const english = locale === 'en';
  return Commitment.parse({
    id: row.id,
    title: (english ? row.title_en : null) ?? row.title,
    ...(row.summary === null ? {} : { summary: row.summary }),
    leadInstitution: (english ? row.lead_institution_en : null) ?? row.lead_institution,
    status: row.status,
    themes: JSON.parse(row.themes) as unknown,
    plan: row.plan,
    pages: JSON.parse(row.pages) as unknown,
  });
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
  };
}
