// X adapter behaviour against the local fake X (tests/platforms/fakes/x-server.ts,
// reached through msw interception of twitter-api-v2's https calls): the OAuth
// consent URL and code exchange, refresh-token rotation, the chunked upload
// protocol with a real ffmpeg MP4, processing (inline wait, handles, failure),
// exactly-once posting, findExisting's matching, metrics, and how X's error
// answers are classified.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AccountTokens, type PlatformAdapter, type PublishRequest } from '../../server/platforms/adapter';
import { codeChallengeOf, newCodeVerifier, newOAuthState } from '../../server/platforms/pkce';
import { createXAdapter, X_SCOPES } from '../../server/platforms/x';
import { startXFake, X_FAKE_CLIENT_ID, X_FAKE_CLIENT_SECRET, type XFake } from './fakes/x-server';
import { platformError as failure } from './platform-error';

const REDIRECT_URI = 'http://127.0.0.1:8787/oauth/x/callback';
const CHUNK = 256 * 1024;

/** A 1 s 240×432 noise MP4 (about 1.3 MB: several chunks), made once per machine. */
function testVideo(): string {
  const file = path.join(os.tmpdir(), 'noor-x-adapter-test-240.mp4');
  if (!existsSync(file))
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'nullsrc=s=240x432:r=30,geq=random(1)*255:128:128', '-f', 'lavfi', '-i', 'sine', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file]);
  return file;
}

let video: string;
let videoSha: string;
let videoBytes: number;
let fake: XFake;
let adapter: PlatformAdapter;
let serial = 0;

function request(caption = `Light upon light (24:35) — x test ${++serial} ${Date.now()}`): PublishRequest {
  return {
    targetId: `target-${serial}`,
    caption,
    post: { caption, hashtags: [] },
    media: { file: video, url: null, facts: { width: 240, height: 432, durationSec: 1, fps: 30, bytes: videoBytes, videoCodec: 'h264', audioCodec: 'aac', container: 'mov,mp4,m4a,3gp,3g2,mj2' } },
  };
}

const calls = (method: string, pattern: RegExp) => fake.requests().filter((r) => r.method === method && pattern.test(r.path)).length;
const postsWith = (caption: string) => fake.published().filter((p) => p.caption === caption);

beforeAll(async () => {
  video = testVideo();
  const bytes = readFileSync(video);
  videoSha = createHash('sha256').update(bytes).digest('hex');
  videoBytes = statSync(video).size;
  fake = await startXFake({ adapter: { chunkBytes: CHUNK } });
  adapter = fake.adapter();
});
afterAll(() => fake?.close());
beforeEach(() => {
  fake.setProcessing({ checks: 0 });
  fake.setCheckAfterSecs(1);
});

