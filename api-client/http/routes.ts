import {
  BatchResponse,
  CampaignList,
  Commitment,
  CommitmentList,
  Contribution,
  ContributionPage,
  ContributionStatusResponse,
  Health,
  SupportState,
  type BatchItemResult,
  type Campaign,
  type ContributionInput,
  type ModerationReason,
  type OwnContributionStatus,
} from '../contract';
import { VigieResponseError } from './errors';
import type { RequestOptions, Transport } from './transport';

// One function per route, so a bundle carries the routes it calls and their schemas,
// and nothing else: the widget's first interaction loads three of them.

export interface ContributionListQuery {
  url?: string;
  commitmentId?: string;
  /** newest (the default) or support: the most supported first. */
  sort?: 'newest' | 'support';
  limit?: number;
  cursor?: string;
}

const segment = encodeURIComponent;

function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

const postJson = (body: unknown) =>
  ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }) satisfies RequestInit;

export const health = (t: Transport, o?: RequestOptions) => t.request(Health, '/healthz', o);

export async function listCommitments(t: Transport, o?: RequestOptions): Promise<Commitment[]> {
  return (await t.request(CommitmentList, '/v1/commitments', o)).items;
}

export const getCommitment = (t: Transport, id: string, o?: RequestOptions): Promise<Commitment> =>
  t.request(Commitment, `/v1/commitments/${segment(id)}`, o);

export const listContributions = (
  t: Transport,
  q: ContributionListQuery,
  o?: RequestOptions,
): Promise<ContributionPage> => t.request(ContributionPage, `/v1/contributions?${queryString({ ...q })}`, o);

/**
 * The same list, and where the live events stood when it was read (`Vigie-Event-Id`): a
 * live stream opened from there (api-client/live) misses nothing published since.
 */
export async function listContributionsAt(
  t: Transport,
  q: ContributionListQuery,
  o?: RequestOptions,
): Promise<{ page: ContributionPage; eventId: string | undefined }> {
  let eventId: string | undefined;
  const page = await t.request(ContributionPage, `/v1/contributions?${queryString({ ...q })}`, {
    ...o,
    onHeaders: (headers) => (eventId = headers.get('vigie-event-id') ?? undefined),
  });
  return { page, eventId };
}

export const getContribution = (t: Transport, id: string, o?: RequestOptions): Promise<Contribution> =>
  t.request(Contribution, `/v1/contributions/${segment(id)}`, o);

/** Sends up to 100 contributions; one result per item, in order. No retries here: see drafts/sync. */
export async function submitBatch(
  t: Transport,
  items: readonly ContributionInput[],
  o?: RequestOptions,
): Promise<BatchItemResult[]> {
  const { results } = await t.request(BatchResponse, '/v1/contributions:batch', { ...o, ...postJson({ items }) });
  // One result per item, in order: anything else cannot be mapped back to drafts safely.
  if (results.length !== items.length || results.some((r, i) => r.id !== null && r.id !== items[i]!.id)) {
    throw new VigieResponseError(
      `${t.baseUrl}/v1/contributions:batch`,
      undefined,
      'the results do not match the items sent',
    );
  }
  return results;
}

/** Open campaigns that target a page or a commitment. */
export async function listCampaigns(
  t: Transport,
  q: { url?: string; commitmentId?: string },
  o?: RequestOptions,
): Promise<Campaign[]> {
  return (await t.request(CampaignList, `/v1/campaigns?${queryString(q)}`, o)).items;
}

/** A reader reports a published contribution. */
export async function reportContribution(
  t: Transport,
  id: string,
  reason: ModerationReason,
  o?: RequestOptions,
): Promise<void> {
  await t.request(null, `/v1/contributions/${segment(id)}/reports`, { ...o, ...postJson({ reason }) });
}

/** The author withdraws a contribution with the secret their device kept. */
export async function withdrawContribution(
  t: Transport,
  id: string,
  secret: string,
  o?: RequestOptions,
): Promise<void> {
  await t.request(null, `/v1/contributions/${segment(id)}/withdrawal`, { ...o, ...postJson({ secret }) });
}

/**
 * What became of this device's own contributions, each proven by the withdrawal secret it
 * kept (up to 100): only the ids whose secret matched come back.
 */
export async function contributionStatuses(
  t: Transport,
  items: ReadonlyArray<{ id: string; secret: string }>,
  o?: RequestOptions,
): Promise<OwnContributionStatus[]> {
  return (await t.request(ContributionStatusResponse, '/v1/contributions/status', { ...o, ...postJson({ items }) }))
    .items;
}

/** A published contribution's published replies, oldest first (paged like the other lists). */
export const listReplies = (
  t: Transport,
  id: string,
  q: { limit?: number; cursor?: string } = {},
  o?: RequestOptions,
): Promise<ContributionPage> =>
  t.request(ContributionPage, `/v1/contributions/${segment(id)}/replies?${queryString(q)}`, o);

/** "Moi aussi", with the hex SHA-256 of the device's supporter secret; idempotent. */
export const supportContribution = (
  t: Transport,
  id: string,
  supporterKeyHash: string,
  o?: RequestOptions,
): Promise<SupportState> =>
  t.request(SupportState, `/v1/contributions/${segment(id)}/support`, { ...o, ...postJson({ supporterKeyHash }) });

/** Takes a "Moi aussi" back, with the same key; idempotent. */
export const withdrawSupport = (
  t: Transport,
  id: string,
  supporterKeyHash: string,
  o?: RequestOptions,
): Promise<SupportState> =>
  t.request(SupportState, `/v1/contributions/${segment(id)}/support`, {
    ...o,
    ...postJson({ supporterKeyHash }),
    method: 'DELETE',
  });
