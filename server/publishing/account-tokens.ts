// Calls a platform with an account's tokens, refreshing them once on an auth
// error. Only a refresh the platform refuses as revoked marks the account
// needs_reconnect; any other refresh failure is recorded on the account and
// passed on (a transient one is retried later, the account stays connected).
// Tokens that expire within REFRESH_AHEAD_MS are refreshed before the call;
// if that early refresh fails for a passing reason the still-valid token is
// used. Marking needs_reconnect raises one deduplicated alert for the user.
// Refreshes are serialised per account (an advisory transaction lock), and a
// worker that waited uses the tokens the other one just saved, so rotating
// refresh tokens are never spent twice.
import type { Kysely } from 'kysely';
import { loadSocialAccount, lockUntilCommit, saveSocialAccount, type Database, type SocialAccount } from '../db';
import { PlatformError, type AccountTokens, type PlatformAdapter } from '../platforms/adapter';
import type { SecretBox } from '../security/encryption';
import { raiseAlert } from '../accounts/alerts';
import { audit } from './audit';

export interface TokenDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
}

const tokensOf = (account: SocialAccount): AccountTokens => ({
  accessToken: account.access_token,
  refreshToken: account.refresh_token,
  expiresAt: account.token_expires_at,
  scopes: account.scopes,
});

async function loadAccount(deps: TokenDeps, accountId: string, db: Kysely<Database> = deps.db): Promise<SocialAccount> {
  const account = await loadSocialAccount(db, deps.secretBox, accountId);
  if (!account) throw new PlatformError('local', 'invalid', `social account ${accountId} does not exist`, { code: 'account_missing' });
  return account;
}

async function markNeedsReconnect(deps: TokenDeps, account: SocialAccount, reason: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('social_accounts').set({ status: 'needs_reconnect', last_refresh_error: reason }).where('id', '=', account.id).execute();
    await audit(trx, { action: 'social_account.needs_reconnect', subjectType: 'social_account', subjectId: account.id, details: { from: account.status, reason } });
    await raiseAlert(trx, {
      userId: account.user_id,
      kind: 'account.needs_reconnect',
      subjectType: 'social_account',
      subjectId: account.id,
      message: `${account.platform} account "${account.display_name}" needs reconnecting (${reason}); its scheduled posts wait until then. Run: noor accounts connect ${account.platform}`,
    });
  });
}

async function refresh(deps: TokenDeps, adapter: PlatformAdapter, stale: SocialAccount): Promise<AccountTokens> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockUntilCommit(trx, 'refresh', stale.id);
      const current = await loadAccount(deps, stale.id, trx);
      if (current.access_token !== stale.access_token) return tokensOf(current);
      const fresh = await adapter.refresh(tokensOf(current));
      await saveSocialAccount(trx, deps.secretBox, {
        user_id: current.user_id,
        platform: current.platform,
        external_account_id: current.external_account_id,
        display_name: current.display_name,
        access_token: fresh.accessToken,
        refresh_token: fresh.refreshToken,
        token_expires_at: fresh.expiresAt,
        scopes: fresh.scopes,
      });
      await audit(trx, { action: 'social_account.refreshed', subjectType: 'social_account', subjectId: current.id, details: { expiresAt: fresh.expiresAt?.toISOString() ?? null } });
      return fresh;
    });
  } catch (error) {
    if (error instanceof PlatformError && error.kind === 'auth' && error.details.revoked) {
      await markNeedsReconnect(deps, stale, `token refresh refused: ${error.message}`);
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      await deps.db.updateTable('social_accounts').set({ last_refresh_error: reason }).where('id', '=', stale.id).execute();
    }
    throw error;
  }
}

/** Tokens expiring sooner than this are refreshed before use. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

/**
 * Runs `call` with the account's tokens (the account given, or loaded by its
 * id). On an auth error it refreshes the tokens once and calls again; a second
 * auth error, or a failed refresh, is thrown. An account not connected fails
 * at once as an auth error.
 */
export async function withAccountTokens<T>(deps: TokenDeps, adapter: PlatformAdapter, accountOrId: SocialAccount | string, call: (tokens: AccountTokens) => Promise<T>): Promise<T> {
  const account = typeof accountOrId === 'string' ? await loadAccount(deps, accountOrId) : accountOrId;
  if (account.status !== 'connected') {
    throw new PlatformError(adapter.platform, 'auth', `account "${account.display_name}" (${account.platform}) is ${account.status.replace('_', ' ')}: reconnect it`, { code: 'account_not_connected' });
  }
  const tokens = tokensOf(account);
  if (tokens.expiresAt !== null && tokens.expiresAt.getTime() - Date.now() < REFRESH_AHEAD_MS) {
    let fresh: AccountTokens | undefined;
    try {
      fresh = await refresh(deps, adapter, account);
    } catch (error) {
      const stillValid = tokens.expiresAt.getTime() > Date.now();
      if (!(error instanceof PlatformError) || error.details.revoked || !stillValid) throw error;
    }
    if (fresh) return call(fresh);
  }
  try {
    return await call(tokens);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'auth') throw error;
    if (error.details.revoked) {
      await markNeedsReconnect(deps, account, error.message);
      throw error;
    }
    return call(await refresh(deps, adapter, account));
  }
}
