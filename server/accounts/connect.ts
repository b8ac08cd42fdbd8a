// Connecting a social account by OAuth, in two steps any process can run:
// start() makes an unguessable state and a PKCE verifier, stores the state's
// hash and the encrypted verifier (single use, 10 minutes), and returns the
// platform's consent URL; complete() takes the callback's state and code,
// claims the pending request atomically (a replayed or forged state is
// refused), exchanges the code, stores the tokens encrypted and closes any
// "needs reconnect" alert. Reconnecting keeps a refresh token the platform
// did not send again.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { saveSocialAccount, type Database, type Platform } from '../db';
import { PlatformError, type PlatformAdapter } from '../platforms/adapter';
import { codeChallengeOf, newCodeVerifier, newOAuthState } from '../platforms/pkce';
import type { SecretBox } from '../security/encryption';
import { audit } from '../publishing/audit';
import { resolveAlerts } from './alerts';

export const CONNECT_TTL_MS = 10 * 60_000;

export interface ConnectDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  now(): Date;
}

/** The callback did not match a pending connection; nothing was stored. */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  constructor(
    readonly field: 'state' | 'code' | 'error',
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const stateHash = (state: string) => createHash('sha256').update(state).digest('hex');

export async function startConnection(deps: ConnectDeps, adapter: PlatformAdapter, input: { userId: string; redirectUri: string }): Promise<{ authUrl: string; state: string; expiresAt: Date }> {
  const { platform } = adapter;
  if (platform === 'local') throw new PlatformError('local', 'invalid', 'the local test platform has no accounts to connect', { code: 'not_connectable' });
  const state = newOAuthState();
  const verifier = newCodeVerifier();
  const expiresAt = new Date(deps.now().getTime() + CONNECT_TTL_MS);
  await deps.db
    .insertInto('oauth_requests')
    .values({ user_id: input.userId, platform, state_sha256: stateHash(state), code_verifier_encrypted: deps.secretBox.encrypt(verifier), redirect_uri: input.redirectUri, expires_at: expiresAt })
    .execute();
  const authUrl = adapter.authUrl({ state, codeChallenge: codeChallengeOf(verifier), redirectUri: input.redirectUri });
  return { authUrl, state, expiresAt };
}

export interface CallbackQuery {
  state?: string | null | undefined;
  code?: string | null | undefined;
  /** Set by the platform when the user declined or the request was bad. */
  error?: string | null | undefined;
  error_description?: string | null | undefined;
}

/** Finishes a connection from the callback's query; returns the stored account. */
export async function completeConnection(
  deps: ConnectDeps,
  adapterFor: (platform: Platform) => PlatformAdapter | undefined,
  query: CallbackQuery,
): Promise<{ accountId: string; platform: Platform; displayName: string }> {
  if (!query.state) throw new ConnectError('state', 'missing from the callback; start the connection again');
  const claimed = await deps.db
    .updateTable('oauth_requests')
    .set({ used_at: deps.now() })
    .where('state_sha256', '=', stateHash(query.state))
    .where('used_at', 'is', null)
    .where('expires_at', '>', deps.now())
    .returning(['user_id', 'platform', 'code_verifier_encrypted', 'redirect_uri'])
    .executeTakeFirst();
  if (!claimed) throw new ConnectError('state', 'does not match a pending connection (unknown, already used or older than 10 minutes); start the connection again');
  if (query.error) throw new ConnectError('error', `${claimed.platform} answered "${query.error}"${query.error_description ? `: ${query.error_description}` : ''}; nothing was connected`);
  if (!query.code) throw new ConnectError('code', 'missing from the callback; start the connection again');
  const adapter = adapterFor(claimed.platform);
  if (!adapter) throw new PlatformError(claimed.platform, 'invalid', `no ${claimed.platform} app is configured on this server`, { code: 'no_adapter' });

  const account = await adapter.exchangeCode({ code: query.code, codeVerifier: deps.secretBox.decrypt(claimed.code_verifier_encrypted, 'oauth_requests.code_verifier'), redirectUri: claimed.redirect_uri });
  const accountId = await deps.db.transaction().execute(async (trx) => {
    const id = await saveSocialAccount(trx, deps.secretBox, {
      user_id: claimed.user_id,
      platform: claimed.platform,
      external_account_id: account.externalAccountId,
      display_name: account.displayName,
      access_token: account.accessToken,
      refresh_token: account.refreshToken,
      token_expires_at: account.expiresAt,
      scopes: account.scopes,
    });
    await resolveAlerts(trx, 'account.needs_reconnect', id);
    await audit(trx, { action: 'social_account.connected', subjectType: 'social_account', subjectId: id, actorId: claimed.user_id, details: { platform: claimed.platform, scopes: account.scopes } });
    return id;
  });
  await deps.db.deleteFrom('oauth_requests').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  return { accountId, platform: claimed.platform, displayName: account.displayName };
}
