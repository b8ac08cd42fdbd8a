// The Postgres data layer: config, connection (DATABASE_URL or the embedded
// default), the typed schema, migrations, and repositories that earn their keep.
export { DEFAULT_EMBEDDED_PORT, databaseConfig, embeddedPort, redactUrl, tokenSecretBox, type DatabaseConfig, type EmbeddedPostgresConfig } from './config';
export { openDatabase, poolDatabase, type DatabaseHandle } from './connection';
export { EmbeddedPostgresError, stopEmbeddedPostgres, withEmbeddedLock, type EmbeddedServer } from './embedded';
export { MigrationError, migrateToLatest, type MigrationReport } from './migrate';
export { PREPARED } from './prepared';
export { compileOnce, type Statement } from './compiled';
export { combined } from './combine';
export { advisoryKey, lockUntilCommit, type LockScope } from './advisory-locks';
export { accountColumns, loadSocialAccount, openSocialAccount, saveSocialAccount, splitAccount, type SocialAccount, type SocialAccountInput } from './social-accounts';
export * from './schema';
