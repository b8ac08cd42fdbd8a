// publish_post and check_publish_status end to end: real Postgres, a real
// graphile-worker, the local platform over HTTP. Each test makes its own
// target; faults are switched on in the platform just before.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../jobs';
import { loadSocialAccount } from '../../server/db';
import { TARGET_MARKER } from '../../server/platforms/local';
import { publishJobKey, queuePublish } from '../../server/publishing';
import { FAST_CONFIG, addAccount, auditActions, scheduleTarget, startHarness, startWorker, targetRow, waitFor, waitForStatus, type Harness } from './harness';

let h: Harness;
let worker: RunningWorker;

beforeAll(async () => {
  h = await startHarness();
  worker = await startWorker(h);
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

const postsFor = (targetId: string) => h.platform.posts.filter((p) => p.metadata[TARGET_MARKER] === targetId);
const createsSince = (since: Date) => h.platform.requests.filter((r) => r.op === 'create' && r.at >= since);
const jobCount = async (key: string) => {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${key}`.execute(h.fresh.db);
  return rows[0]!.n;
};

describe('publish_post', () => {
  it('publishes a scheduled target at its time, exactly once, and records the id', async () => {
    const at = new Date(Date.now() + 1200);
    const id = await scheduleTarget(h, { at });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await targetRow(h, id)).status).toBe('scheduled');
    expect(postsFor(id)).toHaveLength(0);

    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row.status).toBe('published');
    const posts = postsFor(id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(row.external_id).toBe(posts[0]!.id);
    expect(row.external_url).toContain(posts[0]!.id);
    expect(row.attempts).toBe(1);
    expect(row.published_at).not.toBeNull();
    expect(posts[0]!.caption).toMatch(/ #Quran$/);
    // one row, written after the upload (graphile-worker's job attempt is the record before it)
    expect(await auditActions(h, id)).toEqual(['post_target.published']);

    // queueing it again does nothing: the recorded id is checked before any upload
    await queuePublish(h.fresh.db, id, new Date());
    await waitFor('the extra job to finish', async () => (await jobCount(publishJobKey(id))) === 0);
    expect(postsFor(id)).toHaveLength(1);
  });

  it('keeps one queued job per target however often it is queued (job key)', async () => {
    const at = new Date(Date.now() + 1000);
    const id = await scheduleTarget(h, { at });
    await queuePublish(h.fresh.db, id, at);
    await queuePublish(h.fresh.db, id, at);
    expect(await jobCount(publishJobKey(id))).toBe(1);
    await waitForStatus(h, id, ['published']);
    expect(postsFor(id)).toHaveLength(1);
  });

  it('honours 429 Retry-After: the next attempt is not before it', async () => {
    const since = new Date();
    h.platform.failNext('create', { status: 429, code: 'rate_limited', retryAfterSec: 1 });
    const id = await scheduleTarget(h);
    const retrying = await waitFor('the retry to be scheduled', async () => {
      const row = await targetRow(h, id);
      return row.error_class === 'rate_limit' ? row : undefined;
    });
    expect(retrying.status).toBe('scheduled');
    expect(retrying.last_error).toContain('429 rate_limited');
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row.status).toBe('published');
    const creates = createsSince(since);
    expect(creates.map((c) => c.status)).toEqual([429, 201]);
    expect(creates[1]!.at.getTime() - creates[0]!.at.getTime()).toBeGreaterThanOrEqual(1000);
    expect(row.attempts).toBe(2);
    expect(postsFor(id)).toHaveLength(1);
  });

  it('retries 5xx with growing backoff, checks the platform before re-posting, then succeeds once', async () => {
    const since = new Date();
    h.platform.failNext('create', { status: 503, code: 'unavailable' }, 2);
    const id = await scheduleTarget(h);
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row.status).toBe('published');
    expect(row.attempts).toBe(3);
    const creates = createsSince(since);
    expect(creates.map((c) => c.status)).toEqual([503, 503, 201]);
    // base 200 ms doubling with equal jitter at 0.5: ≥150 ms, then ≥300 ms
    expect(creates[1]!.at.getTime() - creates[0]!.at.getTime()).toBeGreaterThanOrEqual(150);
    expect(creates[2]!.at.getTime() - creates[1]!.at.getTime()).toBeGreaterThanOrEqual(300);
    // a 5xx may hide a created post, so each retry lists the account's posts first
    expect(h.platform.requests.filter((r) => r.op === 'list' && r.at >= since)).toHaveLength(2);
    expect(postsFor(id)).toHaveLength(1);
    expect(await auditActions(h, id)).toEqual(['post_target.retry', 'post_target.retry', 'post_target.published']);
  });

  it('refreshes an expired token once and publishes (401 → refresh → success)', async () => {
    const { accountId, platformAccount } = await addAccount(h);
    h.platform.expireAccessToken(`${platformAccount}-access-0`);
    const id = await scheduleTarget(h, { accountId });
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row.status).toBe('published');
    expect(row.attempts).toBe(1);
    const account = await loadSocialAccount(h.fresh.db, h.deps.secretBox, accountId);
    expect(account?.status).toBe('connected');
    expect(account?.access_token).not.toBe(`${platformAccount}-access-0`);
    expect(account?.refresh_token).not.toBe(`${platformAccount}-refresh-0`);
    expect(h.platform.postsFor(platformAccount)).toHaveLength(1);
  });

  it('keeps the account connected when the refresh fails transiently, and retries', async () => {
    const { accountId, platformAccount } = await addAccount(h);
    h.platform.expireAccessToken(`${platformAccount}-access-0`);
    h.platform.failNext('refresh', { status: 503, code: 'unavailable' });
    const id = await scheduleTarget(h, { accountId });
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row.status).toBe('published');
    expect(row.attempts).toBe(2);
    const account = await loadSocialAccount(h.fresh.db, h.deps.secretBox, accountId);
    expect(account?.status).toBe('connected');
    expect(account?.last_refresh_error).toBeNull();
    expect(await auditActions(h, id)).toContain('post_target.retry');
  });

  it('marks a revoked account needs_reconnect and fails the target with a clear reason', async () => {
    const { accountId, platformAccount } = await addAccount(h);
    h.platform.expireAccessToken(`${platformAccount}-access-0`);
    h.platform.revokeRefreshToken(`${platformAccount}-refresh-0`);
    const id = await scheduleTarget(h, { accountId });
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row.status).toBe('failed');
    expect(row.error_class).toBe('auth');
    expect(row.last_error).toMatch(/invalid_grant.*needs reconnecting/);
    const account = await loadSocialAccount(h.fresh.db, h.deps.secretBox, accountId);
    expect(account?.status).toBe('needs_reconnect');
    expect(account?.last_refresh_error).toContain('invalid_grant');
    expect(h.platform.postsFor(platformAccount)).toHaveLength(0);

    // a later target on the disconnected account fails at once, without calling the platform
    const before = h.platform.requests.length;
    const next = await scheduleTarget(h, { accountId });
    const nextRow = await waitForStatus(h, next, ['failed']);
    expect(nextRow.last_error).toMatch(/needs reconnect/);
    expect(h.platform.requests.length).toBe(before);
  });

  it('fails an invalid post at once, with the platform reason, and never retries', async () => {
    const since = new Date();
    h.platform.failNext('create', { status: 422, code: 'invalid_media' });
    const id = await scheduleTarget(h);
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row).toMatchObject({ status: 'failed', error_class: 'invalid', attempts: 1 });
    expect(row.last_error).toContain('422 invalid_media');
    await new Promise((resolve) => setTimeout(resolve, FAST_CONFIG.publishing.retry.baseMs * 3));
    expect(createsSince(since)).toHaveLength(1);
    expect(await jobCount(publishJobKey(id))).toBe(0);
  });

  it('validates before uploading: every violation fails the target, nothing is sent', async () => {
    const since = new Date();
    const asset = await h.fresh.db
      .selectFrom('renders')
      .innerJoin('media_assets', 'media_assets.id', 'renders.output_asset_id')
      .select('media_assets.id')
      .where('renders.id', '=', h.renderId)
      .executeTakeFirstOrThrow();
    const id = await scheduleTarget(h, { caption: 'ا'.repeat(300), queue: false });
    const longVideo = await h.fresh.db
      .insertInto('media_assets')
      .values({ owner_id: h.userId, kind: 'video', storage_key: '/tmp/noor-long.mp4', content_sha256: 'b'.repeat(64), mime_type: 'video/mp4', bytes: 1, media_facts: { width: 1080, height: 1920, durationSec: 1500, fps: 30, bytes: 1, videoCodec: 'h264', audioCodec: 'aac', container: 'mp4' } })
      .returning('id')
      .executeTakeFirstOrThrow();
    const render = await h.fresh.db.insertInto('renders').values({ project_id: h.projectId, backend: 'local', status: 'done', output_asset_id: longVideo.id }).returning('id').executeTakeFirstOrThrow();
    const target = await targetRow(h, id);
    await h.fresh.db.updateTable('posts').set({ render_id: render.id }).where('id', '=', target.post_id).execute();
    await queuePublish(h.fresh.db, id, new Date());
    const row = await waitForStatus(h, id, ['published', 'failed']);
    expect(row).toMatchObject({ status: 'failed', error_class: 'invalid', attempts: 0 });
    expect(row.last_error).toContain('caption: ');
    expect(row.last_error).toContain('media.durationSec: 1,500 s is longer than');
    expect(createsSince(since)).toHaveLength(0);
    expect(asset.id).not.toBe(longVideo.id);
  });
});

describe('check_publish_status', () => {
  it('follows a processing upload to published', async () => {
    h.platform.processingChecks = 2;
    try {
      const id = await scheduleTarget(h);
      await waitForStatus(h, id, ['processing']);
      const row = await waitForStatus(h, id, ['published', 'failed']);
      expect(row.status).toBe('published');
      expect(row.external_id).toBe(postsFor(id)[0]!.id);
      expect(row.publish_handle).toBeNull();
      expect(await auditActions(h, id)).toEqual(['post_target.processing', 'post_target.published']);
    } finally {
      h.platform.processingChecks = 0;
    }
  });

  it('fails a target still processing after the time limit, saying so', async () => {
    h.platform.processingChecks = Number.POSITIVE_INFINITY;
    try {
      const id = await scheduleTarget(h);
      const processing = await waitForStatus(h, id, ['processing']);
      const row = await waitForStatus(h, id, ['published', 'failed'], 10_000);
      expect(row.status).toBe('failed');
      expect(row.last_error).toMatch(/still processing the upload .* gave up at the 1\.5 s limit after \d+ status checks/);
      expect(Date.now() - processing.processing_since!.getTime()).toBeGreaterThanOrEqual(FAST_CONFIG.publishing.status.limitMs);
      expect(postsFor(id)).toHaveLength(1);
    } finally {
      h.platform.processingChecks = 0;
    }
  });
});
