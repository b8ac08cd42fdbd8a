// Test harness for jobs: a fresh database (or a given one), the local
// platform server over HTTP, one user with a connected account on the
// platform, posts with a probed video, and a real graphile-worker running the
// task list with fast retry and polling settings. waitFor polls the database.
import { randomBytes } from 'node:crypto';
import { Logger } from 'graphile-worker';
import { DEFAULT_WORKER_CONFIG, ensureJobQueue, runWorker, type RunningWorker, type WorkerConfig, type WorkerDeps } from '../../jobs';
import { databaseConfig, migrateToLatest, openDatabase, saveSocialAccount, type Platform } from '../../server/db';
import { createLocalPlatformAdapter } from '../../server/platforms/local';
import type { MediaFacts } from '../../server/platforms/validate';
import { assetMediaSource, queuePublish } from '../../server/publishing';
import { createSecretBox } from '../../server/security/encryption';
import { freshDatabase, type FreshDatabase } from '../db/fresh-database';
import { LocalPlatformServer } from '../platforms/local-platform-server';

export const GOOD_FACTS: MediaFacts = { width: 1080, height: 1920, durationSec: 30, fps: 30, bytes: 12_000_000, videoCodec: 'h264', audioCodec: 'aac', container: 'mov,mp4,m4a,3gp,3g2,mj2' };

export const FAST_CONFIG: WorkerConfig = {
  ...DEFAULT_WORKER_CONFIG,
  concurrency: 2,
  pollIntervalMs: 50,
  recoverEveryMs: 200,
  stalledJobAfterMs: 2000,
  publishing: { retry: { maxAttempts: 4, baseMs: 200, maxMs: 1000 }, status: { minPollMs: 50, maxPollMs: 200, limitMs: 1500 } },
  crontab: '',
};

export const quietLogger = new Logger(() => () => undefined);

export interface Harness {
  fresh: Fresh;
  platform: LocalPlatformServer;
  deps: WorkerDeps;
  userId: string;
  projectId: string;
  renderId: string;
  accountId: string;
  /** The account's id on the local platform. */
  platformAccount: string;
  /** The key the harness encrypts tokens with (a child worker needs it as NOOR_SECRET_KEY). */
  secretKey: Buffer;
  close(): Promise<void>;
}
type Fresh = FreshDatabase;

export interface HarnessOptions {
  requestTimeoutMs?: number;
  /** Use this database (migrated here) instead of a fresh one on the test server; close() disconnects and leaves it. */
  databaseUrl?: string;
}

