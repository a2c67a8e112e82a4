import type { DraftError } from './schema';

/**
 * Where a "Moi aussi" stands on this device: `queued` (the platform must be told), `sending`
 * (a push holds it), `settled` (the platform agrees with the citizen), `gone` (the contribution
 * left public view: 404 or 410, never tried again), `refused` (the platform refused the request
 * for what it carried: retrying would not help; the reason is kept).
 */
export const supportStates = ['queued', 'sending', 'settled', 'gone', 'refused'] as const;
export type SupportRecordState = (typeof supportStates)[number];

/**
 * One contribution's "Moi aussi" on this device: not a list of presses but the last intent.
 * Pressing on, off, on while offline leaves one record wanting support, so at most one
 * request leaves, and never an older intent after a newer one.
 */
export interface SupportRecord {
  contributionId: string;
  /** What the citizen last asked for: true "Moi aussi", false taken back. */
  wanted: boolean;
  /**
   * What the platform last said of this device's key. False until it says otherwise: the key
   * is derived for this device and this contribution, so no one else can have supported with it.
   */
  confirmed: boolean;
  state: SupportRecordState;
  /** Bumped at each press: an answer to a request made before the last press settles nothing more than it said. */
  revision: number;
  /** The hex SHA-256 sent as the contract's supporterKeyHash (supporter-key.ts); the secret behind it never leaves. */
  supporterKeyHash: string;
  /** Times it was put on the wire. */
  attempts: number;
  /** Epoch ms before which it is not sent; set while queued. */
  nextAttemptAt?: number;
  /** The push that holds it while `sending`, and the revision that push is sending. */
  claim?: string;
  claimedRevision?: number;
  /** The count the platform gave with its answer to the intent this record holds; `updatedAt` says when it came. */
  supportCount?: number;
  /**
   * The platform's count the citizen saw when last pressing. While the intent waits, a count
   * that has since moved the way they asked already holds it: the live stream's count can
   * come before the request's own answer (shownSupportCount).
   */
  countAtPress?: number;
  lastError?: DraftError;
  updatedAt: number;
}

/** A secret this device made once, kept in its database and never sent. */
export interface DeviceKey {
  key: 'supporter';
  /** 32 random bytes, base64url. */
  secret: string;
}
