// Password hashing with scrypt (node:crypto). Stored form:
// `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64), so cost can rise later without
// breaking old hashes. Verification is constant-time and never throws on a
// wrong password; it throws only on a malformed stored hash.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  if (password.length === 0) throw new Error('password: must not be empty');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText, ...rest] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || rest.length > 0 || !saltText || !hashText || !Object.values(cost).every((v) => Number.isInteger(v) && v > 0)) {
    throw new Error('password hash: not a scrypt$N$r$p$salt$hash string');
  }
  const expected = Buffer.from(hashText, 'base64');
  const actual = await derive(password, Buffer.from(saltText, 'base64'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
