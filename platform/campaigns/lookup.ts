import { canonicalUrl, type Campaign, type CampaignLookupQuery } from '../../api-client/contract';
import type { Storage } from '../storage/storage';
import { isOpen } from './status';
import { matchesUrlPattern } from './url-pattern';

/**
 * The approved campaigns open at `at` that concern a page or a commitment: a page matches
 * by the campaign's URL patterns or by being one of its commitments' pages. With
 * both filters, either may match; with none, every open campaign is listed.
 */
export async function openCampaignsFor(storage: Storage, query: CampaignLookupQuery, at: string): Promise<Campaign[]> {
  const open = (await storage.listCampaigns({ approvedOnly: true })).filter((campaign) => isOpen(campaign, at));
  if (query.url === undefined && query.commitmentId === undefined) return open;
  const url = query.url === undefined ? undefined : canonicalUrl(query.url);
  const commitmentsOfPage = new Set<string>();
  if (url !== undefined) {
    for (const commitment of await storage.listCommitments()) {
      if (commitment.pages.some((page) => canonicalUrl(page) === url)) commitmentsOfPage.add(commitment.id);
    }
  }
  return open.filter(
    (campaign) =>
      (query.commitmentId !== undefined && campaign.targets.commitmentIds.includes(query.commitmentId)) ||
      (url !== undefined &&
        (campaign.targets.urlPatterns.some((pattern) => matchesUrlPattern(pattern, url)) ||
          campaign.targets.commitmentIds.some((id) => commitmentsOfPage.has(id)))),
  );
}
