import type { VigieClient } from '../http';
import { DraftNotFoundError, type Sentences } from './errors';
import type { Draft } from './schema';
import { internalsOf, type DraftStore } from './store';

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
 * the platform checks the secret this device kept and deletes the text. Only once it
 * said so does the device let go of the secret and of the words: the entry stays, as
 * withdrawn, with its page and its date, until the citizen forgets it. A failure (no
 * network, say) throws and changes nothing here, so the citizen can try again; a
 * withdrawal repeated after a lost answer is answered 204 again. A draft the platform
 * never received is simply removed with store.remove().
 */
export async function withdrawContribution(
  store: DraftStore,
  client: Pick<VigieClient, 'withdrawContribution'>,
  id: string,
  now: () => number = Date.now,
): Promise<Draft> {
  const draft = await store.get(id);
  if (!draft) throw new DraftNotFoundError(id);
  if (draft.state !== 'synced') {
    throw new NotWithdrawableError(id, {
      fr: "La plateforme n'a pas reçu cette contribution : supprimez simplement le brouillon.",
      en: 'The platform has not received this contribution: simply delete the draft.',
    });
  }
  if (draft.platform?.status === 'withdrawn') return draft;
  if (!draft.withdrawalSecret) {
    throw new NotWithdrawableError(id, {
      fr: 'Cet appareil ne garde pas la clé de retrait de cette contribution.',
      en: 'This device does not hold the withdrawal key of this contribution.',
    });
  }
  await client.withdrawContribution(id, draft.withdrawalSecret);
  const { db } = internalsOf(store);
  return db.transaction('rw', db.drafts, async () => {
    const current = await db.drafts.get(id);
    if (!current) throw new DraftNotFoundError(id);
    const at = now();
    const { withdrawalSecret: _secret, ...kept } = current;
    const { body: _body, author: _author, ...input } = current.input;
    const withdrawn: Draft = {
      ...kept,
      input,
      platform: { status: 'withdrawn', withdrawnAt: new Date(at).toISOString(), checkedAt: at },
      updatedAt: at,
    };
    await db.drafts.put(withdrawn);
    return withdrawn;
  });
}
