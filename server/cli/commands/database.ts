// The database a CLI command works on: opened from the environment
// (DATABASE_URL or the embedded Postgres), brought to the latest schema, and
// closed when the command is done, whatever happens.
import { databaseConfig, migrateToLatest, openDatabase, type DatabaseHandle } from '../../db';
import type { NoorEnv } from '../../env';

export async function withMigratedDatabase<T>(env: NoorEnv, run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseConfig(env));
  try {
    await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
  }
}
