import type { Answer, ModerationReason, OwnContributionStatus, Reply } from '../contract';
import type { Draft } from './schema';

/** What the platform says became of a contribution: its moderation status, or `withdrawn`. */
export type PlatformStatus = OwnContributionStatus['status'];

/**
 * What this device knows became of one of its sent contributions, as the platform last
 * said (POST /v1/contributions/status, proven by the withdrawal secret): kept in the
 * draft record, so every client of api-client/drafts reads it the same way.
 */
export interface PlatformState {
  status: PlatformStatus;
  /** Why a moderator hid or rejected it. */
  reason?: ModerationReason;
  /** The moderators' public reply. */
  reply?: Reply;
  /** The answer of the organisation the contribution concerns (given even before publication). */
  answer?: Answer;
  /** When its author withdrew it (ISO 8601). */
  withdrawnAt?: string;
  /** How many published replies other citizens gave it (known once it is published). */
  replyCount?: number;
  /** Epoch ms: when the platform said so. */
  checkedAt: number;
}

/**
 * The one mapping from what the status route answers to what the device keeps: a field
 * the route gains (an organisation's answer) is added here, and in newsKeyOf if its
 * arrival is news to the citizen.
 */
export function platformStateOf(item: OwnContributionStatus, checkedAt: number): PlatformState {
  return {
    status: item.status,
    ...(item.moderationReason ? { reason: item.moderationReason } : {}),
    ...(item.reply ? { reply: { body: item.reply.body, at: item.reply.at } } : {}),
    ...(item.answer ? { answer: { ...item.answer } } : {}),
    ...(item.withdrawn ? { withdrawnAt: item.withdrawn } : {}),
    ...(item.replyCount !== undefined ? { replyCount: item.replyCount } : {}),
    checkedAt,
  };
}

/**
 * What the device knows of a draft on the platform: the last status it asked for, else
 * the receipt the platform gave when it took the contribution (pending or published).
 * Undefined for what the platform has not received.
 */
export function platformStateOfDraft(draft: Pick<Draft, 'state' | 'platform' | 'server' | 'syncedAt'>) {
  if (draft.platform) return draft.platform;
  if (draft.state !== 'synced' || !draft.server) return undefined;
  return { status: draft.server.status, checkedAt: draft.syncedAt ?? 0 } satisfies PlatformState;
}

/**
 * The part of a platform state the citizen is told about when it changes: a
 * publication, a hiding or a rejection (with its reason), the moderators' reply, an
 * organisation's answer (new, edited, or its status changed), other citizens' replies
 * (their count changed). Empty when there is nothing to tell: pending without an answer,
 * and withdrawn (the citizen's own act, on this device, since only this device holds the
 * secret). The replies' part is written only when there are some, so a key seen before
 * replies existed still reads the same.
 */
export function newsKeyOf(state: PlatformState | undefined): string {
  if (!state || state.status === 'withdrawn') return '';
  const answer = state.answer ? `${state.answer.status}@${state.answer.at}` : '';
  if (state.status === 'pending' && !answer) return '';
  const replies = state.replyCount ? [`replies:${state.replyCount}`] : [];
  return [state.status, state.reason ?? '', state.reply?.at ?? '', answer, ...replies].join('|');
}

const REPLIES_PART = /\|replies:(\d+)$/;

/** A news key apart from its replies' part, and the number of replies it holds. */
function splitNewsKey(key: string): { rest: string; replies: number } {
  const match = REPLIES_PART.exec(key);
  return match ? { rest: key.slice(0, match.index), replies: Number(match[1]) } : { rest: key, replies: 0 };
}

/**
 * Whether something happened to this contribution since the citizen last looked at
 * "Mes contributions". What they already knew when it left is the baseline: a
 * contribution published on arrival is not news (the composer said so). Fewer replies
 * than they saw (one hidden or withdrawn) is not news; more is.
 */
export function hasNews(draft: Pick<Draft, 'state' | 'platform' | 'server' | 'syncedAt' | 'seen'>): boolean {
  if (draft.state !== 'synced') return false;
  const key = newsKeyOf(platformStateOfDraft(draft));
  if (key === '') return false;
  const now = splitNewsKey(key);
  const known = splitNewsKey(
    draft.seen ?? newsKeyOf(draft.server ? { status: draft.server.status, checkedAt: 0 } : undefined),
  );
  return now.rest !== known.rest || now.replies > known.replies;
}

/**
 * What the citizen saw, counting no more replies than there now are: after one is hidden
 * or withdrawn, the next reply to arrive is news again.
 */
export function seenWithin(seen: string | undefined, replyCount: number | undefined): string | undefined {
  if (seen === undefined) return undefined;
  const { rest, replies } = splitNewsKey(seen);
  const now = replyCount ?? 0;
  if (replies <= now) return seen;
  return now > 0 ? `${rest}|replies:${now}` : rest;
}

/** The extension's badge: how many contributions have news. */
export function countNews(drafts: readonly Parameters<typeof hasNews>[0][]): number {
  return drafts.reduce((n, draft) => n + (hasNews(draft) ? 1 : 0), 0);
}
