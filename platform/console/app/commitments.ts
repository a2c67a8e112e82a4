import { signal } from '@preact/signals';
import type { Commitment, CommitmentList, Locale } from '../../../api-client/contract';
import { callJson } from './api';

/** The plan's commitments in the console's language, read once per language: cards and charts name them. */
export const commitments = signal<Commitment[]>([]);
let loadedIn: Locale | null = null;

export function loadCommitments(locale: Locale): void {
  if (loadedIn === locale) return;
  loadedIn = locale;
  callJson<CommitmentList>(`/v1/commitments?lang=${locale}`).then(
    (list) => (commitments.value = list.items),
    () => (loadedIn = null),
  );
}

export function commitmentTitle(id: string): string | undefined {
  return commitments.value.find((c) => c.id === id)?.title;
}
