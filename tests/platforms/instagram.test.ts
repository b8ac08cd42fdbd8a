// Instagram adapter against its local fake (tests/platforms/fakes/instagram-server.ts):
// Business Login without PKCE and the long-lived token exchange, refresh of
// the access token itself (not before 24 h, never after expiry), the Reels
// container flow with its cover, thumb offset and processing states, the
// publishing quota checked before anything is created and refused at
// media_publish, exactly-once guards (a container published twice, a lost
// media_publish answer, a second container for the same caption),
// findExisting's caption match, insights, and the Graph error-code table.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type AccountTokens, type PlatformAdapter, type PublishRequest, type StatusResult } from '../../server/platforms/adapter';
import { INSTAGRAM_SCOPES } from '../../server/platforms/instagram';
import { instagramError } from '../../server/platforms/instagram-errors';
import { newOAuthState } from '../../server/platforms/pkce';
import { serveDirectory } from './conformance/video';
import { startInstagramFake, type InstagramFake } from './fakes/instagram-server';

const REDIRECT_URI = 'http://127.0.0.1:8787/oauth/instagram/callback';
const DAY_MS = 86_400_000;
const dir = path.join(os.tmpdir(), 'noor-instagram-test-media');
const videoFile = path.join(dir, 'reel.mp4');
const coverFile = path.join(dir, 'cover.png');
const junkFile = path.join(dir, 'junk.mp4');
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

let fake: InstagramFake;
let adapter: PlatformAdapter;
let files: Awaited<ReturnType<typeof serveDirectory>>;
let serial = 0;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(videoFile)) {
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=360x640:rate=30', '-f', 'lavfi', '-i', 'sine', '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', videoFile]);
  }
  if (!existsSync(coverFile)) execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=360x640', '-frames:v', '1', coverFile]);
  writeFileSync(junkFile, 'this is not a video at all, just text pretending to be one');
  files = await serveDirectory(dir);
  fake = await startInstagramFake();
  adapter = fake.adapter();
});
afterAll(async () => {
  await fake?.close();
  await files?.close();
});
let mistakesBefore = 0;
beforeEach(() => {
  fake.setProcessing({ checks: 0 });
  mistakesBefore = fake.protocolErrors().length;
});
/** Protocol mistakes the fake saw during this test. */
const mistakes = (): string[] => fake.protocolErrors().slice(mistakesBefore);

function request(options: { thumbnail?: boolean; thumbnailTimeSec?: number; file?: string; url?: string | null; caption?: string } = {}): PublishRequest {
  const caption = options.caption ?? `Light upon light (24:35) — instagram test ${++serial} ${Math.random().toString(36).slice(2, 8)}`;
  const file = options.file ?? videoFile;
  return {
    targetId: `target-${serial}`,
    caption,
    post: { caption, hashtags: [], overrides: options.thumbnailTimeSec === undefined ? undefined : { instagram: { thumbnailTimeSec: options.thumbnailTimeSec } } },
    media: {
      file,
      url: options.url === undefined ? files.url(file) : options.url,
      facts: { width: 360, height: 640, durationSec: 3, fps: 30, bytes: readFileSync(file).length, videoCodec: 'h264', audioCodec: 'aac', container: 'mov,mp4,m4a,3gp,3g2,mj2' },
    },
    thumbnail: options.thumbnail === false ? undefined : { file: coverFile, url: files.url(coverFile) },
  };
}

async function drive(tokens: AccountTokens, req: PublishRequest): Promise<StatusResult> {
  let result: StatusResult = await adapter.publish(tokens, req);
  for (let i = 0; i < 20 && result.state === 'processing'; i++) result = await adapter.status(tokens, result.handle);
  return result;
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}

const callsSince = (start: number) => fake.calls().slice(start);
const countOf = (start: number, method: string, pattern: RegExp) => callsSince(start).filter((c) => c.method === method && pattern.test(c.path)).length;

