import type {
  Contribution,
  ContributionKind,
  ContributionStatus,
  Dashboard,
  GapType,
  JournalEntry,
  ModerationReason,
  Reply,
  Role,
} from '../../api-client/contract';
import type { OrganisationScope, PageCursor } from './storage';

/** What the moderation queue, its decisions, the dashboard and token holders' exports pass to the storage. */

/**
 * The moderation queue reads oldest first, what waited longest is decided first; the
 * pending queue also holds published contributions readers reported, ahead of the rest.
 */
export interface ModerationQuery {
  status: ContributionStatus;
  limit: number;
  after?: QueueCursor | undefined;
  /** An administration's: only the contributions within it. */
  scope?: OrganisationScope | undefined;
  filter?: ModerationFilter | undefined;
}

/** The console's filters; `page` is one address, or a domain (that host and the hosts below it). */
export interface ModerationFilter {
  /** Words for the database's full-text engine, over every status. */
  text?: string | undefined;
  commitmentId?: string | undefined;
  page?: { url: string } | { domain: string } | undefined;
  kind?: ContributionKind | undefined;
  gapType?: GapType | undefined;
  campaignId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** true: reported since their last review; false: not. */
  reported?: boolean | undefined;
}

/** Who took a decision: the token, and its name as people read it. */
export interface DecisionMaker {
  tokenId: string;
  name: string;
  role: Role;
}

/** What became of one contribution of a bulk decision. */
export type DecisionOutcome =
  { id: string; result: 'decided'; contribution: Contribution } | { id: string; result: 'not-found' | 'forbidden' };

/** The dashboard's figures, as the storage counts them. */
export type DashboardFigures = Omit<Dashboard, 'scope' | 'since' | 'generatedAt'>;

/** The latest decision and the journal, as token holders' exports carry them. */
export interface ExportModeration {
  reason?: ModerationReason | undefined;
  note?: string | undefined;
  by?: string | undefined;
  at?: string | undefined;
  journal: JournalEntry[];
}

export interface ExportRow {
  contribution: Contribution;
  /** Present when the filter asked for it (`withModeration`): never in the open data. */
  moderation?: ExportModeration | undefined;
}

/** Where to resume the queue: `reported` is 0 for reported contributions, which come first. */
export interface QueueCursor extends PageCursor {
  reported: 0 | 1;
}

export interface Decision {
  status: ContributionStatus;
  reason?: ModerationReason | undefined;
  /** The moderator's explanation, kept with the decision (required with "other"). */
  note?: string | undefined;
  reply?: Reply | undefined;
  at: string;
  by: DecisionMaker;
}