async function givenDatabase(url: string): Promise<Fresh> {
  const handle = await openDatabase(databaseConfig({ databaseUrl: url, databasePort: undefined }));
  await migrateToLatest(handle.db);
  return { db: handle.db, url, name: decodeURIComponent(new URL(url).pathname.slice(1)), close: handle.close };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fresh = options.databaseUrl === undefined ? await freshDatabase() : await givenDatabase(options.databaseUrl);
  await ensureJobQueue(fresh.url);
  const platform = new LocalPlatformServer();
  const baseUrl = await platform.start();
  const secretKey = randomBytes(32);
  const secretBox = createSecretBox(secretKey);
  const { db } = fresh;
  const platformAccount = `acct_${randomBytes(3).toString('hex')}`;
  platform.addAccount(platformAccount, `${platformAccount}-access-0`, `${platformAccount}-refresh-0`);

  const user = await db.insertInto('users').values({ email: `${platformAccount}@example.com`, password_hash: 'scrypt$test' }).returning('id').executeTakeFirstOrThrow();
  const accountId = await saveSocialAccount(db, secretBox, {
    user_id: user.id,
    platform: 'x',
    external_account_id: platformAccount,
    display_name: '@noor_test',
    access_token: `${platformAccount}-access-0`,
    refresh_token: `${platformAccount}-refresh-0`,
    token_expires_at: null,
    scopes: [],
  });
  const project = await db.insertInto('projects').values({ owner_id: user.id, name: 'Reel', template_id: 'verse-reel' }).returning('id').executeTakeFirstOrThrow();
  const asset = await db
    .insertInto('media_assets')
    .values({ owner_id: user.id, kind: 'video', storage_key: `renders/${platformAccount}.mp4`, content_sha256: 'a'.repeat(64), mime_type: 'video/mp4', bytes: GOOD_FACTS.bytes, media_facts: { ...GOOD_FACTS } })
    .returning('id')
    .executeTakeFirstOrThrow();
  const render = await db
    .insertInto('renders')
    .values({ project_id: project.id, backend: 'local', status: 'done', progress: 1, output_asset_id: asset.id, started_at: new Date(), finished_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();

  const adapter = createLocalPlatformAdapter({ baseUrl, pollAfterMs: 50, requestTimeoutMs: options.requestTimeoutMs ?? 5000 });
  const deps: WorkerDeps = {
    db,
    secretBox,
    adapterFor: () => adapter,
    media: assetMediaSource(async (key) => ({ file: key, url: null })),
    policy: FAST_CONFIG.publishing,
    now: () => new Date(),
    random: () => 0.5,
  };
  return {
    fresh,
    platform,
    deps,
    userId: user.id,
    projectId: project.id,
    renderId: render.id,
    accountId,
    platformAccount,
    secretKey,
    async close() {
      await platform.stop();
      await fresh.close();
    },
  };
}

/** Another connected account for the harness user, known to the platform. */
export async function addAccount(h: Harness): Promise<{ accountId: string; platformAccount: string }> {
  const platformAccount = `acct_${randomBytes(3).toString('hex')}`;
  h.platform.addAccount(platformAccount, `${platformAccount}-access-0`, `${platformAccount}-refresh-0`);
  const accountId = await saveSocialAccount(h.fresh.db, h.deps.secretBox, {
    user_id: h.userId,
    platform: 'x',
    external_account_id: platformAccount,
    display_name: `@${platformAccount}`,
    access_token: `${platformAccount}-access-0`,
    refresh_token: `${platformAccount}-refresh-0`,
    token_expires_at: null,
    scopes: [],
  });
  return { accountId, platformAccount };
}

/** A post with one target (the harness account unless given), queued for publish_post at `at`. */
export async function scheduleTarget(h: Harness, options: { at?: Date; caption?: string; platform?: Platform; accountId?: string; queue?: boolean } = {}): Promise<string> {
  const at = options.at ?? new Date();
  const post = await h.fresh.db
    .insertInto('posts')
    .values({ project_id: h.projectId, render_id: h.renderId, caption: options.caption ?? `Verse of the day ${randomBytes(3).toString('hex')}`, hashtags: ['Quran'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const target = await h.fresh.db
    .insertInto('post_targets')
    .values({ post_id: post.id, platform: options.platform ?? 'x', social_account_id: options.accountId ?? h.accountId, scheduled_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.queue !== false) await queuePublish(h.fresh.db, target.id, at);
  return target.id;
}

export function startWorker(h: Harness, config: WorkerConfig = FAST_CONFIG): Promise<RunningWorker> {
  return runWorker({ url: h.fresh.url, config, deps: h.deps, logger: quietLogger, noHandleSignals: true });
}

export async function targetRow(h: Harness, id: string) {
  return h.fresh.db.selectFrom('post_targets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the target reaches one of `statuses`, returning the row. */
export function waitForStatus(h: Harness, id: string, statuses: readonly string[], timeoutMs = 10_000) {
  return waitFor(`target ${id} to be ${statuses.join('|')}`, async () => {
    const row = await targetRow(h, id);
    return statuses.includes(row.status) ? row : undefined;
  }, timeoutMs);
}

export async function auditActions(h: Harness, targetId: string): Promise<string[]> {
  const rows = await h.fresh.db.selectFrom('audit_log').select('action').where('subject_id', '=', targetId).orderBy('id').execute();
  return rows.map((r) => r.action);
}
