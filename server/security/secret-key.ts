// The 32-byte key that encrypts tokens at rest: decoded from NOOR_SECRET_KEY
// (hex or base64), or generated once into a 0600 key file so a fresh checkout
// works with no setup. Never logs or returns the key in an error message.
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_KEY_BYTES = 32;

export const SECRET_KEY_FORMAT = `a ${SECRET_KEY_BYTES}-byte key as 64 hex digits or 44 base64 characters (e.g. openssl rand -base64 32)`;

/** Decodes a 32-byte key written as 64 hex digits or as base64; undefined when it is neither. */
export function decodeSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : undefined;
  return key?.length === SECRET_KEY_BYTES ? key : undefined;
}

export interface SecretKeyConfig {
  /** The configured key (NOOR_SECRET_KEY), already decoded; wins over the file. */
  key: Buffer | undefined;
  /** Where a generated key lives when none is configured (default .noor/secret.key). */
  keyFile: string;
}

/** The configured key, else the one in keyFile, creating that file (mode 0600) on first use. */
export function loadSecretKey(config: SecretKeyConfig): Buffer {
  if (config.key) return config.key;
  const existing = readKeyFile(config.keyFile);
  if (existing) return existing;
  mkdirSync(path.dirname(config.keyFile), { recursive: true });
  // Written to a private temporary file, then linked into place: two processes
  // starting at once both end up with the one key that won the link.
  const temporary = `${config.keyFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  try {
    linkSync(temporary, config.keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const created = readKeyFile(config.keyFile);
  if (!created) throw new Error(`${config.keyFile}: the secret key file vanished while it was being created`);
  return created;
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = decodeSecretKey(text);
  if (!key) throw new Error(`${file}: must hold ${SECRET_KEY_FORMAT}`);
  return key;
}
