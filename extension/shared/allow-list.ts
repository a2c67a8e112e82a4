/**
 * Whether the extension may tell the platform which page is being read. Only the
 * host counts (not the port, not the path), so a citizen can read the list.
 */
export function hostAllowed(hostname: string, allowList: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return false;
  return allowList.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (pattern.startsWith('*.')) {
      const domain = pattern.slice(2);
      return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
    }
    return pattern !== '' && host === pattern;
  });
}

/** The same for a whole address: only http and https pages are ever looked up. */
export function pageAllowed(address: string | undefined, allowList: readonly string[]): boolean {
  if (!address) return false;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && hostAllowed(url.hostname, allowList);
}
