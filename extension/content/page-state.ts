import type { Contribution } from '../../api-client/contract';
import type { PageState } from '../messaging/protocol';
import { commitmentIdsIn, pageAddress } from '../shared/page-address';

/** What the content script has learnt about its page, for the side panel. */
export interface PageFacts {
  allowed: boolean;
  lookup: PageState['lookup'];
  contributions: Contribution[];
  /** When the platform was asked for them (epoch ms; 0 before). */
  readAt: number;
  orphanIds: string[];
  possible: PageState['possible'];
  anchoring: boolean;
}

export function createPageFacts(allowed: boolean): PageFacts {
  return {
    allowed,
    lookup: allowed ? 'pending' : 'not-allowed',
    contributions: [],
    readAt: 0,
    orphanIds: [],
    possible: [],
    anchoring: false,
  };
}

/** The facts and what the markup says, read when the side panel asks (not on page load). */
export function pageStateOf(facts: PageFacts): PageState {
  return {
    url: pageAddress(document),
    location: location.href,
    title: document.title,
    allowed: facts.allowed,
    commitmentIds: commitmentIdsIn(document),
    lookup: facts.lookup,
    contributions: facts.contributions,
    readAt: facts.readAt,
    orphanIds: facts.orphanIds,
    possible: facts.possible,
    anchoring: facts.anchoring,
  };
}
