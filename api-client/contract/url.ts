/**
 * The one form of a page address that contributions are filed under, so that the
 * same page reached through a campaign link or an anchor is the same page.
 */
const trackingParameter = /^(utm_.+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|xtor|at_.+|_ga|_gl|pk_.+|mtm_.+)$/i;

export function canonicalUrl(address: string): string {
  const url = new URL(address);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (trackingParameter.test(name)) url.searchParams.delete(name);
  }
  // URLSearchParams re-encodes on write; keep the original query when nothing was removed.
  if (url.search === '?') url.search = '';
  return url.href;
}
