/** What /widget/release.json says: where the widget is, and this release's pinned entry. */
export interface WidgetRelease {
  /** The platform's public address (VIGIE_PUBLIC_URL). */
  platform: string;
  /** The entry that follows upgrades. */
  entry: string;
  /** This release's own entry and its SHA-384, when the build wrote one. */
  pinned: { url: string; integrity: string } | null;
}

/** What an administration chooses on the "Intégrer" page. */
export interface EmbedChoice {
  commitment: string;
  campaign: string;
  lang: '' | 'fr' | 'en';
  quoteMode: boolean;
  /** Pinned to this release with Subresource Integrity, or following upgrades. */
  pinned: boolean;
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The two lines an administration pastes into its page. Following upgrades, it is the
 * README's snippet word for word (tests/unit/embed-snippet.test.ts holds them together).
 */
export function embedSnippet(release: WidgetRelease, choice: EmbedChoice): string {
  const attributes: Array<[string, string | true]> = [['platform', release.platform]];
  if (choice.commitment) attributes.push(['commitment', choice.commitment]);
  if (choice.campaign) attributes.push(['campaign', choice.campaign]);
  if (choice.lang) attributes.push(['lang', choice.lang]);
  if (choice.quoteMode) attributes.push(['quote-mode', true]);
  const element = attributes
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const pin = choice.pinned ? release.pinned : null;
  const script = pin
    ? `<script type="module" src="${escapeAttribute(pin.url)}" integrity="${pin.integrity}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${escapeAttribute(release.entry)}"></script>`;
  return `${script}\n<vigie-feedback${element}></vigie-feedback>`;
}

/** The directives a site's Content-Security-Policy needs for the widget. */
export function cspDirectives(release: WidgetRelease): string {
  const origin = new URL(release.platform).origin;
  return `script-src ${origin}; connect-src ${origin}`;
}
