// TikTok specifics beyond the conformance suite, against the local fake: the
// chunk plan (pure), a multi-chunk FILE_UPLOAD of a >10 MB noise video in
// protocol, an upload resumed after a dropped chunk or 5xx without a second
// init, an expired upload link, creator_info privacy / duration / interaction
// choices (audited or not, private accounts), the six-inits-a-minute limit,
// TikTok's error codes and fail reasons, int64 post ids, PULL_FROM_URL (verified
// prefixes, a lost init answer), and findExisting by caption.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type AccountTokens, type PlatformAdapter, type PublishRequest, type StatusResult } from '../../server/platforms/adapter';
import { codeChallengeOf, newCodeVerifier, newOAuthState } from '../../server/platforms/pkce';
import { MAX_CHUNK_BYTES, MAX_CHUNKS, MAX_FINAL_CHUNK_BYTES, MIN_CHUNK_BYTES, planChunks } from '../../server/platforms/tiktok-chunks';
import { tiktokApiError } from '../../server/platforms/tiktok-errors';
import type { MediaFacts } from '../../server/platforms/validate';
import { probeVideo } from '../../server/renditions';
import { serveDirectory } from './conformance/video';
import { startTikTokFake, type TikTokFake } from './fakes/tiktok-server';

describe('planChunks', () => {
  const ranges = (size: number, chunkBytes: number) => planChunks(size, chunkBytes).chunks.map((c) => `${c.first}-${c.last}`);

  it("matches TikTok's worked example: 50,000,123 bytes in 10,000,000-byte chunks is 5 chunks, the last absorbing the remainder", () => {
    const plan = planChunks(50_000_123, 10_000_000);
    expect(plan).toMatchObject({ videoSize: 50_000_123, chunkSize: 10_000_000, totalChunkCount: 5 });
    expect(ranges(50_000_123, 10_000_000)).toEqual(['0-9999999', '10000000-19999999', '20000000-29999999', '30000000-39999999', '40000000-50000122']);
  });

  it.each([
    [3_145_728, 10_000_000, 3_145_728, ['0-3145727']],
    [5_000_000, MIN_CHUNK_BYTES, 5_000_000, ['0-4999999']],
    [9_999_999, 10_000_000, 9_999_999, ['0-9999998']],
    [19_999_999, 10_000_000, 10_000_000, ['0-19999998']],
    [64_000_001, MAX_CHUNK_BYTES, MAX_CHUNK_BYTES, ['0-64000000']],
    [256_000_000, MAX_CHUNK_BYTES, MAX_CHUNK_BYTES, ['0-63999999', '64000000-127999999', '128000000-191999999', '192000000-255999999']],
  ])('%i bytes in %i-byte chunks: chunk_size %i, %j', (size, chunkBytes, chunkSize, expected) => {
    const plan = planChunks(size, chunkBytes);
    expect(plan.chunkSize).toBe(chunkSize);
    expect(plan.totalChunkCount).toBe(Math.floor(size / chunkSize));
    expect(ranges(size, chunkBytes)).toEqual(expected);
  });

  it('holds every rule for sizes up to 4 GB: contiguous, whole, floor count, last chunk within 128 MB', () => {
    for (const size of [1, 5_242_879, 5_242_880, 10_485_761, 77_777_777, 999_999_999, 4_000_000_000]) {
      for (const chunkBytes of [MIN_CHUNK_BYTES, 10_000_000, MAX_CHUNK_BYTES]) {
        const plan = planChunks(size, chunkBytes);
        expect(plan.totalChunkCount).toBe(Math.floor(size / plan.chunkSize));
        expect(plan.totalChunkCount).toBeGreaterThanOrEqual(1);
        expect(plan.totalChunkCount).toBeLessThanOrEqual(MAX_CHUNKS);
        plan.chunks.forEach((c, i) => {
          expect(c.first).toBe(i * plan.chunkSize);
          if (i < plan.chunks.length - 1) expect(c.last - c.first + 1).toBe(plan.chunkSize);
        });
        const last = plan.chunks.at(-1)!;
        expect(last.last).toBe(size - 1);
        expect(last.last - last.first + 1).toBeLessThanOrEqual(MAX_FINAL_CHUNK_BYTES);
        if (size < 5_000_000) expect(plan.chunkSize).toBe(size);
      }
    }
  });

  it('refuses chunk sizes outside 5 MiB – 64 MB, empty files, and more than 1000 chunks', () => {
    expect(() => planChunks(10_000_000, 5_000_000)).toThrow(/outside TikTok's/);
    expect(() => planChunks(10_000_000, 64_000_001)).toThrow(/outside TikTok's/);
    expect(() => planChunks(0, MIN_CHUNK_BYTES)).toThrow(/positive/);
    expect(() => planChunks(1001 * MIN_CHUNK_BYTES, MIN_CHUNK_BYTES)).toThrow(/at most 1000/);
  });
});

describe('TikTok error codes', () => {
  it.each([
    [401, 'access_token_invalid', 'auth', undefined],
    [401, 'scope_not_authorized', 'auth', true],
    [429, 'rate_limit_exceeded', 'rate_limit', undefined],
    [403, 'spam_risk_too_many_posts', 'rate_limit', undefined],
    [403, 'reached_active_user_cap', 'rate_limit', undefined],
    [403, 'spam_risk_user_banned_from_posting', 'invalid', undefined],
    [403, 'privacy_level_option_mismatch', 'invalid', undefined],
    [403, 'unaudited_client_can_only_post_to_private_accounts', 'invalid', undefined],
    [403, 'url_ownership_unverified', 'invalid', undefined],
    [400, 'invalid_params', 'invalid', undefined],
    [400, 'file_format_check_failed', 'invalid', undefined],
    [400, 'duration_check_failed', 'invalid', undefined],
    [500, 'internal_error', 'transient', undefined],
    [503, 'something_new', 'transient', undefined],
    [400, 'something_new', 'invalid', undefined],
  ] as const)('HTTP %i %s is %s', (status, code, kind, revoked) => {
    const error = tiktokApiError('post/publish/video/init', status, { code, message: 'm', log_id: 'L1' }, null);
    expect(error.kind).toBe(kind);
    expect(error.details).toMatchObject({ status, code });
    expect(error.details.revoked).toBe(revoked);
    expect(error.message).toContain('log_id L1');
  });

  it('a 429 waits for Retry-After, else a minute; the daily cap waits an hour', () => {
    expect(tiktokApiError('x', 429, { code: 'rate_limit_exceeded' }, '12').details.retryAfterMs).toBe(12_000);
    expect(tiktokApiError('x', 429, { code: 'rate_limit_exceeded' }, null).details.retryAfterMs).toBe(60_000);
    expect(tiktokApiError('x', 403, { code: 'spam_risk_too_many_posts' }, null).details.retryAfterMs).toBe(3_600_000);
  });
});

/** A video cached in the temp dir, made once with ffmpeg. */
function cachedVideo(name: string, args: string[]): string {
  const file = path.join(os.tmpdir(), name);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.partial.mp4`;
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...args, partial]);
    renameSync(partial, file);
  }
  return file;
}

interface TestVideo {
  file: string;
  bytes: number;
  sha256: string;
  facts: MediaFacts;
}

async function testVideo(file: string): Promise<TestVideo> {
  const bytes = readFileSync(file);
  const { facts } = await probeVideo(file, 'output', { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' });
  return { file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), facts };
}

const errorOf = (promise: Promise<unknown>): Promise<PlatformError> =>
  promise.then(
    () => {
      throw new Error('expected a PlatformError, got success');
    },
    (error: unknown) => {
      if (!(error instanceof PlatformError)) throw error;
      return error;
    },
  );

describe('TikTok adapter against the fake', () => {
  let fake: TikTokFake;
  let adapter: PlatformAdapter;
  let small: TestVideo;
  let noise: TestVideo;
  let files: Awaited<ReturnType<typeof serveDirectory>>;

  beforeAll(async () => {
    small = await testVideo(cachedVideo('noor-tiktok-small-2s.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=1080x1920:rate=30', '-f', 'lavfi', '-i', 'sine', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']));
    noise = await testVideo(
      cachedVideo('noor-tiktok-noise-720x1280-1.5s.mp4', ['-f', 'lavfi', '-i', 'nullsrc=s=720x1280:r=30,geq=random(1)*255:128:128', '-f', 'lavfi', '-i', 'sine', '-t', '1.5', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']),
    );
    files = await serveDirectory(os.tmpdir());
  });
  afterAll(() => files?.close());

  beforeEach(async () => {
    fake = await startTikTokFake();
    adapter = fake.adapter();
    fake.setProcessing({ checks: 1 });
  });
  afterEach(async () => {
    expect(fake.protocolErrors()).toEqual([]);
    await fake.close();
  });

  const request = (video: TestVideo, overrides: { privacy?: string; thumbnailTimeSec?: number } = {}): PublishRequest => {
    const caption = `Indeed, with hardship comes ease (94:6) ${randomUUID().slice(0, 8)} #quran`;
    return {
      targetId: randomUUID(),
      caption,
      post: { caption, hashtags: [], overrides: { tiktok: overrides } },
      media: { file: video.file, url: files.url(video.file), facts: video.facts },
    };
  };

  async function drive(tokens: AccountTokens, req: PublishRequest, using = adapter): Promise<StatusResult> {
    let result: StatusResult = await using.publish(tokens, req);
    for (let i = 0; i < 50 && result.state === 'processing'; i++) {
      await sleep(10);
      result = await using.status(tokens, result.handle);
    }
    return result;
  }

  it('connects with hex PKCE, the scopes Noor needs, and the account from user/info', async () => {
    const verifier = newCodeVerifier();
    const url = new URL(adapter.authUrl({ state: newOAuthState(), codeChallenge: codeChallengeOf(verifier), redirectUri: 'http://127.0.0.1:8787/oauth/tiktok/callback' }));
    expect(url.pathname).toBe('/v2/auth/authorize/');
    expect(url.searchParams.get('scope')).toBe('user.info.basic,video.publish,video.list');
    expect(url.searchParams.get('code_challenge')).toBe(createHash('sha256').update(verifier).digest('hex'));
    const { code } = fake.consent(url.toString());
    const account = await adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: 'http://127.0.0.1:8787/oauth/tiktok/callback' });
    expect(account.externalAccountId).toMatch(/^-000\d+ZtKxHqWnoor\d+$/);
    expect(account.displayName).toMatch(/^Noor Creator \d+$/);
    expect(account.scopes).toEqual(['user.info.basic', 'video.publish', 'video.list']);
    expect(account.expiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    // the same code twice is refused
    expect((await errorOf(adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: 'http://127.0.0.1:8787/oauth/tiktok/callback' }))).kind).toBe('auth');
  });

  it('a wrong client secret is an auth error naming the settings, never a revocation', async () => {
    const tokens = fake.seedAccount();
    const error = await errorOf(fake.adapter({ clientSecret: 'wrong' }).refresh(tokens));
    expect(error).toMatchObject({ kind: 'auth', details: { code: 'invalid_client', status: 401 } });
    expect(error.details.revoked).toBeUndefined();
    expect(error.message).toContain('NOOR_TIKTOK_CLIENT_SECRET');
  });

  it('uploads a >10 MB video in three chunks, in order, the last absorbing the remainder', async () => {
    const tokens = fake.seedAccount();
    const result = await drive(tokens, request(noise));
    expect(result.state).toBe('published');
    const size = noise.bytes;
    expect(size).toBeGreaterThan(3 * MIN_CHUNK_BYTES);
    const total = Math.floor(size / MIN_CHUNK_BYTES);
    expect(fake.acceptedChunks()).toEqual(
      Array.from({ length: total }, (_, i) => `bytes ${i * MIN_CHUNK_BYTES}-${i === total - 1 ? size - 1 : (i + 1) * MIN_CHUNK_BYTES - 1}/${size}`),
    );
    const [post] = fake.published();
    expect(post).toMatchObject({ mediaSha256: noise.sha256, mediaBytes: size, details: { chunkSize: MIN_CHUNK_BYTES, totalChunkCount: total } });
  });

  it('sends a file under 5 MB whole; the post gets its int64 id exactly and a profile URL', async () => {
    expect(small.bytes).toBeLessThan(5_000_000);
    const tokens = fake.seedAccount();
    const result = await drive(tokens, request(small));
    const [post] = fake.published();
    expect(post).toMatchObject({ mediaSha256: small.sha256, details: { chunkSize: small.bytes, totalChunkCount: 1, privacy: 'PUBLIC_TO_EVERYONE' } });
    expect(post!.id).toMatch(/^\d{19}$/);
    expect(result).toEqual({ state: 'published', externalId: post!.id, url: expect.stringMatching(new RegExp(`^https://www\\.tiktok\\.com/@noor\\.creator\\d+/video/${post!.id}$`)) });
    const metrics = await adapter.metrics(tokens, post!.id);
    expect(metrics).toMatchObject({ views: 1000 + Number(post!.id.slice(-4)), comments: 10, shares: 3 });
  });

  it('resumes after a chunk was stored but its answer was lost: asks status/fetch, sends the rest, one init', async () => {
    const tokens = fake.seedAccount();
    const req = request(noise);
    fake.failNext('upload', { kind: 'server_error' }); // chunk 1, first send: refused, sent again
    fake.failNext('upload', { kind: 'drop_after_commit' }); // chunk 1, second send: stored, answer lost
    expect((await adapter.publish(tokens, req)).state).toBe('processing');
    expect(await drive(tokens, req)).toMatchObject({ state: 'published' });
    expect(fake.acceptedChunks()).toHaveLength(Math.floor(noise.bytes / MIN_CHUNK_BYTES));
    expect(fake.initCount()).toBe(1);
    expect(fake.published()).toHaveLength(1);
    expect(fake.published()[0]!.mediaSha256).toBe(noise.sha256);
  });

  it('after three 5xx on a chunk it gives up (transient); the retried publish resumes the same upload', async () => {
    const tokens = fake.seedAccount();
    const req = request(noise);
    fake.failNext('upload', { kind: 'server_error' }, 3);
    const error = await errorOf(adapter.publish(tokens, req));
    expect(error).toMatchObject({ kind: 'transient', details: { status: 500 } });
    expect(await adapter.findExisting(tokens, req)).toBeNull();
    expect(await drive(tokens, req)).toMatchObject({ state: 'published' });
    expect(fake.initCount()).toBe(1);
    expect(fake.published()).toHaveLength(1);
    expect(fake.published()[0]!.mediaSha256).toBe(noise.sha256);
    expect(await adapter.findExisting(tokens, req)).toMatchObject({ externalId: fake.published()[0]!.id });
  });

  it('an expired upload link is transient and the retry starts a new upload (the old task cannot finish)', async () => {
    const tokens = fake.seedAccount();
    const req = request(small);
    fake.failNext('upload', { kind: 'expired_token' });
    expect(await errorOf(adapter.publish(tokens, req))).toMatchObject({ kind: 'transient', details: { code: 'upload_url_expired', status: 403 } });
    expect(await drive(tokens, req)).toMatchObject({ state: 'published' });
    expect(fake.initCount()).toBe(2);
    expect(fake.published()).toHaveLength(1);
  });

  it('honours a privacy override offered by creator_info, refuses one that is not, and follows the creator switches and cover time', async () => {
    const tokens = fake.seedAccount();
    fake.setCreator({ commentDisabled: true, stitchDisabled: true });
    await drive(tokens, request(small, { privacy: 'MUTUAL_FOLLOW_FRIENDS', thumbnailTimeSec: 1.25 }));
    expect(fake.published()[0]!.details).toMatchObject({ privacy: 'MUTUAL_FOLLOW_FRIENDS', coverTimestampMs: 1250, disableComment: true, disableDuet: false, disableStitch: true });

    fake.setCreator({ privateAccount: true });
    const refused = await errorOf(adapter.publish(tokens, request(small, { privacy: 'PUBLIC_TO_EVERYONE' })));
    expect(refused).toMatchObject({ kind: 'invalid', details: { code: 'privacy_level_option_mismatch' } });
    expect(refused.message).toContain('FOLLOWER_OF_CREATOR, MUTUAL_FOLLOW_FRIENDS, SELF_ONLY');
    expect(fake.initCount()).toBe(1);
    // without an override a private account posts to its followers
    await drive(tokens, request(small));
    expect(fake.published()[1]!.details.privacy).toBe('FOLLOWER_OF_CREATOR');
  });

  it('an unaudited app posts SELF_ONLY to a private account: published under the publish_id, no URL, not listable', async () => {
    const tokens = fake.seedAccount();
    fake.setCreator({ audited: false });
    const publicAccount = await errorOf(adapter.publish(tokens, request(small)));
    expect(publicAccount).toMatchObject({ kind: 'invalid', details: { code: 'unaudited_client_can_only_post_to_private_accounts', status: 403 } });
    expect(publicAccount.message).toContain('make the account private');

    fake.setCreator({ audited: false, privateAccount: true });
    const req = request(small);
    const result = await drive(tokens, req);
    const [post] = fake.published();
    expect(post!.details.privacy).toBe('SELF_ONLY');
    expect(result).toEqual({ state: 'published', externalId: post!.details.publishId, url: null });
    expect(await fake.adapter().findExisting(tokens, req)).toBeNull();
    expect(await adapter.metrics(tokens, String(post!.details.publishId))).toMatchObject({ views: null, likes: null, comments: null, shares: null });
  });

  it("refuses a video longer than the account's max_video_post_duration_sec before any init", async () => {
    const tokens = fake.seedAccount();
    fake.setCreator({ maxVideoPostDurationSec: 1 });
    const error = await errorOf(adapter.publish(tokens, request(small)));
    expect(error).toMatchObject({ kind: 'invalid', details: { code: 'duration_check_failed' } });
    expect(error.message).toMatch(/runs 2(\.\d+)? s; this TikTok account may post at most 1 s/);
    expect(fake.initCount()).toBe(0);
  });

  it('the seventh init in a minute on one token is rate limited for a minute; the daily cap waits an hour', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing('never');
    for (let i = 0; i < 6; i++) expect((await adapter.publish(tokens, request(small))).state).toBe('processing');
    const limited = await errorOf(adapter.publish(tokens, request(small)));
    expect(limited).toMatchObject({ kind: 'rate_limit', details: { code: 'rate_limit_exceeded', status: 429, retryAfterMs: 60_000 } });
    fake.failNext('publish', { kind: 'quota_exceeded' });
    const capped = await errorOf(adapter.publish(fake.seedAccount(), request(small)));
    expect(capped).toMatchObject({ kind: 'rate_limit', details: { code: 'spam_risk_too_many_posts', retryAfterMs: 3_600_000 } });
  });

  it('translates a fail_reason into the cause and the next step', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing('fail');
    fake.setFailReason('frame_rate_check_failed');
    const result = await drive(tokens, request(small));
    expect(result).toEqual({ state: 'failed', reason: expect.stringMatching(/frame rate.*23–60 fps.*render at 30 fps.*\(fail_reason frame_rate_check_failed\)/) });
    expect(fake.published()).toHaveLength(0);
  });

  it('a connection without video.list must reconnect (scope_not_authorized is a revocation)', async () => {
    const tokens = fake.seedAccount({ scopes: ['user.info.basic', 'video.publish'] });
    const error = await errorOf(adapter.findExisting(tokens, { targetId: randomUUID(), caption: 'x' }));
    expect(error).toMatchObject({ kind: 'auth', details: { code: 'scope_not_authorized', revoked: true } });
    expect(error.message).toContain('reconnect the account');
  });

  it('findExisting in a fresh process finds the post by caption among recent public videos, and nothing else', async () => {
    const tokens = fake.seedAccount();
    const req = request(small);
    const result = await drive(tokens, req);
    if (result.state !== 'published') throw new Error(`publish ended ${result.state}`);
    const afterCrash = fake.adapter();
    expect(await afterCrash.findExisting(tokens, { targetId: req.targetId, caption: req.caption })).toEqual({ externalId: result.externalId, url: result.url });
    expect(await afterCrash.findExisting(tokens, { targetId: randomUUID(), caption: `${req.caption} (another)` })).toBeNull();
  });

  describe('PULL_FROM_URL', () => {
    it('TikTok downloads the video from a verified URL prefix; the bytes arrive whole', async () => {
      const tokens = fake.seedAccount();
      const pull = fake.adapter({ source: 'PULL_FROM_URL' });
      const req = request(small);
      expect(await errorOf(pull.publish(tokens, req))).toMatchObject({ kind: 'invalid', details: { code: 'url_ownership_unverified', status: 403 } });
      fake.verifyUrlPrefix(new URL(req.media.url!).origin + '/');
      expect(await drive(tokens, req, pull)).toMatchObject({ state: 'published' });
      expect(fake.published()[0]).toMatchObject({ mediaSha256: small.sha256, details: { source: 'PULL_FROM_URL' } });
      const noUrl = await errorOf(pull.publish(tokens, { ...req, targetId: randomUUID(), media: { ...req.media, url: null } }));
      expect(noUrl).toMatchObject({ kind: 'invalid', details: { code: 'media_url_missing' } });
    });

    it('an init whose answer was lost is never sent again: the retry waits, findExisting finds the post, else it fails with guidance', async () => {
      const tokens = fake.seedAccount();
      const pull = fake.adapter({ source: 'PULL_FROM_URL', unknownOutcomeWaitMs: 400 });
      const req = request(small);
      fake.verifyUrlPrefix(new URL(req.media.url!).origin + '/');
      fake.setProcessing({ checks: 0 });
      fake.failNext('publish', { kind: 'drop_after_commit' });
      expect(await errorOf(pull.publish(tokens, req))).toMatchObject({ kind: 'transient', details: { code: 'network' } });
      const waiting = await errorOf(pull.publish(tokens, req));
      expect(waiting).toMatchObject({ kind: 'transient', details: { code: 'outcome_unknown' } });
      expect(waiting.details.retryAfterMs).toBeLessThanOrEqual(400);
      expect(fake.initCount()).toBe(1);
      let found = await pull.findExisting(tokens, req);
      for (let i = 0; i < 50 && !found; i++) {
        await sleep(10);
        found = await pull.findExisting(tokens, req);
      }
      expect(found).toMatchObject({ externalId: fake.published()[0]!.id });

      // the same without the post ever appearing (TikTok failed the pull): after the wait, a final error, still one init
      const lost = request(small);
      fake.setProcessing('fail');
      fake.failNext('publish', { kind: 'drop_after_commit' });
      await errorOf(pull.publish(tokens, lost));
      await sleep(450);
      const gaveUp = await errorOf(pull.publish(tokens, lost));
      expect(gaveUp).toMatchObject({ kind: 'invalid', details: { code: 'outcome_unknown' } });
      expect(gaveUp.message).toContain('check the TikTok profile');
      expect(fake.initCount()).toBe(2);
      expect(fake.published()).toHaveLength(1);
    });
  });
});
