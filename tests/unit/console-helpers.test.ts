import { describe, expect, it } from 'vitest';
import { parisTime, parisWallClock } from '../../platform/exports/cells';
import { defaultCampaignDates, slugFromTitle } from '../../platform/console/app/slug';

describe('times in Europe/Paris, as the French exports write them', () => {
  it('follows summer time at its very edges (01:00 UTC, the last Sundays of March and October)', () => {
    expect(parisTime('2026-03-29T00:59:59.000Z')).toBe('29/03/2026 01:59:59');
    expect(parisTime('2026-03-29T01:00:00.000Z')).toBe('29/03/2026 03:00:00');
    expect(parisTime('2026-10-25T00:59:59.000Z')).toBe('25/10/2026 02:59:59');
    expect(parisTime('2026-10-25T01:00:00.000Z')).toBe('25/10/2026 02:00:00');
    expect(parisTime('2026-12-31T23:30:00.000Z')).toBe('01/01/2027 00:30:00');
    expect(parisTime('')).toBe('');
  });

  it('agrees with Intl on a thousand random instants, milliseconds kept in the wall clock', () => {
    const intl = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    for (let i = 0; i < 1000; i++) {
      const instant = new Date(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 10 * 365 * 86_400_000));
      expect(parisTime(instant.toISOString())).toBe(intl.format(instant).replace(',', ''));
    }
    expect(parisWallClock('2026-07-14T10:00:00.123Z').toISOString()).toBe('2026-07-14T12:00:00.123Z');
  });
});

describe('the campaign form’s proposals', () => {
  it('makes an identifier from the title: accents and ligatures folded, one hyphen between words', () => {
    expect(slugFromTitle('Marchés publics : données & œuvres 2026')).toBe('marches-publics-donnees-oeuvres-2026');
    expect(slugFromTitle('  --Égalité  Femmes/Hommes !!')).toBe('egalite-femmes-hommes');
    expect(slugFromTitle('Straße')).toBe('strasse');
    expect(slugFromTitle('Ça')).toBe(''); // fewer than three letters: the contract wants three
    expect(slugFromTitle('日本語')).toBe('');
    const long = slugFromTitle(
      'Transparence de la commande publique dans les collectivités territoriales ultramarines',
    );
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/);
    expect(long.endsWith('-')).toBe(false);
  });

  it('proposes today, to the minute, and 30 days later', () => {
    const now = new Date(2026, 10, 30, 14, 7, 42);
    expect(defaultCampaignDates(now)).toEqual({ opens: '2026-11-30T14:07', closes: '2026-12-30T14:07' });
  });
});
