// loadSecretKey: the configured key wins; otherwise a key is generated once
// into a 0600 file and reused; a corrupt key file is an error naming the file.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSecretKey, loadSecretKey } from './secret-key';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'noor-key-'));

describe('decodeSecretKey', () => {
  it('reads 64 hex digits or base64 of 32 bytes, trimmed', () => {
    const key = Buffer.alloc(32, 0xa5);
    expect(decodeSecretKey(key.toString('hex'))).toEqual(key);
    expect(decodeSecretKey(`${key.toString('base64')}\n`)).toEqual(key);
  });

  it('rejects other lengths and alphabets', () => {
    for (const bad of ['', 'ab'.repeat(31), Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('hex'), 'z'.repeat(64)]) {
      expect(decodeSecretKey(bad)).toBeUndefined();
    }
  });
});

describe('loadSecretKey', () => {
  it('returns the configured key without touching the file', () => {
    const keyFile = path.join(tmp(), 'secret.key');
    const key = Buffer.alloc(32, 1);
    expect(loadSecretKey({ key, keyFile })).toBe(key);
    expect(() => statSync(keyFile)).toThrow();
  });

  it('generates a key file once (mode 0600) and reuses it', () => {
    const keyFile = path.join(tmp(), 'nested', 'secret.key');
    const first = loadSecretKey({ key: undefined, keyFile });
    expect(first).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ key: undefined, keyFile })).toEqual(first);
    expect(decodeSecretKey(readFileSync(keyFile, 'utf8'))).toEqual(first);
  });

  it('names the file when it holds no valid key', () => {
    const keyFile = path.join(tmp(), 'secret.key');
    writeFileSync(keyFile, 'not a key\n');
    expect(() => loadSecretKey({ key: undefined, keyFile })).toThrow(`${keyFile}: must hold a 32-byte key as 64 hex digits or 44 base64 characters`);
  });
});
