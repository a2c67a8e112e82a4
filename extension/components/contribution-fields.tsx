import type { GapType } from '../../api-client/contract';
import { gapTypeLabels } from '../../api-client/contract/labels';
import { BODY_MAX_LENGTH } from '../../api-client/contract/limits';
import type { UiLocale } from '../i18n/locale';
import { pageUiStrings } from '../i18n/page-ui';
import type { DraftFields, FieldName } from '../messaging/protocol';

interface ContributionFieldsProps {
  /** Makes the ids unique where several forms share a document. */
  idPrefix: string;
  locale: UiLocale;
  fields: DraftFields;
  errors: Partial<Record<FieldName, string>>;
  onChange: (patch: Partial<DraftFields>) => void;
  /**
   * Who the contribution is signed as: the pseudonym of the options, the one place it is
   * changed (every contribution of this device is signed alike), and how to go there.
   */
  signature: { pseudonym: string; change: () => void };
}

/**
 * The words of a contribution — the kind of gap, the text with its count, who it is
 * signed as — each error tied to its field. The in-page composer and "Mes
 * contributions" show the same fields, so a citizen meets one form, not two.
 */
export function ContributionFields({ idPrefix, locale, fields, errors, onChange, signature }: ContributionFieldsProps) {
  const t = pageUiStrings[locale];
  const id = (name: string) => `${idPrefix}-${name}`;
  const errorOf = (field: FieldName) =>
    errors[field] ? (
      <p class="error" id={id(`${field}-error`)}>
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: FieldName, ...others: string[]) =>
    [...others, ...(errors[field] ? [id(`${field}-error`)] : [])].join(' ') || undefined;
  const invalid = (field: FieldName) => (errors[field] ? 'true' : 'false');
  const length = fields.body.trim().length;

  return (
    <>
      {fields.kind === 'gap' ? (
        <div class="field">
          <label for={id('gap-type')}>{t.gapType}</label>
          <select
            id={id('gap-type')}
            required
            aria-invalid={invalid('gapType')}
            aria-describedby={describedBy('gapType')}
            value={fields.gapType ?? ''}
            onChange={(event) => {
              const value = (event.target as HTMLSelectElement).value;
              onChange(value ? { gapType: value as GapType } : { gapType: undefined });
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
        <label for={id('body')}>{fields.kind === 'reply' ? t.replyBody : t.body}</label>
        <span class="hint" id={id('body-hint')}>
          {t.bodyHint}
        </span>
        <textarea
          id={id('body')}
          required
          aria-invalid={invalid('body')}
          aria-describedby={describedBy('body', id('body-hint'), id('body-count'))}
          value={fields.body}
          onInput={(event) => onChange({ body: (event.target as HTMLTextAreaElement).value })}
        />
        <span class={`count${length > BODY_MAX_LENGTH ? ' over' : ''}`} id={id('body-count')}>
          {t.count(length, BODY_MAX_LENGTH)}
        </span>
        {errorOf('body')}
      </div>
      <p class="signature" id={id('signature')}>
        {signature.pseudonym.trim() ? t.signedAs(signature.pseudonym.trim()) : t.unsigned}{' '}
        <button type="button" class="link" onClick={signature.change}>
          {t.changePseudonym}
        </button>
      </p>
      {errorOf('pseudonym')}
      {errorOf('target')}
    </>
  );
}
