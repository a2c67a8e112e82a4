import pino from 'pino';

export type Logger = pino.Logger;
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * What an error may put in a log line: its kind, message, code and stack. Not its
 * other fields: a database error's `detail` can quote the row it refused, and a row
 * holds what a citizen wrote.
 */
function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { type: error.name, message: error.message, ...(code ? { code } : {}), stack: error.stack };
}

/**
 * The platform's log: one JSON object a line on standard output, through pino (the
 * usual Node logger: fast, maintained, and its lines are what log collectors read).
 * What goes in is chosen field by field by whoever logs, never a whole request: no
 * token, no client address, no contribution text.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
