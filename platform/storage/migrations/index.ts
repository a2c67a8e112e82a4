import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';

/** Migrations live in code, in order, so a bundled or tsx-run platform finds them alike. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '001-initial': initial };
  },
};
