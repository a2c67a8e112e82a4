// The zod-free module of the contract: the shell must not load the schemas.
import { canonicalUrl } from '../api-client/contract/url';

/** The page's canonical link when it has one, else its own address, either way canonicalised. */
export function defaultPageUrl(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  for (const candidate of [canonical, doc.location.href]) {
    if (candidate && /^https?:/.test(candidate)) return canonicalUrl(candidate);
  }
  return canonicalUrl(doc.location.href);
}
