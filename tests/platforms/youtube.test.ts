// The YouTube adapter against the local fake YouTube: Google OAuth (consent
// URL, PKCE exchange, channel as the account, refresh that keeps the refresh
// token), the resumable upload protocol chunk by chunk (resuming after a
// dropped or failed chunk, a lost final answer, bounded retries, expired
// sessions), processing into Shorts or watch URLs, metadata and thumbnails,
// the daily quota counted locally and reported by Google, the error table by
// status and reason, metrics and findExisting.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type AccountTokens, type PlatformAdapter, type PublishRequest, type StatusResult } from '../../server/platforms/adapter';
import { codeChallengeOf, newCodeVerifier, newOAuthState } from '../../server/platforms/pkce';
import type { PlatformOverride } from '../../server/platforms/validate';
import { YOUTUBE_SCOPES } from '../../server/platforms/youtube';
import { nextPacificMidnight } from '../../server/platforms/youtube-quota';
import { startFake, type YouTubeFake } from './fakes/youtube-server';
import { platformError } from './platform-error';

const REDIRECT_URI = 'http://127.0.0.1:8787/oauth/youtube/callback';
const KIB256 = 256 * 1024;

/** A test file made once with ffmpeg and kept in the temp directory. */
function cached(name: string, args: string[]): string {
  const file = path.join(os.tmpdir(), name);
  if (!existsSync(file)) execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...args, file]);
  return file;
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

let fake: YouTubeFake;
let adapter: PlatformAdapter;
/** A vertical noise video of ~2.8 MB: eleven 256 KiB chunks. */
let bigVideo: string;
/** A video smaller than one chunk. */
let tinyVideo: string;
let thumbnail: string;

