// The embedded default Postgres, in a scratch data dir on a free port: first
// open initialises and starts it, a second open reuses it, the last close
// stops it; concurrent opens start one server; a stale postmaster.pid is
// survived; a busy port is a clear error naming NOOR_DB_PORT, or, for the
// default port, the next free one is used. As root the
// cluster belongs to the `postgres` user.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgresError, openDatabase, stopEmbeddedPostgres, withEmbeddedLock, type DatabaseConfig, type EmbeddedPostgresConfig } from '../../server/db';

// Postgres (run as `postgres` when we are root) must be able to reach the data dir.
const base = mkdtempSync(path.join(os.tmpdir(), 'noor-embedded-'));
chmodSync(base, 0o755);

function listen(port = 0): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listen();
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const embedded: EmbeddedPostgresConfig = { dataDir: path.join(base, 'postgres'), port: await freePort(), database: 'noor' };
const config: DatabaseConfig = { url: undefined, embedded };
const pidFile = path.join(embedded.dataDir, 'postmaster.pid');
const isRoot = process.getuid?.() === 0;

afterAll(async () => {
  await withEmbeddedLock(embedded, () => stopEmbeddedPostgres(embedded));
  rmSync(base, { recursive: true, force: true });
});

const whoAmI = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) => (await sql<{ db: string }>`SELECT current_database() AS db`.execute(db)).rows[0]?.db;

describe('embedded Postgres', () => {
  it('starts on first use, is reused by a second open, and is stopped by the last close', async () => {
    const first = await openDatabase(config);
    expect(first.embedded).toEqual({ url: `postgres://postgres@127.0.0.1:${embedded.port}/noor`, port: embedded.port, started: true });
    expect(await whoAmI(first.db)).toBe('noor');
    if (isRoot) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
      expect(statSync(embedded.dataDir).uid).toBe(uid);
    }
    expect(statSync(embedded.dataDir).mode & 0o777).toBe(0o700);

    const second = await openDatabase(config);
    expect(second.embedded?.started).toBe(false);
    await first.close();
    expect(existsSync(pidFile)).toBe(true);
    expect(await whoAmI(second.db)).toBe('noor');

    await second.close();
    expect(existsSync(pidFile)).toBe(false);
  });

  it('starts one server when two opens race', async () => {
    const handles = await Promise.all([openDatabase(config), openDatabase(config)]);
    expect(handles.map((h) => h.embedded?.started).sort()).toEqual([false, true]);
    await Promise.all(handles.map((h) => h.close()));
    expect(existsSync(pidFile)).toBe(false);
  });

  it('starts despite a stale postmaster.pid left by a crash', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(pidFile, `${dead}\n${embedded.dataDir}\n0\n${embedded.port}\n\n127.0.0.1\n0 0\nready\n`, { mode: 0o600 });
    if (isRoot) {
      const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
      chownSync(pidFile, id('-u'), id('-g'));
    }
    const handle = await openDatabase(config);
    expect(handle.embedded?.started).toBe(true);
    expect(await whoAmI(handle.db)).toBe('noor');
    await handle.close();
  });

  it('names NOOR_DB_PORT when the port is taken by another program', async () => {
    const squatter = await listen();
    const { port } = squatter.address() as net.AddressInfo;
    try {
      const attempt = openDatabase({ url: undefined, embedded: { ...embedded, port } });
      await expect(attempt).rejects.toThrow(EmbeddedPostgresError);
      await expect(openDatabase({ url: undefined, embedded: { ...embedded, port } })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is in use by another program: set NOOR_DB_PORT to a free port for the embedded database`,
      );
    } finally {
      squatter.close();
    }
  });

  it('starts on the next free port when a default port is taken, and later opens find it there', async () => {
    const squatter = await listen();
    const { port } = squatter.address() as net.AddressInfo;
    const scratch: EmbeddedPostgresConfig = { dataDir: path.join(base, 'fallback'), port, portChoices: 20, database: 'noor' };
    try {
      const first = await openDatabase({ url: undefined, embedded: scratch });
      expect(first.embedded!.port).toBeGreaterThan(port);
      expect(first.embedded!.port).toBeLessThan(port + 20);
      const second = await openDatabase({ url: undefined, embedded: scratch });
      expect(second.embedded).toEqual({ ...first.embedded, started: false });
      expect(await whoAmI(second.db)).toBe('noor');
      await second.close();
      await first.close();
    } finally {
      squatter.close();
      await withEmbeddedLock(scratch, () => stopEmbeddedPostgres(scratch));
    }
  });

  it('opens a second database on the same server by name', async () => {
    const handle = await openDatabase({ url: undefined, embedded: { ...embedded, database: 'noor_other' } });
    expect(await whoAmI(handle.db)).toBe('noor_other');
    await handle.close();
  });
});
