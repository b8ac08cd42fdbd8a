// The audit trail of publishing: one audit_log row per state change of a post
// target or account, written in the same transaction as the change. The
// actor is the system (null) unless a user id is given.
import type { Kysely } from 'kysely';
import type { Database, JsonObject } from '../db';

export async function audit(db: Kysely<Database>, entry: { action: string; subjectType: 'post_target' | 'social_account' | 'series' | 'render'; subjectId: string | null; details?: JsonObject; actorId?: string | null }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor_id: entry.actorId ?? null, action: entry.action, subject_type: entry.subjectType, subject_id: entry.subjectId, details: entry.details ?? {} })
    .execute();
}
