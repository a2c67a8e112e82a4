import type { Campaign, MessageCode } from '../../api-client/contract';

/**
 * Why a campaign takes no contribution at this instant, or null when it is open. A
 * campaign no admin approved yet is unknown to citizens.
 */
export function campaignRefusal(campaign: Campaign | undefined, at: string): MessageCode | null {
  if (!campaign || campaign.approval !== 'approved') return 'campaign.unknown';
  const now = Date.parse(at);
  if (now < Date.parse(campaign.opensAt)) return 'campaign.not-open';
  if (now >= Date.parse(campaign.closesAt)) return 'campaign.closed';
  return null;
}

export function isOpen(campaign: Campaign, at: string): boolean {
  return campaignRefusal(campaign, at) === null;
}
