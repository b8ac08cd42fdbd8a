// hashPassword/verifyPassword: scrypt with a random salt, right and wrong
// passwords, NFC normalisation, and a clear error for a malformed stored hash.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('refuses an empty password', async () => {
    await expect(hashPassword('')).rejects.toThrow('password: must not be empty');
  });

  it('throws on a stored value that is not a scrypt hash', async () => {
    for (const bad of ['', 'plaintext', 'bcrypt$10$abc', 'scrypt$x$8$1$c2FsdA==$aGFzaA==']) {
      await expect(verifyPassword('pw', bad)).rejects.toThrow('password hash: not a scrypt$N$r$p$salt$hash string');
    }
  });
});
