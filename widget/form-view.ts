import { html, nothing, type TemplateResult } from 'lit';
// The zod-free modules of the contract: the first load must not pull in the schemas.
import { BODY_MAX_LENGTH } from '../api-client/contract/limits';
import type { GapType } from '../api-client/contract';
import type { Strings } from './i18n';
import type { DraftFields, FieldName } from './runtime/types';

/** The form as it stands: the words, and the sentence next to each field. */
export interface FormState {
  fields: DraftFields;
  errors: Partial<Record<FieldName, string>>;
}

/** What the form asks of the element. */
export interface FormActions {
  update: (patch: Partial<DraftFields>) => void;
  send: (event: Event) => void;
}

/*
 * The citizen's form: every field labelled, its hint and its error tied to it by
 * aria-describedby, and aria-invalid set where the contract refused the words.
 */

function errorOf(form: FormState, field: FieldName): TemplateResult | typeof nothing {
  const message = form.errors[field];
  return message ? html`<p class="error" id="${field}-error">${message}</p>` : nothing;
}

function describedBy(form: FormState, field: FieldName, ...others: string[]): string {
  return [...others, ...(form.errors[field] ? [`${field}-error`] : [])].join(' ');
}

const invalid = (form: FormState, field: FieldName) => (form.errors[field] ? 'true' : 'false');

function renderGapType(form: FormState, t: Strings, on: FormActions): TemplateResult {
  const chosen = form.fields.gapType ?? '';
  const gapTypes = Object.keys(t.gapTypes) as GapType[];
  return html`<div class="field">
    <label for="gapType">${t.gapType}</label>
    <select
      id="gapType"
      required
      aria-invalid=${invalid(form, 'gapType')}
      aria-describedby=${describedBy(form, 'gapType')}
      .value=${chosen}
      @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        on.update({ gapType: value ? (value as GapType) : undefined });
      }}
    >
      <option value="" ?selected=${chosen === ''}>${t.gapTypeChoose}</option>
      ${gapTypes.map((g) => html`<option value=${g} ?selected=${chosen === g}>${t.gapTypes[g]}</option>`)}
    </select>
    ${errorOf(form, 'gapType')}
  </div>`;
}

/** The form; `quoteField` (quote-field.ts) goes between the kind and the words when the quote mode is on. */
export function renderForm(
  form: FormState,
  t: Strings,
  on: FormActions,
  quoteField: TemplateResult | typeof nothing,
): TemplateResult {
  const f = form.fields;
  const length = f.body.trim().length;
  return html`<form part="form" novalidate @submit=${on.send}>
    <fieldset>
      <legend>${t.kindLegend}</legend>
      <div class="radio">
        <input
          type="radio"
          id="kind-comment"
          name="kind"
          value="comment"
          .checked=${f.kind === 'comment'}
          @change=${() => on.update({ kind: 'comment', gapType: undefined })}
        />
        <label for="kind-comment">${t.kindComment}</label>
      </div>
      <div class="radio">
        <input
          type="radio"
          id="kind-gap"
          name="kind"
          value="gap"
          .checked=${f.kind === 'gap'}
          @change=${() => on.update({ kind: 'gap' })}
        />
        <label for="kind-gap">${t.kindGap}</label>
      </div>
    </fieldset>
    ${f.kind === 'gap' ? renderGapType(form, t, on) : nothing} ${quoteField}
    <div class="field">
      <label for="body">${t.body}</label>
      <span class="hint" id="body-hint">${t.bodyHint}</span>
      <textarea
        id="body"
        name="body"
        required
        aria-invalid=${invalid(form, 'body')}
        aria-describedby=${describedBy(form, 'body', 'body-hint', 'body-count')}
        .value=${f.body}
        @input=${(e: Event) => on.update({ body: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <span class="count ${length > BODY_MAX_LENGTH ? 'over' : ''}" id="body-count"
        >${t.count(length, BODY_MAX_LENGTH)}</span
      >
      ${errorOf(form, 'body')}
    </div>
    <div class="field">
      <label for="pseudonym">${t.pseudonym}</label>
      <span class="hint" id="pseudonym-hint">${t.pseudonymHint}</span>
      <input
        type="text"
        id="pseudonym"
        name="pseudonym"
        autocomplete="nickname"
        aria-invalid=${invalid(form, 'pseudonym')}
        aria-describedby=${describedBy(form, 'pseudonym', 'pseudonym-hint')}
        .value=${f.pseudonym}
        @input=${(e: Event) => on.update({ pseudonym: (e.target as HTMLInputElement).value })}
      />
      ${errorOf(form, 'pseudonym')}
    </div>
    ${errorOf(form, 'target')}
    <button type="submit" part="submit">${t.send}</button>
  </form>`;
}

/**
 * The quote-mode field before its code loaded (quote-mode.ts, on the page's first selection
 * or the widget's first interaction): the same button, that cannot quote yet.
 */
export function renderQuoteWaiting(t: Strings): TemplateResult {
  return html`<div class="field">
    <button type="button" disabled aria-describedby="quote-hint">${t.quote}</button>
    <span class="hint" id="quote-hint">${t.quoteHint}</span>
  </div>`;
}
