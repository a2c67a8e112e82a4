import type { Commitment, Contribution, ContributionStatus } from '../../api-client/contract';

export interface StoredContribution {
  contribution: Contribution;
  contentHash: string;
}

/** Where to resume a newest-first listing: strictly older than this pair. */
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

/** Everything the platform keeps, behind one small interface: SQLite today, PostgreSQL next. */
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
  insertContributions(
    items: readonly StoredContribution[],
  ): Promise<Array<StoredContribution & { inserted: boolean }>>;
  getContribution(id: string): Promise<Contribution | undefined>;
  listPublished(query: PublishedQuery): Promise<Contribution[]>;
  countContributions(filter?: { status?: ContributionStatus }): Promise<number>;
  close(): Promise<void>;
}
