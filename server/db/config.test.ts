// databaseConfig and tokenSecretBox: defaults under the project's .noor, the
// env overriding them, and a token key that is the same for every process.
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBEDDED_PORT, databaseConfig, embeddedPort, redactUrl, tokenSecretBox } from './config';

describe('databaseConfig', () => {
  it('defaults to the embedded Postgres in .noor/postgres', () => {
    expect(databaseConfig({ databaseUrl: undefined, databasePort: undefined }, '/project')).toEqual({
      url: undefined,
      embedded: { dataDir: '/project/.noor/postgres', port: embeddedPort('/project'), portChoices: 20, database: 'noor' },
    });
  });

  it('gives each checkout its own fixed port, so two clones never share an embedded server', () => {
    expect(embeddedPort('/project')).toBe(embeddedPort('/project/'));
    expect(embeddedPort('/work/a')).not.toBe(embeddedPort('/work/b'));
    for (const root of ['/project', '/work/a', '/work/b', '/home/me/noor']) {
      expect(embeddedPort(root)).toBeGreaterThanOrEqual(DEFAULT_EMBEDDED_PORT);
      expect(embeddedPort(root)).toBeLessThan(DEFAULT_EMBEDDED_PORT + 500);
      // below every OS's range for outgoing connections' ports (Linux 32768–60999, macOS/Windows 49152–65535)
      expect(embeddedPort(root) + 20).toBeLessThan(32768);
    }
  });

  it('takes DATABASE_URL and NOOR_DB_PORT from the env', () => {
    const config = databaseConfig({ databaseUrl: 'postgres://db/noor', databasePort: 6000 }, '/project');
    expect(config.url).toBe('postgres://db/noor');
    expect(config.embedded.port).toBe(6000);
    expect(config.embedded.portChoices).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://noor:hunter2@db.example:5432/noor?sslmode=require')).toBe('postgres://noor:***@db.example:5432/noor?sslmode=require');
    expect(redactUrl('postgres://noor@db.example/noor')).toBe('postgres://noor@db.example/noor');
  });
});

describe('tokenSecretBox', () => {
  it('uses NOOR_SECRET_KEY when set', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'noor-root-'));
    const a = tokenSecretBox({ secretKey: Buffer.alloc(32, 9) }, root);
    const b = tokenSecretBox({ secretKey: Buffer.alloc(32, 9) }, root);
    expect(b.decrypt(a.encrypt('token'), 'token')).toBe('token');
    expect(() => statSync(path.join(root, '.noor', 'secret.key'))).toThrow();
  });

  it('otherwise generates .noor/secret.key once, so every process decrypts what another encrypted', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'noor-root-'));
    const ciphertext = tokenSecretBox({ secretKey: undefined }, root).encrypt('token');
    expect(statSync(path.join(root, '.noor', 'secret.key')).mode & 0o777).toBe(0o600);
    expect(tokenSecretBox({ secretKey: undefined }, root).decrypt(ciphertext, 'token')).toBe('token');
  });
});
