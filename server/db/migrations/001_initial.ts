// The first schema: users and their keys, connected social accounts, projects,
// media, renders, posts and their per-platform targets, series, analytics and
// the audit log. Enums are text + CHECK (adding a value is one ALTER, no type
// rewrite); every mutable table has created_at/updated_at kept by a trigger.
// Migrations take an untyped Kysely (kysely's convention): they must not
// depend on the `Database` type, which describes only the latest schema.
import { sql, type Kysely } from 'kysely';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const PLATFORMS = ['x', 'instagram', 'tiktok', 'youtube'];
const MUTABLE_TABLES = ['users', 'api_keys', 'social_accounts', 'projects', 'media_assets', 'renders', 'posts', 'post_targets', 'series'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION noor_set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.updated_at := now();
      RETURN NEW;
    END $$`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$'),
      display_name text,
      password_hash text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`.execute(db);

  await sql`
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (name <> ''),
      prefix text NOT NULL CHECK (prefix ~ '^noor_[A-Za-z0-9]{8}$'),
      key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
      scopes text[] NOT NULL DEFAULT '{}',
      last_used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX api_keys_user_id_idx ON api_keys (user_id)`.execute(db);

  await sql`
    CREATE TABLE social_accounts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      platform text NOT NULL CHECK (platform IN (${inList(PLATFORMS)})),
      external_account_id text NOT NULL CHECK (external_account_id <> ''),
      display_name text NOT NULL,
      access_token_encrypted text NOT NULL CHECK (access_token_encrypted LIKE 'v_:%'),
      refresh_token_encrypted text CHECK (refresh_token_encrypted LIKE 'v_:%'),
      token_expires_at timestamptz,
      scopes text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'needs_reconnect', 'revoked')),
      last_refresh_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, platform, external_account_id),
      -- lets post_targets check that its platform is its account's platform
      UNIQUE (id, platform)
    )`.execute(db);

  await sql`
    CREATE TABLE projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (name <> ''),
      template_id text NOT NULL CHECK (template_id <> ''),
      props jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(props) = 'object'),
      style_profile jsonb CHECK (jsonb_typeof(style_profile) = 'object'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX projects_owner_id_idx ON projects (owner_id)`.execute(db);

  await sql`
    CREATE TABLE media_assets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('video', 'image', 'audio')),
      storage_key text NOT NULL UNIQUE CHECK (storage_key <> ''),
      content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
      mime_type text NOT NULL CHECK (mime_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
      bytes bigint NOT NULL CHECK (bytes >= 0),
      width integer CHECK (width > 0),
      height integer CHECK (height > 0),
      duration_seconds double precision CHECK (duration_seconds >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX media_assets_owner_hash_idx ON media_assets (owner_id, content_sha256)`.execute(db);

  await sql`
    CREATE TABLE renders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'done', 'failed')),
      progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
      backend text NOT NULL CHECK (backend IN ('local', 'lambda')),
      output_asset_id uuid REFERENCES media_assets (id) ON DELETE SET NULL,
      error text,
      queued_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT renders_finished_after_started CHECK (finished_at >= started_at),
      CONSTRAINT renders_failed_has_error CHECK (status <> 'failed' OR error IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX renders_project_id_idx ON renders (project_id)`.execute(db);
  await sql`CREATE INDEX renders_active_idx ON renders (queued_at) WHERE status IN ('queued', 'rendering')`.execute(db);

  await sql`
    CREATE TABLE posts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      render_id uuid REFERENCES renders (id) ON DELETE SET NULL,
      caption text NOT NULL DEFAULT '',
      hashtags text[] NOT NULL DEFAULT '{}',
      platform_overrides jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(platform_overrides) = 'object'),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX posts_project_id_idx ON posts (project_id)`.execute(db);

  // One row per post × account, and a published row must carry the platform's
  // id, unique per account: a post can be published to a target once at most.
  // The account FK is checked at commit (deferred), so deleting a user
  // cascades through its posts and accounts, while deleting an account alone
  // that still has targets is refused and its publishing history kept.
  await sql`
    CREATE TABLE post_targets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      platform text NOT NULL CHECK (platform IN (${inList(PLATFORMS)})),
      social_account_id uuid NOT NULL,
      scheduled_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'rendering', 'publishing', 'processing', 'published', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      last_error text,
      error_class text CHECK (error_class IN ('auth', 'rate_limit', 'invalid', 'transient')),
      next_attempt_at timestamptz,
      external_id text CHECK (external_id <> ''),
      external_url text,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (social_account_id, platform) REFERENCES social_accounts (id, platform) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED,
      CONSTRAINT post_targets_one_per_account UNIQUE (post_id, social_account_id),
      CONSTRAINT post_targets_external_id_key UNIQUE (social_account_id, external_id),
      CONSTRAINT post_targets_published_has_external_id
        CHECK (status <> 'published' OR (external_id IS NOT NULL AND published_at IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX post_targets_social_account_id_idx ON post_targets (social_account_id)`.execute(db);
  await sql`CREATE INDEX post_targets_due_idx ON post_targets (scheduled_at) WHERE status = 'scheduled'`.execute(db);
  await sql`CREATE INDEX post_targets_retry_idx ON post_targets (next_attempt_at) WHERE status = 'failed' AND next_attempt_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE series (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (name <> ''),
      recurrence jsonb NOT NULL CHECK (jsonb_typeof(recurrence) = 'object'),
      time_zone text NOT NULL CHECK (time_zone <> ''),
      template_id text,
      project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
      next_run_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT series_has_template_or_project CHECK (template_id IS NOT NULL OR project_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX series_owner_id_idx ON series (owner_id)`.execute(db);
  await sql`CREATE INDEX series_next_run_idx ON series (next_run_at) WHERE next_run_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE analytics_snapshots (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      post_target_id uuid NOT NULL REFERENCES post_targets (id) ON DELETE CASCADE,
      captured_at timestamptz NOT NULL DEFAULT now(),
      views bigint CHECK (views >= 0),
      likes bigint CHECK (likes >= 0),
      comments bigint CHECK (comments >= 0),
      shares bigint CHECK (shares >= 0),
      raw jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(raw) = 'object'),
      UNIQUE (post_target_id, captured_at)
    )`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      action text NOT NULL CHECK (action <> ''),
      subject_type text NOT NULL CHECK (subject_type <> ''),
      subject_id text,
      details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, at)`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);

  for (const table of MUTABLE_TABLES) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_set_updated_at`)} BEFORE UPDATE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION noor_set_updated_at()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'analytics_snapshots', 'series', 'post_targets', 'posts', 'renders', 'media_assets', 'projects', 'social_accounts', 'api_keys', 'users']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION noor_set_updated_at()`.execute(db);
}
