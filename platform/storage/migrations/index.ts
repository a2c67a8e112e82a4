import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as platform from './002-platform';
import * as hardening from './003-hardening';
import * as publicSite from './004-public-site';
import * as administrations from './005-administrations';
import * as talkBack from './006-talk-back';
import * as consoleWork from './007-console';

/** Migrations live in code, in order, so a bundled or tsx-run platform finds them alike. */
export const migrationProvider: MigrationProvider = {
  getMigrations: (): Promise<Record<string, Migration>> =>
    Promise.resolve({
      '001-initial': initial,
      '002-platform': platform,
      '003-hardening': hardening,
      '004-public-site': publicSite,
      '005-administrations': administrations,
      '006-talk-back': talkBack,
      '007-console': consoleWork,
    }),
};
