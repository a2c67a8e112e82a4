import type { CommitmentFields, CommitmentRecord } from '../../api-client/contract';

/** A commitment as given, with what it left out filled in: the full replacement it stands for. */
export function recordOf(id: string, fields: CommitmentFields): CommitmentRecord {
  return {
    id,
    title: fields.title,
    leadInstitution: fields.leadInstitution,
    summary: fields.summary ?? {},
    status: fields.status ?? 'unverified',
    themes: fields.themes ?? [],
    plan: fields.plan,
    pages: fields.pages ?? [],
  };
}
