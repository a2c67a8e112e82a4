/**
 * The one element Vigie adds to a page: a host with a closed shadow root that
 * every in-page capability draws into, each in its own layer.
 *
 * Closed, because the page is not ours: a page script cannot reach into it to
 * read what the citizen types before it is sent, nor restyle or click our
 * buttons through the DOM. Our own code keeps the only reference.
 *
 * Styles: `:host { all: initial !important }` wins over any page rule, since
 * inside a shadow tree an important declaration beats the page's important ones;
 * inherited properties are reset at the host, so nothing leaks in.
 */
export interface UiHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  /** A container for one capability, with its style sheet; made once per name. */
  layer(name: string, css: string): HTMLElement;
  /** Whether focus or a node is inside our UI. */
  contains(node: Node | null): boolean;
  readonly focused: boolean;
}

const hostCss = `:host {
  all: initial !important;
  position: absolute !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  z-index: 2147483647 !important;
  font: 16px/1.5 Marianne, Arial, sans-serif !important;
  color: #161616 !important;
  pointer-events: none !important;
}
[data-layer] { pointer-events: auto; }
`;

function adoptCss(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Firefox content scripts cannot always adopt sheets across compartments: a <style> will do.
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}

/** The host, made on first use; put back if the page removes it; removed when the signal aborts. */
export function createUiHost(signal: AbortSignal): () => UiHost {
  let host: UiHost | undefined;
  return () => {
    if (host) {
      if (!host.element.isConnected) document.documentElement.append(host.element);
      return host;
    }
    const element = document.createElement('div');
    element.setAttribute('data-vigie', '');
    element.setAttribute(
      'style',
      'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important;',
    );
    // Outside <body>, so the page's text (what quotes are measured against) does not change.
    const root = element.attachShadow({ mode: 'closed' });
    adoptCss(root, hostCss);
    const layers = new Map<string, HTMLElement>();
    document.documentElement.append(element);
    const made: UiHost = {
      element,
      root,
      layer(name, css) {
        let layer = layers.get(name);
        if (!layer) {
          layer = document.createElement('div');
          layer.setAttribute('data-layer', name);
          adoptCss(root, css);
          root.append(layer);
          layers.set(name, layer);
        }
        return layer;
      },
      contains: (node) => node !== null && (node === element || root.contains(node)),
      get focused() {
        return document.activeElement === element;
      },
    };
    host = made;
    signal.addEventListener('abort', () => element.remove(), { once: true });
    return made;
  };
}
