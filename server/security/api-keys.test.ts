// generateApiKey/hashApiKey: a visible prefix, a sha256 that matches the key
// presented later, and malformed keys refused before any lookup.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from './api-keys';

describe('api keys', () => {
  it('makes noor_<prefix>_<secret> keys whose hash is the sha256 of the key', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(prefix).toMatch(/^noor_[A-Za-z0-9]{8}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashApiKey(key)).toBe(hash);
  });

  it('makes a different key each time', () => {
    expect(generateApiKey().key).not.toBe(generateApiKey().key);
  });

  it('refuses strings that are not Noor keys', () => {
    const { key } = generateApiKey();
    for (const bad of ['', 'noor_', key.slice(0, -1), `x${key}`, `${key} `]) {
      expect(() => hashApiKey(bad)).toThrow('api key: not a Noor API key (expected noor_<prefix>_<secret>)');
    }
  });
});