beforeAll(async () => {
  bigVideo = cached('noor-youtube-test-noise.mp4', ['-f', 'lavfi', '-i', 'nullsrc=s=360x640:r=30,geq=random(1)*255:128:128', '-f', 'lavfi', '-i', 'sine', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']);
  tinyVideo = cached('noor-youtube-test-tiny.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=180x320:rate=30', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
  thumbnail = cached('noor-youtube-test-thumb.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x180', '-frames:v', '1']);
  fake = (await startFake()) as YouTubeFake;
  adapter = fake.adapter();
});
afterAll(() => fake?.close());
beforeEach(() => fake.setProcessing({ checks: 0 }));

function request(options: { file?: string; caption?: string; youtube?: PlatformOverride; thumbnail?: string } = {}): PublishRequest {
  const caption = options.caption ?? `Light upon light (24:35) ${randomUUID().slice(0, 8)}\n\n#quran #noor`;
  return {
    targetId: randomUUID(),
    caption,
    post: { caption, hashtags: [], overrides: { youtube: options.youtube ?? { title: 'Light upon light' } } },
    media: { file: options.file ?? tinyVideo, url: null, facts: { width: 180, height: 320, durationSec: 1, fps: 30, bytes: 1, videoCodec: 'h264', audioCodec: null, container: 'mov,mp4,m4a,3gp,3g2,mj2' } },
    thumbnail: options.thumbnail ? { file: options.thumbnail, url: null } : undefined,
  };
}

async function drive(tokens: AccountTokens, req: PublishRequest, using = adapter): Promise<StatusResult> {
  let result: StatusResult = await using.publish(tokens, req);
  for (let i = 0; i < 20 && result.state === 'processing'; i++) result = await using.status(tokens, result.handle);
  return result;
}

const uploadsSince = (from: number) => fake.requests().slice(from).filter((r) => r.path === '/upload/youtube/v3/videos');
const made = (caption: string) => fake.published().filter((p) => p.caption === caption);

describe('connecting', () => {
  it('asks Google for offline access with consent, both scopes and an S256 challenge', () => {
    const url = new URL(adapter.authUrl({ state: 's1', codeChallenge: codeChallengeOf(newCodeVerifier()), redirectUri: REDIRECT_URI }));
    const q = url.searchParams;
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/o/oauth2/v2/auth`);
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('prompt')).toBe('consent');
    expect(q.get('include_granted_scopes')).toBe('true');
    expect(q.get('scope')?.split(' ').sort()).toEqual([...YOUTUBE_SCOPES].sort());
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('response_type')).toBe('code');
  });

  it('turns the code into tokens and the channel as the account', async () => {
    const verifier = newCodeVerifier();
    const { code } = fake.consent(adapter.authUrl({ state: newOAuthState(), codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT_URI }));
    const account = await adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(account.externalAccountId).toMatch(/^UC/);
    expect(account.displayName).toMatch(/^Noor Test Channel/);
    expect(account.refreshToken).toMatch(/^1\/\//);
    expect(account.scopes.sort()).toEqual([...YOUTUBE_SCOPES].sort());
    // A code works once.
    const replay = await platformError(adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI }));
    expect(replay).toMatchObject({ kind: 'auth', details: { code: 'invalid_grant' } });
    expect(replay.details.revoked).toBeFalsy();
  });

  it('refuses a connection where the user unticked the upload permission', async () => {
    const verifier = newCodeVerifier();
    const url = adapter.authUrl({ state: newOAuthState(), codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT_URI });
    const { code } = fake.consent(url, { withhold: ['https://www.googleapis.com/auth/youtube.upload'] });
    const error = await platformError(adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI }));
    expect(error).toMatchObject({ kind: 'auth', details: { code: 'scope_missing' } });
    expect(error.message).toMatch(/allow Noor to upload/);
  });

  it('reports a redirect URI that differs from the consent one, and a wrong client secret, as invalid', async () => {
    const verifier = newCodeVerifier();
    const first = fake.consent(adapter.authUrl({ state: newOAuthState(), codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT_URI }));
    const mismatch = await platformError(adapter.exchangeCode({ code: first.code, codeVerifier: verifier, redirectUri: 'http://127.0.0.1:9999/elsewhere' }));
    expect(mismatch).toMatchObject({ kind: 'invalid', details: { code: 'redirect_uri_mismatch' } });
    const wrongSecret = fake.adapter({ clientSecret: 'not-the-secret' });
    const error = await platformError(wrongSecret.refresh(fake.seedAccount()));
    expect(error).toMatchObject({ kind: 'invalid', details: { code: 'invalid_client', status: 401 } });
  });
});

describe('refreshing', () => {
  it('keeps the refresh token Google does not send again, with a new access token and expiry', async () => {
    const tokens = fake.seedAccount();
    const fresh = await adapter.refresh(tokens);
    expect(fresh.refreshToken).toBe(tokens.refreshToken);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(fresh.scopes).toEqual(expect.arrayContaining([...YOUTUBE_SCOPES]));
  });

  it('a token endpoint in trouble is transient or rate-limited, never revoked; invalid_grant is revoked', async () => {
    const tokens = fake.seedAccount();
    fake.failNext('token', { kind: 'server_error' });
    const down = await platformError(adapter.refresh(tokens));
    expect(down).toMatchObject({ kind: 'transient', details: { status: 503 } });
    expect(down.details.revoked).toBeFalsy();
    fake.failNext('token', { kind: 'rate_limit', retryAfterSec: 4 });
    const busy = await platformError(adapter.refresh(tokens));
    expect(busy).toMatchObject({ kind: 'rate_limit', details: { retryAfterMs: 4000 } });
    expect(busy.details.revoked).toBeFalsy();
    fake.failNext('token', { kind: 'drop_after_commit' });
    expect(await platformError(adapter.refresh(tokens))).toMatchObject({ kind: 'transient', details: { code: 'network' } });
    // Still connected after all that.
    expect((await adapter.refresh(tokens)).refreshToken).toBe(tokens.refreshToken);
    fake.revokeRefreshToken(tokens.refreshToken!);
    const revoked = await platformError(adapter.refresh(tokens));
    expect(revoked).toMatchObject({ kind: 'auth', details: { revoked: true, code: 'invalid_grant' } });
    expect(revoked.message).toMatch(/reconnect/);
    expect(revoked.message).not.toContain(tokens.refreshToken!);
  });
});

describe('uploading', () => {
  it('sends every byte in contiguous 256 KiB-multiple chunks with the metadata and thumbnail', async () => {
    const tokens = fake.seedAccount();
    const from = fake.requests().length;
    const req = request({ file: bigVideo, thumbnail, youtube: { title: 'Ayat an-Nur', tags: ['quran', 'light verse'], privacy: 'unlisted', madeForKids: true } });
    const result = await drive(tokens, req);
    expect(result).toMatchObject({ state: 'published' });
    const [post, ...others] = made(req.caption);
    expect(others).toHaveLength(0);
    expect(post).toMatchObject({ mediaSha256: sha256(bigVideo), mediaBytes: readFileSync(bigVideo).length });
    expect(post?.details).toMatchObject({ title: 'Ayat an-Nur', tags: ['quran', 'light verse'], privacyStatus: 'unlisted', madeForKids: true, categoryId: '22', thumbnail: { sha256: sha256(thumbnail), contentType: 'image/png' } });

    const puts = uploadsSince(from).filter((r) => r.method === 'PUT');
    const total = readFileSync(bigVideo).length;
    expect(puts.length).toBe(Math.ceil(total / KIB256));
    puts.forEach((put, i) => {
      const last = Math.min((i + 1) * KIB256, total) - 1;
      expect(put.contentRange).toBe(`bytes ${i * KIB256}-${last}/${total}`);
      expect(put.status).toBe(i === puts.length - 1 ? 201 : 308);
    });
    expect(fake.protocolErrors()).toEqual([]);
  });

  it('titles the video with the caption\'s first line when there is no title, and never cuts a long one', async () => {
    const tokens = fake.seedAccount();
    const req = request({ caption: `First line ${randomUUID().slice(0, 6)}\nsecond line`, youtube: {} });
    await drive(tokens, req);
    expect(made(req.caption)[0]?.details.title).toBe(req.caption.split('\n')[0]);

    const from = fake.requests().length;
    const long = await platformError(adapter.publish(tokens, request({ youtube: { title: 'x'.repeat(101) } })));
    expect(long).toMatchObject({ kind: 'invalid', details: { code: 'title_too_long' } });
    expect(long.message).toContain('101 of 100');
    expect(fake.requests().length).toBe(from);
  });

  it('resumes from what the session holds after a chunk is stored but its answer is lost', async () => {
    const tokens = fake.seedAccount();
    const from = fake.requests().length;
    const req = request({ file: bigVideo });
    fake.failNext('upload', { kind: 'drop_after_commit' });
    expect(await drive(tokens, req)).toMatchObject({ state: 'published' });
    const total = readFileSync(bigVideo).length;
    const puts = uploadsSince(from).filter((r) => r.method === 'PUT');
    expect(puts.slice(0, 3).map((p) => [p.contentRange, p.status])).toEqual([
      [`bytes 0-${KIB256 - 1}/${total}`, 'dropped'],
      [`bytes */${total}`, 308],
      [`bytes ${KIB256}-${2 * KIB256 - 1}/${total}`, 308],
    ]);
    expect(made(req.caption)).toHaveLength(1);
    expect(made(req.caption)[0]?.mediaSha256).toBe(sha256(bigVideo));
    expect(fake.protocolErrors()).toEqual([]);
  });

  it('sends a chunk again after a 5xx once the session says it has nothing', async () => {
    const tokens = fake.seedAccount();
    const from = fake.requests().length;
    fake.failNext('upload', { kind: 'server_error' });
    const req = request({ file: bigVideo });
    expect(await drive(tokens, req)).toMatchObject({ state: 'published' });
    const total = readFileSync(bigVideo).length;
    const puts = uploadsSince(from).filter((r) => r.method === 'PUT');
    expect(puts.slice(0, 3).map((p) => [p.contentRange, p.status])).toEqual([
      [`bytes 0-${KIB256 - 1}/${total}`, 503],
      [`bytes */${total}`, 308],
      [`bytes 0-${KIB256 - 1}/${total}`, 308],
    ]);
    expect(made(req.caption)[0]?.mediaSha256).toBe(sha256(bigVideo));
  });

  it('gets the video from the session when the final chunk made it but its answer did not', async () => {
    const tokens = fake.seedAccount();
    const req = request({ file: tinyVideo });
    fake.failNext('upload', { kind: 'drop_after_commit' });
    const result = await drive(tokens, req);
    expect(result).toMatchObject({ state: 'published' });
    expect(made(req.caption)).toHaveLength(1);
    if (result.state === 'published') expect(result.externalId).toBe(made(req.caption)[0]?.id);
  });

  it('gives up as transient after the bounded number of resumes, without a video', async () => {
    const tokens = fake.seedAccount();
    const limited = fake.adapter({ maxResumes: 2 });
    fake.failNext('upload', { kind: 'server_error' }, 3);
    const req = request();
    const error = await platformError(limited.publish(tokens, req));
    expect(error).toMatchObject({ kind: 'transient', details: { status: 503, code: 'backendError' } });
    expect(made(req.caption)).toHaveLength(0);
  });

  it('reports an expired upload session as transient, so the scheduler uploads again', async () => {
    const tokens = fake.seedAccount();
    const slow = fake.adapter({ resumeDelayMs: 300 });
    fake.failNext('upload', { kind: 'server_error' });
    const from = fake.requests().length;
    const publishing = platformError(slow.publish(tokens, request({ file: bigVideo })));
    while (!uploadsSince(from).some((r) => r.status === 503)) await sleep(10);
    fake.expireUploadSessions();
    expect(await publishing).toMatchObject({ kind: 'transient', details: { code: 'upload_session_expired', status: 404 } });
  });

  it('refuses the wrong chunk size before sending anything', async () => {
    const odd = fake.adapter({ chunkBytes: 300_000 });
    const from = fake.requests().length;
    expect(await platformError(odd.publish(fake.seedAccount(), request()))).toMatchObject({ kind: 'invalid', details: { code: 'chunk_size' } });
    expect(fake.requests().length).toBe(from);
  });
});

describe('processing', () => {
  it('is processing with a Shorts handle until videos.list says processed, then a Shorts URL', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing({ checks: 2 });
    const started = await adapter.publish(tokens, request());
    expect(started).toMatchObject({ state: 'processing', handle: expect.stringMatching(/^short:/), pollAfterMs: 20 });
    if (started.state !== 'processing') return;
    expect(await adapter.status(tokens, started.handle)).toMatchObject({ state: 'processing' });
    const done = await adapter.status(tokens, started.handle);
    const id = started.handle.slice('short:'.length);
    expect(done).toEqual({ state: 'published', externalId: id, url: `https://youtube.com/shorts/${id}` });
  });

  it('links a regular video with watch?v=', async () => {
    const result = await drive(fake.seedAccount(), request({ youtube: { title: 'Long form', format: 'video' } }));
    expect(result).toMatchObject({ state: 'published', url: expect.stringMatching(/^https:\/\/www\.youtube\.com\/watch\?v=/) });
  });

  it('fails with YouTube\'s reason in words', async () => {
    fake.setProcessing('fail');
    const result = await drive(fake.seedAccount(), request());
    expect(result).toEqual({ state: 'failed', reason: expect.stringMatching(/codec.*H\.264/) });
  });

  it('answers failed for a video that is gone', async () => {
    expect(await adapter.status(fake.seedAccount(), 'short:doesNotExist')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/no video doesNotExist/) });
  });

  it('still reports the URL when an unaudited project locks a public upload private', async () => {
    fake.setUnverifiedProject(true);
    try {
      const req = request({ youtube: { title: 'Asked public', privacy: 'public' } });
      const result = await drive(fake.seedAccount(), req);
      expect(result).toMatchObject({ state: 'published', url: expect.stringContaining('youtube.com/shorts/') });
      expect(made(req.caption)[0]?.details.privacyStatus).toBe('private');
    } finally {
      fake.setUnverifiedProject(false);
    }
  });

  it('keeps the video when YouTube refuses its thumbnail', async () => {
    fake.refuseThumbnails(true);
    try {
      const req = request({ thumbnail });
      expect(await drive(fake.seedAccount(), req)).toMatchObject({ state: 'published' });
      expect(made(req.caption)).toHaveLength(1);
      expect(made(req.caption)[0]?.details.thumbnail).toBeNull();
    } finally {
      fake.refuseThumbnails(false);
    }
  });
});

