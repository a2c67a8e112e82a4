import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface PlatformProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The server's process id, e.g. to sample its memory. */
  pid: number;
  dataDir: string;
  /** Everything the process printed so far, for assertions and failure messages. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash would: nothing is flushed or closed. */
  kill(): Promise<void>;
  /** Stops it and deletes its data directory. */
  dispose(): Promise<void>;
  /** Resolves when the process has exited, however it was told to, with how it ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface PlatformProcessOptions {
  /** Extra environment, e.g. { VIGIE_MODERATION: 'post' }. */
  env?: Record<string, string>;
  /** Reuse a data directory (to restart on the same database); a new temporary one otherwise. */
  dataDir?: string;
  /** A fixed port (to restart on the same address); a free one chosen by the OS otherwise. */
  port?: number;
  startTimeoutMs?: number;
  /** More arguments to `serve`, e.g. ['--site', dir]. */
  args?: string[];
  /** Arguments to node itself, before the script (e.g. an --import hook). */
  nodeArgs?: string[];
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts the real platform (`platform/cli.ts serve`) as its own process on a free
 * port with a temporary data directory, and resolves once it listens.
 */
export async function startPlatformProcess(options: PlatformProcessOptions = {}): Promise<PlatformProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'vigie-platform-'));
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      path.join(root, 'platform/cli.ts'),
      'serve',
      ...(options.args ?? []),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(options.port ?? 0),
        VIGIE_DATA_DIR: dataDir,
        VIGIE_MODERATION: 'pre',
        // Tests send faster than any citizen; the suites about limits set their own.
        VIGIE_RATE_LIMIT: 'off',
        VIGIE_SUPPORT_RATE_LIMIT: 'off',
        // A line per request would fill the captured output; the suites about logs ask for them.
        VIGIE_LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The platform did not start within ${options.startTimeoutMs ?? 20_000} ms:\n${output}`)),
      options.startTimeoutMs ?? 20_000,
    );
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The platform exited with code ${code} before listening:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.kill('SIGTERM');
    await waitForExit(child);
    clearTimeout(killer);
  };

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  return {
    url: `http://127.0.0.1:${port}`,
    exited: () => exited,
    port,
    pid: child.pid!,
    dataDir,
    output: () => output,
    stop,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    async dispose() {
      await stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
