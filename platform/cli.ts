import path from 'node:path';
import { ConfigError, readConfig } from './config';
import { startPlatform } from './server';
import { SQLITE_FILE_NAME } from './storage/open';

const usage = `Usage: npm run platform -- <command>

Commands:
  serve           run the platform (what npm start does, with pre-moderation by default)
  serve --demo    the same, publishing contributions on arrival unless VIGIE_MODERATION is set

Environment: PORT (8787), HOST (127.0.0.1), VIGIE_DATA_DIR (./data), VIGIE_MODERATION (pre|post),
VIGIE_MAX_BODY_BYTES (4194304), VIGIE_CORS_ORIGINS (comma-separated, * for any).`;

async function serveCommand(args: string[]): Promise<void> {
  const config = readConfig(process.env, { demo: args.includes('--demo') });
  const platform = await startPlatform(config);
  const shown = `http://localhost:${platform.port}`;
  const where = config.databaseUrl ? 'PostgreSQL' : `${path.join(config.dataDir, SQLITE_FILE_NAME)} (SQLite)`;
  // The first line is read by the test harness to find the port: keep its shape.
  process.stdout.write(
    [
      `Vigie platform listening on ${shown}`,
      `  API             ${shown}/v1/commitments`,
      `  API reference   ${shown}/openapi.json (OpenAPI 3.1)`,
      `  Health          ${shown}/healthz`,
      `  Data            ${where}`,
      `  Moderation      ${config.moderation === 'post' ? 'post: contributions are published on arrival' : 'pre: contributions wait for a moderator'}`,
      'Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    platform.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'serve') return serveCommand(rest);
  process.stdout.write(usage + '\n');
  if (command !== 'help' && command !== '--help') process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`vigie: ${error.message}\n`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    process.stderr.write(`vigie: the port is already in use; set PORT to another one (e.g. PORT=8788 npm start).\n`);
  } else {
    process.stderr.write(`vigie: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
