import type {
  AnswerInput,
  AnswerVersion,
  BatchItemResult,
  Campaign,
  Commitment,
  CommitmentFields,
  CommitmentRecord,
  Contribution,
  ContributionInput,
  ContributionPage,
  Health,
  ModerationReason,
  OwnContributionStatus,
  SupportState,
} from '../contract';
import * as organisation from './organisation-routes';
import * as routes from './routes';
import { createTransport, type RequestOptions, type VigieClientOptions } from './transport';

/** One typed method per route; responses are checked against the contract. */
export interface VigieClient {
  readonly baseUrl: string;
  health(options?: RequestOptions): Promise<Health>;
  listCommitments(options?: RequestOptions): Promise<Commitment[]>;
  getCommitment(id: string, options?: RequestOptions): Promise<Commitment>;
  listContributions(query: routes.ContributionListQuery, options?: RequestOptions): Promise<ContributionPage>;
  /** The list, and the live events' position it was read at (Vigie-Event-Id): where to open a stream from. */
  listContributionsAt(
    query: routes.ContributionListQuery,
    options?: RequestOptions,
  ): Promise<{ page: ContributionPage; eventId: string | undefined }>;
  getContribution(id: string, options?: RequestOptions): Promise<Contribution>;
  /** Sends up to 100 contributions; one result per item, in order. No retries here: see drafts/sync. */
  submitBatch(items: readonly ContributionInput[], options?: RequestOptions): Promise<BatchItemResult[]>;
  /** Open campaigns that target a page or a commitment. */
  listCampaigns(query: { url?: string; commitmentId?: string }, options?: RequestOptions): Promise<Campaign[]>;
  /** A reader reports a published contribution. */
  reportContribution(id: string, reason: ModerationReason, options?: RequestOptions): Promise<void>;
  /** The author withdraws a contribution with the secret their device kept. */
  withdrawContribution(id: string, secret: string, options?: RequestOptions): Promise<void>;
  /** What became of this device's contributions, each proven by its withdrawal secret; silent about the others. */
  contributionStatuses(
    items: ReadonlyArray<{ id: string; secret: string }>,
    options?: RequestOptions,
  ): Promise<OwnContributionStatus[]>;
  /** A published contribution's published replies, oldest first. */
  listReplies(
    id: string,
    query?: { limit?: number; cursor?: string },
    options?: RequestOptions,
  ): Promise<ContributionPage>;
  /** "Moi aussi" with the hex SHA-256 of the device's supporter secret; idempotent. */
  supportContribution(id: string, supporterKeyHash: string, options?: RequestOptions): Promise<SupportState>;
  /** Takes a "Moi aussi" back; idempotent. */
  withdrawSupport(id: string, supporterKeyHash: string, options?: RequestOptions): Promise<SupportState>;
  /** With an administration's token: answers a contribution within its scope (a new version if answered). */
  answerContribution(id: string, answer: AnswerInput, options?: RequestOptions): Promise<Contribution>;
  /** With an admin's or the administration's token: every version of the answer, oldest first. */
  answerHistory(id: string, options?: RequestOptions): Promise<AnswerVersion[]>;
  /** With an admin's token: creates or fully replaces a commitment, in both languages. */
  putCommitment(id: string, commitment: CommitmentFields, options?: RequestOptions): Promise<CommitmentRecord>;
}

/**
 * Every route as a method of one object. A bundle that must stay small (the widget)
 * calls the routes it needs on a transport instead: see routes.ts.
 */
export function createVigieClient(options: VigieClientOptions): VigieClient {
  const t = createTransport(options);
  return {
    baseUrl: t.baseUrl,
    health: (o) => routes.health(t, o),
    listCommitments: (o) => routes.listCommitments(t, o),
    getCommitment: (id, o) => routes.getCommitment(t, id, o),
    listContributions: (q, o) => routes.listContributions(t, q, o),
    listContributionsAt: (q, o) => routes.listContributionsAt(t, q, o),
    getContribution: (id, o) => routes.getContribution(t, id, o),
    submitBatch: (items, o) => routes.submitBatch(t, items, o),
    listCampaigns: (q, o) => routes.listCampaigns(t, q, o),
    reportContribution: (id, reason, o) => routes.reportContribution(t, id, reason, o),
    withdrawContribution: (id, secret, o) => routes.withdrawContribution(t, id, secret, o),
    contributionStatuses: (items, o) => routes.contributionStatuses(t, items, o),
    listReplies: (id, q, o) => routes.listReplies(t, id, q, o),
    supportContribution: (id, key, o) => routes.supportContribution(t, id, key, o),
    withdrawSupport: (id, key, o) => routes.withdrawSupport(t, id, key, o),
    answerContribution: (id, answer, o) => organisation.answerContribution(t, id, answer, o),
    answerHistory: (id, o) => organisation.answerHistory(t, id, o),
    putCommitment: (id, commitment, o) => organisation.putCommitment(t, id, commitment, o),
  };
}
