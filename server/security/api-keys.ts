// API keys: `noor_<prefix>_<secret>`. Only the sha256 of the whole key is
// stored; the prefix is stored in clear so a user can tell keys apart. The
// full key is shown once, at creation, and is not recoverable afterwards.
import { createHash, randomBytes } from 'node:crypto';

export interface NewApiKey {
  /** The key to hand to the user, once. */
  key: string;
  /** Visible part, stored in clear (e.g. "noor_3fA9xQ2b"). */
  prefix: string;
  /** sha256 of the key, hex; what the database stores and looks up by. */
  hash: string;
}

const KEY_PATTERN = /^(noor_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): NewApiKey {
  const prefix = `noor_${randomBytes(6).toString('base64url').replace(/[-_]/g, '0')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** sha256 (hex) of a presented key; throws if it is not shaped like a Noor key. */
export function hashApiKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error('api key: not a Noor API key (expected noor_<prefix>_<secret>)');
  return createHash('sha256').update(key).digest('hex');
}
