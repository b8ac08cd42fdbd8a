// Connecting accounts end to end against the X fake (OAuth 2.0 + PKCE):
// `noor accounts connect` prints the consent URL and finishes on the browser's
// callback; a replayed, forged, expired or declined callback stores nothing;
// tokens are encrypted at rest; reconnecting keeps the refresh token; a
// revoked grant raises one alert however often it repeats, and reconnecting
// closes it; tokens about to expire are refreshed ahead, and a passing
// refresh failure never disconnects the account.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectError, completeConnection, localOwnerId, openAlerts, startConnection } from '../../server/accounts';
import { accountsConnectCommand, accountsListCommand } from '../../server/cli/commands/accounts';
import { loadSocialAccount, saveSocialAccount } from '../../server/db';
import { readEnv } from '../../server/env';
import { PlatformError, type AccountTokens, type PlatformAdapter } from '../../server/platforms/adapter';
import { withAccountTokens } from '../../server/publishing/account-tokens';
import { createSecretBox } from '../../server/security/encryption';
import { freshDatabase, type FreshDatabase } from '../db/fresh-database';
import { startXFake, type XFake } from '../platforms/fakes/x-server';

let fresh: FreshDatabase;
let fake: XFake;
let adapter: PlatformAdapter;
const secretKey = randomBytes(32);
const secretBox = createSecretBox(secretKey);
const deps = () => ({ db: fresh.db, secretBox, now: () => new Date() });
const REDIRECT = 'http://127.0.0.1:8787/oauth/x/callback';

beforeAll(async () => {
  fresh = await freshDatabase();
  fake = await startXFake();
  adapter = fake.adapter();
});
afterAll(async () => {
  await fake?.close();
  await fresh?.close();
});

