import { existsSync } from 'node:fs';
import path from 'node:path';
import { tokenCommand, tokenUsage } from './auth/token-command';
import { backupCommand, backupUsage } from './backup';
import { commitmentsCommand, commitmentsUsage } from './commitments/import-command';
import { ConfigError, readConfig } from './config';
import { startDemoSite } from './demo-site';
import { stopOnSignals } from './lifecycle';
import { createLogger } from './logger';
import { startPlatform } from './server';
import { DEFAULT_CONSOLE_DIR, DEFAULT_SITE_SCRIPT_DIR, DEFAULT_WIDGET_DIR } from './static/dist-dirs';
import { SQLITE_FILE_NAME } from './storage/open';

const usage = `Usage: npm run platform -- <command>

Commands:
  serve           run the platform in production: pre-moderation, JSON logs, the built widget and console
  serve --demo    what npm start runs: contributions published on arrival unless VIGIE_MODERATION is set
     [--site DIR]        also serve this built demo site on VIGIE_DEMO_PORT (8788), under a strict CSP
     [--extension DIR]   say where the built extension is and how to load it
     [--widget DIR] [--console DIR]   the built widget and console (dist/widget, dist/console)
     [--site-script DIR]  the public pages' built script (dist/site)
${tokenUsage}
${commitmentsUsage}
${backupUsage}

Environment: PORT (8787), HOST (127.0.0.1), VIGIE_DATA_DIR (./data), VIGIE_MODERATION (pre|post),
VIGIE_MAX_BODY_BYTES (4194304), VIGIE_CORS_ORIGINS (comma-separated, * for any), DATABASE_URL (postgres://…),
VIGIE_RATE_LIMIT (60/min, or off: a batch counts its items), VIGIE_REPORT_THRESHOLD (3 networks),
VIGIE_ADDRESS_SECRET (the secret behind hashed client addresses, 16+ characters, shared by every process;
unset, each process makes its own; VIGIE_ADDRESS_SALT is its older name), VIGIE_TRUST_PROXY (0|1),
VIGIE_PUBLIC_URL (the public address, base of absolute links; http://localhost:PORT when unset),
VIGIE_LOG_LEVEL (info; warn under --demo), VIGIE_SUPPORT_RATE_LIMIT ("Moi aussi" per network, 120/h, or off),
VIGIE_STREAMS (live streams per process, 5000), VIGIE_STREAMS_PER_NETWORK (50), VIGIE_STREAM_HEARTBEAT_MS (20000),
VIGIE_EVENT_LOG_SIZE (live events kept for clients coming back, 10000).`;

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function serveCommand(args: string[]): Promise<void> {
  const config = readConfig(process.env, { demo: args.includes('--demo') });
  const logger = createLogger(config.logLevel);
  const widgetDir = path.resolve(optionValue(args, '--widget') ?? DEFAULT_WIDGET_DIR);
  const consoleDir = path.resolve(optionValue(args, '--console') ?? DEFAULT_CONSOLE_DIR);
  const siteScriptDir = path.resolve(optionValue(args, '--site-script') ?? DEFAULT_SITE_SCRIPT_DIR);
  const platform = await startPlatform(config, { logger, widgetDir, consoleDir, siteScriptDir });
  const shown = `http://localhost:${platform.port}`;
  const siteDir = optionValue(args, '--site');
  const site =
    siteDir && existsSync(path.join(siteDir, 'index.html'))
      ? await startDemoSite({
          dir: path.resolve(siteDir),
          port: config.demoPort,
          host: config.host,
          platformUrl: platform.publicUrl,
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
      `  Public address  ${platform.publicUrl}${config.publicUrl ? '' : ' (set VIGIE_PUBLIC_URL in production)'}`,
      `  Health          ${shown}/healthz, ready: ${shown}/readyz`,
      existsSync(path.join(consoleDir, 'console.js'))
        ? `  Console         ${shown}/console (sign in with a token: npm run platform -- token create)`
        : `  Console         not built in ${consoleDir}: run npm run build`,
      existsSync(path.join(widgetDir, 'vigie-feedback.js'))
        ? `  Widget          ${platform.publicUrl}/widget/vigie-feedback.js`
        : `  Widget          not built in ${widgetDir}: run npm run build`,
      `  Data            ${where}`,
      `  Moderation      ${config.moderation === 'post' ? 'post: contributions are published on arrival' : 'pre: contributions wait for a moderator'}`,
      ...(config.addressSecret
        ? []
        : ['  Addresses       hashed with a secret made for this process only (set VIGIE_ADDRESS_SECRET to keep it)']),
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
  logger.info({ port: platform.port, publicUrl: platform.publicUrl, storage: platform.storage.kind }, 'listening');
  stopOnSignals(site ? [platform, site] : [platform], logger);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'serve') return serveCommand(rest);
  if (command === 'token') return tokenCommand(rest, (text) => process.stdout.write(text));
  if (command === 'commitments') {
    const { code, message } = await commitmentsCommand(rest);
    (code === 0 ? process.stdout : process.stderr).write(message);
    process.exitCode = code;
    return;
  }
  if (command === 'backup') {
    const { code, message } = await backupCommand(rest, readConfig(process.env));
    (code === 0 ? process.stdout : process.stderr).write(message);
    process.exitCode = code;
    return;
  }
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
