import type { ContributionInput, ContributionStatus, FieldError } from '../contract';
import type { PlatformState } from './platform-state';

export const draftStates = ['draft', 'queued', 'sending', 'synced', 'rejected'] as const;

/**
 * draft → queued (the citizen pressed send) → sending → synced, or rejected (the
 * platform refused it; the text and the reason are kept and it can be sent again).
 */
export type DraftState = (typeof draftStates)[number];

/**
 * What the citizen is writing: any part of a contribution, checked against the
 * contract only when it is sent, so a half-typed draft is never refused a save.
 * The id is the draft's own, so it cannot be edited.
 */
export type DraftInput = Partial<Omit<ContributionInput, 'id'>>;

/** Why the last attempt failed, as the citizen will read it. */
export interface DraftError {
  /** One sentence, in the locale of whoever recorded it; see status.ts to render it in another. */
  sentence: string;
  /** A contract message code (body.empty…), `conflict`, or a sync failure code (network…). */
  code?: string;
  /** The HTTP status, when the platform answered. */
  status?: number;
  /** Every bad field, when the platform (or the contract, before sending) named them. */
  errors?: FieldError[];
}

/** What the platform said it holds, kept as "my contributions" history. */
export interface ServerReceipt {
  status: ContributionStatus;
  receivedAt: string;
}

export interface Draft {
  /** Made once on this device; the contribution's id and its idempotency key. */
  id: string;
  input: DraftInput;
  state: DraftState;
  /** Times it was put on the wire (counted when claimed, so a crash mid-send counts). */
  attempts: number;
  /** Epoch ms before which it is not sent again; set while queued. */
  nextAttemptAt?: number;
  /**
   * Requests in a row that carried it and that the platform answered with a 5xx. A draft
   * the platform keeps failing on (a character its database refuses, say) is then sent in
   * ever smaller batches, so that it cannot hold back the others (send-batch.ts).
   */
  serverErrors?: number;
  lastError?: DraftError;
  /** Epoch ms, from the store's clock. */
  createdAt: number;
  updatedAt: number;
  queuedAt?: number;
  syncedAt?: number;
  server?: ServerReceipt;
  /**
   * The push that holds it while `sending`: a late answer to an abandoned push
   * (an engine that crashed, then was replaced) must not overwrite a newer one.
   */
  claim?: string;
  /**
   * Kept on this device only: proves authorship to withdraw the contribution later.
   * The platform holds its SHA-256, sent as input.withdrawalKeyHash.
   */
  withdrawalSecret?: string;
  /**
   * What became of it on the platform, as this device last asked (status-follower.ts);
   * until then, `server` says what the platform said on receipt.
   */
  platform?: PlatformState;
  /**
   * The news the citizen has seen (platform-state.ts newsKeyOf), set when they look at
   * "Mes contributions": what differs from it is news (the extension's badge).
   */
  seen?: string;
  /**
   * The origin of the page the words were typed on, where one database holds the drafts
   * of many sites (the extension): a page's content script reaches only its own origin's.
   */
  writtenOn?: string;
}

/**
 * The state of a link to the platform, shared by every engine on this database: `link`
 * for sending drafts, `status` for asking what became of them (status-follower.ts).
 */
export interface LinkState {
  key: 'link' | 'status';
  /** Consecutive whole-request failures; drives the exponential backoff. */
  failures: number;
  /** Epoch ms: the platform's Retry-After; nothing is sent before it. */
  retryAfterUntil: number;
  /** Epoch ms of the last request the platform answered (the status link). */
  answeredAt?: number;
}