const accountCount = async () => (await fresh.db.selectFrom('social_accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

describe('noor accounts connect', () => {
  it('prints the consent URL and connects the account when the browser comes back', async () => {
    const env = readEnv({ DATABASE_URL: fresh.url, NOOR_SECRET_KEY: secretKey.toString('hex') });
    const lines: string[] = [];
    let browser: Promise<Response> | undefined;
    const out = (line: string) => {
      lines.push(line);
      if (line.startsWith('https://x.com/')) {
        const { code, state } = fake.consent(line);
        const redirect = new URL(new URL(line).searchParams.get('redirect_uri')!);
        redirect.search = new URLSearchParams({ code, state }).toString();
        browser = fetch(redirect);
      }
    };
    await accountsConnectCommand({ platform: 'x', port: '0', timeoutSec: '30' }, env, out, () => adapter);
    const page = await browser!;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Connected');
    expect(lines.at(-1)).toMatch(/^Connected x account @\w+ \([0-9a-f]{8}\)\.$/);

    const rows = await fresh.db.selectFrom('social_accounts').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.access_token_encrypted).toMatch(/^v\d:/);
    const stored = await loadSocialAccount(fresh.db, secretBox, rows[0]!.id);
    expect(JSON.stringify(rows[0])).not.toContain(stored!.access_token);
    expect(stored!.refresh_token).not.toBeNull();

    const listed: string[] = [];
    await accountsListCommand(env, (l) => listed.push(l));
    expect(listed[0]).toMatch(/^ID\s+PLATFORM\s+ACCOUNT\s+STATUS/);
    expect(listed[1]).toContain('connected');
  });

  it('refuses an unknown platform and a platform without app credentials, naming what to set', async () => {
    const env = readEnv({ DATABASE_URL: fresh.url });
    await expect(accountsConnectCommand({ platform: 'myspace' }, env, () => undefined, () => adapter)).rejects.toThrow(/platform: "myspace" is not one of x, instagram, tiktok, youtube/);
    await expect(accountsConnectCommand({ platform: 'tiktok' }, env, () => undefined, () => undefined)).rejects.toThrow(/NOOR_TIKTOK_CLIENT_ID and NOOR_TIKTOK_CLIENT_SECRET/);
  });
});

describe('the OAuth callback', () => {
  it('is single use: a replayed state is refused and stores nothing new', async () => {
    const userId = await localOwnerId(fresh.db);
    const { authUrl } = await startConnection(deps(), adapter, { userId, redirectUri: REDIRECT });
    const { code, state } = fake.consent(authUrl);
    const first = await completeConnection(deps(), () => adapter, { state, code });
    expect(first.platform).toBe('x');
    const before = await accountCount();
    await expect(completeConnection(deps(), () => adapter, { state, code })).rejects.toThrow(ConnectError);
    expect(await accountCount()).toBe(before);
  });

  it('refuses a forged, missing or expired state and a declined consent, storing nothing', async () => {
    const userId = await localOwnerId(fresh.db);
    const before = await accountCount();
    await expect(completeConnection(deps(), () => adapter, { state: 'forged', code: 'x' })).rejects.toThrow(/state: does not match a pending connection/);
    await expect(completeConnection(deps(), () => adapter, { code: 'x' })).rejects.toThrow(/state: missing/);

    const old = await startConnection({ ...deps(), now: () => new Date(Date.now() - 11 * 60_000) }, adapter, { userId, redirectUri: REDIRECT });
    const late = fake.consent(old.authUrl);
    await expect(completeConnection(deps(), () => adapter, late)).rejects.toThrow(/older than 10 minutes/);

    const declined = await startConnection(deps(), adapter, { userId, redirectUri: REDIRECT });
    await expect(completeConnection(deps(), () => adapter, { state: declined.state, error: 'access_denied', error_description: 'The user denied' })).rejects.toThrow(/error: x answered "access_denied"/);
    expect(await accountCount()).toBe(before);
  });

  it('stores the verifier encrypted and the state only as a hash', async () => {
    const userId = await localOwnerId(fresh.db);
    const { state } = await startConnection(deps(), adapter, { userId, redirectUri: REDIRECT });
    const rows = await fresh.db.selectFrom('oauth_requests').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(state);
    expect(rows.every((r) => r.code_verifier_encrypted.startsWith('v'))).toBe(true);
  });
});

describe('account health', () => {
  async function seedAccount(tokens: AccountTokens): Promise<string> {
    return saveSocialAccount(fresh.db, secretBox, {
      user_id: await localOwnerId(fresh.db),
      platform: 'x',
      external_account_id: `acct-${randomBytes(4).toString('hex')}`,
      display_name: '@health',
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      token_expires_at: tokens.expiresAt,
      scopes: tokens.scopes,
    });
  }

  it('reconnecting without a new refresh token keeps the stored one', async () => {
    const tokens = fake.seedAccount();
    const id = await seedAccount(tokens);
    const row = await fresh.db.selectFrom('social_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await saveSocialAccount(fresh.db, secretBox, { user_id: row.user_id, platform: 'x', external_account_id: row.external_account_id, display_name: '@health', access_token: 'new-access', refresh_token: null, token_expires_at: null, scopes: [] });
    const after = await loadSocialAccount(fresh.db, secretBox, id);
    expect(after?.access_token).toBe('new-access');
    expect(after?.refresh_token).toBe(tokens.refreshToken);
  });

  it('a revoked grant raises one alert however often it repeats; reconnecting closes it', async () => {
    const connect = async (asUserId?: string) => {
      const { authUrl } = await startConnection(deps(), adapter, { userId: await localOwnerId(fresh.db), redirectUri: REDIRECT });
      return (await completeConnection(deps(), () => adapter, fake.consent(authUrl, asUserId))).accountId;
    };
    const id = await connect();
    const tokens = (await loadSocialAccount(fresh.db, secretBox, id))!;
    fake.expireAccessToken(tokens.access_token);
    fake.revokeRefreshToken(tokens.refresh_token!);
    const call = () => withAccountTokens({ db: fresh.db, secretBox }, adapter, id, (t) => adapter.metrics(t, '1'));
    const first = await call().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(PlatformError);
    expect((first as PlatformError).details.revoked).toBe(true);
    const account = await fresh.db.selectFrom('social_accounts').select(['status', 'user_id', 'external_account_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(account.status).toBe('needs_reconnect');
    for (let i = 0; i < 4; i++) await fresh.db.transaction().execute(async (trx) => (await import('../../server/accounts')).raiseAlert(trx, { userId: account.user_id, kind: 'account.needs_reconnect', subjectType: 'social_account', subjectId: id, message: 'again' }));
    const open = (await openAlerts(fresh.db)).filter((a) => a.subject_id === id);
    expect(open).toHaveLength(1);
    expect(open[0]!.occurrences).toBe(5);
    expect(open[0]!.message).toBe('again');

    expect(await connect(account.external_account_id)).toBe(id);
    expect((await fresh.db.selectFrom('social_accounts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('connected');
    expect((await openAlerts(fresh.db)).filter((a) => a.subject_id === id)).toHaveLength(0);
  });

  it('refreshes tokens that expire within five minutes before using them', async () => {
    const tokens = { ...fake.seedAccount(), expiresAt: new Date(Date.now() + 60_000) };
    const id = await seedAccount(tokens);
    const used: string[] = [];
    await withAccountTokens({ db: fresh.db, secretBox }, adapter, id, async (t) => void used.push(t.accessToken));
    expect(used).toHaveLength(1);
    expect(used[0]).not.toBe(tokens.accessToken);
    const stored = await loadSocialAccount(fresh.db, secretBox, id);
    expect(stored?.access_token).toBe(used[0]);
    expect(stored?.token_expires_at?.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it('keeps using a still-valid token when the early refresh fails for a passing reason, and stays connected', async () => {
    const tokens = { ...fake.seedAccount(), expiresAt: new Date(Date.now() + 60_000) };
    const id = await seedAccount(tokens);
    fake.failNext('token', { kind: 'server_error' });
    const used: string[] = [];
    await withAccountTokens({ db: fresh.db, secretBox }, adapter, id, async (t) => void used.push(t.accessToken));
    expect(used).toEqual([tokens.accessToken]);
    const row = await fresh.db.selectFrom('social_accounts').select(['status', 'last_refresh_error']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('connected');
    expect(row.last_refresh_error).toMatch(/transient|5\d\d|server/i);
  });
});
