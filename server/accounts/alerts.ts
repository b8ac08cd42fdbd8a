// Alerts a user must act on (an account that needs reconnecting). At most one
// alert is open per kind and subject: the same problem seen again only counts
// another occurrence, so a failure that repeats thousands of times raises one
// alert. Resolving closes it; the next occurrence opens a new one.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db';

export type AlertKind = 'account.needs_reconnect';

export interface AlertInput {
  userId: string;
  kind: AlertKind;
  subjectType: 'social_account';
  subjectId: string;
  message: string;
}

/** Opens the alert, or counts one more occurrence of the open one. Returns true when it was newly opened. */
export async function raiseAlert(db: Kysely<Database>, alert: AlertInput): Promise<boolean> {
  const row = await db
    .insertInto('alerts')
    .values({ user_id: alert.userId, kind: alert.kind, subject_type: alert.subjectType, subject_id: alert.subjectId, message: alert.message })
    .onConflict((c) =>
      c
        .columns(['kind', 'subject_type', 'subject_id'])
        .where('resolved_at', 'is', null)
        .doUpdateSet({ occurrences: sql`alerts.occurrences + 1`, last_seen_at: sql`now()`, message: alert.message }),
    )
    .returning('occurrences')
    .executeTakeFirstOrThrow();
  return row.occurrences === 1;
}

/** Closes the open alerts of this kind on the subject. */
export async function resolveAlerts(db: Kysely<Database>, kind: AlertKind, subjectId: string): Promise<number> {
  const result = await db.updateTable('alerts').set({ resolved_at: sql`now()` }).where('kind', '=', kind).where('subject_id', '=', subjectId).where('resolved_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function openAlerts(db: Kysely<Database>, userId?: string) {
  let query = db.selectFrom('alerts').selectAll().where('resolved_at', 'is', null).orderBy('created_at');
  if (userId) query = query.where('user_id', '=', userId);
  return query.execute();
}
