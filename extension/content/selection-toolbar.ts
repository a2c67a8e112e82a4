import type { ContributionKind } from '../../api-client/contract';
import type { toolbarStrings } from '../i18n/toolbar';
import type { UiHost } from './ui-host';

export interface SelectionToolbarOptions {
  signal: AbortSignal;
  host: () => UiHost;
  strings: (typeof toolbarStrings)[keyof typeof toolbarStrings];
  /** The citizen chose to comment or to flag this passage. */
  onAct(kind: ContributionKind, range: Range): void;
}

export interface SelectionToolbar {
  /** The keyboard command: the toolbar for the current selection, focused. False when nothing is selected. */
  showForSelection(focus: boolean): boolean;
  hide(): void;
}

const css = `
.toolbar {
  position: absolute; display: flex; gap: 4px; padding: 4px;
  background: #fff; border: 1px solid #3a3a3a; border-radius: 4px;
  box-shadow: 0 2px 6px rgb(0 0 18 / 0.25);
}
.toolbar[hidden] { display: none; }
button {
  all: unset; box-sizing: border-box; cursor: pointer;
  font: 500 14px/1.5 Marianne, Arial, sans-serif; color: #fff; background: #000091;
  padding: 4px 12px; border-radius: 2px;
}
button:hover { background: #1212ff; }
button:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
`;

const editable =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/**
 * "Commenter" and "Signaler" next to the text the citizen selects. Plain DOM, no
 * framework: it is part of the first load on every page, so it stays tiny, and
 * it does nothing but listen until something is selected.
 */
export function startSelectionToolbar(options: SelectionToolbarOptions): SelectionToolbar {
  const { signal, strings } = options;
  let toolbar: HTMLElement | undefined;
  let current: Range | undefined;
  let pointerDown = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const selectedRange = (): Range | undefined => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    const container = range.commonAncestorContainer;
    const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
    // Our own fields, and the page's form fields, are for typing, not for quoting.
    if (!element || element.closest(editable) || (element as HTMLElement).isContentEditable) return undefined;
    // Focus inside our own UI (the composer): the page's selection is not what the citizen is doing.
    if (document.activeElement?.hasAttribute('data-vigie')) return undefined;
    if (!range.toString().trim()) return undefined;
    return range;
  };

  const build = (): HTMLElement => {
    const layer = options.host().layer('toolbar', css);
    const bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', strings.toolbar);
    bar.hidden = true;
    const buttons = (
      [
        ['comment', strings.comment],
        ['gap', strings.flag],
      ] as const
    ).map(([kind, label], index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.tabIndex = index === 0 ? 0 : -1;
      // Keeps the page's selection where it is.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        const range = current?.cloneRange();
        hide();
        if (range) options.onAct(kind, range);
      });
      return button;
    });
    bar.append(...buttons);
    bar.addEventListener('keydown', (event) => {
      const index = buttons.indexOf(event.target as HTMLButtonElement);
      if (event.key === 'Escape') {
        event.stopPropagation();
        hide();
      } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        // A toolbar is one tab stop; arrows move within it.
        const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]!;
        for (const button of buttons) button.tabIndex = button === next ? 0 : -1;
        next.focus();
        event.preventDefault();
      }
    });
    bar.addEventListener('focusout', (event) => {
      if (!bar.contains(event.relatedTarget as Node | null) && !selectedRange()) hide();
    });
    layer.append(bar);
    return bar;
  };

  const place = (bar: HTMLElement, range: Range) => {
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const width = bar.offsetWidth || 200;
    const left = Math.min(Math.max(last.right - width / 2, 8), document.documentElement.clientWidth - width - 8);
    bar.style.left = `${Math.max(left, 8) + scrollX}px`;
    bar.style.top = `${last.bottom + scrollY + 8}px`;
  };

  const show = (range: Range, focus: boolean) => {
    current = range.cloneRange();
    toolbar ??= build();
    toolbar.hidden = false;
    // Each showing starts again from the first button.
    toolbar.querySelectorAll('button').forEach((button, index) => (button.tabIndex = index === 0 ? 0 : -1));
    place(toolbar, current);
    if (focus) toolbar.querySelector('button')?.focus();
  };

  function hide() {
    if (toolbar) toolbar.hidden = true;
    current = undefined;
  }

  const evaluate = () => {
    timer = undefined;
    if (pointerDown) return; // wait for the end of the drag
    const range = selectedRange();
    if (range) show(range, false);
    else if (toolbar && !toolbar.contains(options.host().root.activeElement)) hide();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(evaluate, 120);
  };

  document.addEventListener('selectionchange', schedule, { signal });
  document.addEventListener('pointerdown', () => (pointerDown = true), { signal, capture: true });
  document.addEventListener(
    'pointerup',
    () => {
      pointerDown = false;
      schedule();
    },
    { signal, capture: true },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    toolbar?.remove();
  });

  return {
    showForSelection(focus) {
      const range = selectedRange();
      if (!range) return false;
      show(range, focus);
      return true;
    },
    hide,
  };
}
