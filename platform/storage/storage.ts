import type {
  Campaign,
  Commitment,
  Contribution,
  ContributionKind,
  ContributionStatus,
  ModerationItem,
  ModerationReason,
  Reply,
  Role,
} from '../../api-client/contract';

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
  after?: PageCursor | undefined;
}

/** The moderation queue reads oldest first: what waited longest is decided first. */
export interface ModerationQuery {
  status: ContributionStatus;
  limit: number;
  after?: PageCursor | undefined;
}

export interface Decision {
  status: ContributionStatus;
  reason?: ModerationReason | undefined;
  reply?: Reply | undefined;
  at: string;
}

export interface ReportRequest {
  contributionId: string;
  /** The reader's address, hashed with the platform's secret salt: reports count people, not requests. */
  reporterHash: string;
  reason: ModerationReason;
  at: string;
  /** Distinct readers after whom a published contribution goes back to review. */
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
  from?: string | undefined;
  to?: string | undefined;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** Everything the platform keeps, behind one small interface over SQLite or PostgreSQL. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  upsertCommitments(commitments: readonly Commitment[]): Promise<void>;
  listCommitments(): Promise<Commitment[]>;
  getCommitment(id: string): Promise<Commitment | undefined>;
  /**
   * Stores each contribution whose id is new, in one transaction, and returns for
   * every item what the database holds under its id afterwards and whether this
   * call put it there. Never overwrites: a repeated id keeps its first content.
   */
  insertContributions(items: readonly StoredContribution[]): Promise<Array<StoredContribution & { inserted: boolean }>>;
  getContribution(id: string): Promise<Contribution | undefined>;
  listPublished(query: PublishedQuery): Promise<Contribution[]>;
  countContributions(filter?: { status?: ContributionStatus }): Promise<number>;

  listForModeration(query: ModerationQuery): Promise<ModerationItem[]>;
  /** Applies a moderator's decision; undefined when there is no such contribution. */
  decide(id: string, decision: Decision): Promise<Contribution | undefined>;
  report(request: ReportRequest): Promise<ReportOutcome>;
  /** The stored hash of the withdrawal secret: null when none was given, undefined when no such contribution. */
  withdrawalKeyHash(id: string): Promise<string | null | undefined>;
  /** Deletes the contribution and its reports for good, keeping only its id as withdrawn. */
  withdraw(id: string, at: string): Promise<void>;
  /** The content hashes stored under these ids, for those that exist. */
  storedHashes(ids: readonly string[]): Promise<Map<string, string>>;
  /** Which of these ids were withdrawn by their authors. */
  withdrawnIds(ids: readonly string[]): Promise<Set<string>>;

  /** False when a campaign with this id exists already. */
  createCampaign(campaign: Campaign): Promise<boolean>;
  updateCampaign(campaign: Campaign): Promise<void>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  listCampaigns(filter?: { owner?: string | undefined }): Promise<Campaign[]>;

  /** One page of an export, in arrival order, strictly after `after`. */
  exportContributions(filter: ExportFilter, limit: number, after?: PageCursor): Promise<Contribution[]>;
  countExport(filter: ExportFilter): Promise<number>;

  createToken(token: ApiToken, tokenHash: string): Promise<void>;
  /** The token with this hash, unless it was revoked. */
  findToken(tokenHash: string): Promise<ApiToken | undefined>;
  listTokens(): Promise<ApiToken[]>;
  /** False when there is no such token or it was revoked already. */
  revokeToken(id: string, at: string): Promise<boolean>;

  /** A setting made once and shared by every process on this database (e.g. the address salt). */
  setting(key: string, make: () => string): Promise<string>;
  /** Resolves when the database answers a trivial query (readiness); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
