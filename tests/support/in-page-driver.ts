/**
 * What a citizen does with Vigie's in-page UI, whichever browser shows it: the
 * Chromium driver (CDP, accessibility tree) and the Firefox one (WebDriver BiDi)
 * both find controls by role and accessible name, click with the mouse and type
 * with the keyboard, so the citizen flows are written once.
 */
export interface InPageDriver {
  /** Selects the words `exact` inside the first element matching `selector`. */
  select(selector: string, exact: string): Promise<void>;
  /** The one control with this role and name in Vigie's UI, waited for. */
  find(role: string, name: string, timeoutMs?: number): Promise<unknown>;
  count(role: string, name: string): Promise<number>;
  click(role: string, name: string): Promise<void>;
  /** Moves keyboard focus to the control, as Tab would. */
  focus(role: string, name: string): Promise<void>;
  /** Clicks into a field and types, key by key. */
  type(role: string, name: string, text: string): Promise<void>;
  /** Types where focus is. */
  keys(text: string): Promise<void>;
  press(key: string): Promise<void>;
  /** The text of the status line(s) of Vigie's UI. */
  statusText(): Promise<string>;
  /** All the text of Vigie's UI (inside its closed shadow root). */
  uiText(): Promise<string>;
  /** The words Vigie's CSS highlight paints on the page. */
  painted(): Promise<string[]>;
  /** Clicks with the mouse in the middle of the painted words `exact`. */
  clickPainted(exact: string): Promise<void>;
  /** Runs `fn` in the page's own world (as the page's scripts would). */
  inPage<T>(fn: () => T | Promise<T>): Promise<T>;
  reload(): Promise<void>;
}

/** In the page: selects `exact` inside the first element matching `selector`, as a citizen would. */
export function selectWords({ selector, exact }: { selector: string; exact: string }): void {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`No ${selector}`);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(exact);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + exact.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return;
  }
  throw new Error(`"${exact}" is not in one text node of ${selector}`);
}

/** In the page: the words Vigie's CSS highlight paints. */
export function paintedWords(): string[] {
  return [...(CSS.highlights.get('vigie') ?? [])].map((range) => (range as Range).toString());
}

/** In the page: the middle of the first box of the painted words `exact`, in viewport coordinates. */
export function middleOfPainted(exact: string): { x: number; y: number } {
  const range = [...(CSS.highlights.get('vigie') ?? [])].find((r) => (r as Range).toString() === exact) as
    Range | undefined;
  if (!range) throw new Error(`"${exact}" is not painted`);
  const box = range.getClientRects()[0]!;
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** A draft as the tests look at it. */
export interface DraftSummary {
  id: string;
  state: string;
  body?: string;
  /** Times the engine put it on the wire. */
  attempts: number;
}

/**
 * In one of the extension's own contexts (its worker, or one of its pages: the same
 * origin): every draft in its database, read directly from IndexedDB.
 */
export function draftsInThisOrigin(): Promise<DraftSummary[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('vigie-extension');
    open.onerror = () => reject(open.error ?? new Error('The drafts database did not open'));
    open.onsuccess = () => {
      const all = open.result.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(
          (all.result as Array<{ id: string; state: string; attempts: number; input: { body?: string } }>).map((d) => ({
            id: d.id,
            state: d.state,
            body: d.input.body,
            attempts: d.attempts,
          })),
        );
      };
    };
  });
}
