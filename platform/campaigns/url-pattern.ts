/**
 * Whether a page address matches a campaign's URL pattern. Node 20 has no
 * URLPattern, so patterns are the subset every campaign needs: the address as
 * written, where `*` stands for any run of characters (`https://www.service-public.fr/particuliers/vosdroits/*`).
 */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(url);
}