describe('connecting', () => {
  it('asks Business Login for the three scopes without PKCE, and ends with a long-lived token and the professional account id', async () => {
    const state = newOAuthState();
    const url = new URL(adapter.authUrl({ state, codeChallenge: 'challenge-instagram-ignores', redirectUri: REDIRECT_URI }));
    expect(url.pathname).toBe('/www/oauth/authorize');
    expect(url.searchParams.get('scope')).toBe(INSTAGRAM_SCOPES.join(','));
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.has('code_challenge')).toBe(false);
    const { code } = fake.consent(url.toString());
    const start = fake.calls().length;
    const account = await adapter.exchangeCode({ code, codeVerifier: 'unused', redirectUri: REDIRECT_URI });
    expect(account.refreshToken).toBeNull();
    expect(account.accessToken.startsWith('IGAAL')).toBe(true); // the fake's long-lived tokens
    expect(account.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(account.externalAccountId).toMatch(/^1784\d{13}$/);
    expect(account.displayName).toMatch(/^@noor_fake_\d+$/);
    expect(account.scopes).toEqual([...INSTAGRAM_SCOPES]);
    expect(callsSince(start).map((c) => `${c.method} ${c.path.replace(/v\d+\.\d+/, 'vN')}`)).toEqual(['POST /api/oauth/access_token', 'GET /graph/access_token', 'GET /graph/vN/me']);
    expect(mistakes()).toEqual([]);

    const reused = await rejection(adapter.exchangeCode({ code, codeVerifier: 'unused', redirectUri: REDIRECT_URI }));
    expect(reused.kind).toBe('invalid');
    expect(reused.message).toMatch(/start connecting the account again/);
    expect(reused.message).toMatch(/already used/);
  });

  it('refuses a code exchanged for another redirect URL or with a wrong app secret', async () => {
    const url = adapter.authUrl({ state: newOAuthState(), codeChallenge: 'x', redirectUri: REDIRECT_URI });
    const elsewhere = await rejection(adapter.exchangeCode({ code: fake.consent(url).code, codeVerifier: 'x', redirectUri: 'http://127.0.0.1:9999/cb' }));
    expect(elsewhere.kind).toBe('invalid');
    const wrongSecret = await rejection(fake.adapterWith({ clientSecret: 'not-the-secret' }).exchangeCode({ code: fake.consent(url).code, codeVerifier: 'x', redirectUri: REDIRECT_URI }));
    expect(wrongSecret.kind).toBe('invalid');
    expect(wrongSecret.message).not.toContain('not-the-secret');
    expect(mistakes()).toEqual([expect.stringMatching(/^code exchange: .*redirect_uri/), 'code exchange: Error validating client secret.']);
  });
});

describe('refreshing the access token', () => {
  it('refreshes a token older than 24 h with the token itself', async () => {
    const tokens = fake.seedAccount({ tokenAgeMs: 10 * DAY_MS });
    const fresh = await adapter.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).toBeNull();
    expect(fresh.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(fresh.scopes).toEqual(tokens.scopes);
  });

  it('leaves a token younger than 24 h alone (Instagram would refuse it) and never calls with an expired one', async () => {
    const young = fake.seedAccount({ tokenAgeMs: 2 * 3_600_000 });
    const start = fake.calls().length;
    expect(await adapter.refresh(young)).toBe(young);
    const expired = await rejection(adapter.refresh({ ...young, expiresAt: new Date(Date.now() - 1000) }));
    expect(expired).toMatchObject({ kind: 'auth', details: { revoked: true } });
    expect(expired.message).toMatch(/reconnect the Instagram account/);
    expect(callsSince(start)).toEqual([]);
  });

  it('a removed app access is final; a failing token endpoint is transient', async () => {
    const tokens = fake.seedAccount();
    fake.failNext('token', { kind: 'server_error' });
    const transient = await rejection(adapter.refresh(tokens));
    expect(transient.kind).toBe('transient');
    expect(transient.details.revoked).toBeUndefined();
    fake.failNext('token', { kind: 'rate_limit', retryAfterSec: 30 });
    expect(await rejection(adapter.refresh(tokens))).toMatchObject({ kind: 'rate_limit', details: { retryAfterMs: 30_000 } });
    fake.revokeRefreshToken(tokens.accessToken);
    const revoked = await rejection(adapter.refresh(tokens));
    expect(revoked).toMatchObject({ kind: 'auth', details: { revoked: true, code: '190/458' } });
    // Calls with the token say the same: the user removed the app.
    expect(await rejection(adapter.findExisting(tokens, { targetId: 't', caption: 'c' }))).toMatchObject({ kind: 'auth', details: { revoked: true } });
  });
});

