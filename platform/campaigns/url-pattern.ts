/**
 * Whether a page address matches a campaign's URL pattern. Node 20 has no
 * URLPattern, so patterns are the subset every campaign needs: the address as
 * written, where `*` stands for any run of characters (`https://www.service-public.fr/particuliers/vosdroits/*`).
 */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  // Two pointers with one remembered star, not a regular expression: a pattern of many
  // stars stays linear-ish (at worst pattern × address steps) instead of backtracking.
  let p = 0;
  let u = 0;
  let star = -1;
  let resume = 0;
  while (u < url.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === url[u]) {
      p++;
      u++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = u;
    } else if (star >= 0) {
      p = star + 1;
      u = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
