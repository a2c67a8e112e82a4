// The zod-free module of the contract: the content script's first load uses it.
import { canonicalUrl } from '../../api-client/contract/url';

/**
 * The address a page's contributions are filed under: its canonical link when it
 * declares one, else its own address, canonicalised like the platform does.
 */
export function pageAddress(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  for (const candidate of [canonical, doc.location.href]) {
    if (candidate && /^https?:/.test(candidate)) {
      try {
        return canonicalUrl(candidate);
      } catch {
        // a broken canonical link: try the page's own address
      }
    }
  }
  return canonicalUrl(doc.location.href);
}

/** Commitment ids the page's markup names (data-commitment), in reading order, once each. */
export function commitmentIdsIn(doc: Document): string[] {
  const ids = new Set<string>();
  for (const element of doc.querySelectorAll('[data-commitment]')) {
    const id = element.getAttribute('data-commitment')?.trim() ?? '';
    if (/^[A-Z]{2}\d{4}$/.test(id)) ids.add(id);
    if (ids.size >= 20) break;
  }
  return [...ids];
}

/** The commitment a passage sits in, when the page's markup says so. */
export function commitmentOf(node: Node): string | undefined {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const id = element?.closest('[data-commitment]')?.getAttribute('data-commitment')?.trim();
  return id && /^[A-Z]{2}\d{4}$/.test(id) ? id : undefined;
}
