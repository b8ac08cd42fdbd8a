// Migrations on a real Postgres: they run from an empty database, a second run
// applies nothing, down then up works, a failure names the migration and
// leaves nothing half-made, the tables are the ones the Database
// type names, and every enum CHECK lists exactly the values the type allows.
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASPECT_IDS } from '../../compositions/layout/aspects';
import { migrations } from '../../server/db/migrations';
import {
  MEDIA_KINDS,
  PLATFORMS,
  POST_TARGET_STATUSES,
  PUBLISH_ERROR_CLASSES,
  RENDER_BACKENDS,
  RENDER_STATUSES,
  SOCIAL_ACCOUNT_STATUSES,
  MigrationError,
  migrateToLatest,
  type Database,
} from '../../server/db';
import { freshDatabase, type FreshDatabase } from './fresh-database';

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase({ migrate: false });
});
afterAll(() => fresh?.close());

const tables: Record<keyof Database, true> = {
  users: true,
  api_keys: true,
  social_accounts: true,
  projects: true,
  media_assets: true,
  renders: true,
  renditions: true,
  posts: true,
  post_targets: true,
  series: true,
  analytics_snapshots: true,
  audit_log: true,
  oauth_requests: true,
  alerts: true,
};

async function publicTables(): Promise<string[]> {
  const rows = await fresh.db
    .withoutPlugins()
    .selectNoFrom(sql<string[]>`array(SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%' ORDER BY 1)`.as('names'))
    .executeTakeFirstOrThrow();
  return rows.names;
}

const allMigrations = Object.keys(migrations).sort();

describe('migrations', () => {
  it('run from an empty database and report what they applied', async () => {
    expect(await publicTables()).toEqual([]);
    expect(await migrateToLatest(fresh.db)).toEqual({ applied: allMigrations, known: allMigrations });
    expect(await publicTables()).toEqual(Object.keys(tables).sort());
  });

  it('apply nothing the second time', async () => {
    expect(await migrateToLatest(fresh.db)).toEqual({ applied: [], known: allMigrations });
  });

  it('go down to empty and back up', async () => {
    const migrator = new Migrator({ db: fresh.db, provider: { getMigrations: async () => migrations } });
    for (const _ of allMigrations) expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await publicTables()).toEqual([]);
    expect((await migrateToLatest(fresh.db)).applied).toEqual(allMigrations);
  });

  it('fail naming the migration and the reason', async () => {
    const clash = await freshDatabase({ migrate: false });
    try {
      await sql`CREATE TABLE users (id int)`.execute(clash.db);
      const failure = migrateToLatest(clash.db);
      await expect(failure).rejects.toThrow(MigrationError);
      await expect(migrateToLatest(clash.db)).rejects.toThrow('migration 001_initial failed: relation "users" already exists');
      expect(await sql`SELECT 1 FROM pg_tables WHERE tablename = 'projects'`.execute(clash.db)).toMatchObject({ rows: [] });
    } finally {
      await clash.close();
    }
  });

  it('check each enum column against exactly the values of its TypeScript type', async () => {
    const enums: [string, string, readonly string[]][] = [
      ['social_accounts', 'platform', PLATFORMS],
      ['social_accounts', 'status', SOCIAL_ACCOUNT_STATUSES],
      ['media_assets', 'kind', MEDIA_KINDS],
      ['renders', 'status', RENDER_STATUSES],
      ['renders', 'backend', RENDER_BACKENDS],
      ['renders', 'aspect', ASPECT_IDS],
      ['renditions', 'platform', PLATFORMS],
      ['post_targets', 'platform', PLATFORMS],
      ['post_targets', 'status', POST_TARGET_STATUSES],
      ['post_targets', 'error_class', PUBLISH_ERROR_CLASSES],
    ];
    for (const [table, column, values] of enums) {
      const { rows } = await sql<{ def: string }>`
        SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.conrelid = ${table}::regclass AND c.contype = 'c' AND a.attname = ${column} AND cardinality(c.conkey) = 1`.execute(fresh.db);
      const allowed = rows.flatMap((r) => [...r.def.matchAll(/'([a-z0-9_:]+)'::text/g)].map((m) => m[1]));
      expect(allowed.sort(), `${table}.${column}`).toEqual([...values].sort());
    }
  });
});
