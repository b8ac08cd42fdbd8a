// Where the database is (DATABASE_URL when set, else the embedded Postgres in
// the project's .noor/postgres) and which key encrypts tokens at rest. Built
// from the parsed env (server/env.ts), never from the environment directly.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { NoorEnv } from '../env';
import { projectRoot } from '../paths';
import { createSecretBox, type SecretBox } from '../security/encryption';
import { loadSecretKey } from '../security/secret-key';

export interface EmbeddedPostgresConfig {
  /** The cluster's data directory (initdb'd on first use). */
  dataDir: string;
  /** TCP port on 127.0.0.1 the server is started on. */
  port: number;
  /** When `port` is taken, the ports after it up to this many in all are tried in turn (default 1: `port` or an error). */
  portChoices?: number;
  /** The database to open (created on first use). */
  database: string;
}

export interface DatabaseConfig {
  /** A postgres:// connection string; when set no embedded server is used. */
  url: string | undefined;
  embedded: EmbeddedPostgresConfig;
}

// Below 32768, where Linux, macOS and Windows hand out outgoing connections'
// ports: a restarted server never finds its port held by some client socket.
export const DEFAULT_EMBEDDED_PORT = 20329;
/** Ports the default is spread over, one per checkout, so two clones on one machine never share a server. */
const PORT_SPREAD = 500;
/** A default port that is taken falls back to one of the next ones. */
const DEFAULT_PORT_CHOICES = 20;

/** The embedded server's default port for a project folder: 20329..20828, fixed per folder. */
export function embeddedPort(root: string): number {
  return DEFAULT_EMBEDDED_PORT + (createHash('sha256').update(path.resolve(root)).digest().readUInt16BE(0) % PORT_SPREAD);
}

export function databaseConfig(env: Pick<NoorEnv, 'databaseUrl' | 'databasePort'>, root = projectRoot): DatabaseConfig {
  return {
    url: env.databaseUrl,
    embedded:
      env.databasePort === undefined
        ? { dataDir: path.join(root, '.noor', 'postgres'), port: embeddedPort(root), portChoices: DEFAULT_PORT_CHOICES, database: 'noor' }
        : { dataDir: path.join(root, '.noor', 'postgres'), port: env.databasePort, database: 'noor' },
  };
}

/** The box that encrypts tokens at rest: NOOR_SECRET_KEY, else the key generated once into .noor/secret.key. */
export function tokenSecretBox(env: Pick<NoorEnv, 'secretKey'>, root = projectRoot): SecretBox {
  return createSecretBox(loadSecretKey({ key: env.secretKey, keyFile: path.join(root, '.noor', 'secret.key') }));
}

/** A connection string with its password replaced, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable connection string)';
  }
}
