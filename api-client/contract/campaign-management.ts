import * as z from 'zod/mini';
import { Campaign } from './campaign';
import { CommitmentId, HttpUrl } from './fields';

const { id, title, question, targets, opensAt, closesAt } = Campaign.shape;

const datesInOrder = z.refine<{ opensAt?: string | undefined; closesAt?: string | undefined }>(
  (c) => c.opensAt === undefined || c.closesAt === undefined || Date.parse(c.closesAt) > Date.parse(c.opensAt),
  { error: 'campaign.dates', path: ['closesAt'] },
);

/** What an NGO or an admin sends to create a campaign; the owner is the token's holder. */
export const CampaignInput = z.strictObject({ id, title, question, targets, opensAt, closesAt }).check(datesInOrder);

/** The fields of a campaign that may change; its id never does. */
export const CampaignPatch = z
  .partial(z.strictObject({ title, question, targets, opensAt, closesAt }))
  .check(datesInOrder);

export const CampaignList = z.object({ items: z.array(Campaign) });

/** GET /v1/campaigns: the campaigns open now, for a page, a commitment, or all of them. */
export const CampaignLookupQuery = z.strictObject({ url: z.optional(HttpUrl), commitmentId: z.optional(CommitmentId) });

export type CampaignInput = z.infer<typeof CampaignInput>;
export type CampaignPatch = z.infer<typeof CampaignPatch>;
export type CampaignList = z.infer<typeof CampaignList>;
export type CampaignLookupQuery = z.infer<typeof CampaignLookupQuery>;
