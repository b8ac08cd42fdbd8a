// The CLI's user: on one machine without a web login, accounts and posts made
// from the command line belong to one local owner, created on first use with
// a random password nobody knows (the web app has real users).
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db';
import { hashPassword } from '../security/passwords';

export const LOCAL_OWNER_EMAIL = 'owner@noor.local';

export async function localOwnerId(db: Kysely<Database>): Promise<string> {
  const existing = await db.selectFrom('users').select('id').where('email', '=', LOCAL_OWNER_EMAIL).orderBy('created_at').executeTakeFirst();
  if (existing) return existing.id;
  await db
    .insertInto('users')
    .values({ email: LOCAL_OWNER_EMAIL, display_name: 'Local owner', password_hash: await hashPassword(randomBytes(24).toString('base64url')) })
    .onConflict((c) => c.expression(sql`lower(email)`).doNothing())
    .execute();
  return (await db.selectFrom('users').select('id').where('email', '=', LOCAL_OWNER_EMAIL).executeTakeFirstOrThrow()).id;
}
