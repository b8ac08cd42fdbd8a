// Opens the database: DATABASE_URL when configured, else the embedded
// Postgres (started on first use, reused when running, stopped by the last
// process to close it). Returns a typed Kysely and close(). Checks the
// connection before returning, so a bad URL fails here with a clear reason.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from './config';
import { redactUrl } from './config';
import { ensureEmbeddedPostgres, stopEmbeddedPostgresIfIdle, withEmbeddedLock, type EmbeddedServer } from './embedded';
import { errorReason } from './errors';
import { PreparingClient } from './prepared';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The connection string in use (e.g. for graphile-worker's own pool). */
  url: string;
  /** The embedded server, when DATABASE_URL is unset. */
  embedded: EmbeddedServer | undefined;
  /** Ends the pool (the process cannot exit before) and lets the embedded server stop if no one else uses it. */
  close(): Promise<void>;
}

const INT8_OID = 20;

/** bigint columns (bytes, views, count(*)) as numbers; refuses values a number cannot hold exactly. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit in a JavaScript number`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A Kysely on a pool of `max` connections to `url` (prepared statements,
 * bigints as numbers). A connection the server drops is discarded, and the
 * next query opens a new one. `keepIdle`: idle connections stay open.
 */
export function poolDatabase(url: string, { max, keepIdle }: { max?: number; keepIdle: boolean }): Kysely<Database> {
  const pool = new pg.Pool({ Client: PreparingClient, connectionString: url, types, ...(max === undefined ? {} : { max }), ...(keepIdle ? { idleTimeoutMillis: 0 } : {}) });
  // An idle connection the server drops is discarded by the pool; the next query opens a new one.
  pool.on('error', () => undefined);
  // A connection lost while checked out fails its query; the error event itself must not end the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function connect(url: string, source: string, embedded: boolean): Promise<Kysely<Database>> {
  // The embedded server is stopped once no client is connected, so keep idle connections open.
  const db = poolDatabase(url, { keepIdle: embedded });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`${source}: cannot connect to ${redactUrl(url)}: ${errorReason(error)}`, { cause: error });
  }
  return db;
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url !== undefined) {
    const db = await connect(config.url, 'DATABASE_URL', false);
    return { db, url: config.url, embedded: undefined, close: once(() => db.destroy()) };
  }
  const { embedded } = config;
  return withEmbeddedLock(embedded, async () => {
    const server = await ensureEmbeddedPostgres(embedded);
    const db = await connect(server.url, `embedded database (${embedded.dataDir})`, true);
    const close = async () => {
      await db.destroy();
      await withEmbeddedLock(embedded, () => stopEmbeddedPostgresIfIdle(embedded, server.port));
    };
    return { db, url: server.url, embedded: server, close: once(close) };
  });
}

/** close() may be called more than once (e.g. from finally and afterAll); it runs once. */
function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= run());
}
