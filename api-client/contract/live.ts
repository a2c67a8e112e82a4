import * as z from 'zod/mini';
import { Contribution } from './contribution';
import { CommitmentId, HttpUrl, rule } from './fields';

/**
 * GET /v1/stream: Server-Sent Events of what becomes public on a page or a commitment.
 * Each event's `id:` is its place in the platform's event log; a client that reconnects
 * with `Last-Event-ID` (or `?lastEventId=`) gets what it missed, or `reset` when the log
 * no longer holds it.
 *
 * - `contribution`: a contribution (or a reply: it has `parentId`) became public; data: Contribution.
 * - `answer`: the answer to a public contribution changed; data: Contribution, as it is now.
 * - `counts`: its support or reply count changed; data: LiveCounts.
 * - `removed`: it left public view (hidden, withdrawn, taken down by reports); its replies
 *   leave with it; data: LiveRemoval.
 * - `reset`: the client is too far behind (or its position is unknown): reload the list,
 *   then go on from this event's id; data: LiveReset.
 */
export const liveEventTypes = ['contribution', 'answer', 'counts', 'removed', 'reset'] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

export const LiveCounts = z.object({
  id: z.string(),
  supportCount: z.int().check(z.gte(0)),
  replyCount: z.int().check(z.gte(0)),
});

export const LiveRemoval = z.object({ id: z.string(), parentId: z.optional(z.string()) });

export const LiveReset = z.object({ reason: z.enum(['too-far-behind', 'unknown-position']) });

/** The data of each event type, for a client that checks what it is told. */
export const liveEventData = {
  contribution: Contribution,
  answer: Contribution,
  counts: LiveCounts,
  removed: LiveRemoval,
  reset: LiveReset,
} as const satisfies Record<LiveEventType, z.ZodMiniType>;

/** An event's id: its place in the log, a whole number (as text, as SSE carries it). */
export const LastEventId = z
  .string({ error: rule('last-event-id.invalid') })
  .check(z.regex(/^\d{1,15}$/, { error: 'last-event-id.invalid' }));

export const StreamQuery = z
  .strictObject({
    url: z.optional(HttpUrl),
    commitmentId: z.optional(CommitmentId),
    /** Where to resume when the `Last-Event-ID` header cannot be set (a page's first connection). */
    lastEventId: z.optional(LastEventId),
  })
  .check(
    z.refine((q) => q.url !== undefined || q.commitmentId !== undefined, {
      error: 'filter.required',
      path: ['url'],
    }),
  );

export type LiveCounts = z.infer<typeof LiveCounts>;
export type LiveRemoval = z.infer<typeof LiveRemoval>;
export type LiveReset = z.infer<typeof LiveReset>;
export type StreamQuery = z.infer<typeof StreamQuery>;