describe('publishing Reels', () => {
  it('creates a REELS container with the cover, polls it, publishes it once and returns the permalink', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing({ checks: 2 });
    const req = request();
    const start = fake.calls().length;
    const first = await adapter.publish(tokens, req);
    expect(first).toMatchObject({ state: 'processing', pollAfterMs: 20 });
    if (first.state !== 'processing') return;
    expect(first.handle).toMatch(/^1784\d{13}:1790\d{13}:[0-9a-f]{16}$/);
    expect(await adapter.status(tokens, first.handle)).toMatchObject({ state: 'processing' });
    const done = await adapter.status(tokens, first.handle);
    expect(done).toMatchObject({ state: 'published', url: expect.stringMatching(/^https:\/\/www\.instagram\.com\/reel\/[\w-]+\/$/) });
    if (done.state !== 'published') return;

    const [post] = fake.published().filter((p) => p.id === done.externalId);
    expect(post).toMatchObject({ caption: req.caption, mediaSha256: sha(videoFile), mediaBytes: readFileSync(videoFile).length });
    expect(post!.details).toMatchObject({ mediaType: 'REELS', shareToFeed: true, thumbOffsetMs: null, cover: { sha256: sha(coverFile), contentType: 'image/png' } });
    const create = callsSince(start).find((c) => c.method === 'POST' && c.path.endsWith('/media'))!;
    expect(create.params).toMatchObject({ media_type: 'REELS', share_to_feed: 'true', video_url: req.media.url, cover_url: req.thumbnail!.url });
    expect(create.params).not.toHaveProperty('thumb_offset');
    expect(countOf(start, 'GET', /content_publishing_limit$/)).toBe(1);
    expect(countOf(start, 'POST', /media_publish$/)).toBe(1);
    expect(mistakes()).toEqual([]);

    // Asking again about a published container finds the same post and publishes nothing.
    expect(await adapter.status(tokens, first.handle)).toEqual(done);
    expect(countOf(start, 'POST', /media_publish$/)).toBe(1);
    expect(fake.published().filter((p) => p.caption === req.caption)).toHaveLength(1);
  });

  it('sends the cover frame as thumb_offset in ms when there is no cover image', async () => {
    const tokens = fake.seedAccount();
    const done = await drive(tokens, request({ thumbnail: false, thumbnailTimeSec: 1.5 }));
    if (done.state !== 'published') throw new Error(`ended ${done.state}`);
    expect(fake.published().find((p) => p.id === done.externalId)!.details).toMatchObject({ thumbOffsetMs: 1500, cover: null });
  });

  it('needs a public URL: no URL is invalid before any call', async () => {
    const tokens = fake.seedAccount();
    const start = fake.calls().length;
    const error = await rejection(adapter.publish(tokens, request({ url: null })));
    expect(error).toMatchObject({ kind: 'invalid', message: 'Instagram pulls the video from a public URL; configure S3 storage or NOOR_PUBLIC_BASE_URL' });
    expect(callsSince(start)).toEqual([]);
  });

  it('an unreachable URL is invalid with guidance', async () => {
    const tokens = fake.seedAccount();
    const error = await rejection(adapter.publish(tokens, request({ url: files.url(path.join(dir, 'missing.mp4')) })));
    expect(error).toMatchObject({ kind: 'invalid', details: { code: '9004/2207052' } });
    expect(error.message).toMatch(/must be public/);
  });

  it('a file Instagram cannot process fails with what to render instead', async () => {
    const tokens = fake.seedAccount();
    const error = await rejection(adapter.publish(tokens, request({ file: junkFile })));
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/2207026/);
    expect(error.message).toMatch(/H\.264 video and AAC audio/);

    fake.setProcessing('fail');
    const started = await adapter.publish(tokens, request()).catch((e: unknown) => e);
    expect(started).toBeInstanceOf(PlatformError);
    fake.setProcessing({ checks: 1 });
    const pending = await adapter.publish(tokens, request());
    if (pending.state !== 'processing') throw new Error('expected processing');
    fake.expireContainers();
    expect(await adapter.status(tokens, pending.handle)).toEqual({ state: 'failed', reason: expect.stringMatching(/container expired .*publish the post again/) });
    expect(mistakes()).toEqual([]);
  });

  it('refuses a handle it did not make', async () => {
    expect(await rejection(adapter.status(fake.seedAccount(), 'not-a-handle'))).toMatchObject({ kind: 'invalid', details: { code: 'bad_handle' } });
  });
});

