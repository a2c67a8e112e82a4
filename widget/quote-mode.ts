import type { html as litHtml, LitElement, nothing as litNothing, TemplateResult } from 'lit';
import type { Selector } from '../api-client/contract';
import type { Strings } from './i18n';
import { QuoteCapture, type QuotePlace } from './quote-capture';
import { renderQuoteField } from './quote-field';
import { refusedPlaces, refusePlace } from './refused-places';
import type { StatusLine } from './status-line';

/** What the quote mode needs of the element. */
export interface QuoteHost {
  element: HTMLElement & Pick<LitElement, 'requestUpdate'>;
  /** Lit's template tag and `nothing`, handed over: an import would split Lit out of the first load's chunk. */
  lit: { html: typeof litHtml; nothing: typeof litNothing };
  strings(): Strings;
  /** The form's quote now, and a change to it. */
  selectors(): Selector[];
  setSelectors(selectors: Selector[]): void;
  say(line: StatusLine): void;
}

/**
 * The `quote-mode` attribute's part of the form: quoting the page's selection, and, when a
 * draft comes back whose passage may have changed, the words found and the citizen's answer.
 * A chunk of its own, loaded when the attribute is set: pages without it never load it.
 */
export class QuoteMode {
  readonly #host: QuoteHost;
  readonly #capture = new QuoteCapture();
  #available = false;
  /** A restored draft's quote may have changed on the page: these words may be it. */
  #possible: { draftId: string; place: Extract<QuotePlace, { kind: 'possible' }> } | undefined;

  constructor(host: QuoteHost) {
    this.#host = host;
  }

  #started = false;

  /** Follows the page's selection (once started, until stopped). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#capture.start(this.#host.element, (available) => {
      this.#available = available;
      this.#host.element.requestUpdate();
    });
    this.#host.element.requestUpdate();
  }

  stop(): void {
    this.#started = false;
    this.#capture.stop();
  }

  /** Another quote, or none: the question about the old one's place no longer stands. */
  selectorsChanged(): void {
    this.#possible = undefined;
  }

  /** A draft comes back with a quote: is the passage still where it was, or may it have changed? */
  async restored(draftId: string): Promise<void> {
    const selectors = this.#host.selectors();
    if (!selectors.some((s) => s.type === 'TextQuoteSelector')) return;
    const place = await this.#capture.locate(selectors, refusedPlaces(draftId));
    // The citizen may have removed or replaced the quote meanwhile.
    if (this.#host.selectors() !== selectors) return;
    this.#possible = place.kind === 'possible' ? { draftId, place } : undefined;
    this.#host.element.requestUpdate();
  }

  async #quoteSelection(): Promise<void> {
    const captured = await this.#capture.capture();
    if (!captured) return;
    const t = this.#host.strings();
    if ('refused' in captured) {
      this.#host.say({ tone: 'problem', text: captured.refused === 'quote.too-long' ? t.quoteTooLong : t.quoteEmpty });
      return;
    }
    this.#host.setSelectors(captured.selectors);
  }

  #answer(here: boolean): void {
    const possible = this.#possible;
    if (!possible) return;
    this.#possible = undefined;
    if (here) this.#host.setSelectors(possible.place.selectors);
    else refusePlace(possible.draftId, possible.place.place);
    const t = this.#host.strings();
    this.#host.say({ tone: 'neutral', text: here ? t.hereNoted : t.notHereNoted });
  }

  render(): TemplateResult {
    return renderQuoteField(
      this.#host.lit,
      this.#host.selectors(),
      this.#possible?.place,
      this.#available,
      this.#host.strings(),
      {
        quote: () => void this.#quoteSelection(),
        remove: () => this.#host.setSelectors([]),
        answer: (here) => this.#answer(here),
      },
    );
  }
}
