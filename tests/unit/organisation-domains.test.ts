import { describe, expect, it } from 'vitest';
import { checkDomainPattern, siteHost } from '../../platform/organisations/domains';

describe('an administration’s domain patterns', () => {
  it('keep a host or a *.host, lower-case and in ASCII as a browser writes it', () => {
    expect(checkDomainPattern('economie.gouv.fr')).toEqual({ ok: true, pattern: 'economie.gouv.fr' });
    expect(checkDomainPattern(' *.Economie.GOUV.fr ')).toEqual({ ok: true, pattern: '*.economie.gouv.fr' });
    expect(checkDomainPattern('www.economie.gouv.fr.')).toEqual({ ok: true, pattern: 'www.economie.gouv.fr' });
    expect(checkDomainPattern('*.économie.gouv.fr')).toEqual({ ok: true, pattern: '*.xn--conomie-9xa.gouv.fr' });
    expect(checkDomainPattern('*.xn--conomie-9xa.gouv.fr')).toEqual({ ok: true, pattern: '*.xn--conomie-9xa.gouv.fr' });
    expect(checkDomainPattern('*.paris.fr')).toEqual({ ok: true, pattern: '*.paris.fr' });
  });

  it('refuse every site, a public suffix, an address, and what is not a host name', () => {
    for (const any of ['*', '*.', '.']) expect(checkDomainPattern(any), any).toEqual({ ok: false, code: 'domain.any' });
    for (const suffix of ['*.gouv.fr', 'gouv.fr', '*.fr', 'fr', '*.github.io', '*.co.uk', '*.Gouv.FR.']) {
      expect(checkDomainPattern(suffix), suffix).toEqual({ ok: false, code: 'domain.public-suffix' });
    }
    for (const bad of [
      'https://economie.gouv.fr',
      'economie.gouv.fr/marches',
      'economie.gouv.fr:443',
      'eco*.gouv.fr',
      '*.*.gouv.fr',
      'economie.gouv.fr*',
      'user@economie.gouv.fr',
      '192.0.2.1',
      '[2001:db8::1]',
      'eco nomie.gouv.fr',
      '-economie.gouv.fr',
      'economie..gouv.fr',
      `${'a'.repeat(64)}.gouv.fr`,
      '',
    ]) {
      expect(checkDomainPattern(bad), bad).toEqual({ ok: false, code: 'domain.invalid' });
    }
  });
});

describe('the host a contribution is filed under', () => {
  it('is the URL parser’s hostname, without port, user or final dot, IDNs in punycode', () => {
    expect(siteHost('https://WWW.Economie.gouv.fr:8443/x?y#z')).toBe('www.economie.gouv.fr');
    expect(siteHost('https://www.economie.gouv.fr./x')).toBe('www.economie.gouv.fr');
    expect(siteHost('https://economie.gouv.fr@evil.example/')).toBe('evil.example');
    expect(siteHost('https://www.économie.gouv.fr/')).toBe('www.xn--conomie-9xa.gouv.fr');
    expect(siteHost('http://[2001:db8::1]:8080/')).toBe('[2001:db8::1]');
  });
});
