import type { VigieClient } from '../http';
import { DraftNotFoundError, type Sentences } from './errors';
import type { DraftStore } from './store';

/** This draft cannot be withdrawn from the platform: it never reached it, or has no key. */
export class NotWithdrawableError extends Error {
  constructor(
    readonly id: string,
    readonly sentences: Sentences,
  ) {
    super(sentences.en);
    this.name = 'NotWithdrawableError';
  }
}

/**
 * The citizen withdraws a contribution the platform holds (GDPR erasure, no account):
 * the platform checks the secret this device kept and deletes the text; then the
 * draft is removed here too. A draft the platform never received is simply removed
 * with store.remove().
 */
export async function withdrawContribution(
  store: DraftStore,
  client: Pick<VigieClient, 'withdrawContribution'>,
  id: string,
): Promise<void> {
  const draft = await store.get(id);
  if (!draft) throw new DraftNotFoundError(id);
  if (draft.state !== 'synced') {
    throw new NotWithdrawableError(id, {
      fr: "La plateforme n'a pas reçu cette contribution : supprimez simplement le brouillon.",
      en: 'The platform has not received this contribution: simply delete the draft.',
    });
  }
  if (!draft.withdrawalSecret) {
    throw new NotWithdrawableError(id, {
      fr: 'Cet appareil ne garde pas la clé de retrait de cette contribution.',
      en: 'This device does not hold the withdrawal key of this contribution.',
    });
  }
  await client.withdrawContribution(id, draft.withdrawalSecret);
  await store.remove(id);
}
