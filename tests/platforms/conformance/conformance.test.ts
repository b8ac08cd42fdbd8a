// One conformance suite for every platform adapter, run against that
// platform's local fake (`npm run test:conformance`): connecting with state
// and PKCE, refreshing (a revoked token is final, a failing token endpoint is
// not), publishing a real rendered MP4 whose bytes must arrive whole and in
// protocol, processing → published or failed, metrics, every error class,
// and a publish that fails half-way then is retried the way the scheduler
// does (findExisting, then publish) leaving exactly one post.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PlatformError, type AccountTokens, type PlatformAdapter, type PlatformErrorKind, type PublishRequest, type StatusResult } from '../../../server/platforms/adapter';
import { codeChallengeOf, newCodeVerifier, newOAuthState } from '../../../server/platforms/pkce';
import { platformIds, type PlatformId } from '../../../server/platforms/rules';
import type { FakeFault, FakeOperation, FakePlatform, StartFakePlatform } from './fake-platform';
import { renderConformanceVideo, serveDirectory, type ConformanceVideo } from './video';
import { platformError } from '../platform-error';

const REDIRECT_URI = 'http://127.0.0.1:8787/oauth/callback';

let video: ConformanceVideo;
let files: Awaited<ReturnType<typeof serveDirectory>>;

beforeAll(async () => {
  video = await renderConformanceVideo(inject('serveUrl'));
  files = await serveDirectory(path.dirname(video.file));
});
afterAll(() => files?.close());

const loadFake = async (platform: PlatformId): Promise<StartFakePlatform> => {
  const module = (await import(`../fakes/${platform}-server.ts`)) as { startFake: StartFakePlatform };
  return module.startFake;
};

/** Publishes, then polls status() the way check_publish_status does, until the platform stops processing. */
async function drive(adapter: PlatformAdapter, tokens: AccountTokens, request: PublishRequest, maxPolls = 40): Promise<StatusResult> {
  let result: StatusResult = await adapter.publish(tokens, request);
  for (let poll = 0; poll < maxPolls && result.state === 'processing'; poll++) {
    await sleep(Math.min(result.pollAfterMs, 100));
    result = await adapter.status(tokens, result.handle);
  }
  return result;
}

/** The scheduler's retry: what the platform already has for this target, else a new publish. */
async function retryLikeTheScheduler(adapter: PlatformAdapter, tokens: AccountTokens, request: PublishRequest): Promise<{ externalId: string }> {
  const existing = await adapter.findExisting(tokens, { targetId: request.targetId, caption: request.caption });
  if (existing) return existing;
  const result = await drive(adapter, tokens, request);
  if (result.state !== 'published') throw new Error(`retry ended ${result.state}`);
  return result;
}

