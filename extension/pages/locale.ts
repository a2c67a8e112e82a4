import { effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { resolveLocale, type UiLocale } from '../i18n/locale';
import type { Settings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/store';

/** The language of the extension's pages, following the options as they change. */
export const pageLocale = signal<UiLocale>(resolveLocale('auto', browser.i18n.getUILanguage()));
export const settings = signal<Settings | undefined>(undefined);

export function followSettings(abort?: AbortSignal): void {
  const apply = (value: Settings) => {
    settings.value = value;
    pageLocale.value = resolveLocale(value.language, browser.i18n.getUILanguage());
  };
  void loadSettings().then(apply);
  watchSettings(apply, abort);
  effect(() => {
    document.documentElement.lang = pageLocale.value;
  });
}
