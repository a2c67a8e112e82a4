import { VigieFeedback } from './feedback-element';

export { VigieFeedback };

// Defined once, even if the script is included twice on a page.
if (!customElements.get('vigie-feedback')) customElements.define('vigie-feedback', VigieFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'vigie-feedback': VigieFeedback;
  }
}