describe('the publishing limit', () => {
  it('a full quota is a rate_limit before any container is made', async () => {
    const tokens = fake.seedAccount();
    fake.fillPublishingQuota(tokens.accessToken, 50);
    const start = fake.calls().length;
    const error = await rejection(adapter.publish(tokens, request()));
    expect(error).toMatchObject({ kind: 'rate_limit', details: { code: 'publishing_limit', retryAfterMs: (86_400 * 1000) / 50 } });
    expect(error.message).toMatch(/used 50 of its 50 API posts in the rolling 24 h/);
    expect(countOf(start, 'POST', /\/media$/)).toBe(0);
  });

  it('media_publish refusing with 9/2207042 is a rate_limit of an hour, and nothing is posted', async () => {
    const tokens = fake.seedAccount();
    fake.fillPublishingQuota(tokens.accessToken, 49);
    fake.setProcessing({ checks: 1 });
    const pending = await adapter.publish(tokens, request());
    if (pending.state !== 'processing') throw new Error('expected processing');
    fake.fillPublishingQuota(tokens.accessToken, 1);
    const before = fake.published().length;
    const error = await rejection(adapter.status(tokens, pending.handle));
    expect(error).toMatchObject({ kind: 'rate_limit', details: { code: '9/2207042', retryAfterMs: 3_600_000 } });
    expect(fake.published()).toHaveLength(before);
  });
});

describe('exactly once', () => {
  it('a lost media_publish answer is recovered from the container status without publishing again', async () => {
    const tokens = fake.seedAccount();
    const req = request();
    fake.failNext('publish', { kind: 'drop_after_commit' });
    const start = fake.calls().length;
    const result = await adapter.publish(tokens, req);
    const [post, ...others] = fake.published().filter((p) => p.caption === req.caption);
    expect(others).toEqual([]);
    expect(result).toEqual({ state: 'published', externalId: post!.id, url: post!.details.permalink });
    expect(countOf(start, 'POST', /media_publish$/)).toBe(1);
  });

  it('a finished container whose caption is already posted is not published again', async () => {
    const tokens = fake.seedAccount();
    const req = request();
    fake.setProcessing({ checks: 1 });
    const stale = await adapter.publish(tokens, req);
    if (stale.state !== 'processing') throw new Error('expected processing');
    // Meanwhile a retry made the post through a second container.
    fake.setProcessing({ checks: 0 });
    const retried = await adapter.publish(tokens, req);
    if (retried.state !== 'published') throw new Error('expected published');
    expect(await adapter.status(tokens, stale.handle)).toEqual(retried);
    expect(fake.published().filter((p) => p.caption === req.caption)).toHaveLength(1);
    expect(mistakes()).toEqual([]);
  });

  it('findExisting matches the exact caption among recent posts only', async () => {
    const tokens = fake.seedAccount();
    const req = request();
    expect(await adapter.findExisting(tokens, req)).toBeNull();
    const done = await drive(tokens, req);
    if (done.state !== 'published') throw new Error(`ended ${done.state}`);
    expect(await adapter.findExisting(tokens, { targetId: 'other', caption: `  ${req.caption}\n` })).toEqual({ externalId: done.externalId, url: done.url });
    expect(await adapter.findExisting(tokens, { targetId: req.targetId, caption: `${req.caption} (edited)` })).toBeNull();
    expect(await adapter.findExisting(fake.seedAccount(), req)).toBeNull();
    // An older post with the same caption (an evergreen repost) is not this target's.
    expect(await fake.adapterWith({ existingWithinHours: 0 }).findExisting(tokens, req)).toBeNull();
  });
});

