import type { AnswerStatus, Contribution } from '../../api-client/contract';

/**
 * An answer as the public pages and feeds show it: the organisation's own, signed with its
 * name and status (the latest version, and when it was first given if it was edited), or a
 * moderator's public reply, which the pages attribute to Vigie's moderators.
 */
export type AnswerView =
  | {
      by: 'organisation';
      organisation: string;
      status: AnswerStatus;
      body: string;
      /** When this, the latest version, was given. */
      at: string;
      /** When the first version was, once it was edited. */
      firstAt?: string | undefined;
    }
  | { by: 'moderation'; body: string; at: string };

/**
 * The one place that says what a contribution's answers are, for the pages and the feeds.
 * Both may coexist: the organisation's answer comes first, as the answer of the one
 * concerned; a moderator's reply (given with a publication decision, e.g. to say where to
 * ask) stays below it, attributed to the moderators.
 */
export function answersOf(contribution: Contribution): AnswerView[] {
  const views: AnswerView[] = [];
  const { answer, reply } = contribution;
  if (answer) views.push({ by: 'organisation', ...answer });
  if (reply) views.push({ by: 'moderation', body: reply.body, at: reply.at });
  return views;
}

/**
 * Whether the plan counts it as "answered": a moderator's public reply, or an
 * organisation's answer that closed the matter (`answered`, or `not-our-remit`: it said
 * whose it is not). An acknowledgement (`received`, `in-progress`) is shown but not
 * counted. The storage's `publicCounts` counts with the same rule, in SQL
 * (storage/kysely/public-site.ts): change both together.
 */
export function countsAsAnswered(contribution: Contribution): boolean {
  const status = contribution.answer?.status;
  return contribution.reply !== undefined || status === 'answered' || status === 'not-our-remit';
}
