// Finds connected social accounts by what a user types: an id or its first
// 8+ characters, or the display name with or without the '@', optionally
// prefixed by the platform ("x:@noor_daily"). Used by `noor accounts slots`
// and `noor schedule --account`.
import type { Kysely } from 'kysely';
import type { Database, Platform } from '../../db';

export interface AccountMatch {
  id: string;
  platform: Platform;
  user_id: string;
  display_name: string;
  status: string;
}

const bare = (name: string) => name.trim().replace(/^@/, '').toLowerCase();

/** Does `ref` name this account? */
export function refersTo(ref: string, account: AccountMatch): boolean {
  const [maybePlatform, ...rest] = ref.split(':');
  const scoped = rest.length > 0 && maybePlatform === account.platform;
  if (rest.length > 0 && !scoped) return false;
  const text = scoped ? rest.join(':') : ref;
  return (text.length >= 8 && account.id.startsWith(text.toLowerCase())) || bare(text) === bare(account.display_name);
}

export async function accountsMatching(db: Kysely<Database>, ref: string): Promise<AccountMatch[]> {
  const all = await db.selectFrom('social_accounts').select(['id', 'platform', 'user_id', 'display_name', 'status']).orderBy('created_at').execute();
  return all.filter((account) => refersTo(ref, account));
}