describe('connecting an X account', () => {
  it('sends the user to X with our PKCE challenge (S256), the state and the scopes video posting needs', () => {
    const url = adapter.authUrl({ state: 'st-1', codeChallenge: 'challenge-from-noor', redirectUri: REDIRECT_URI });
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://x.com/i/oauth2/authorize');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      response_type: 'code',
      client_id: X_FAKE_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      state: 'st-1',
      code_challenge: 'challenge-from-noor',
      code_challenge_method: 'S256',
    });
    expect(url).toContain('scope=tweet.read%20tweet.write');
  });

  it('turns the code into tokens and the @username account; a code works once', async () => {
    const verifier = newCodeVerifier();
    const { code } = fake.consent(adapter.authUrl({ state: newOAuthState(), codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT_URI }));
    const account = await adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(account.externalAccountId).toMatch(/^\d+$/);
    expect(account.displayName).toMatch(/^@noor_\d+$/);
    expect(account.refreshToken).toBeTruthy();
    expect(account.scopes).toEqual([...X_SCOPES]);
    const again = await failure(adapter.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI }));
    expect(again).toMatchObject({ kind: 'auth', details: { status: 400, code: 'invalid_request' } });
    expect(again.details.revoked).toBeFalsy();
  });

  it('rotates refresh tokens: the new one replaces the old, which X then refuses as revoked', async () => {
    const tokens = fake.seedAccount();
    const fresh = await adapter.refresh(tokens);
    expect(fresh.refreshToken).not.toBe(tokens.refreshToken);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    const next = await adapter.refresh(fresh);
    expect(next.refreshToken).not.toBe(fresh.refreshToken);
    const stale = await failure(adapter.refresh(tokens));
    expect(stale).toMatchObject({ kind: 'auth', details: { revoked: true, code: 'invalid_request' } });
    expect(stale.message).not.toContain(tokens.refreshToken!);
  });

  it('never calls a busy or unreachable token endpoint a revocation; wrong app credentials are a configuration error', async () => {
    const tokens = fake.seedAccount();
    fake.failNext('token', { kind: 'rate_limit', retryAfterSec: 30 });
    const limited = await failure(adapter.refresh(tokens));
    expect(limited.kind).toBe('rate_limit');
    expect(limited.details.retryAfterMs).toBeGreaterThan(25_000);
    expect(limited.details.revoked).toBeFalsy();
    fake.failNext('token', { kind: 'drop_after_commit' });
    const dropped = await failure(adapter.refresh(tokens));
    expect(dropped).toMatchObject({ kind: 'transient', details: { code: 'network' } });
    expect(dropped.details.revoked).toBeFalsy();

    const mistakes = fake.protocolErrors().length;
    const wrongSecret = createXAdapter({ clientId: X_FAKE_CLIENT_ID, clientSecret: 'not-the-secret' });
    const refused = await failure(wrongSecret.refresh(fake.seedAccount()));
    expect(refused).toMatchObject({ kind: 'invalid', details: { status: 401, code: 'unauthorized_client' } });
    expect(refused.details.revoked).toBeFalsy();
    expect(fake.protocolErrors().slice(mistakes)).toEqual([expect.stringContaining('HTTP Basic')]);
  });
});

