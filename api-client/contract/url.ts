/**
 * The one form of a page address that contributions are filed under, so that the
 * same page reached through a campaign link or an anchor is the same page.
 */
const trackingParameter = /^(utm_.+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|xtor|at_.+|_ga|_gl|pk_.+|mtm_.+)$/i;

/** A query parameter's name, decoded as a form would decode it (a malformed escape is kept as written). */
function parameterName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replaceAll('+', ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function canonicalUrl(address: string): string {
  const url = new URL(address);
  url.hash = '';
  // The query is filtered as text, one `name=value` at a time, for two reasons:
  // what is kept keeps its spelling (URLSearchParams re-encodes every parameter
  // when one is deleted, which filed `?q=a%20b&utm_source=x` under `?q=a+b` but
  // `?q=a%20b` under itself: one page, two addresses); and it walks no DOM
  // iterator, which a Firefox content script cannot spread (it sees the page's
  // URLSearchParams through a wrapper whose keys() is not iterable there).
  const pairs = url.search.slice(1).split('&');
  const kept = pairs.filter((pair) => !trackingParameter.test(parameterName(pair)));
  if (kept.length < pairs.length) url.search = kept.join('&');
  return url.href;
}
