// Brings a database to the latest schema with kysely's Migrator (which takes
// a Postgres advisory lock, so concurrent runs are safe). Reports what ran;
// on failure throws a MigrationError naming the migration and the reason.
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly migration: string | undefined,
    applied: string[],
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const before = applied.length > 0 ? ` (applied before it: ${applied.join(', ')})` : '';
    super(migration ? `migration ${migration} failed: ${reason}${before}` : `migrations failed: ${reason}${before}`, { cause });
  }
}

export interface MigrationReport {
  /** Migrations applied by this run, in order (empty when already up to date). */
  applied: string[];
  /** All migrations the code knows, in order. */
  known: string[];
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error !== undefined) {
    throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, applied, error);
  }
  return { applied, known: Object.keys(migrations).sort() };
}
