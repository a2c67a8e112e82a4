import { useSignal, useSignalEffect } from '@preact/signals';
import { languageSettings, type LanguageSetting } from '../i18n/locale';
import { pagesStrings } from '../i18n/pages';
import { AllowListEntry, type Settings } from '../settings/schema';
import { saveSettings } from '../settings/store';
import { pageLocale, settings } from './locale';

interface Draft {
  platformUrl: string;
  allowList: string;
  language: LanguageSetting;
  pseudonym: string;
}

const toDraft = (s: Settings): Draft => ({ ...s, allowList: s.allowList.join('\n') });

/**
 * The options: the platform, the allow-list (shown in full, editable), the
 * language and a default pseudonym. Checked with the settings' zod schema
 * before anything is stored.
 */
export function SettingsForm() {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
  const form = useSignal<Draft | undefined>(undefined);
  const problem = useSignal<{ field: keyof Draft | undefined; sentence: string } | undefined>(undefined);
  const status = useSignal('');

  useSignalEffect(() => {
    if (settings.value && form.peek() === undefined) form.value = toDraft(settings.value);
  });
  const value = form.value;
  if (!value)
    return (
      <main>
        <h1>{t.optionsTitle}</h1>
        <p>…</p>
      </main>
    );
  const change = (patch: Partial<Draft>) => {
    form.value = { ...value, ...patch };
    problem.value = undefined;
    status.value = '';
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const entries = value.allowList.split(/[\s,]+/).filter(Boolean);
    const bad = entries.find((entry) => !AllowListEntry.safeParse(entry).success);
    if (bad !== undefined) {
      problem.value = { field: 'allowList', sentence: t.allowListProblem(bad) };
      status.value = t.allowListProblem(bad);
      return;
    }
    const result = await saveSettings({ ...value, allowList: entries }, locale);
    if (result.ok) {
      form.value = toDraft(result.settings);
      status.value = t.saved;
    } else {
      problem.value = { field: result.field, sentence: result.sentence };
      status.value = result.sentence;
    }
  };
  const invalid = (field: keyof Draft) => (problem.value?.field === field ? 'true' : 'false');
  const describedBy = (field: keyof Draft, hint?: string) =>
    [hint, problem.value?.field === field ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: keyof Draft) =>
    problem.value?.field === field ? (
      <p class="error" id={`${field}-error`}>
        {problem.value.sentence}
      </p>
    ) : null;

  return (
    <main>
      <h1>{t.optionsTitle}</h1>
      <form noValidate onSubmit={(event) => void save(event)}>
        <div class="field">
          <label for="platformUrl">{t.platformUrl}</label>
          <span class="hint" id="platformUrl-hint">
            {t.platformUrlHint}
          </span>
          <input
            id="platformUrl"
            type="url"
            value={value.platformUrl}
            aria-invalid={invalid('platformUrl')}
            aria-describedby={describedBy('platformUrl', 'platformUrl-hint')}
            onInput={(e) => change({ platformUrl: (e.target as HTMLInputElement).value.trim() })}
          />
          {errorOf('platformUrl')}
        </div>
        <div class="field">
          <label for="allowList">{t.allowList}</label>
          <span class="hint" id="allowList-hint">
            {t.allowListHint}
          </span>
          <textarea
            id="allowList"
            value={value.allowList}
            aria-invalid={invalid('allowList')}
            aria-describedby={describedBy('allowList', 'allowList-hint')}
            onInput={(e) => change({ allowList: (e.target as HTMLTextAreaElement).value })}
          />
          {errorOf('allowList')}
        </div>
        <div class="field">
          <label for="language">{t.language}</label>
          <select
            id="language"
            value={value.language}
            onChange={(e) => change({ language: (e.target as HTMLSelectElement).value as LanguageSetting })}
          >
            {languageSettings.map((language) => (
              <option value={language} lang={language === 'auto' ? undefined : language}>
                {language === 'auto' ? t.languageAuto : language === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pseudonym">{t.pseudonym}</label>
          <span class="hint" id="pseudonym-hint">
            {t.pseudonymHint}
          </span>
          <input
            id="pseudonym"
            type="text"
            autocomplete="nickname"
            value={value.pseudonym}
            aria-invalid={invalid('pseudonym')}
            aria-describedby={describedBy('pseudonym', 'pseudonym-hint')}
            onInput={(e) => change({ pseudonym: (e.target as HTMLInputElement).value })}
          />
          {errorOf('pseudonym')}
        </div>
        <button type="submit" class="primary">
          {t.save}
        </button>
        <p class="status" role="status">
          {status.value}
        </p>
      </form>
    </main>
  );
}
