import { describe, expect, it } from 'vitest';
import { cspDirectives, embedSnippet, type EmbedChoice, type WidgetRelease } from '../../platform/console/app/snippet';
import { README_PLATFORM, readmeSnippet } from '../support/readme';

const release: WidgetRelease = {
  platform: README_PLATFORM,
  entry: `${README_PLATFORM}/widget/vigie-feedback.js`,
  pinned: {
    url: `${README_PLATFORM}/widget/vigie-feedback.0123456789ab.js`,
    integrity: 'sha384-jMcLnSWtO1E08kXbTOA0SzwbbUI4SPBhsBgFhLqtHFI2DJHQ4SuPHqSi0YPZMXym',
  },
};
const none: EmbedChoice = { commitment: '', campaign: '', lang: '', quoteMode: false, pinned: false };

describe('the snippet the console gives', () => {
  it('is the README’s, word for word, when it follows upgrades', () => {
    expect(embedSnippet(release, { ...none, commitment: 'FR0067' })).toBe(readmeSnippet());
  });

  it('pins this release’s entry with its SHA-384 and crossorigin when pinned', () => {
    expect(embedSnippet(release, { ...none, pinned: true, commitment: 'FR0067', lang: 'en', quoteMode: true })).toBe(
      '<script type="module" src="https://vigie.example.gouv.fr/widget/vigie-feedback.0123456789ab.js" integrity="sha384-jMcLnSWtO1E08kXbTOA0SzwbbUI4SPBhsBgFhLqtHFI2DJHQ4SuPHqSi0YPZMXym" crossorigin="anonymous"></script>\n' +
        '<vigie-feedback platform="https://vigie.example.gouv.fr" commitment="FR0067" lang="en" quote-mode></vigie-feedback>',
    );
  });

  it('falls back to the following entry when the build wrote no pinned one', () => {
    expect(embedSnippet({ ...release, pinned: null }, { ...none, pinned: true })).toBe(
      '<script type="module" src="https://vigie.example.gouv.fr/widget/vigie-feedback.js"></script>\n' +
        '<vigie-feedback platform="https://vigie.example.gouv.fr"></vigie-feedback>',
    );
  });

  it('escapes what it writes into attributes', () => {
    const snippet = embedSnippet(release, { ...none, campaign: '"><script>alert(1)</script>&' });
    expect(snippet).toContain('campaign="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"');
    expect(snippet.match(/<script/g)).toHaveLength(1);
  });

  it('names the CSP directives from the platform’s origin', () => {
    expect(cspDirectives({ ...release, platform: 'https://vigie.example.gouv.fr/participer' })).toBe(
      'script-src https://vigie.example.gouv.fr; connect-src https://vigie.example.gouv.fr',
    );
  });
});