describe('quota', () => {
  it('nextPacificMidnight follows daylight saving', () => {
    expect(nextPacificMidnight(new Date('2026-07-01T20:00:00Z')).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-01-15T07:59:00Z')).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-03-08T05:00:00Z')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('stops before an upload that would pass the daily units, until midnight Pacific', async () => {
    let now = new Date('2026-07-01T20:00:00Z');
    const budget = fake.adapter({ dailyQuotaUnits: 3300, clock: () => now });
    const tokens = fake.seedAccount();
    await drive(tokens, request(), budget);
    expect(await budget.publish(tokens, request())).toMatchObject({ state: 'published' });
    // 3,200 spent: one more upload (1,600) does not fit, and nothing is sent.
    const from = fake.requests().length;
    const error = await platformError(budget.publish(tokens, request()));
    expect(error).toMatchObject({ kind: 'rate_limit', details: { code: 'quota_budget', retryAfterMs: 11 * 3600_000 } });
    expect(error.message).toMatch(/1,600 quota units.*100 of today's 3,300.*midnight Pacific/);
    expect(fake.requests().length).toBe(from);
    now = new Date('2026-07-02T07:00:01Z');
    expect(await budget.publish(tokens, request())).toMatchObject({ state: 'published' });
  });

  it('counts reads too', async () => {
    const tokens = fake.seedAccount();
    const result = await drive(tokens, request());
    if (result.state !== 'published') throw new Error('not published');
    const reads = fake.adapter({ dailyQuotaUnits: 2 });
    await reads.metrics(tokens, result.externalId);
    await reads.status(tokens, result.externalId);
    expect(await platformError(reads.metrics(tokens, result.externalId))).toMatchObject({ kind: 'rate_limit', details: { code: 'quota_budget' } });
  });

  it("waits for midnight Pacific when Google says the project's quota is spent", async () => {
    const now = new Date('2026-07-01T20:00:00Z');
    const clocked = fake.adapter({ clock: () => now });
    const tokens = fake.seedAccount();
    fake.failNext('publish', { kind: 'quota_exceeded' });
    const error = await platformError(clocked.publish(tokens, request()));
    expect(error).toMatchObject({ kind: 'rate_limit', details: { status: 403, code: 'quotaExceeded', retryAfterMs: 11 * 3600_000 } });
    // Google's word is not counted as local spending: the next call goes through.
    expect(await clocked.publish(tokens, request())).toMatchObject({ state: 'published' });
  });
});

describe('errors by status and reason', () => {
  const table: Array<[number, string, PlatformError['kind']]> = [
    [401, 'authError', 'auth'],
    [403, 'insufficientPermissions', 'auth'],
    [403, 'forbidden', 'auth'],
    [403, 'youtubeSignupRequired', 'auth'],
    [403, 'accessNotConfigured', 'invalid'],
    [403, 'dailyLimitExceeded', 'rate_limit'],
    [403, 'userRateLimitExceeded', 'rate_limit'],
    [429, 'tooManyRequests', 'rate_limit'],
    [400, 'badRequest', 'invalid'],
    [404, 'videoNotFound', 'invalid'],
    [500, 'backendError', 'transient'],
    [503, 'backendError', 'transient'],
  ];
  let tokens: AccountTokens;
  let videoId: string;
  beforeAll(async () => {
    tokens = fake.seedAccount();
    const result = await drive(tokens, request());
    if (result.state !== 'published') throw new Error('not published');
    videoId = result.externalId;
  });

  it.each(table)('videos.list %i %s → %s', async (status, reason, kind) => {
    fake.failNextWith('metrics', status, reason, { 'retry-after': '9' });
    const error = await platformError(adapter.metrics(tokens, videoId));
    expect(error).toMatchObject({ kind, details: { status, code: reason } });
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain(tokens.accessToken);
    if (reason === 'userRateLimitExceeded' || reason === 'tooManyRequests') expect(error.details.retryAfterMs).toBe(9000);
    if (kind === 'auth') expect(error.details.revoked).toBeFalsy();
  });

  it.each([
    [400, 'invalidTitle', 'invalid'],
    [403, 'forbiddenPrivacySetting', 'invalid'],
    [400, 'uploadLimitExceeded', 'rate_limit'],
  ] as const)('videos.insert %i %s → %s, with no video', async (status, reason, kind) => {
    const req = request();
    fake.failNextWith('publish', status, reason);
    const error = await platformError(adapter.publish(tokens, req));
    expect(error).toMatchObject({ kind, details: { status, code: reason } });
    if (reason === 'uploadLimitExceeded') expect(error.details.retryAfterMs).toBeGreaterThan(0);
    expect(made(req.caption)).toHaveLength(0);
  });

  it('no answer in time is transient, from the Data API and from the token endpoint', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const hanging = fake.adapter({ rootUrl: `${base}/`, tokenUrl: `${base}/token`, requestTimeoutMs: 200 });
      const api = await platformError(hanging.metrics(tokens, videoId));
      expect(api).toMatchObject({ kind: 'transient', details: { code: 'network' } });
      expect(api.message).toContain('no answer within 200 ms');
      const token = await platformError(hanging.refresh(tokens));
      expect(token).toMatchObject({ kind: 'transient', details: { code: 'network' } });
      expect(token.details.revoked).toBeFalsy();
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('a rate limit carries Retry-After', async () => {
    fake.failNext('status', { kind: 'rate_limit', retryAfterSec: 12 });
    expect(await platformError(adapter.status(tokens, videoId))).toMatchObject({ kind: 'rate_limit', details: { code: 'rateLimitExceeded', retryAfterMs: 12_000 } });
  });
});

describe('metrics and findExisting', () => {
  it('reads views, likes and comments; YouTube has no share count', async () => {
    const tokens = fake.seedAccount();
    const result = await drive(tokens, request());
    if (result.state !== 'published') throw new Error('not published');
    const metrics = await adapter.metrics(tokens, result.externalId);
    expect(metrics).toMatchObject({ views: 120, likes: 14, comments: 3, shares: null, raw: { viewCount: '120' } });
    expect(await platformError(adapter.metrics(tokens, 'noSuchVideo'))).toMatchObject({ kind: 'invalid', details: { code: 'videoNotFound' } });
  });

  it("finds the channel's upload whose description is the caption, and only on that channel", async () => {
    const tokens = fake.seedAccount();
    const req = request();
    const result = await drive(tokens, req);
    if (result.state !== 'published') throw new Error('not published');
    await drive(tokens, request());
    expect(await adapter.findExisting(tokens, { targetId: req.targetId, caption: req.caption })).toEqual({ externalId: result.externalId, url: `https://www.youtube.com/watch?v=${result.externalId}` });
    expect(await adapter.findExisting(tokens, { targetId: req.targetId, caption: `${req.caption.replace(/\n/g, '\r\n')}\n` })).toMatchObject({ externalId: result.externalId });
    expect(await adapter.findExisting(tokens, { targetId: randomUUID(), caption: 'never posted' })).toBeNull();
    expect(await adapter.findExisting(fake.seedAccount(), { targetId: req.targetId, caption: req.caption })).toBeNull();
  });

  it('a session start whose answer was lost leaves no video, and the retry makes exactly one', async () => {
    const tokens = fake.seedAccount();
    const req = request();
    fake.failNext('publish', { kind: 'drop_after_commit' });
    expect(await platformError(adapter.publish(tokens, req))).toMatchObject({ kind: 'transient', details: { code: 'network' } });
    expect(await adapter.findExisting(tokens, req)).toBeNull();
    expect(await drive(tokens, req)).toMatchObject({ state: 'published' });
    expect(made(req.caption)).toHaveLength(1);
  });
});

describe('validate', () => {
  it("uses YouTube's rules", () => {
    const violations = adapter.validate({ caption: 'x', hashtags: [], overrides: { youtube: { privacy: 'friends' } } });
    expect(violations.map((v) => v.code).sort()).toEqual(['privacy_invalid', 'title_missing']);
  });
});
