import type { AnswerInput, ModerationReason } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { tokenFor } from './platform-cli';
import type { PlatformProcess } from './platform-process';
import { send } from './platform-http';

export interface Moderator {
  publish(id: string, reply?: string): Promise<void>;
  hide(id: string, reason?: ModerationReason, reply?: string): Promise<void>;
  reject(id: string, reason?: ModerationReason): Promise<void>;
}

/**
 * A moderator of a running platform (SQLite, its data directory): a token made with the
 * CLI as an operator would, then the decisions the console sends.
 */
export async function moderatorOf(platform: PlatformProcess): Promise<Moderator> {
  const token = await tokenFor(platform.dataDir, ['--role', 'moderator', '--name', 'Modé']);
  const decide = async (id: string, body: Record<string, unknown>) => {
    const answer = await send('POST', `${platform.url}/v1/moderation/contributions/${id}/decision`, { token, body });
    if (answer.status !== 200) throw new Error(`decision refused: ${answer.status} ${answer.text}`);
  };
  return {
    publish: (id, reply) => decide(id, { decision: 'publish', ...(reply ? { reply } : {}) }),
    hide: (id, reason = 'personal-data', reply) =>
      decide(id, { decision: 'hide', reason, ...(reply ? { reply } : {}) }),
    reject: (id, reason = 'spam') => decide(id, { decision: 'reject', reason }),
  };
}

/** An administration answering what concerns it (`scope`: `--domains …` or `--commitments …`). */
export async function administrationOf(platform: PlatformProcess, name: string, scope: string[]) {
  const token = await tokenFor(platform.dataDir, ['--role', 'administration', '--name', name, ...scope]);
  const client = createVigieClient({ baseUrl: platform.url, token });
  return { answer: (id: string, input: AnswerInput) => client.answerContribution(id, input) };
}
