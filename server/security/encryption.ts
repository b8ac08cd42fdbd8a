// AES-256-GCM for secrets stored in the database (OAuth access/refresh tokens).
// Ciphertext is text: `v1:<key id>:<iv>:<tag>:<data>` (base64 parts). The
// version names the scheme and the key id names the key, so a key can rotate
// and a wrong key is reported as such. Decryption either returns the exact
// plaintext or throws a DecryptionError, never garbage.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SECRET_KEY_BYTES } from './secret-key';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

export interface SecretBox {
  /** A short fingerprint of the key (not secret), written into each ciphertext. */
  readonly keyId: string;
  encrypt(plaintext: string): string;
  /** `what` names the value in errors, e.g. "social_accounts.access_token". */
  decrypt(ciphertext: string, what: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`secret key: must be ${SECRET_KEY_BYTES} bytes, got ${key.length}`);
  const keyId = createHash('sha256').update('noor-secret-key-id').update(key).digest('base64url').slice(0, 8);
  return {
    keyId,
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    decrypt(ciphertext, what) {
      const parts = ciphertext.split(':');
      if (parts[0] !== VERSION || parts.length !== 5) {
        throw new DecryptionError(`${what}: not a ${VERSION} ciphertext (expected ${VERSION}:key:iv:tag:data)`);
      }
      const [, storedKeyId = '', ivText = '', tagText = '', dataText = ''] = parts;
      if (storedKeyId !== keyId) {
        throw new DecryptionError(`${what}: encrypted with key ${storedKeyId}, but the configured key is ${keyId} (NOOR_SECRET_KEY or .noor/secret.key changed)`);
      }
      const iv = Buffer.from(ivText, 'base64');
      const tag = Buffer.from(tagText, 'base64');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptionError(`${what}: malformed ciphertext (bad iv or tag length)`);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new DecryptionError(`${what}: authentication failed: the ciphertext was altered or made with another key`);
      }
    },
  };
}
