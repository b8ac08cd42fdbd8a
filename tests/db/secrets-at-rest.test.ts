// Secrets as stored in a real database: social account tokens are encrypted
// (the raw row never holds the plaintext) and load back decrypted; a wrong
// key or an altered row fails with a clear DecryptionError; reconnecting
// updates the account in place; passwords and API keys are stored hashed.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSocialAccount, saveSocialAccount, type SocialAccountInput } from '../../server/db';
import { DecryptionError, createSecretBox, generateApiKey, hashApiKey, hashPassword, verifyPassword } from '../../server/security';
import { freshDatabase, type FreshDatabase } from './fresh-database';

let fresh: FreshDatabase;
let userId: string;
const box = createSecretBox(randomBytes(32));

beforeAll(async () => {
  fresh = await freshDatabase();
  const user = await fresh.db
    .insertInto('users')
    .values({ email: 'creator@example.com', password_hash: await hashPassword('s3cret-pass') })
    .returning('id')
    .executeTakeFirstOrThrow();
  userId = user.id;
});
afterAll(() => fresh?.close());

const input = (overrides: Partial<SocialAccountInput> = {}): SocialAccountInput => ({
  user_id: userId,
  platform: 'instagram',
  external_account_id: '17841400000000000',
  display_name: '@noor.reels',
  access_token: 'IGQVJ-access-token-plaintext',
  refresh_token: 'refresh-token-plaintext',
  token_expires_at: new Date('2031-05-01T00:00:00Z'),
  scopes: ['instagram_basic', 'instagram_content_publish'],
  ...overrides,
});

const rawRow = async (id: string) => {
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM social_accounts WHERE id = ${id}`.execute(fresh.db);
  return JSON.stringify(rows[0]);
};

describe('social account tokens', () => {
  it('are not stored in clear, and load back decrypted', async () => {
    const id = await saveSocialAccount(fresh.db, box, input());
    const raw = await rawRow(id);
    expect(raw).not.toContain('access-token-plaintext');
    expect(raw).not.toContain('refresh-token-plaintext');
    expect(raw).toContain(`"access_token_encrypted":"v1:${box.keyId}:`);

    const account = await loadSocialAccount(fresh.db, box, id);
    expect(account).toMatchObject({
      id,
      platform: 'instagram',
      access_token: 'IGQVJ-access-token-plaintext',
      refresh_token: 'refresh-token-plaintext',
      token_expires_at: new Date('2031-05-01T00:00:00Z'),
      scopes: ['instagram_basic', 'instagram_content_publish'],
      status: 'connected',
    });
    expect(account).not.toHaveProperty('access_token_encrypted');
  });

  it('are replaced in place on reconnect, which clears the error and marks it connected', async () => {
    const id = await saveSocialAccount(fresh.db, box, input({ platform: 'tiktok', external_account_id: 'tt-1', refresh_token: null }));
    await fresh.db.updateTable('social_accounts').set({ status: 'needs_reconnect', last_refresh_error: 'invalid_grant' }).where('id', '=', id).execute();
    const again = await saveSocialAccount(fresh.db, box, input({ platform: 'tiktok', external_account_id: 'tt-1', access_token: 'new-access', refresh_token: 'new-refresh' }));
    expect(again).toBe(id);
    expect(await loadSocialAccount(fresh.db, box, id)).toMatchObject({ access_token: 'new-access', refresh_token: 'new-refresh', status: 'connected', last_refresh_error: null });
  });

  it('fail clearly with another key', async () => {
    const id = await saveSocialAccount(fresh.db, box, input({ external_account_id: 'other-key' }));
    const other = createSecretBox(randomBytes(32));
    await expect(loadSocialAccount(fresh.db, other, id)).rejects.toThrow(DecryptionError);
    await expect(loadSocialAccount(fresh.db, other, id)).rejects.toThrow(`social_accounts.access_token (${id}): encrypted with key ${box.keyId}`);
  });

  it('fail clearly when the stored ciphertext was altered', async () => {
    const id = await saveSocialAccount(fresh.db, box, input({ external_account_id: 'tampered' }));
    await sql`UPDATE social_accounts SET refresh_token_encrypted = overlay(refresh_token_encrypted placing 'AAAA' from length(refresh_token_encrypted) - 3) WHERE id = ${id}`.execute(fresh.db);
    await expect(loadSocialAccount(fresh.db, box, id)).rejects.toThrow(`social_accounts.refresh_token (${id}): authentication failed`);
  });

  it('refuse an empty access token before touching the database', async () => {
    await expect(saveSocialAccount(fresh.db, box, input({ access_token: '' }))).rejects.toThrow('access_token: must not be empty');
  });

  it('load as undefined for an unknown id', async () => {
    expect(await loadSocialAccount(fresh.db, box, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});

describe('passwords and API keys', () => {
  it('store a scrypt hash that verifies the password', async () => {
    const user = await fresh.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user.password_hash).not.toContain('s3cret-pass');
    expect(await verifyPassword('s3cret-pass', user.password_hash)).toBe(true);
    expect(await verifyPassword('wrong', user.password_hash)).toBe(false);
  });

  it('store only the hash and prefix of an API key, found again by hashing the presented key', async () => {
    const { key, prefix, hash } = generateApiKey();
    await fresh.db.insertInto('api_keys').values({ user_id: userId, name: 'CI', prefix, key_hash: hash, scopes: ['posts:write'] }).execute();
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM api_keys`.execute(fresh.db);
    expect(JSON.stringify(rows)).not.toContain(key.slice(prefix.length + 1));
    const found = await fresh.db.selectFrom('api_keys').select(['user_id', 'prefix', 'scopes']).where('key_hash', '=', hashApiKey(key)).executeTakeFirst();
    expect(found).toEqual({ user_id: userId, prefix, scopes: ['posts:write'] });
  });
});
