/**
 * Notices when the page's text arrives or changes: pages that render their
 * content after `load`, or rewrite it as the reader goes. A MutationObserver,
 * debounced: the callback runs once the page has been quiet for `quietMs`, or
 * at most every `maxWaitMs` while it keeps changing, so a page that never
 * settles (a ticking clock) costs one look every few seconds, no more.
 */
export interface PageWatchOptions {
  signal: AbortSignal;
  /** Our own nodes (the UI host): their changes are not the page's. */
  ours(node: Node): boolean;
  onChange(): void;
  quietMs?: number;
  maxWaitMs?: number;
}

export interface PageWatch {
  /**
   * Runs our own DOM changes (highlight elements, where CSS highlights are
   * missing) without taking them for the page's: no highlight ever triggers
   * another anchoring.
   */
  ourOwn(change: () => void): void;
}

// What shows or hides text; anything else (classes for hover, ARIA states) changes no words.
const revealing = ['hidden', 'style', 'class', 'open'];

export function watchPageText(options: PageWatchOptions): PageWatch {
  const { signal, quietMs = 300, maxWaitMs = 2000 } = options;
  const ours = (node: Node) => options.ours(node);
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | undefined;

  const fire = () => {
    clearTimeout(quiet);
    quiet = undefined;
    firstAt = undefined;
    if (!signal.aborted) options.onChange();
  };
  const noticed = () => {
    const now = performance.now();
    firstAt ??= now;
    clearTimeout(quiet);
    quiet = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
  };
  const matters = (record: MutationRecord): boolean => {
    if (ours(record.target)) return false;
    if (record.type === 'characterData') return true;
    if (record.type === 'attributes') return (record.target.textContent ?? '').trim() !== '';
    const touched = [...record.addedNodes, ...record.removedNodes].filter((node) => !ours(node));
    return touched.some((node) => (node.textContent ?? '').trim() !== '');
  };

  const take = (records: MutationRecord[]) => {
    if (records.some(matters)) noticed();
  };
  const observer = new MutationObserver(take);
  observer.observe(document.documentElement, {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    attributeFilter: revealing,
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(quiet);
    },
    { once: true },
  );
  return {
    ourOwn(change) {
      // The page's changes queued so far are the page's; those made now are ours.
      take(observer.takeRecords());
      try {
        change();
      } finally {
        observer.takeRecords();
      }
    },
  };
}
