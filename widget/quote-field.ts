import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { Selector } from '../api-client/contract';
import type { Strings } from './i18n';
import type { QuotePlace } from './quote-capture';

/**
 * The quote-mode field: the button that quotes the page's selection, or the
 * passage quoted, and, when a draft comes back and its passage may have
 * changed on the page, the words found and the citizen's answer.
 */
export function renderQuoteField(
  { html, nothing }: { html: typeof litHtml; nothing: typeof litNothing },
  selectors: readonly Selector[],
  possible: Extract<QuotePlace, { kind: 'possible' }> | undefined,
  available: boolean,
  t: Strings,
  on: { quote(): void; remove(): void; answer(here: boolean): void },
): TemplateResult {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote) {
    return html`<div class="field">
      <button type="button" ?disabled=${!available} aria-describedby="quote-hint" @click=${() => on.quote()}>
        ${t.quote}
      </button>
      <span class="hint" id="quote-hint">${t.quoteHint}</span>
    </div>`;
  }
  return html`<div class="field">
    <p class="quote">${t.quoted(quote.exact)}</p>
    ${
      possible
        ? html`<div class="possible" role="group" aria-labelledby="possible-title">
            <p id="possible-title"><strong>${t.possibleTitle}</strong></p>
            <p id="possible-found">${t.possibleFound(possible.words)}</p>
            <div class="answers">
              <button type="button" aria-describedby="possible-found" @click=${() => on.answer(true)}>
                ${t.itsHere}
              </button>
              <button type="button" aria-describedby="possible-found" @click=${() => on.answer(false)}>
                ${t.notHere}
              </button>
            </div>
          </div>`
        : nothing
    }
    <button type="button" @click=${() => on.remove()}>${t.removeQuote}</button>
  </div>`;
}
