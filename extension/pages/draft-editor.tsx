import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { pagesStrings } from '../i18n/pages';
import { pageUiStrings } from '../i18n/page-ui';
import { sendMessage } from '../messaging/messenger';
import { DraftView, SendResult, type DraftFields, type FieldName } from '../messaging/protocol';
import { sentenceOf } from '../shared/draft-words';
import { ContributionFields } from '../components/contribution-fields';
import { browser } from 'wxt/browser';
import { pageLocale, settings } from './locale';

const SAVE_DELAY_MS = 300;

/**
 * "Continuer": the words of a draft (or a refused contribution), edited where they are
 * listed; "Répondre" writes a reply in the same form, under the contribution it answers.
 */
export function DraftEditor({ draft, onDone }: { draft: Pick<DraftView, 'id' | 'fields'>; onDone: () => void }) {
  const locale = pageLocale.value;
  // The composer's words win: "saved" is the draft's here, not the settings' of the options page.
  const t = { ...pagesStrings[locale], ...pageUiStrings[locale] };
  const fields = useSignal<DraftFields>(draft.fields);
  const errors = useSignal<Partial<Record<FieldName, string>>>({});
  const status = useSignal('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const form = useRef<HTMLFormElement>(null);
  const prefix = `edit-${draft.id}`;

  const save = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const value = fields.value;
    saving.current = saving.current
      .catch(() => undefined)
      .then(async () => DraftView.parse(await sendMessage('draft:save', { id: draft.id, fields: value })))
      .then(
        () => (status.value = t.saved),
        (error: unknown) => (status.value = sentenceOf(error, locale, t.saveFailed)),
      );
    return saving.current;
  };
  const change = (patch: Partial<DraftFields>) => {
    fields.value = { ...fields.value, ...patch };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  const send = async (event: Event) => {
    event.preventDefault();
    await save();
    try {
      const result = SendResult.parse(await sendMessage('draft:send', { id: draft.id }));
      if (result.ok) {
        onDone();
        return;
      }
      errors.value = Object.fromEntries(Object.entries(result.errors).map(([field, said]) => [field, said[locale]]));
      status.value = t.fixErrors(Object.keys(result.errors).length);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } catch (error) {
      status.value = sentenceOf(error, locale, t.saveFailed);
    }
  };

  useEffect(() => form.current?.querySelector<HTMLElement>('textarea')?.focus(), []);

  return (
    <form ref={form} noValidate onSubmit={(event) => void send(event)}>
      <ContributionFields
        idPrefix={prefix}
        locale={locale}
        fields={fields.value}
        errors={errors.value}
        onChange={change}
        signature={{
          pseudonym: settings.value?.pseudonym ?? '',
          change: () => void browser.runtime.openOptionsPage(),
        }}
      />
      <div class="actions">
        <button type="submit" class="primary">
          {t.send}
        </button>
        <button type="button" onClick={() => void save().then(onDone)}>
          {t.close}
        </button>
      </div>
      <p class="status" role="status">
        {status.value}
      </p>
    </form>
  );
}
