import type {
  AnswerStatus,
  AnswerVersion,
  Campaign,
  Commitment,
  CommitmentRecord,
  Contribution,
  ContributionKind,
  ContributionStatus,
  GapType,
  Locale,
  ModerationCounts,
  ModerationItem,
  ModerationReason,
  Reply,
  Role,
} from '../../api-client/contract';
import type {
  DashboardFigures,
  Decision,
  DecisionOutcome,
  ExportRow,
  ModerationFilter,
  ModerationQuery,
} from './moderation-types';

export interface StoredContribution {
  contribution: Contribution;
  contentHash: string;
  /** SHA-256 of the citizen's withdrawal secret, when their client made one. */
  withdrawalKeyHash?: string | undefined;
}

/** Where to resume a listing: strictly past this pair, in the listing's order. */
export interface PageCursor {
  receivedAt: string;
  id: string;
}

export interface PublishedQuery {
  url?: string | undefined;
  commitmentId?: string | undefined;
  limit: number;
  after?: PageCursor | SupportCursor | undefined;
  /** Most supported first (the cursor then carries the count, a SupportCursor). */
  bySupport?: boolean | undefined;
}

/** Where to resume a list by support: strictly past this triple, most supported first. */
export interface SupportCursor extends PageCursor {
  supportCount: number;
}

/** A published contribution's published replies, in arrival order. */
export interface RepliesQuery {
  parentId: string;
  limit: number;
  after?: PageCursor | undefined;
}

/** One device's "Moi aussi" on one contribution (its key already hashed with the contribution's id). */
export interface SupportChange {
  contributionId: string;
  supporterHash: string;
  at: string;
}

export type SupportOutcome =
  | { found: false }
  | {
      found: true;
      supportCount: number;
      supported: boolean;
      /** whether this request changed anything */ changed: boolean;
    };

/** What the live streams tell: see api-client/contract/live.ts. */
export type PublicChangeType = 'contribution' | 'answer' | 'counts' | 'removed';

/** One entry of the replay log: what changed, and where. */
export interface EventRow {
  id: number;
  type: PublicChangeType;
  contributionId: string;
  parentId: string | null;
  /** The commitment (a reply's parent's), if any. */
  commitmentId: string | null;
  targetUrl: string;
}

/** What a live stream follows: a page, a commitment, or a page of a commitment (both). */
export interface LiveScope {
  url?: string | undefined;
  commitmentId?: string | undefined;
}

/**
 * What an administration may see, moderate, export and answer: contributions whose page's
 * host matches one of its domain patterns, or whose commitment it leads.
 */
export interface OrganisationScope {
  /** `host` or `*.host` (organisations/domains.ts), lower-case ASCII. */
  domains: readonly string[];
  commitmentIds: readonly string[];
}

export interface ReportRequest {
  contributionId: string;
  /** The reader's network, hashed with a key from the operator's secret: reports count networks, not requests. */
  reporterHash: string;
  reason: ModerationReason;
  at: string;
  /** Distinct networks after whom a published contribution leaves public view for review. */
  threshold: number;
}

export type ReportOutcome =
  | { found: false }
  | { found: true; count: number; /** whether it is out of public view, waiting for review */ underReview: boolean };

