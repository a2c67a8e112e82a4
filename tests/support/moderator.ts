import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ModerationReason } from '../../api-client/contract';
import type { PlatformProcess } from './platform-process';
import { send } from './platform-http';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

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
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'platform/cli.ts'), 'token', 'create', '--role', 'moderator', '--name', 'Modé'],
    { cwd: root, env: { ...process.env, VIGIE_DATA_DIR: platform.dataDir } },
  );
  const token = /^vigie_[\w-]{43}$/m.exec(stdout)?.[0];
  if (!token) throw new Error(`token create printed no token:\n${stdout}`);
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
