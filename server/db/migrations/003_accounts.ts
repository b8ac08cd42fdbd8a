// What connecting and running accounts needs: each account's posting
// schedule (weekly slots in its zone, spacing, prayer windows) for "next free
// slot"; pending OAuth connections (a hashed state and an encrypted PKCE
// verifier, single use, expiring) so a callback can be checked by any
// process; and alerts, at most one open per kind and subject, so a failure
// that repeats raises one alert, not thousands. Additive only.
import { sql, type Kysely } from 'kysely';

const PLATFORMS = sql.raw(['x', 'instagram', 'tiktok', 'youtube'].map((p) => `'${p}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE social_accounts ADD COLUMN posting_schedule jsonb CHECK (jsonb_typeof(posting_schedule) = 'object')`.execute(db);

  await sql`
    CREATE TABLE oauth_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      platform text NOT NULL CHECK (platform IN (${PLATFORMS})),
      state_sha256 text NOT NULL UNIQUE CHECK (state_sha256 ~ '^[0-9a-f]{64}$'),
      code_verifier_encrypted text NOT NULL CHECK (code_verifier_encrypted LIKE 'v_:%'),
      redirect_uri text NOT NULL CHECK (redirect_uri ~ '^https?://'),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind <> ''),
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      message text NOT NULL,
      occurrences integer NOT NULL DEFAULT 1 CHECK (occurrences >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX alerts_one_open_idx ON alerts (kind, subject_type, subject_id) WHERE resolved_at IS NULL`.execute(db);
  await sql`CREATE INDEX alerts_user_idx ON alerts (user_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE alerts`.execute(db);
  await sql`DROP TABLE oauth_requests`.execute(db);
  await sql`ALTER TABLE social_accounts DROP COLUMN posting_schedule`.execute(db);
}