describe('insights', () => {
  it('reads views, likes, comments and shares (not the retired plays), keeping saved and reach in raw', async () => {
    const tokens = fake.seedAccount();
    const done = await drive(tokens, request());
    if (done.state !== 'published') throw new Error(`ended ${done.state}`);
    const metrics = await adapter.metrics(tokens, done.externalId);
    expect(metrics).toEqual({ views: 120, likes: 14, comments: 3, shares: 2, raw: { views: 120, likes: 14, comments: 3, shares: 2, saved: 5, reach: 95 } });
    expect(mistakes()).toEqual([]);
  });
});

describe('Graph error codes', () => {
  const graph = (code: number, subcode?: number, extra: Record<string, unknown> = {}) => ({ error: { message: 'Meta says something', type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'Abc', ...extra } });
  const classify = (status: number, body: unknown, headers: Record<string, string> = {}, refresh = false) =>
    instagramError({ status, headers: new Headers(headers) }, body, { action: 'publishing the Reel', refresh });

  it.each([
    [400, graph(190, 463), 'auth', false],
    [400, graph(190), 'auth', false],
    [400, graph(190, 460), 'auth', true],
    [400, graph(190, 458), 'auth', true],
    [400, graph(190, 492), 'auth', true],
    [400, graph(100, 33), 'transient', undefined],
    [400, graph(-2, 2207003), 'transient', undefined],
    [400, graph(-2, 2207020), 'transient', undefined],
    [400, graph(1), 'transient', undefined],
    [503, graph(2), 'transient', undefined],
    [400, graph(352, 2207026), 'invalid', undefined],
    [400, graph(368), 'invalid', undefined],
    [400, graph(4, 2207051), 'invalid', undefined],
    [400, graph(100), 'invalid', undefined],
    [502, null, 'transient', undefined],
    [400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid redirect_uri' }, 'invalid', undefined],
  ] as const)('HTTP %i %j → %s (revoked %s)', (status, body, kind, revoked) => {
    const error = classify(status, body);
    expect(error.kind).toBe(kind);
    expect(error.details.revoked).toBe(revoked === false ? undefined : revoked);
    expect(error.details.status).toBe(status);
  });

  it.each([4, 17, 32, 613, 80002])('code %i is a rate limit, waiting as long as the usage header says', (code) => {
    const usage = JSON.stringify({ '1784': [{ type: 'instagram', call_count: 100, total_time: 30, total_cputime: 20, estimated_time_to_regain_access: 12 }] });
    expect(classify(400, graph(code), { 'x-business-use-case-usage': usage })).toMatchObject({ kind: 'rate_limit', details: { retryAfterMs: 12 * 60_000, code: String(code) } });
    expect(classify(400, graph(code), { 'x-app-usage': '{"call_count":100,"total_time":5,"total_cputime":5}' }).details.retryAfterMs).toBeUndefined();
    expect(classify(400, graph(code), { 'retry-after': '7', 'x-business-use-case-usage': usage }).details.retryAfterMs).toBe(7000);
  });

  it('the publishing limit waits an hour unless told; a 190 while refreshing is final unless the account only needs a check', () => {
    expect(classify(400, graph(9, 2207042))).toMatchObject({ kind: 'rate_limit', details: { retryAfterMs: 3_600_000, code: '9/2207042' } });
    expect(classify(400, graph(190, 463), {}, true)).toMatchObject({ kind: 'auth', details: { revoked: true } });
    expect(classify(400, graph(190, 459), {}, true).details.revoked).toBeUndefined();
  });

  it('says the cause and the next step, quotes Meta only for codes it does not know, and never a token', () => {
    expect(classify(400, graph(352, 2207026)).message).toBe(
      "Instagram, publishing the Reel: Instagram cannot process this video's format; render an MP4 with H.264 video and AAC audio, 23–60 fps, 3 s–15 min, ≤ 300 MB (Noor's Instagram rendition does) and publish again [code 352/2207026]",
    );
    const token = `IGAAL${'x'.repeat(60)}`;
    const unknown = classify(400, graph(100, undefined, { message: `(#100) Bad value for access_token ${token}` }));
    expect(unknown.message).toMatch(/Instagram said: \(#100\) Bad value for access_token …/);
    expect(unknown.message).not.toContain(token);
    expect(classify(400, graph(190, 460)).message).toMatch(/password was changed.*reconnect the Instagram account/);
  });
});
