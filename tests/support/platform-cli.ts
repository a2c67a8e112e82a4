import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** Makes a token with the CLI on a SQLite platform's data directory, as an operator would, and returns it. */
export async function tokenFor(dataDir: string, args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'platform/cli.ts'), 'token', 'create', ...args],
    { cwd: root, env: { ...process.env, VIGIE_DATA_DIR: dataDir, LANG: 'C.UTF-8', LC_ALL: '' } },
  );
  const token = /^vigie_[\w-]{43}$/m.exec(stdout)?.[0];
  if (!token) throw new Error(`token create printed no token:\n${stdout}`);
  return token;
}
