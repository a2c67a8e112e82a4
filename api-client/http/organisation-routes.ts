import {
  AnswerHistory,
  CommitmentRecord,
  Contribution,
  type AnswerInput,
  type AnswerVersion,
  type CommitmentFields,
} from '../contract';
import type { RequestOptions, Transport } from './transport';

// The routes an organisation's or an admin's client calls, with a token: apart from the
// citizens' routes (routes.ts), so the widget's bundle never carries them.

const segment = encodeURIComponent;

const send = (method: 'POST' | 'PUT', body: unknown) =>
  ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) satisfies RequestInit;

/** An administration answers a contribution within its scope; a new version when it was answered already. */
export const answerContribution = (
  t: Transport,
  id: string,
  answer: AnswerInput,
  o?: RequestOptions,
): Promise<Contribution> =>
  t.request(Contribution, `/v1/contributions/${segment(id)}/answer`, { ...o, ...send('POST', answer) });

/** Every version of a contribution's answer, oldest first (the administration concerned, admins). */
export async function answerHistory(t: Transport, id: string, o?: RequestOptions): Promise<AnswerVersion[]> {
  return (await t.request(AnswerHistory, `/v1/contributions/${segment(id)}/answers`, o)).items;
}

/** An admin creates or fully replaces a commitment, in both languages. */
export const putCommitment = (
  t: Transport,
  id: string,
  commitment: CommitmentFields,
  o?: RequestOptions,
): Promise<CommitmentRecord> =>
  t.request(CommitmentRecord, `/v1/commitments/${segment(id)}`, { ...o, ...send('PUT', commitment) });