/** Filters of an export; `campaignIds` limits it to those campaigns (an ngo's), even when empty. */
export interface ExportFilter {
  campaignIds?: readonly string[] | undefined;
  commitmentId?: string | undefined;
  kind?: ContributionKind | undefined;
  status?: ContributionStatus | undefined;
  /** Published contributions only, whatever `status` says (an ngo's export). */
  publishedOnly?: boolean | undefined;
  /** What the public may read: published, and replies only under a published parent (open data). */
  readableByThePublic?: boolean | undefined;
  /** An administration's export: its scope only. */
  scope?: OrganisationScope | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Each row with its latest decision and journal (token holders' exports). */
  withModeration?: boolean | undefined;
}

/** What a device may learn of its own contribution once it proved it holds the secret. */
export interface OwnStatusRow {
  id: string;
  withdrawalKeyHash: string | null;
  status: ContributionStatus | 'withdrawn';
  moderationReason?: ModerationReason | undefined;
  reply?: Reply | undefined;
  answer?: Contribution['answer'];
  withdrawn?: string | undefined;
  /** Published replies, for a published contribution. */
  replyCount?: number | undefined;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  /** An administration's domains and commitments; absent for the other roles. */
  scope?: OrganisationScope | undefined;
}

/** A new version of an organisation's answer. */
export interface AnswerRequest {
  body: string;
  status: AnswerStatus;
  organisation: string;
  tokenId: string;
  at: string;
}

export type AnswerOutcome =
  | { found: false }
  /** `changed` is false when the latest version already said this (a retry, a second click). */
  | { found: true; contribution: Contribution; created: boolean; changed: boolean };

/** What an import or a PUT did to each commitment. */
export interface CommitmentChanges {
  created: string[];
  updated: Array<{ id: string; fields: string[] }>;
  unchanged: string[];
}

/** A commitment as the platform keeps it: its texts in French and, when known, English. */
export type StoredCommitment = CommitmentRecord;

/** A published contribution and when it became public (its arrival under post-moderation, its publication decision otherwise). */
export interface PublicEntry {
  contribution: Contribution;
  publishedAt: string;
}

/** Where the public pages look: one commitment, one page, or everything published. */
export interface PublicScope {
  commitmentId?: string | undefined;
  url?: string | undefined;
}

/**
 * Published contributions counted by what the public pages show. `answered` counts those
 * that got an answer, as platform/site/answer.ts defines it.
 */
export interface PublicCount {
  commitmentId: string | null;
  kind: ContributionKind;
  gapType: GapType | null;
  count: number;
  answered: number;
}

export interface PublicListQuery extends PublicScope {
  limit: number;
  offset: number;
  /** The most supported first (then the newest), instead of the newest first. */
  bySupport?: boolean | undefined;
}

export interface SearchQuery {
  /** The reader's words, as typed; the storage turns them into its engine's query. */
  text: string;
  limit: number;
  offset: number;
  /** Matches are counted up to this many, so a common word costs no more than a rare one. */
  countUpTo: number;
}

export interface SearchResult {
  items: PublicEntry[];
  /** How many match, up to `countUpTo`. */
  total: number;
}

export type {
  DashboardFigures,
  Decision,
  DecisionMaker,
  DecisionOutcome,
  ExportModeration,
  ExportRow,
  ModerationFilter,
  ModerationQuery,
  QueueCursor,
} from './moderation-types';

/** Everything the platform keeps, behind one small interface over SQLite or PostgreSQL. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs the migrations not run yet; resolves with their names. */
  migrate(): Promise<string[]>;
  /**
   * Creates or fully replaces these commitments in one transaction (nothing when `dryRun`),
   * and says what changed; commitments not named are left as they are.
   */
  importCommitments(
    commitments: readonly StoredCommitment[],
    options?: { dryRun?: boolean },
  ): Promise<CommitmentChanges>;
  /** Fills an empty commitments table (the first start); never overwrites or re-adds. */
  seedCommitments(commitments: readonly StoredCommitment[]): Promise<void>;
  /** One commitment in both languages. */
  getCommitmentRecord(id: string): Promise<StoredCommitment | undefined>;
  /** The commitments with their title and lead institution in this language (French by default). */
  listCommitments(locale?: Locale): Promise<Commitment[]>;
  getCommitment(id: string, locale?: Locale): Promise<Commitment | undefined>;
  /**
   * Stores each contribution whose id is new, in one transaction, and returns for
   * every item what the database holds under its id afterwards and whether this
   * call put it there. Never overwrites: a repeated id keeps its first content.
   */
  insertContributions(items: readonly StoredContribution[]): Promise<Array<StoredContribution & { inserted: boolean }>>;
  getContribution(id: string): Promise<Contribution | undefined>;
  /** Published contributions without a parent (replies come under theirs), newest first or by support. */
  listPublished(query: PublishedQuery): Promise<Contribution[]>;
  /** These contributions, those the public may read now (as getPublic). */
  publicContributions(ids: readonly string[]): Promise<Map<string, Contribution>>;
  /** A public contribution's published replies, oldest first; undefined when the parent is not public (or is a reply). */
  listReplies(query: RepliesQuery): Promise<Contribution[] | undefined>;
  /** The first `perParent` published replies of each of these (public) contributions, oldest first. */
  firstReplies(parentIds: readonly string[], perParent: number): Promise<Map<string, PublicEntry[]>>;

