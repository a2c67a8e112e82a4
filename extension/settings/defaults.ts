// zod-free: the content script's first load reads settings through this module.
import type { Settings } from './schema';

export const SETTINGS_KEY = 'settings';
// Set by wxt.config.ts at build time; the demo platform where it is not (unit tests).
export const DEFAULT_PLATFORM_URL =
  typeof __VIGIE_PLATFORM_URL__ === 'string' ? __VIGIE_PLATFORM_URL__ : 'http://localhost:8787';

/** The public sector's domain, and the platform itself (its pages discuss commitments). */
export function defaultAllowList(platformUrl: string = DEFAULT_PLATFORM_URL): string[] {
  return ['*.gouv.fr', new URL(platformUrl).hostname];
}

export function defaultSettings(): Settings {
  return { platformUrl: DEFAULT_PLATFORM_URL, allowList: defaultAllowList(), language: 'auto', pseudonym: '' };
}

/**
 * What the content script needs of the stored settings, checked by hand so the
 * first load carries no schema library. Anything malformed falls back to the
 * defaults, never to "allowed".
 */
export function settingsFromStorage(stored: unknown): Settings {
  const defaults = defaultSettings();
  if (typeof stored !== 'object' || stored === null) return defaults;
  const s = stored as Record<string, unknown>;
  const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
  return {
    platformUrl: typeof s.platformUrl === 'string' ? s.platformUrl : defaults.platformUrl,
    allowList: strings(s.allowList) ? s.allowList : defaults.allowList,
    language: s.language === 'fr' || s.language === 'en' || s.language === 'auto' ? s.language : defaults.language,
    pseudonym: typeof s.pseudonym === 'string' ? s.pseudonym : defaults.pseudonym,
  };
}