describe.each(platformIds.map((id) => [id] as const))('%s', (platform) => {
  let fake: FakePlatform;
  let adapter: PlatformAdapter;
  let serial = 0;

  beforeAll(async () => {
    fake = await (await loadFake(platform))();
    adapter = fake.adapter();
  });
  afterAll(() => fake?.close());

  function request(label: string): PublishRequest {
    const caption = `Light upon light (24:35) — conformance ${platform} ${label} ${++serial} ${randomUUID().slice(0, 8)}`;
    return {
      targetId: randomUUID(),
      caption,
      post: { caption, hashtags: [], overrides: { youtube: { title: `Light upon light ${serial}`, privacy: 'unlisted' } } },
      media: { file: video.file, url: files.url(video.file), facts: video.facts },
      thumbnail: { file: video.poster, url: files.url(video.poster) },
    };
  }

  const mine = (externalId: string) => fake.published().filter((p) => p.id === externalId);

  it('connects: the consent URL carries the state and challenge, and the code becomes tokens and an account', async () => {
    const verifier = newCodeVerifier();
    const state = newOAuthState();
    const url = adapter.authUrl({ state, codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT_URI });
    expect(new URL(url).searchParams.get('state')).toBe(state);
    const consent = fake.consent(url);
    expect(consent.state).toBe(state);
    const account = await adapter.exchangeCode({ code: consent.code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
    expect(account.accessToken.length).toBeGreaterThan(8);
    expect(account.externalAccountId).not.toBe('');
    expect(account.displayName).not.toBe('');
    expect(account.expiresAt?.getTime() ?? Infinity).toBeGreaterThan(Date.now());
  });

  it('refuses a code presented with the wrong PKCE verifier (platforms with PKCE)', async () => {
    const verifier = newCodeVerifier();
    const url = adapter.authUrl({ state: newOAuthState(), codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT_URI });
    const { code } = fake.consent(url);
    if (!fake.pkce) {
      expect(new URL(url).searchParams.has('code_challenge')).toBe(false);
      return;
    }
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    const error = await platformError(adapter.exchangeCode({ code, codeVerifier: newCodeVerifier(), redirectUri: REDIRECT_URI }));
    expect(['auth', 'invalid']).toContain(error.kind);
  });

  it('refreshes: the new access token works where the expired one is refused', async () => {
    const tokens = fake.seedAccount();
    const first = await drive(adapter, tokens, request('refresh'));
    expect(first.state).toBe('published');
    if (first.state !== 'published') return;
    fake.expireAccessToken(tokens.accessToken);
    const expired = await platformError(adapter.metrics(tokens, first.externalId));
    expect(expired.kind).toBe('auth');
    expect(expired.details.revoked).toBeFalsy();
    const fresh = await adapter.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.expiresAt?.getTime() ?? Infinity).toBeGreaterThan(Date.now());
    const metrics = await adapter.metrics(fresh, first.externalId);
    expect([metrics.views, metrics.likes, metrics.comments, metrics.shares].some((n) => typeof n === 'number')).toBe(true);
  });

  it('a revoked grant is final (auth, revoked); a failing token endpoint is transient and never revoked', async () => {
    const tokens = fake.seedAccount();
    fake.failNext('token', { kind: 'server_error' });
    const transient = await platformError(adapter.refresh(tokens));
    expect(transient.kind).toBe('transient');
    expect(transient.details.revoked).toBeFalsy();
    fake.revokeRefreshToken(tokens.refreshToken ?? tokens.accessToken);
    const revoked = await platformError(adapter.refresh(tokens));
    expect(revoked.kind).toBe('auth');
    expect(revoked.details.revoked).toBe(true);
  });

  it('publishes the rendered MP4 through processing: every byte arrives, in protocol, with the caption', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing({ checks: 2 });
    const req = request('publish');
    const result = await drive(adapter, tokens, req);
    expect(result).toMatchObject({ state: 'published' });
    if (result.state !== 'published') return;
    const [post, ...others] = mine(result.externalId);
    expect(others).toHaveLength(0);
    expect(post?.mediaSha256).toBe(video.sha256);
    expect(post?.mediaBytes).toBe(video.bytes);
    expect(post?.caption).toContain(req.caption);
    expect(fake.protocolErrors()).toEqual([]);

    const metrics = await adapter.metrics(tokens, result.externalId);
    for (const n of [metrics.views, metrics.likes, metrics.comments, metrics.shares]) if (n !== null) expect(n).toBeGreaterThanOrEqual(0);
    expect([metrics.views, metrics.likes, metrics.comments].some((n) => typeof n === 'number')).toBe(true);
  });

  it('reports failed processing with a reason, and keeps answering "processing" while the platform is', async () => {
    const tokens = fake.seedAccount();
    fake.setProcessing('fail');
    const failed = await drive(adapter, tokens, request('fail')).catch((e: unknown) => e);
    if (failed instanceof PlatformError) expect(failed.kind).toBe('invalid');
    else expect(failed).toMatchObject({ state: 'failed', reason: expect.stringMatching(/\w{4}/) });

    fake.setProcessing('never');
    const started = await adapter.publish(tokens, request('never'));
    expect(started.state).toBe('processing');
    if (started.state !== 'processing') return;
    for (let i = 0; i < 3; i++) expect((await adapter.status(tokens, started.handle)).state).toBe('processing');
    fake.setProcessing({ checks: 0 });
  });

  const publishFaults: Array<[FakeFault, PlatformErrorKind]> = [
    [{ kind: 'expired_token' }, 'auth'],
    [{ kind: 'rate_limit', retryAfterSec: 7 }, 'rate_limit'],
    [{ kind: 'quota_exceeded' }, 'rate_limit'],
    [{ kind: 'server_error' }, 'transient'],
    [{ kind: 'invalid' }, 'invalid'],
  ];
  it.each(publishFaults)('classifies a publish failure %j as %s and leaves no post', async (fault, kind) => {
    const tokens = fake.seedAccount();
    fake.setProcessing({ checks: 0 });
    const before = fake.published().length;
    fake.failNext('publish', fault);
    const error = await platformError(drive(adapter, tokens, request(fault.kind)));
    expect(error.kind).toBe(kind);
    expect(error.message).not.toContain(tokens.accessToken);
    if (fault.kind === 'expired_token') expect(error.details.revoked).toBeFalsy();
    if (fault.kind === 'rate_limit') expect(error.details.retryAfterMs).toBeGreaterThanOrEqual(5000);
    if (fault.kind === 'rate_limit') expect(error.details.retryAfterMs).toBeLessThanOrEqual(9000);
    expect(fake.published().length).toBe(before);
  });

  const otherFaults: Array<[FakeOperation, FakeFault, PlatformErrorKind]> = [
    ['metrics', { kind: 'server_error' }, 'transient'],
    ['metrics', { kind: 'rate_limit', retryAfterSec: 3 }, 'rate_limit'],
    ['metrics', { kind: 'expired_token' }, 'auth'],
    ['status', { kind: 'server_error' }, 'transient'],
  ];
  it.each(otherFaults)('classifies a %s failure %j as %s', async (op, fault, kind) => {
    const tokens = fake.seedAccount();
    fake.setProcessing(op === 'status' ? { checks: 1 } : { checks: 0 });
    if (op === 'metrics') {
      const done = await drive(adapter, tokens, request('metrics'));
      if (done.state !== 'published') throw new Error(`publish ended ${done.state}`);
      fake.failNext(op, fault);
      expect((await platformError(adapter.metrics(tokens, done.externalId))).kind).toBe(kind);
      return;
    }
    const started = await adapter.publish(tokens, request('status'));
    if (started.state !== 'processing') return expect.fail(`a post that needs a status check was published at once`);
    fake.failNext(op, fault);
    expect((await platformError(adapter.status(tokens, started.handle))).kind).toBe(kind);
    const done = await adapter.status(tokens, started.handle);
    expect(done.state).toBe('published');
  });

  const halfWay: Array<[FakeOperation, FakeFault]> = [
    ['publish', { kind: 'drop_after_commit' }],
    ['upload', { kind: 'drop_after_commit' }],
    ['upload', { kind: 'server_error' }],
  ];
  it.each(halfWay)('a publish that fails half-way (%s %j) and is retried leaves exactly one post', async (op, fault) => {
    const tokens = fake.seedAccount();
    fake.setProcessing({ checks: 0 });
    const before = fake.published().length;
    const req = request(`${op}-${fault.kind}`);
    fake.failNext(op, fault);
    const first = await drive(adapter, tokens, req).catch((e: unknown) => e);
    if (first instanceof Error) {
      expect(first).toBeInstanceOf(PlatformError);
      expect((first as PlatformError).retryable).toBe(true);
      await retryLikeTheScheduler(adapter, tokens, req);
    } else {
      // The adapter recovered inside publish (e.g. a resumed upload); a retry must still not post again.
      expect(first).toMatchObject({ state: 'published' });
      expect(await adapter.findExisting(tokens, { targetId: req.targetId, caption: req.caption })).not.toBeNull();
    }
    const made = fake.published().slice(before).filter((p) => p.caption.includes(req.caption));
    expect(made).toHaveLength(1);
    expect(made[0]?.mediaSha256).toBe(video.sha256);
    expect(fake.published().length).toBe(before + 1);
  });
});