describe('publishing a video', () => {
  it('uploads INIT → APPEND in order in chunks of chunkBytes → FINALIZE, then posts with the media id', async () => {
    const tokens = fake.seedAccount();
    const mistakes = fake.protocolErrors().length;
    const before = { appends: calls('POST', /\/append$/), timeline: calls('GET', /^\/2\/users\/\d+\/tweets$/) };
    const req = request();
    const result = await adapter.publish(tokens, req);
    expect(result.state).toBe('published');
    if (result.state !== 'published') return;
    const [post, ...others] = postsWith(req.caption);
    expect(others).toHaveLength(0);
    expect(post).toMatchObject({ id: result.externalId, mediaSha256: videoSha, mediaBytes: videoBytes, details: { mediaCategory: 'amplify_video', mediaType: 'video/mp4' } });
    expect(result.url).toBe(`https://x.com/${String(post?.details.username)}/status/${result.externalId}`);
    expect(calls('POST', /\/append$/) - before.appends).toBe(Math.ceil(videoBytes / CHUNK));
    expect(Math.ceil(videoBytes / CHUNK)).toBeGreaterThan(2);
    // publish itself spends none of X's tight timeline quota.
    expect(calls('GET', /^\/2\/users\/\d+\/tweets$/)).toBe(before.timeline);
    expect(fake.protocolErrors().slice(mistakes)).toEqual([]);
  });

  it('re-sends a chunk whose answer was lost under the same segment_index, and the bytes arrive whole', async () => {
    const tokens = fake.seedAccount();
    const mistakes = fake.protocolErrors().length;
    const appends = calls('POST', /\/append$/);
    fake.failNext('upload', { kind: 'drop_after_commit' });
    fake.failNext('upload', { kind: 'server_error' });
    const req = request();
    expect((await adapter.publish(tokens, req)).state).toBe('published');
    expect(calls('POST', /\/append$/) - appends).toBe(Math.ceil(videoBytes / CHUNK) + 2);
    expect(postsWith(req.caption)).toEqual([expect.objectContaining({ mediaSha256: videoSha })]);
    expect(fake.protocolErrors().slice(mistakes)).toEqual([]);
  });

  it('a chunk larger than X accepts is a protocol error the fake reports, and an invalid publish', async () => {
    const strict = await startXFake({ maxChunkBytes: 100 * 1024, adapter: { chunkBytes: CHUNK } });
    try {
      const error = await failure(strict.adapter().publish(strict.seedAccount(), request()));
      expect(error).toMatchObject({ kind: 'invalid', details: { status: 400, code: 'invalid-request' } });
      expect(error.message).toContain('APPEND segment 0');
      expect(strict.protocolErrors()).toEqual([expect.stringMatching(/segment 0: 262144 bytes, more than 102400/)]);
    } finally {
      await strict.close();
    }
    // The first fake gets X's traffic again once the newer one closes.
    expect((await adapter.publish(fake.seedAccount(), request())).state).toBe('published');
  });

  it('waits inline while X processes, honouring check_after_secs, then posts', async () => {
    const patient = createXAdapter({ clientId: X_FAKE_CLIENT_ID, clientSecret: X_FAKE_CLIENT_SECRET, chunkBytes: CHUNK, inlineProcessingMs: 5000 });
    fake.setProcessing({ checks: 1 });
    const polls = calls('GET', /^\/2\/media\/upload$/);
    const started = Date.now();
    const result = await patient.publish(fake.seedAccount(), request());
    expect(result.state).toBe('published');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls('GET', /^\/2\/media\/upload$/) - polls).toBe(1);
  });

  it('hands back a handle when processing outlasts the inline wait; status() posts once, however often it is called', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing({ checks: 2 });
    const req = request();
    const started = await adapter.publish(tokens, req);
    if (started.state !== 'processing') return expect.fail(`expected processing, got ${started.state}`);
    expect(started.pollAfterMs).toBe(1000);
    const job = JSON.parse(Buffer.from(started.handle, 'base64url').toString('utf8')) as Record<string, string>;
    expect(job).toMatchObject({ media: expect.stringMatching(/^\d+$/), text: req.caption, user: expect.stringMatching(/^\d+$/) });
    expect(postsWith(req.caption)).toHaveLength(0);

    expect((await adapter.status(tokens, started.handle)).state).toBe('processing');
    const done = await adapter.status(tokens, started.handle);
    const again = await adapter.status(tokens, started.handle);
    expect(done.state).toBe('published');
    expect(again).toEqual(done);
    expect(postsWith(req.caption)).toHaveLength(1);
  });

  it("reports X's processing failure with its reason, from status() and from an inline wait", async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing('fail');
    const started = await adapter.publish(tokens, request());
    if (started.state !== 'processing') return expect.fail(`expected processing, got ${started.state}`);
    const failed = await adapter.status(tokens, started.handle);
    expect(failed).toEqual({ state: 'failed', reason: expect.stringMatching(/Unsupported video format \(InvalidMedia\)/) });

    fake.setCheckAfterSecs(0);
    const inline = createXAdapter({ clientId: X_FAKE_CLIENT_ID, clientSecret: X_FAKE_CLIENT_SECRET, chunkBytes: CHUNK, inlineProcessingMs: 2000 });
    const error = await failure(inline.publish(tokens, request()));
    expect(error).toMatchObject({ kind: 'invalid', details: { code: 'processing_failed' } });
    expect(error.message).toContain('InvalidMedia');
  });

  it('a create whose answer was lost is found again inside publish instead of posting twice', async () => {
    const tokens = fake.seedAccount();
    fake.failNext('publish', { kind: 'drop_after_commit' });
    const req = request();
    const result = await adapter.publish(tokens, req);
    expect(result.state).toBe('published');
    const posts = postsWith(req.caption);
    expect(posts).toHaveLength(1);
    if (result.state === 'published') expect(result.externalId).toBe(posts[0]?.id);
  });

  it('a create that failed with a 5xx and left nothing is reported transient', async () => {
    const tokens = fake.seedAccount();
    fake.failNext('publish', { kind: 'server_error' });
    const req = request();
    const error = await failure(adapter.publish(tokens, req));
    expect(error).toMatchObject({ kind: 'transient', details: { status: 503 } });
    expect(postsWith(req.caption)).toHaveLength(0);
  });
});

