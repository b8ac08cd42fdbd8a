// What rendering for posts needs: the aspect each render is made in (a
// render row is now queued for a project and rendered by render_video), and
// the per-platform files made from a finished render (prepare_rendition), one
// per render and platform, each pointing at its stored video and cover.
// Additive only.
import { sql, type Kysely } from 'kysely';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const ASPECTS = ['9:16', '1:1', '4:5', '16:9'];
const PLATFORMS = ['x', 'instagram', 'tiktok', 'youtube'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE renders ADD COLUMN aspect text NOT NULL DEFAULT '9:16' CHECK (aspect IN (${inList(ASPECTS)}))`.execute(db);

  await sql`
    CREATE TABLE renditions (
      render_id uuid NOT NULL REFERENCES renders (id) ON DELETE CASCADE,
      platform text NOT NULL CHECK (platform IN (${inList(PLATFORMS)})),
      asset_id uuid NOT NULL REFERENCES media_assets (id) ON DELETE CASCADE,
      cover_asset_id uuid REFERENCES media_assets (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (render_id, platform)
    )`.execute(db);
  await sql`CREATE INDEX renditions_asset_id_idx ON renditions (asset_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE renditions`.execute(db);
  await sql`ALTER TABLE renders DROP COLUMN aspect`.execute(db);
}
