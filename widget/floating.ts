import { html, type TemplateResult } from 'lit';
import type { Strings } from './i18n';

const focusable = 'a[href],button,input,select,textarea,[tabindex]:not([tabindex="-1"])';

/**
 * Tab past the dialog's last control comes back to its first, and Shift+Tab past the first
 * to the last: a modal dialog makes the page inert, but browsers still let Tab leave it for
 * their own toolbar.
 */
function keepFocusIn(event: KeyboardEvent, root: DocumentOrShadowRoot & ParentNode): void {
  const dialog = root.querySelector('dialog');
  if (event.key !== 'Tab' || !dialog) return;
  const controls = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter(
    (c) => !(c as HTMLButtonElement).disabled && c.getClientRects().length > 0,
  );
  const edge = event.shiftKey ? controls[0] : controls.at(-1);
  if (root.activeElement !== edge) return;
  event.preventDefault();
  (event.shiftKey ? controls.at(-1) : controls[0])?.focus();
}

/**
 * The floating mode: one button fixed at the page's edge opens the widget in a modal
 * <dialog>. showModal() makes the page behind it inert, Escape closes it, and the browser's
 * top layer puts it above any page stacking; on closing, focus goes back to the button.
 */
export function renderFloating(content: TemplateResult, t: Strings, host: { renderRoot: ParentNode }): TemplateResult {
  // Lit renders into a shadow root: its activeElement says where the focus is inside.
  const root = host.renderRoot as ShadowRoot;
  return html`<button
      type="button"
      part="launcher"
      aria-haspopup="dialog"
      @click=${() => root.querySelector('dialog')?.showModal()}
    >
      ${t.launcher}
    </button>
    <dialog
      part="dialog"
      aria-labelledby="title"
      @keydown=${(e: KeyboardEvent) => keepFocusIn(e, root)}
      @close=${() => root.querySelector<HTMLElement>('[part=launcher]')?.focus()}
    >
      <button type="button" class="close" @click=${() => root.querySelector('dialog')?.close()}>${t.close}</button>
      ${content}
    </dialog>`;
}
