import { browser } from 'wxt/browser';
import { firstSentence, type Locale } from '../../api-client/contract';
import { defaultSettings, SETTINGS_KEY } from './defaults';
import { Settings } from './schema';

export type SaveResult =
  { ok: true; settings: Settings } | { ok: false; sentence: string; field: keyof Settings | undefined };

/** The stored settings, checked; the defaults for anything missing or broken. */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = Settings.safeParse({ ...defaultSettings(), ...(typeof stored === 'object' && stored ? stored : {}) });
  return parsed.success ? parsed.data : defaultSettings();
}

export async function saveSettings(candidate: unknown, locale: Locale = 'fr'): Promise<SaveResult> {
  const parsed = Settings.safeParse(candidate);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return { ok: false, sentence: firstSentence(parsed.error, locale), field: field as keyof Settings | undefined };
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: parsed.data });
  return { ok: true, settings: parsed.data };
}

/** Calls back with the new settings whenever they change, until the signal aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