  /** "Moi aussi": idempotent per key; found is false unless the contribution is public. */
  support(change: SupportChange): Promise<SupportOutcome>;
  /** Takes a "Moi aussi" back; idempotent too. */
  unsupport(change: Omit<SupportChange, 'at'>): Promise<SupportOutcome>;

  /** The newest event id of the replay log (or how far it went, once emptied by pruning); 0 when none ever. */
  latestEventId(): Promise<number>;
  /** Events after this id, oldest first; only those of a scope when one is given. */
  eventsAfter(after: number, limit: number, scope?: LiveScope): Promise<EventRow[]>;
  /** Ids at or below it may have been pruned from the log. */
  eventLogFloor(): Promise<number>;
  /** Keeps the newest `keep` events, and none older than `olderThan` (ISO); moves the floor. */
  pruneEvents(bound: { keep: number; olderThan: string }): Promise<void>;
  /**
   * Calls `listener` whenever events may have been added: after this process's commits,
   * and on PostgreSQL after any process's (LISTEN/NOTIFY). Resolves with a function that stops it.
   */
  watchEvents(listener: () => void): Promise<() => Promise<void>>;
  countContributions(filter?: { status?: ContributionStatus }): Promise<number>;

  listForModeration(query: ModerationQuery): Promise<ModerationItem[]>;
  /** One contribution as the queue shows it (the caller checked the scope); undefined when unknown. */
  moderationItem(id: string, scope?: OrganisationScope): Promise<ModerationItem | undefined>;
  /** The queue's sizes by status, with these filters, within the scope. */
  moderationCounts(filter: ModerationFilter, scope?: OrganisationScope): Promise<ModerationCounts>;
  /**
   * One decision on several contributions, in one transaction: those outside the scope and
   * unknown ids are left alone and said so; each decided one gets its line in the journal.
   */
  decideMany(ids: readonly string[], decision: Decision, scope?: OrganisationScope): Promise<DecisionOutcome[]>;
  /** The dashboard's aggregates over the scope: arrivals per day since `since`, the rest over all time. */
  dashboard(scope: OrganisationScope | undefined, since: string, now: string): Promise<DashboardFigures>;
  /** Whether the contribution is within the scope: undefined when there is no such contribution. */
  contributionInScope(id: string, scope: OrganisationScope): Promise<boolean | undefined>;
  /** Gives a new version of an organisation's answer; the history keeps every one. */
  answer(id: string, request: AnswerRequest): Promise<AnswerOutcome>;
  /** Every version of a contribution's answer, oldest first. */
  answerHistory(id: string): Promise<AnswerVersion[]>;
  /** Applies a moderator's decision and journals it; undefined when there is no such contribution. */
  decide(id: string, decision: Decision): Promise<Contribution | undefined>;
  report(request: ReportRequest): Promise<ReportOutcome>;
  /** The stored hash of the withdrawal secret: null when none was given, undefined when no such contribution. */
  withdrawalKeyHash(id: string): Promise<string | null | undefined>;
  /**
   * Erases a contribution for good: the one place where erasure happens. Its row, its
   * reports, its answers and anything derived from its text (a search index) are deleted, and the
   * storage makes sure no file it writes keeps a copy (SQLite: secure_delete and a WAL
   * checkpoint; PostgreSQL: a VACUUM of the table). Only the id stays, as withdrawn,
   * with the hash of the withdrawal secret.
   */
  eraseContribution(id: string, at: string): Promise<void>;
  /** For each of these ids, stored or withdrawn, its status and the hash its secret must match. */
  ownStatuses(ids: readonly string[]): Promise<OwnStatusRow[]>;
  /** The content hashes stored under these ids, for those that exist. */
  storedHashes(ids: readonly string[]): Promise<Map<string, string>>;
  /** Which of these ids were withdrawn by their authors. */
  withdrawnIds(ids: readonly string[]): Promise<Set<string>>;

