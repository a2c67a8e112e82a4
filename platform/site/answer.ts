import type { Contribution } from '../../api-client/contract';

/** An answer as the public pages and feeds show it. */
export interface AnswerView {
  body: string;
  at: string;
  /**
   * Who is said to have answered. Today only the moderators can publish a reply (with
   * their decision), so the pages say so rather than name an administration; an
   * organisation's signed answer (issue #15) will add its own kind here.
   */
  by: 'moderation';
}

/**
 * The one place that says what a contribution's answer is. The count of "answered"
 * contributions comes from the same source: `reply_at` in the storage's `publicCounts`.
 * When organisations answer as themselves, this function and that aggregate change; the
 * pages and feeds do not.
 */
export function answerOf(contribution: Contribution): AnswerView | undefined {
  const reply = contribution.reply;
  return reply ? { body: reply.body, at: reply.at, by: 'moderation' } : undefined;
}
