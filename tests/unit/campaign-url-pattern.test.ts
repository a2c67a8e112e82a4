import { describe, expect, it } from 'vitest';
import { matchesUrlPattern } from '../../platform/campaigns/url-pattern';

describe('a campaign URL pattern', () => {
  it.each([
    ['https://*.gouv.fr/*', 'https://www.gouv.fr/plan', true],
    ['https://*.gouv.fr/*', 'https://www.gouv.fr.example.com/plan', false],
    ['https://www.gouv.fr/plan', 'https://www.gouv.fr/plan', true],
    ['https://www.gouv.fr/plan', 'https://www.gouv.fr/plan-b', false],
    ['https://www.gouv.fr/plan?id=*', 'https://www.gouv.fr/plan?id=3', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['*', '', true],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(matchesUrlPattern(pattern, url)).toBe(expected);
  });

  it('answers a pattern made of many stars without backtracking for ever', () => {
    // A regular expression built from this pattern would take astronomically long.
    expect(matchesUrlPattern(`${'*a'.repeat(200)}b`, 'a'.repeat(2048))).toBe(false);
  });
});
