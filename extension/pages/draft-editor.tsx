import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { GapType } from '../../api-client/contract';
import { gapTypeLabels } from '../../api-client/contract/labels';
import { pagesStrings } from '../i18n/pages';
import { pageUiStrings } from '../i18n/page-ui';
import { sendMessage } from '../messaging/messenger';
import { DraftView, SendResult, type DraftFields, type DraftSummary, type FieldName } from '../messaging/protocol';
import { sentenceOf } from '../shared/draft-words';
import { pageLocale } from './locale';

const SAVE_DELAY_MS = 300;

/** "Continuer": the words of a draft (or a refused contribution), edited where they are listed. */
export function DraftEditor({ draft, onDone }: { draft: DraftSummary; onDone(): void }) {
  const locale = pageLocale.value;
  const t = { ...pageUiStrings[locale], ...pagesStrings[locale] };
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
  const errorOf = (field: FieldName) =>
    errors.value[field] ? (
      <p class="error" id={`${prefix}-${field}-error`}>
        {errors.value[field]}
      </p>
    ) : null;
  const invalid = (field: FieldName) => (errors.value[field] ? 'true' : 'false');
  const describedBy = (field: FieldName) => (errors.value[field] ? `${prefix}-${field}-error` : undefined);

  return (
    <form ref={form} noValidate onSubmit={(event) => void send(event)}>
      {fields.value.kind === 'gap' ? (
        <div class="field">
          <label for={`${prefix}-gap`}>{t.gapType}</label>
          <select
            id={`${prefix}-gap`}
            aria-invalid={invalid('gapType')}
            aria-describedby={describedBy('gapType')}
            value={fields.value.gapType ?? ''}
            onChange={(event) => {
              const value = (event.target as HTMLSelectElement).value;
              change(value ? { gapType: value as GapType } : { gapType: undefined });
            }}
          >
            <option value="">{t.gapTypeChoose}</option>
            {(Object.keys(gapTypeLabels[locale]) as GapType[]).map((gap) => (
              <option value={gap}>{gapTypeLabels[locale][gap]}</option>
            ))}
          </select>
          {errorOf('gapType')}
        </div>
      ) : null}
      <div class="field">
        <label for={`${prefix}-body`}>{t.body}</label>
        <textarea
          id={`${prefix}-body`}
          aria-invalid={invalid('body')}
          aria-describedby={describedBy('body')}
          value={fields.value.body}
          onInput={(event) => change({ body: (event.target as HTMLTextAreaElement).value })}
        />
        {errorOf('body')}
      </div>
      <div class="field">
        <label for={`${prefix}-pseudonym`}>{t.pseudonym}</label>
        <input
          id={`${prefix}-pseudonym`}
          type="text"
          autocomplete="nickname"
          aria-invalid={invalid('pseudonym')}
          aria-describedby={describedBy('pseudonym')}
          value={fields.value.pseudonym}
          onInput={(event) => change({ pseudonym: (event.target as HTMLInputElement).value })}
        />
        {errorOf('pseudonym')}
      </div>
      {errorOf('target')}
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
