import { existsSync } from 'node:fs';
import path from 'node:path';
import { tokenCommand, tokenUsage } from './auth/token-command';
import { ConfigError, readConfig } from './config';
import { prepareConsole } from './console/bundle';
import { startDemoSite } from './demo-site';
import { startPlatform } from './server';
import { SQLITE_FILE_NAME } from './storage/open';

const usage = `Usage: npm run platform -- <command>

Commands:
  serve           run the platform (what npm start does, with pre-moderation by default)
  serve --demo    the same, publishing contributions on arrival unless VIGIE_MODERATION is set
${tokenUsage}
     [--site DIR]        also serve this built demo site on VIGIE_DEMO_PORT (8788), under a strict CSP
     [--extension DIR]   say where the built extension is and how to load it

Environment: PORT (8787), HOST (127.0.0.1), VIGIE_DATA_DIR (./data), VIGIE_MODERATION (pre|post),
VIGIE_MAX_BODY_BYTES (4194304), VIGIE_CORS_ORIGINS (comma-separated, * for any), DATABASE_URL (postgres://…),
VIGIE_RATE_LIMIT (60/min, or off), VIGIE_REPORT_THRESHOLD (3), VIGIE_ADDRESS_SALT, VIGIE_TRUST_PROXY (0|1),
VIGIE_PUBLIC_URL (the public address, base of absolute links; http://localhost:PORT when unset).`;

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function serveCommand(args: string[]): Promise<void> {
  const config = readConfig(process.env, { demo: args.includes('--demo') });
  const platform = await startPlatform(config);
  const shown = `http://localhost:${platform.port}`;
  const siteDir = optionValue(args, '--site');
  const site =
    siteDir && existsSync(path.join(siteDir, 'index.html'))
      ? await startDemoSite({
          dir: path.resolve(siteDir),
          port: config.demoPort,
          host: config.host,
          platformUrl: shown,
        })
      : undefined;
  const extensionDir = optionValue(args, '--extension');
  const extension =
    extensionDir && existsSync(path.join(extensionDir, 'manifest.json')) ? path.resolve(extensionDir) : undefined;
  const where = config.databaseUrl ? 'PostgreSQL' : `${path.join(config.dataDir, SQLITE_FILE_NAME)} (SQLite)`;
  // The first line is read by the test harness to find the port: keep its shape.
  process.stdout.write(
    [
      `Vigie platform listening on ${shown}`,
      `  Public pages    ${shown}/ (the plan, commitments, search, feeds, open data)`,
      `  API             ${shown}/v1/commitments`,
      `  API reference   ${shown}/openapi.json (OpenAPI 3.1)`,
      `  Health          ${shown}/healthz`,
      `  Console         ${shown}/console (sign in with a token: npm run platform -- token create)`,
      `  Data            ${where}`,
      `  Moderation      ${config.moderation === 'post' ? 'post: contributions are published on arrival' : 'pre: contributions wait for a moderator'}`,
      ...(site ? [`  Demo page       ${site.url}/ (a government page with <vigie-feedback>, strict CSP)`] : []),
      ...(siteDir && !site ? [`  Demo page       not built: run npm run build`] : []),
      ...(extension
        ? [
            `  Extension       ${extension}`,
            '                  Chromium: chrome://extensions → Developer mode → Load unpacked → that folder',
          ]
        : []),
      ...(extensionDir && !extension ? [`  Extension       not built: run npm run build`] : []),
      'Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  // npm start builds the console up front, so the first visit does not wait for it.
  if (args.includes('--demo')) {
    prepareConsole().catch((error: unknown) =>
      process.stderr.write(
        `vigie: the console could not be built: ${error instanceof Error ? error.message : String(error)}\n`,
      ),
    );
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    Promise.all([platform.close(), site?.close()]).then(
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
  if (command === 'token') return tokenCommand(rest, (text) => process.stdout.write(text));
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
