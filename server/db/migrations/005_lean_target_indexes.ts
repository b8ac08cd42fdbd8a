// Drops post_targets' index on social_account_id alone: the unique index on
// (social_account_id, external_id) already serves every lookup by account (its
// first column), and each index costs a write on every change of a target's
// status (recording a publish updates indexed columns, so it writes every index).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX post_targets_social_account_id_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX post_targets_social_account_id_idx ON post_targets (social_account_id)`.execute(db);
}
