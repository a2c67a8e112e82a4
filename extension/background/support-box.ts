import {
  answerOf,
  getSupport,
  intentDelta,
  setSupport,
  supportPending,
  type DraftStore,
  type SupportRecord,
} from '../../api-client/drafts';
import type { SupportMark } from '../messaging/talk-back';
import type { SupportBox } from './talk-back-routes';

/** A record as a list shows it: pressed or not, and what the platform's count lacks of it until told. */
export function markOf(id: string, record: SupportRecord | undefined): SupportMark {
  if (!record) return { id, pressed: false, delta: 0, stage: 'none' };
  const pending = supportPending(record);
  const answer = answerOf(record);
  return {
    id,
    pressed: record.wanted,
    delta: intentDelta(record),
    ...(answer ? { answer } : {}),
    ...(record.countAtPress !== undefined ? { countAtPress: record.countAtPress } : {}),
    stage: pending ? 'waiting' : record.state === 'gone' || record.state === 'refused' ? record.state : 'settled',
  };
}

/** "Moi aussi" in the background's database: the intent is kept at once, the engine sends it once. */
export function createSupportBox(store: DraftStore): SupportBox {
  return {
    async press(id, wanted, countAtPress) {
      return markOf(id, await setSupport(store, id, wanted, { countAtPress }));
    },
    async marks(ids) {
      return Promise.all(ids.map(async (id) => markOf(id, await getSupport(store, id))));
    },
  };
}
