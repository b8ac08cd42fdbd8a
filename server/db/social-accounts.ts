// Connected social accounts with their OAuth tokens encrypted at rest: the
// only way code should write or read the token columns. Saving the same
// account again (reconnect or token refresh) updates it in place.
import { sql, type Kysely } from 'kysely';
import type { SecretBox } from '../security/encryption';
import { PREPARED } from './prepared';
import type { Database, Platform, SocialAccountRow } from './schema';

export interface SocialAccountInput {
  user_id: string;
  platform: Platform;
  external_account_id: string;
  display_name: string;
  access_token: string;
  refresh_token: string | null;
  token_expires_at: Date | null;
  scopes: string[];
}

export type SocialAccount = Omit<SocialAccountRow, 'access_token_encrypted' | 'refresh_token_encrypted'> & {
  access_token: string;
  refresh_token: string | null;
};

/** Inserts or reconnects (same user, platform and external id) an account; marks it connected. A null refresh token keeps the stored one. Returns its id. */
export async function saveSocialAccount(db: Kysely<Database>, box: SecretBox, input: SocialAccountInput): Promise<string> {
  if (input.access_token === '') throw new Error('access_token: must not be empty');
  const { access_token, refresh_token, ...rest } = input;
  const encrypted = {
    access_token_encrypted: box.encrypt(access_token),
    refresh_token_encrypted: refresh_token === null ? null : box.encrypt(refresh_token),
  };
  const row = await db
    .insertInto('social_accounts')
    .values({ ...rest, ...encrypted, status: 'connected' })
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'platform', 'external_account_id']).doUpdateSet({
        access_token_encrypted: encrypted.access_token_encrypted,
        // A reconnect or refresh that returns no refresh token keeps the one the account has.
        refresh_token_encrypted: sql`coalesce(excluded.refresh_token_encrypted, social_accounts.refresh_token_encrypted)`,
        display_name: input.display_name,
        token_expires_at: input.token_expires_at,
        scopes: input.scopes,
        status: 'connected',
        last_refresh_error: null,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The account with its tokens decrypted, or undefined when there is no such id. Throws DecryptionError on a wrong key or altered data. */
export async function loadSocialAccount(db: Kysely<Database>, box: SecretBox, id: string): Promise<SocialAccount | undefined> {
  const row = await db.selectFrom('social_accounts').selectAll().where('id', '=', id).modifyEnd(PREPARED).executeTakeFirst();
  return row && openSocialAccount(box, row);
}

const ACCOUNT_COLUMNS = [
  'id',
  'user_id',
  'platform',
  'external_account_id',
  'display_name',
  'access_token_encrypted',
  'refresh_token_encrypted',
  'token_expires_at',
  'scopes',
  'status',
  'last_refresh_error',
  'posting_schedule',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof SocialAccountRow)[];

/** The account's columns, each as account_<column>, for a query that joins social_accounts as `alias` (splitAccount reads them back). */
export const accountColumns = (alias: string) => ACCOUNT_COLUMNS.map((column) => sql.ref(`${alias}.${column}`).as(`account_${column}`));

/** Splits a row selected with accountColumns into the social_accounts row and the rest of the row. */
export function splitAccount<Row extends Record<string, unknown>>(row: Row): { account: SocialAccountRow; rest: Omit<Row, `account_${string}`> } {
  const account: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('account_')) account[key.slice('account_'.length)] = value;
    else rest[key] = value;
  }
  return { account: account as SocialAccountRow, rest: rest as Omit<Row, `account_${string}`> };
}

/** A social_accounts row with its tokens decrypted (for a row read along with other tables). */
export function openSocialAccount(box: SecretBox, row: SocialAccountRow): SocialAccount {
  const { access_token_encrypted, refresh_token_encrypted, ...rest } = row;
  return {
    ...rest,
    access_token: box.decrypt(access_token_encrypted, `social_accounts.access_token (${row.id})`),
    refresh_token: refresh_token_encrypted === null ? null : box.decrypt(refresh_token_encrypted, `social_accounts.refresh_token (${row.id})`),
  };
}