  /** False when a campaign with this id exists already. `ownerTokenId` is the account that manages it. */
  createCampaign(campaign: Campaign, ownerTokenId: string): Promise<boolean>;
  /** Its fields and approval; the owner never changes. */
  updateCampaign(campaign: Campaign): Promise<void>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  /** The token id that manages it: null for a campaign from before accounts; undefined when there is none. */
  campaignOwnerTokenId(id: string): Promise<string | null | undefined>;
  listCampaigns(filter?: {
    ownerTokenId?: string | undefined;
    approvedOnly?: boolean | undefined;
  }): Promise<Campaign[]>;

  /** One page of an export, in arrival order, strictly after `after`. */
  exportContributions(filter: ExportFilter, limit: number, after?: PageCursor): Promise<ExportRow[]>;
  countExport(filter: ExportFilter): Promise<number>;

  createToken(token: ApiToken, tokenHash: string): Promise<void>;
  /** Which of these commitment ids exist. */
  knownCommitments(ids: readonly string[]): Promise<Set<string>>;
  /** The token with this hash, unless it was revoked. */
  findToken(tokenHash: string): Promise<ApiToken | undefined>;
  listTokens(): Promise<ApiToken[]>;
  /** False when there is no such token or it was revoked already. */
  revokeToken(id: string, at: string): Promise<boolean>;

  /** The public pages' one aggregate: published contributions by commitment, kind and gap type. */
  publicCounts(scope?: PublicScope): Promise<PublicCount[]>;
  /** Published contributions of a commitment by month of publication (YYYY-MM), oldest first. */
  publicMonths(commitmentId: string): Promise<Array<{ month: string; count: number }>>;
  /** Published contributions, the most recently published first, or the most supported first. */
  listPublic(query: PublicListQuery): Promise<PublicEntry[]>;
  /**
   * One contribution if the public may read it: published, and for a reply, its parent
   * too (a reply leaves public view with its parent: hidden, taken down or withdrawn).
   */
  getPublic(id: string): Promise<PublicEntry | undefined>;
  /** Full-text search over published contributions, with the database's own engine; newest first. */
  searchPublic(query: SearchQuery): Promise<SearchResult>;
  /** Whether the search is blind to accents (PostgreSQL without the unaccent extension is not). */
  searchIgnoresAccents(): Promise<boolean>;

  /** On PostgreSQL, the rate limit's windows shared by every process; undefined on SQLite (one process). */
  readonly rateWindows?: RateWindows | undefined;
  /** A setting made once and shared by every process on this database. Never a secret: secrets stay out of the data. */
  setting(key: string, make: () => string): Promise<string>;
  /** Resolves when the database answers a trivial query (readiness); rejects otherwise. */
  ping(): Promise<void>;
  /** Rewrites the whole database so its free space holds nothing (VACUUM). */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** A fixed window per client kept in the database, so every process counts the same writes. */
export interface RateWindows {
  /** Counts `cost` writes, all or none (the rules of http/rate-limit.ts); the seconds to wait when refused, else 0. */
  take(client: string, cost: number, setting: { limit: number; windowMs: number }, now: number): Promise<number>;
  /** The seconds to wait before one more write is allowed; 0 when it is. Counts nothing. */
  peek(client: string, setting: { limit: number; windowMs: number }, now: number): Promise<number>;
}
