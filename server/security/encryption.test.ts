// createSecretBox: AES-256-GCM round trip, versioned text format, fresh IV per
// call, and a clear DecryptionError (never garbage) for a wrong key, tampered
// data, or text that is not a ciphertext.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, createSecretBox } from './encryption';

const box = createSecretBox(randomBytes(32));

describe('createSecretBox', () => {
  it('round-trips text, including non-ASCII', () => {
    for (const plaintext of ['ya29.a0AfH6SMB-token', '', 'بسم الله', 'x'.repeat(5000)]) {
      expect(box.decrypt(box.encrypt(plaintext), 'token')).toBe(plaintext);
    }
  });

  it('writes v1:<key id>:<iv>:<tag>:<data> and never the plaintext', () => {
    const ciphertext = box.encrypt('secret-access-token');
    expect(ciphertext).toMatch(/^v1:[A-Za-z0-9_-]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
    expect(ciphertext.split(':')[1]).toBe(box.keyId);
    expect(ciphertext).not.toContain('secret-access-token');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('names the key mismatch when another key made the ciphertext', () => {
    const other = createSecretBox(randomBytes(32));
    const ciphertext = other.encrypt('token');
    expect(() => box.decrypt(ciphertext, 'social_accounts.access_token')).toThrow(DecryptionError);
    expect(() => box.decrypt(ciphertext, 'social_accounts.access_token')).toThrow(
      `social_accounts.access_token: encrypted with key ${other.keyId}, but the configured key is ${box.keyId}`,
    );
  });

  it('rejects tampered data, tag or iv as altered', () => {
    const [version, keyId, iv = '', tag = '', data = ''] = box.encrypt('a refresh token').split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    for (const parts of [
      [version, keyId, iv, tag, flip(data)],
      [version, keyId, iv, flip(tag), data],
      [version, keyId, flip(iv), tag, data],
    ]) {
      expect(() => box.decrypt(parts.join(':'), 'refresh_token')).toThrow(/^refresh_token: authentication failed: the ciphertext was altered/);
    }
  });

  it('rejects text that is not a v1 ciphertext', () => {
    expect(() => box.decrypt('plain-token', 'access_token')).toThrow(/^access_token: not a v1 ciphertext/);
    expect(() => box.decrypt(`v2:${box.keyId}:a:b:c`, 'access_token')).toThrow(DecryptionError);
    expect(() => box.decrypt(`v1:${box.keyId}:AAAA:AAAA:AAAA`, 'access_token')).toThrow(/bad iv or tag length/);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow('secret key: must be 32 bytes, got 16');
  });
});