describe('findExisting', () => {
  it('finds the post by its text as X shows it (links as t.co, & < > escaped, the media link appended)', async () => {
    const tokens = fake.seedAccount();
    const caption = `Dhikr & du'a <3 — read https://example.com/verse?id=24:35 before Maghrib #Ramadan ${++serial}`;
    const result = await adapter.publish(tokens, request(caption));
    if (result.state !== 'published') return expect.fail('not published');
    const me = (await (await fetch(`${fake.url}/2/users/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })).json()) as { data: { id: string } };
    const timeline = (await (await fetch(`${fake.url}/2/users/${me.data.id}/tweets?max_results=5`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })).json()) as { data: Array<{ text: string }> };
    expect(timeline.data[0]?.text).toMatch(/^Dhikr &amp; du'a &lt;3 — read https:\/\/t\.co\/\S+ before Maghrib #Ramadan \d+ https:\/\/t\.co\/\S+$/);
    expect(await adapter.findExisting(tokens, { targetId: 't', caption })).toEqual({ externalId: result.externalId, url: result.url });
    expect(await adapter.findExisting(tokens, { targetId: 't', caption: `  ${caption}\n` })).toEqual({ externalId: result.externalId, url: result.url });
  });

  it('ignores posts without media and posts with other text; an account with no posts has none', async () => {
    const tokens = fake.seedAccount();
    expect(await adapter.findExisting(tokens, { targetId: 't', caption: 'anything' })).toBeNull();
    fake.seedTweet(tokens.accessToken, 'Same words, no video', false);
    fake.seedTweet(tokens.accessToken, 'Other words', true);
    expect(await adapter.findExisting(tokens, { targetId: 't', caption: 'Same words, no video' })).toBeNull();
    expect(await adapter.findExisting(tokens, { targetId: 't', caption: 'Other word' })).toBeNull();
    expect(await adapter.findExisting(tokens, { targetId: 't', caption: 'Other words' })).not.toBeNull();
  });
});

describe('metrics', () => {
  it('maps public_metrics: impressions → views, replies → comments, retweets + quotes → shares', async () => {
    const tokens = fake.seedAccount();
    const result = await adapter.publish(tokens, request());
    if (result.state !== 'published') return expect.fail('not published');
    const metrics = await adapter.metrics(tokens, result.externalId);
    expect(metrics).toMatchObject({ views: 120, likes: 12, comments: 3, shares: 3 });
    expect(metrics.raw).toMatchObject({ bookmark_count: 0 });
  });

  it('a post X no longer has is an invalid request naming the id', async () => {
    const error = await failure(adapter.metrics(fake.seedAccount(), '123456789'));
    expect(error).toMatchObject({ kind: 'invalid', details: { code: 'resource-not-found' } });
    expect(error.message).toContain('123456789');
  });
});

describe("classifying X's error answers", () => {
  let tokens: AccountTokens;
  beforeEach(() => {
    tokens = fake.seedAccount();
  });
  const inSeconds = (s: number) => String(Math.ceil(Date.now() / 1000) + s);

  it('X refuses a duplicate post: invalid with X\'s detail, and no second post', async () => {
    const req = request();
    expect((await adapter.publish(tokens, req)).state).toBe('published');
    const error = await failure(adapter.publish(tokens, req));
    expect(error).toMatchObject({ kind: 'invalid', details: { status: 403 } });
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('duplicate content');
    expect(postsWith(req.caption)).toHaveLength(1);
  });

  it.each([
    ['v1.1 duplicate status (187)', { status: 403, body: { errors: [{ code: 187, message: 'Status is a duplicate.' }] } }, 'invalid', '187'],
    ['OAuth 2.0 app-only token', { status: 403, body: { title: 'Unsupported Authentication', detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.', type: 'https://api.twitter.com/2/problems/unsupported-authentication', status: 403 } }, 'auth', 'unsupported-authentication'],
    ['usage cap', { status: 429, body: { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Monthly' } }, 'rate_limit', 'usage-capped'],
    ['expired token', { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } }, 'auth', 'http_401'],
    ['server error', { status: 500, body: { title: 'Internal Server Error', type: 'about:blank', status: 500 } }, 'transient', 'http_500'],
    ['bad parameter', { status: 400, body: { errors: [{ parameters: { text: [] }, message: 'text is too long' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } }, 'invalid', 'invalid-request'],
  ] as const)('%s → %s', async (_label, fault, kind, code) => {
    fake.failNextRaw('publish', { status: fault.status, body: fault.body });
    const error = await failure(adapter.publish(tokens, request()));
    expect(error).toMatchObject({ kind, details: { status: fault.status, code } });
    expect(error.details.revoked).toBeFalsy();
    expect(error.message).not.toContain(tokens.accessToken);
  });

  it("a 429 waits for the exhausted 24-hour posting limit's reset, else the 15-minute window's", async () => {
    fake.failNextRaw('publish', {
      status: 429,
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: { 'x-rate-limit-reset': inSeconds(60), 'x-user-limit-24hour-limit': '17', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': inSeconds(3 * 3600) },
    });
    const daily = await failure(adapter.publish(tokens, request()));
    expect(daily.kind).toBe('rate_limit');
    expect(daily.details.retryAfterMs).toBeGreaterThan(3 * 3600_000 - 5000);
    expect(daily.details.retryAfterMs).toBeLessThanOrEqual(3 * 3600_000 + 1000);

    fake.failNext('metrics', { kind: 'rate_limit', retryAfterSec: 60 });
    const windowed = await failure(adapter.metrics(tokens, '1'));
    expect(windowed.details.retryAfterMs).toBeGreaterThan(55_000);
    expect(windowed.details.retryAfterMs).toBeLessThanOrEqual(61_000);
  });

  it('a STATUS poll that fails is transient, and the next poll carries on', async () => {
    fake.setProcessing({ checks: 1 });
    const started = await adapter.publish(tokens, request());
    if (started.state !== 'processing') return expect.fail('expected processing');
    fake.failNext('status', { kind: 'drop_after_commit' });
    expect(await failure(adapter.status(tokens, started.handle))).toMatchObject({ kind: 'transient', details: { code: 'network' } });
    expect((await adapter.status(tokens, started.handle)).state).toBe('published');
  });

  it('refuses a handle it did not make', async () => {
    expect(await failure(adapter.status(tokens, 'not-a-handle'))).toMatchObject({ kind: 'invalid', details: { code: 'bad_handle' } });
  });

  it('an unreadable video file is invalid before anything is sent', async () => {
    const inits = calls('POST', /\/initialize$/);
    const req = { ...request(), media: { ...request().media, file: path.join(os.tmpdir(), 'noor-x-missing.mp4') } };
    expect(await failure(adapter.publish(tokens, req))).toMatchObject({ kind: 'invalid', details: { code: 'media_unreadable' } });
    expect(calls('POST', /\/initialize$/)).toBe(inits);
  });
});

describe('validate', () => {
  it("applies X's rules: 280 weighted characters", () => {
    const caption = '光'.repeat(141);
    expect(adapter.validate({ caption, hashtags: [] }).map((v) => v.code)).toContain('caption_too_long');
    expect(adapter.validate({ caption: 'short', hashtags: [] })).toEqual([]);
  });
});
