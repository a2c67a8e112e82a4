import type { Generated } from 'kysely';

/** The tables as the database sees them: JSON columns are text, dates are ISO 8601 text. */
export interface CommitmentsTable {
  id: string;
  title: string;
  summary: string | null;
  lead_institution: string;
  status: string;
  themes: string;
  plan: string;
  pages: string;
  /** The title and lead institution in English; `title` and `lead_institution` are French. */
  title_en: string | null;
  lead_institution_en: string | null;
  /** The summary in English; `summary` is French. */
  summary_en: string | null;
}

export interface ContributionsTable {
  id: string;
  kind: string;
  gap_type: string | null;
  body: string;
  target_url: string;
  target_title: string;
  selectors: string;
  commitment_id: string | null;
  campaign_id: string | null;
  author_pseudonym: string | null;
  locale: string;
  source: string;
  created_at: string;
  status: string;
  received_at: string;
  /** SHA-256 of the validated input: how a repeated id is told duplicate from conflict. */
  content_hash: string;
  /** SHA-256 of the secret the citizen's client keeps; the secret alone can withdraw the text. */
  withdrawal_key_hash: string | null;
  reply_body: string | null;
  reply_at: string | null;
  moderation_reason: string | null;
  moderated_at: string | null;
  /** When it was first published: only what was public once may be reported. */
  published_at: string | null;
  /** When readers first reported it since its last review: reported contributions lead the moderation queue. */
  reported_at: string | null;
  /** A reply's parent (a reply stands on its parent's page, with no commitment of its own). */
  parent_id: string | null;
  /** Devices that said "Moi aussi", kept in the same transaction as `supports`. */
  support_count: Generated<number>;
  /** Published replies, kept in the same transaction as their statuses. */
  reply_count: Generated<number>;
  /** The page's host (organisations/domains.ts): what an administration's domains are compared with. */
  target_host: string;
  /** The organisation's answer, its latest version (every version is in `answers`). */
  answer_body: string | null;
  answer_status: string | null;
  answer_organisation: string | null;
  answer_at: string | null;
  /** When the first version was given. */
  answer_first_at: string | null;
  /** The latest decision's explanation (required with the reason "other"); erased with the text at withdrawal. */
  moderation_note: string | null;
  /** The name of the token that took the latest decision. */
  moderated_by: string | null;
}

/** Every moderation decision: who, when, what, why. Its notes go at erasure; the rest stays. */
export interface ModerationJournalTable {
  id: string;
  contribution_id: string;
  at: string;
  token_id: string;
  /** The token's name when it decided: the account people read. */
  account_name: string;
  role: string;
  decision: string;
  reason: string | null;
  note: string | null;
  /** 1 when a public reply came with the decision (booleans as integers, alike in both databases). */
  replied: number;
  /** 1 when taken on a selection, in one bulk decision. */
  bulk: number;
}

/** One device's "Moi aussi": its key, hashed with the contribution's id so two supports cannot be linked. */
export interface SupportsTable {
  contribution_id: string;
  supporter_hash: string;
  created_at: string;
}

/**
 * The live streams' replay log: what became public or left public view, and where
 * (the page, the commitment). Ids and addresses only, never text: a stream reads the
 * contribution as it is when it sends the event.
 */
export interface EventsTable {
  id: Generated<number>;
  type: string;
  contribution_id: string;
  parent_id: string | null;
  commitment_id: string | null;
  target_url: string;
  at: string;
}

/** Every version of every organisation's answer: the history the organisation and admins read. */
export interface AnswersTable {
  id: string;
  contribution_id: string;
  /** The token that wrote it; `organisation` is its name then. */
  token_id: string;
  organisation: string;
  body: string;
  status: string;
  at: string;
}

/** PostgreSQL only: one rate-limit window per client, shared by every process on the database. */
export interface RateWindowsTable {
  /** The client's address under the day's key (http/client-address.ts): never the address. */
  client: string;
  /** Milliseconds since the epoch, as bigint (which pg reads as a string). */
  started_at: number | string;
  count: number;
}

/** A reader's report; one per reader (hashed address) and contribution, so reports count people. */
export interface ReportsTable {
  contribution_id: string;
  /** The reader's network (IPv4 /24, IPv6 /48), hashed with a key from the operator's secret: reports count networks. */
  reporter_hash: string;
  reason: string;
  created_at: string;
}

/** Ids of withdrawn contributions: no text, only what stops a stale client from sending it again. */
export interface WithdrawalsTable {
  id: string;
  withdrawn_at: string;
  /** SHA-256 of the withdrawal secret, so that its holder alone learns the contribution was withdrawn. */
  withdrawal_key_hash: string | null;
}

export interface ApiTokensTable {
  /** Public handle, shown by `token list` and used by `token revoke`. */
  id: string;
  name: string;
  role: string;
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** An administration's site domains (JSON array of patterns); null for other roles. */
  domains: string | null;
  /** The commitments an administration leads (JSON array of ids); null for other roles. */
  commitments: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CampaignsTable {
  id: string;
  title: string;
  question: string;
  targets: string;
  opens_at: string;
  closes_at: string;
  /** Name of the token that created it, shown to readers. */
  owner: string | null;
  /** Id of the token that created it: the account that manages it (a namesake token does not). */
  owner_token_id: string | null;
  approval: string;
}

export interface Database {
  commitments: CommitmentsTable;
  contributions: ContributionsTable;
  campaigns: CampaignsTable;
  reports: ReportsTable;
  withdrawals: WithdrawalsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  supports: SupportsTable;
  events: EventsTable;
  answers: AnswersTable;
  moderation_journal: ModerationJournalTable;
  rate_windows: RateWindowsTable;
}
