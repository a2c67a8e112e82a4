import type { Locale } from '../api-client/contract';

/** The operator's language for the command line's sentences: French when the locale says so, else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr\b|^fr[_-]/i.test(tag) ? 'fr' : 'en';
}
