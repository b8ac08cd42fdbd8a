// Gives a test file its own fresh database on the test server: DATABASE_URL
// when set, else the embedded default (.noor/postgres, started as needed), so
// `npm test` needs no setup. CREATE DATABASE with a random name, migrated
// unless asked not to, dropped by close().
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { readEnv } from '../../server/env';
import { databaseConfig, migrateToLatest, openDatabase, type Database } from '../../server/db';

export interface FreshDatabase {
  db: Kysely<Database>;
  /** Connection string of the fresh database (e.g. for a child process). */
  url: string;
  name: string;
  close(): Promise<void>;
}

export async function freshDatabase(options: { migrate: boolean } = { migrate: true }): Promise<FreshDatabase> {
  const config = databaseConfig(readEnv());
  const server = await openDatabase(config);
  const name = `noor_test_${randomBytes(6).toString('hex')}`;
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(server.db);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const fresh = await openDatabase({ ...config, url: url.toString() });
  if (options.migrate) await migrateToLatest(fresh.db);
  return {
    db: fresh.db,
    url: url.toString(),
    name,
    async close() {
      await fresh.close();
      await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(server.db);
      await server.close();
    },
  };
}
