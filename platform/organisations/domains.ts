import { domainToASCII } from 'node:url';
import { parse } from 'tldts';
import type { PlatformMessageCode } from '../../api-client/contract/platform-messages';

/**
 * An administration's site domains, as its token keeps them: `economie.gouv.fr` is that
 * host alone, `*.economie.gouv.fr` any host below it (any depth, the apex excluded, so
 * an organisation running both gives both). Kept lower-case and in ASCII (IDNs as
 * punycode), which is how a browser's URL parser writes a page's host.
 */
export type DomainPattern = string;

export type DomainCheck =
  { ok: true; pattern: DomainPattern } | { ok: false; code: Extract<PlatformMessageCode, `domain.${string}`> };

/** One DNS label: letters, digits and hyphens, not at either end, 63 at most. */
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Reads one pattern as an operator typed it. Refused, each with its sentence: `*` alone
 * (every site), a pattern whose base is a public suffix (`*.gouv.fr`, `*.fr`, `*.github.io`:
 * shared by many organisations, per the Public Suffix List), an address, and anything that
 * is not a host name (a scheme, a port, a path, a wildcard elsewhere than in front).
 */
export function checkDomainPattern(raw: string): DomainCheck {
  const text = raw.trim().toLowerCase();
  if (text === '*' || text === '*.' || text === '.') return { ok: false, code: 'domain.any' };
  const wildcard = text.startsWith('*.');
  const host = (wildcard ? text.slice(2) : text).replace(/\.$/, '');
  if (host === '' || /[\s*/\\:?#@[\]%]/.test(host)) return { ok: false, code: 'domain.invalid' };
  const ascii = domainToASCII(host);
  if (ascii === '' || ascii.length > 253 || !ascii.split('.').every((part) => label.test(part))) {
    return { ok: false, code: 'domain.invalid' };
  }
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp) return { ok: false, code: 'domain.invalid' };
  // No registrable domain: the host is a public suffix itself (gouv.fr, fr, github.io).
  if (parsed.domain === null) return { ok: false, code: 'domain.public-suffix' };
  return { ok: true, pattern: wildcard ? `*.${ascii}` : ascii };
}

/**
 * The host a contribution is filed under, as patterns compare it: the URL parser's
 * hostname (lower-case, IDNs in punycode, no port, no user) without a final dot, which
 * names the same host in DNS.
 */
export function siteHost(address: string): string {
  return new URL(address).hostname.replace(/\.$/, '');
}
