// The one typed picture of the database for kysely: a table interface per
// table and Selectable/Insertable/Updateable aliases. It must match the
// migrations in ./migrations (tests/db checks the enums against the CHECKs).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AspectId } from '../../compositions/layout/aspects';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** jsonb columns hold objects only: pg would send a JS array as a Postgres array, not JSON. */
export type JsonObject = { [key: string]: JsonValue };

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (default now()). */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Kept current by a trigger; may be set explicitly but never needs to be. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export const PLATFORMS = ['x', 'instagram', 'tiktok', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const SOCIAL_ACCOUNT_STATUSES = ['connected', 'needs_reconnect', 'revoked'] as const;
export type SocialAccountStatus = (typeof SOCIAL_ACCOUNT_STATUSES)[number];

export const MEDIA_KINDS = ['video', 'image', 'audio'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const RENDER_STATUSES = ['queued', 'rendering', 'done', 'failed'] as const;
export type RenderStatus = (typeof RENDER_STATUSES)[number];

export const RENDER_BACKENDS = ['local', 'lambda'] as const;
export type RenderBackend = (typeof RENDER_BACKENDS)[number];

export const POST_TARGET_STATUSES = ['scheduled', 'rendering', 'publishing', 'processing', 'published', 'failed', 'cancelled'] as const;
export type PostTargetStatus = (typeof POST_TARGET_STATUSES)[number];

/** The platform adapters' error kinds (see DESIGN.md, PlatformAdapter). */
export const PUBLISH_ERROR_CLASSES = ['auth', 'rate_limit', 'invalid', 'transient'] as const;
export type PublishErrorClass = (typeof PUBLISH_ERROR_CLASSES)[number];

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string | null;
  /** scrypt$N$r$p$salt$hash from server/security/passwords. */
  password_hash: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApiKeysTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  /** Visible start of the key, e.g. noor_3fA9xQ2b. */
  prefix: string;
  /** sha256 (hex) of the whole key; the key itself is never stored. */
  key_hash: string;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  last_used_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SocialAccountsTable {
  id: Generated<string>;
  user_id: string;
  platform: Platform;
  external_account_id: string;
  display_name: string;
  /** AES-GCM ciphertext (server/security/encryption); use saveSocialAccount/loadSocialAccount. */
  access_token_encrypted: string;
  refresh_token_encrypted: string | null;
  token_expires_at: Timestamp | null;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<SocialAccountStatus, SocialAccountStatus | undefined, SocialAccountStatus>;
  last_refresh_error: string | null;
  /** A PostingSchedule (server/schedule/posting-schedule.ts): weekly slots for "next free slot"; null when the account has none. */
  posting_schedule: JsonObject | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProjectsTable {
  id: Generated<string>;
  owner_id: string;
  name: string;
  /** A template id from compositions/registry.ts. */
  template_id: string;
  props: ColumnType<JsonObject, JsonObject | undefined, JsonObject>;
  /** A StyleProfile (server/analyze), when the project follows a reference video. */
  style_profile: JsonObject | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MediaAssetsTable {
  id: Generated<string>;
  owner_id: string;
  kind: MediaKind;
  /** Key in the storage backend (local dir or S3). */
  storage_key: string;
  /** sha256 of the content, hex. */
  content_sha256: string;
  mime_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_seconds: number | null;
  /** ffprobe facts of a video (server/platforms/validate MediaFacts), for validating before upload. */
  media_facts: JsonObject | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RendersTable {
  id: Generated<string>;
  project_id: string;
  status: ColumnType<RenderStatus, RenderStatus | undefined, RenderStatus>;
  /** 0..1 */
  progress: ColumnType<number, number | undefined, number>;
  backend: RenderBackend;
  /** The template's aspect variant it is rendered in (compositions/layout/aspects.ts). */
  aspect: ColumnType<AspectId, AspectId | undefined, AspectId>;
  output_asset_id: string | null;
  error: string | null;
  queued_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A finished render made into one platform's file (prepare_rendition): one per render and platform. */
export interface RenditionsTable {
  render_id: string;
  platform: Platform;
  /** The transcoded video, with its probed media_facts. */
  asset_id: string;
  /** The cover image, for platforms that take one (Instagram, YouTube). */
  cover_asset_id: string | null;
  created_at: CreatedAt;
}

export interface PostsTable {
  id: Generated<string>;
  project_id: string;
  render_id: string | null;
  caption: ColumnType<string, string | undefined, string>;
  hashtags: ColumnType<string[], string[] | undefined, string[]>;
  /** Per-platform caption/hashtag/option overrides, keyed by Platform. */
  platform_overrides: ColumnType<JsonObject, JsonObject | undefined, JsonObject>;
  created_by: string | null;
  /** The series occurrence this post was made for (unique per series), when made by expand_series. */
  series_id: string | null;
  occurrence_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PostTargetsTable {
  id: Generated<string>;
  post_id: string;
  platform: Platform;
  social_account_id: string;
  scheduled_at: Timestamp;
  status: ColumnType<PostTargetStatus, PostTargetStatus | undefined, PostTargetStatus>;
  /** Attempts that reached (or may have reached) the platform. */
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  error_class: PublishErrorClass | null;
  next_attempt_at: Timestamp | null;
  /** The platform's id for the published post; recorded before anything else so a retry never posts twice. */
  external_id: string | null;
  external_url: string | null;
  published_at: Timestamp | null;
  /** The platform's handle of an upload it is still processing (status 'processing'). */
  publish_handle: string | null;
  /** When the latest attempt that reached the platform began (recorded with its outcome). */
  attempt_started_at: Timestamp | null;
  /** When the platform started processing the upload; check_publish_status gives up after its limit. */
  processing_since: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SeriesTable {
  id: Generated<string>;
  owner_id: string;
  name: string;
  /** The recurrence rule (shape owned by server/schedule). */
  recurrence: JsonObject;
  /** IANA time zone the rule is read in, e.g. Asia/Riyadh. */
  time_zone: string;
  template_id: string | null;
  project_id: string | null;
  next_run_at: Timestamp | null;
  /** What each occurrence posts: caption, hashtags and the accounts (jobs/expand-series owns the shape). */
  post_template: ColumnType<JsonObject, JsonObject | undefined, JsonObject>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AnalyticsSnapshotsTable {
  id: Generated<number>;
  post_target_id: string;
  captured_at: ColumnType<Date, Date | string | undefined, Date | string>;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  /** The platform's response, kept for metrics added later. */
  raw: ColumnType<JsonObject, JsonObject | undefined, JsonObject>;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** The user who acted; null for the system (worker, cron). */
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: ColumnType<JsonObject, JsonObject | undefined, JsonObject>;
  at: CreatedAt;
}

export interface OauthRequestsTable {
  id: Generated<string>;
  user_id: string;
  platform: Platform;
  /** sha256 (hex) of the state sent to the platform; the state itself is never stored. */
  state_sha256: string;
  /** AES-GCM ciphertext of the PKCE verifier. */
  code_verifier_encrypted: string;
  redirect_uri: string;
  expires_at: ColumnType<Date, Date, Date>;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

export interface AlertsTable {
  id: Generated<string>;
  user_id: string;
  /** e.g. 'account.needs_reconnect' */
  kind: string;
  subject_type: string;
  subject_id: string;
  message: string;
  /** How often the same problem was seen while the alert stayed open. */
  occurrences: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  resolved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface Database {
  users: UsersTable;
  api_keys: ApiKeysTable;
  social_accounts: SocialAccountsTable;
  projects: ProjectsTable;
  media_assets: MediaAssetsTable;
  renders: RendersTable;
  renditions: RenditionsTable;
  posts: PostsTable;
  post_targets: PostTargetsTable;
  series: SeriesTable;
  analytics_snapshots: AnalyticsSnapshotsTable;
  audit_log: AuditLogTable;
  oauth_requests: OauthRequestsTable;
  alerts: AlertsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type SocialAccountRow = Selectable<SocialAccountsTable>;
export type Project = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
export type MediaAsset = Selectable<MediaAssetsTable>;
export type NewMediaAsset = Insertable<MediaAssetsTable>;
export type Render = Selectable<RendersTable>;
export type NewRender = Insertable<RendersTable>;
export type RenderUpdate = Updateable<RendersTable>;
export type Post = Selectable<PostsTable>;
export type NewPost = Insertable<PostsTable>;
export type PostUpdate = Updateable<PostsTable>;
export type PostTarget = Selectable<PostTargetsTable>;
export type NewPostTarget = Insertable<PostTargetsTable>;
export type PostTargetUpdate = Updateable<PostTargetsTable>;
export type Series = Selectable<SeriesTable>;
export type NewSeries = Insertable<SeriesTable>;
export type SeriesUpdate = Updateable<SeriesTable>;
export type AnalyticsSnapshot = Selectable<AnalyticsSnapshotsTable>;
export type NewAnalyticsSnapshot = Insertable<AnalyticsSnapshotsTable>;
export type AuditLogEntry = Selectable<AuditLogTable>;
export type NewAuditLogEntry = Insertable<AuditLogTable>;
