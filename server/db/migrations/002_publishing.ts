// What publishing needs beyond the first schema: a target's processing
// handle and when its attempt/processing began (post_targets), the probed
// facts of a media file for validation before upload (media_assets), and the
// link from a series to the posts it made, unique per occurrence, so
// expanding a series twice makes nothing twice. Additive only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE post_targets
      ADD COLUMN publish_handle text CHECK (publish_handle <> ''),
      ADD COLUMN attempt_started_at timestamptz,
      ADD COLUMN processing_since timestamptz,
      ADD CONSTRAINT post_targets_processing_has_handle CHECK (status <> 'processing' OR (publish_handle IS NOT NULL AND processing_since IS NOT NULL))`.execute(db);
  await sql`CREATE INDEX post_targets_status_idx ON post_targets (status, scheduled_at)`.execute(db);

  await sql`ALTER TABLE media_assets ADD COLUMN media_facts jsonb CHECK (jsonb_typeof(media_facts) = 'object')`.execute(db);

  await sql`ALTER TABLE series ADD COLUMN post_template jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(post_template) = 'object')`.execute(db);
  await sql`
    ALTER TABLE posts
      ADD COLUMN series_id uuid REFERENCES series (id) ON DELETE SET NULL,
      ADD COLUMN occurrence_at timestamptz,
      ADD CONSTRAINT posts_series_occurrence_key UNIQUE (series_id, occurrence_at),
      ADD CONSTRAINT posts_occurrence_has_series CHECK (series_id IS NULL OR occurrence_at IS NOT NULL)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE posts DROP COLUMN occurrence_at, DROP COLUMN series_id`.execute(db);
  await sql`ALTER TABLE series DROP COLUMN post_template`.execute(db);
  await sql`ALTER TABLE media_assets DROP COLUMN media_facts`.execute(db);
  await sql`DROP INDEX post_targets_status_idx`.execute(db);
  await sql`ALTER TABLE post_targets DROP CONSTRAINT post_targets_processing_has_handle, DROP COLUMN processing_since, DROP COLUMN attempt_started_at, DROP COLUMN publish_handle`.execute(db);
}
