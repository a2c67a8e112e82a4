import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../platform/config';
import { dayKey, hostOf, networkOf, reporterHash } from '../../platform/http/client-address';
import { RateLimiter } from '../../platform/http/rate-limit';
import { builtInReservedNames, impersonates, skeleton } from '../../platform/pseudonyms/reserved-names';
import { migrationProvider } from '../../platform/storage/migrations';

describe('a client address', () => {
  it('is cut to its network for reports: IPv4 /24, IPv6 /48, a mapped IPv4 as IPv4', () => {
    expect(networkOf('203.0.113.42')).toBe('203.0.113.0/24');
    expect(networkOf('203.0.113.7')).toBe(networkOf('203.0.113.42'));
    expect(networkOf('203.0.114.7')).not.toBe(networkOf('203.0.113.42'));
    expect(networkOf('::ffff:203.0.113.42')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:abcd:12:1::7')).toBe('2001:db8:abcd::/48');
    expect(networkOf('2001:0db8:abcd:ffff::1%eth0')).toBe('2001:db8:abcd::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
    expect(networkOf('unknown')).toBe('unknown');
  });

  it('is one host for the rate limit: IPv4 whole, IPv6 /64', () => {
    expect(hostOf('203.0.113.42')).toBe('203.0.113.42');
    expect(hostOf('2001:db8:abcd:12:1::7')).toBe('2001:db8:abcd:12::/64');
    expect(hostOf('2001:db8:abcd:12:ffff::9')).toBe(hostOf('2001:db8:abcd:12:1::7'));
  });

  it('is hashed under a key that changes with the UTC day, derived from the secret alone', () => {
    const secret = 'un secret d’opérateur assez long';
    const monday = dayKey(secret, new Date('2026-11-30T00:00:01Z'));
    expect(dayKey(secret, new Date('2026-11-30T23:59:59Z'))).toEqual(monday);
    expect(dayKey(secret, new Date('2026-12-01T00:00:00Z'))).not.toEqual(monday);
    expect(dayKey('un autre secret bien long', new Date('2026-11-30T12:00:00Z'))).not.toEqual(monday);
  });

  it('leaves a reporter hash scoped to the contribution: one network counts once, and two reports are not linked', () => {
    const secret = 'un secret d’opérateur assez long';
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const net = networkOf('198.51.100.9');
    expect(reporterHash(secret, a, net)).toBe(reporterHash(secret, a, networkOf('198.51.100.200')));
    expect(reporterHash(secret, a, net)).not.toBe(reporterHash(secret, b, net));
    expect(reporterHash(secret, a, net)).not.toBe(reporterHash('un autre secret bien long', a, net));
    expect(reporterHash(secret, a, net)).toMatch(/^[\w-]{43}$/);
  });
});

describe('the address secret', () => {
  it('comes from VIGIE_ADDRESS_SECRET, or its older name, and must not be short', () => {
    expect(readConfig({ VIGIE_ADDRESS_SECRET: 'x'.repeat(16) }).addressSecret).toBe('x'.repeat(16));
    expect(readConfig({ VIGIE_ADDRESS_SALT: 'y'.repeat(20) }).addressSecret).toBe('y'.repeat(20));
    expect(readConfig({ VIGIE_ADDRESS_SECRET: 'x'.repeat(16), VIGIE_ADDRESS_SALT: 'y'.repeat(20) }).addressSecret).toBe(
      'x'.repeat(16),
    );
    expect(readConfig({}).addressSecret).toBeUndefined();
    expect(() => readConfig({ VIGIE_ADDRESS_SECRET: 'court' })).toThrow(ConfigError);
    expect(() => readConfig({ VIGIE_ADDRESS_SECRET: 'court' })).toThrow(/at least 16 characters/);
  });
});

describe('a batch against the rate limit', () => {
  it('counts its items, all or none, and a batch over the whole limit passes only on a fresh window', () => {
    const limiter = new RateLimiter({ limit: 5, windowMs: 60_000 });
    expect(limiter.take('a', 3, 0)).toBe(0);
    expect(limiter.take('a', 3, 1000)).toBe(59);
    expect(limiter.take('a', 2, 2000)).toBe(0);
    expect(limiter.take('a', 1, 3000)).toBe(57);
    expect(limiter.take('a', 1, 60_000)).toBe(0); // a new window
    expect(limiter.take('b', 100, 0)).toBe(0);
    expect(limiter.take('b', 1, 1)).toBe(60);
    expect(limiter.take('c', 1, 0)).toBe(0);
    expect(limiter.take('c', 100, 1)).toBe(60);
  });
});

describe('pseudonyms that impersonate', () => {
  const names = [...builtInReservedNames, 'Regards Citoyens', 'DITP'];

  it('are told by the UTS #39 skeleton: a Cyrillic о is an o, "rn" is an m', () => {
    expect(skeleton('M\u043Ed\u00E9ration')).toBe(skeleton('Modération'));
    expect(skeleton('rnoderation')).toBe(skeleton('moderation'));
  });

  it.each([
    'Modération',
    'MODÉRATION',
    'M\u043Ed\u00E9ration',
    'M0dération',
    'M o d é r a t i o n',
    'LaModération',
    'Administration officielle ✔',
    'VIGIE',
    'VlGlE',
    'ｒｅｇａｒｄｓ ｃｉｔｏｙｅｎｓ',
    'regards.citoyens',
    'DITP',
    'équipe ditp',
  ])('refuses %s', (pseudonym) => expect(impersonates(pseudonym, names)).toBe(true));

  it('ignores names too short to impersonate', () => {
    expect(impersonates('Camille A', ['A', 'CI'])).toBe(false);
  });

  it.each(['Zoé', 'Camille ❤️', 'Modeste', 'Adèle M.', 'Editpro', 'Maladministration', 'Citoyen engagé'])(
    'keeps %s',
    (pseudonym) => expect(impersonates(pseudonym, names)).toBe(false),
  );
});

describe('migration 003-hardening', () => {
  it('deletes the stored address salt, gives campaigns their first owner token, and approves only admins’ campaigns', async () => {
    // The migrations' own view of the database: untyped, as in the migrations themselves.
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('002-platform')).error).toBeUndefined();
    await sql`INSERT INTO settings (key, value) VALUES ('address-salt', 'le sel'), ('autre', 'x')`.execute(db);
    await sql`INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES
      ('t1', 'Regards Citoyens', 'ngo', 'h1', '2026-01-01T00:00:00.000Z'),
      ('t2', 'Regards Citoyens', 'ngo', 'h2', '2026-06-01T00:00:00.000Z'),
      ('t3', 'DITP', 'admin', 'h3', '2026-01-01T00:00:00.000Z')`.execute(db);
    await sql`INSERT INTO campaigns (id, title, question, targets, opens_at, closes_at, owner) VALUES
      ('ngo-campaign', 'T', 'Q', '{}', '2020-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', 'Regards Citoyens'),
      ('admin-campaign', 'T', 'Q', '{}', '2020-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', 'DITP')`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await sql<{ key: string }>`SELECT key FROM settings`.execute(db)).rows).toEqual([{ key: 'autre' }]);
    expect((await sql`SELECT id, owner_token_id, approval FROM campaigns ORDER BY id`.execute(db)).rows).toEqual([
      { id: 'admin-campaign', owner_token_id: 't3', approval: 'approved' },
      { id: 'ngo-campaign', owner_token_id: 't1', approval: 'pending' },
    ]);
    await db.destroy();
  });
});
