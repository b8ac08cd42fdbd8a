// A local Instagram ("Instagram API with Instagram Login") for tests: one
// node:http server playing three hosts under path prefixes (/www = the
// consent screen host, /api = api.instagram.com's code exchange, /graph =
// graph.instagram.com), so a call sent to the wrong host is a 404.
//
// It keeps accounts, short-lived (1 h) and long-lived (60 days) tokens, REELS
// containers and published media. A container really downloads video_url
// (and cover_url) over HTTP and keeps the sha256 of the bytes it received; a
// file that is not ISO-BMFF (no "ftyp" box) ends in ERROR 2207026 as at Meta.
// Containers go IN_PROGRESS → FINISHED after the configured number of status
// polls (or ERROR, or never), then PUBLISHED once media_publish made a post.
// The rolling 24 h publishing counter (50) is enforced by media_publish and
// reported by content_publishing_limit. Errors have Meta's shapes: Graph
// {error:{message,type,code,error_subcode,is_transient,fbtrace_id}}, and
// api.instagram.com's {error_type,code,error_message}.
//
// Strict checks the real platform answers with a 400 are answered so here and
// recorded in protocolErrors(): media_type other than REELS, no video_url,
// caption over 2,200, app secret / code / redirect_uri mismatches, exchanging
// a long-lived token again, refreshing a short-lived or < 24 h old token,
// publishing a container that is not FINISHED (twice included), unknown
// insight metrics (e.g. the retired "plays"), a user id that is not the
// token's. Calls Meta would serve but the adapter should not make (a Graph
// call with a short-lived token, a PKCE challenge on the consent URL) are only
// recorded. Where Meta documents no code (a second media_publish, refreshing
// too early) the fake picks a plausible one.
//
// Concessions to the conformance interface: expireAccessToken() makes calls
// answer 190/463 while refresh_access_token still accepts the token (at Meta
// an expired token cannot be refreshed); a rate-limit fault sends Retry-After
// (seconds) besides Meta's x-business-use-case-usage, whose
// estimated_time_to_regain_access counts whole minutes.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AccountTokens, PlatformAdapter } from '../../../server/platforms/adapter';
import { createInstagramAdapter, INSTAGRAM_SCOPES, type InstagramAdapterConfig } from '../../../server/platforms/instagram';
import type { FakeFault, FakeOperation, FakePlatform, FakePublished, StartFakePlatform } from '../conformance/fake-platform';
import { closeServer, FaultQueue, listenOnLoopback, readBody } from './http-fake';

const CLIENT_ID = '990011223344556';
const CLIENT_SECRET = 'fake-instagram-app-secret';
const DAY_MS = 86_400_000;
const LONG_LIVED_SEC = 60 * 86_400;
const SHORT_LIVED_MS = 3_600_000;
const QUOTA_TOTAL = 50;
const QUOTA_DURATION_SEC = 86_400;
const CAPTION_MAX = 2200;
const REELS_METRICS = new Set(['views', 'likes', 'comments', 'shares', 'saved', 'reach', 'total_interactions', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time']);

export interface InstagramFakeCall {
  method: string;
  /** Path under the host prefix, e.g. /graph/v26.0/1784…/media */
  path: string;
  /** Parameters without access_token and client_secret. */
  params: Record<string, string>;
}

export interface InstagramFake extends FakePlatform {
  /** An adapter for this fake with some settings changed (a wrong secret, a shorter window...). */
  adapterWith(overrides: Partial<InstagramAdapterConfig>): PlatformAdapter;
  /** Tokens of an account whose long-lived token was issued `tokenAgeMs` ago (default 30 days). */
  seedAccount(options?: { tokenAgeMs?: number }): AccountTokens;
  /** The account of this token has published `count` more posts just now (fills the rolling 24 h counter). */
  fillPublishingQuota(accessToken: string, count: number): void;
  /** Every container not yet published now answers EXPIRED (as after 24 h). */
  expireContainers(): void;
  /** Every request served, oldest first. */
  calls(): InstagramFakeCall[];
}

interface Account {
  userId: string;
  appScopedId: string;
  username: string;
  revoked: boolean;
  publishedAt: number[];
}
interface Token {
  value: string;
  userId: string;
  kind: 'short' | 'long';
  issuedAt: number;
  expiresAt: number;
  /** expireAccessToken(): calls answer 190/463. */
  forcedExpired: boolean;
}
type Processing = { checks: number } | 'fail' | 'never';
interface Container {
  id: string;
  userId: string;
  caption: string;
  sha256: string;
  bytes: number;
  mp4: boolean;
  cover: { url: string; sha256: string; bytes: number; contentType: string | null } | null;
  thumbOffsetMs: number | null;
  shareToFeed: boolean;
  processing: Processing;
  polls: number;
  expired: boolean;
  mediaId: string | null;
}
interface Media {
  id: string;
  userId: string;
  containerId: string;
  caption: string;
  permalink: string;
  timestamp: Date;
  sha256: string;
  bytes: number;
  details: Record<string, unknown>;
}
interface GraphErrorBody {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
}

type Host = 'api' | 'graph';
interface Route {
  host: Host;
  op: FakeOperation | null;
  name: 'code_exchange' | 'll_exchange' | 'refresh' | 'me' | 'limit' | 'create' | 'list' | 'publish' | 'insights' | 'node';
  id?: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const metaTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+0000');
const traceId = (): string => randomBytes(9).toString('base64url');

function routeOf(method: string, pathname: string): Route | null {
  if (method === 'POST' && pathname === '/api/oauth/access_token') return { host: 'api', op: 'token', name: 'code_exchange' };
  if (method === 'GET' && pathname === '/graph/access_token') return { host: 'graph', op: 'token', name: 'll_exchange' };
  if (method === 'GET' && pathname === '/graph/refresh_access_token') return { host: 'graph', op: 'token', name: 'refresh' };
  const versioned = /^\/graph\/v\d+\.\d+\/([^/]+)(?:\/([a-z_]+))?$/.exec(pathname);
  if (!versioned) return null;
  const [, id, edge] = versioned as unknown as [string, string, string | undefined];
  if (method === 'GET' && id === 'me' && edge === undefined) return { host: 'graph', op: null, name: 'me' };
  if (method === 'GET' && edge === 'content_publishing_limit') return { host: 'graph', op: null, name: 'limit', id };
  if (method === 'POST' && edge === 'media') return { host: 'graph', op: 'upload', name: 'create', id };
  if (method === 'GET' && edge === 'media') return { host: 'graph', op: null, name: 'list', id };
  if (method === 'POST' && edge === 'media_publish') return { host: 'graph', op: 'publish', name: 'publish', id };
  if (method === 'GET' && edge === 'insights') return { host: 'graph', op: 'metrics', name: 'insights', id };
  if (method === 'GET' && edge === undefined) return { host: 'graph', op: 'status', name: 'node', id };
  return null;
}

async function readParams(req: http.IncomingMessage): Promise<{ params: Record<string, string>; contentType: string }> {
  const text = (await readBody(req)).toString('utf8');
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (text === '') return { params: {}, contentType };
  if (contentType === 'application/json') {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return { params: Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])), contentType };
    } catch {
      return { params: {}, contentType };
    }
  }
  return { params: Object.fromEntries(new URLSearchParams(text)), contentType };
}

async function download(url: string): Promise<{ bytes: Buffer; contentType: string | null } | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) return null;
    return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
  } catch {
    return null;
  }
}

/** Starts the fake with its Instagram-specific controls. */
export async function startInstagramFake(): Promise<InstagramFake> {
  const accounts = new Map<string, Account>();
  const tokens = new Map<string, Token>();
  const codes = new Map<string, { userId: string; redirectUri: string; used: boolean }>();
  const containers = new Map<string, Container>();
  const media: Media[] = [];
  const faults = new FaultQueue<FakeFault>();
  const protocol: string[] = [];
  const served: InstagramFakeCall[] = [];
  let processing: Processing = { checks: 0 };
  let base = '';

  const newAccount = (): Account => {
    const account: Account = { userId: `1784${digits(13)}`, appScopedId: digits(16), username: `noor_fake_${accounts.size + 1}`, revoked: false, publishedAt: [] };
    accounts.set(account.userId, account);
    return account;
  };
  const newToken = (userId: string, kind: Token['kind'], issuedAt = Date.now()): Token => {
    const token: Token = {
      value: `IGAA${kind === 'short' ? 'S' : 'L'}${randomBytes(30).toString('base64url')}`,
      userId,
      kind,
      issuedAt,
      expiresAt: issuedAt + (kind === 'short' ? SHORT_LIVED_MS : LONG_LIVED_SEC * 1000),
      forcedExpired: false,
    };
    tokens.set(token.value, token);
    return token;
  };
  const quotaUsage = (account: Account): number => account.publishedAt.filter((at) => at > Date.now() - QUOTA_DURATION_SEC * 1000).length;

  function graphError(res: http.ServerResponse, status: number, error: GraphErrorBody, headers: Record<string, string> = {}): void {
    send(res, status, { error: { type: 'OAuthException', ...error, fbtrace_id: traceId() } }, headers);
  }
  function send(res: http.ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(JSON.stringify(json));
  }
  /** A strict check failed: record it and answer as Meta would. */
  function refuse(res: http.ServerResponse, mistake: string, error: GraphErrorBody, status = 400): void {
    protocol.push(mistake);
    graphError(res, status, error);
  }

  function faultAnswer(res: http.ServerResponse, fault: Exclude<FakeFault, { kind: 'drop_after_commit' }>, host: Host, userId: string | undefined): void {
    if (host === 'api') {
      if (fault.kind === 'server_error') return send(res, 500, { error_type: 'OAuthException', code: 500, error_message: 'An unknown error has occurred.' });
      if (fault.kind === 'rate_limit') return send(res, 429, { error_type: 'OAuthException', code: 429, error_message: 'Too many requests' }, { 'retry-after': String(fault.retryAfterSec) });
      return send(res, 400, { error_type: 'OAuthException', code: 400, error_message: 'Matching code was not found or was already used.' });
    }
    switch (fault.kind) {
      case 'expired_token':
        return graphError(res, 400, { message: 'Error validating access token: Session has expired.', code: 190, error_subcode: 463 });
      case 'revoked':
        return graphError(res, 400, { message: 'Error validating access token: The user has not authorized application.', code: 190, error_subcode: 458 });
      case 'rate_limit': {
        const usage = { [userId ?? 'app']: [{ type: 'instagram', call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: Math.ceil(fault.retryAfterSec / 60) }] };
        return graphError(res, 400, { message: '(#4) Application request limit reached', code: 4, is_transient: true }, { 'retry-after': String(fault.retryAfterSec), 'x-business-use-case-usage': JSON.stringify(usage) });
      }
      case 'quota_exceeded':
        return graphError(res, 400, { message: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.', code: 9, error_subcode: 2207042 });
      case 'server_error':
        return graphError(res, 500, { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, is_transient: true });
      case 'invalid':
        return graphError(res, 400, { message: '(#100) Invalid parameter', code: 100 });
    }
  }

  const containerStatus = (c: Container, poll: boolean): { status_code: string; status: string } => {
    if (c.mediaId !== null) return { status_code: 'PUBLISHED', status: 'Published: Media has been successfully published.' };
    if (c.expired) return { status_code: 'EXPIRED', status: 'Expired: The container was not published within 24 hours.' };
    if (!c.mp4 || c.processing === 'fail') return { status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207026' };
    if (c.processing === 'never') return { status_code: 'IN_PROGRESS', status: 'In Progress: Media is still being processed.' };
    if (c.polls < c.processing.checks) {
      if (poll) c.polls++;
      return { status_code: 'IN_PROGRESS', status: 'In Progress: Media is still being processed.' };
    }
    return { status_code: 'FINISHED', status: 'Finished: Media has been uploaded and it is ready to be published.' };
  };

  /** Only the fields asked for, and the id, as the Graph API answers. */
  const pick = (fields: string | undefined, all: Record<string, unknown>): Record<string, unknown> => {
    const wanted = new Set((fields ?? '').split(',').map((f) => f.trim()).filter(Boolean));
    return Object.fromEntries(Object.entries(all).filter(([key, value]) => (key === 'id' || wanted.has(key)) && value !== undefined));
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const body = await readParams(req);
    const params: Record<string, string> = { ...Object.fromEntries(url.searchParams), ...body.params };
    const route = routeOf(method, url.pathname);
    // Faults of the 'status' op hit container polls, not reads of a post.
    if (route?.name === 'node' && !containers.has(route.id ?? '')) route.op = null;
    const { access_token: _t, client_secret: _s, ...loggable } = params;
    served.push({ method, path: url.pathname, params: loggable });
    if (!route) {
      protocol.push(`no such endpoint: ${method} ${url.pathname}`);
      return graphError(res, 400, { message: `Unknown path components: ${url.pathname}`, code: 2500 });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = tokens.get(params.access_token ?? bearer ?? '');

    const fault = faults.take(route.op);
    let dropAfterCommit = false;
    if (fault) {
      if (fault.kind === 'drop_after_commit') dropAfterCommit = true;
      else return faultAnswer(res, fault, route.host, token?.userId);
    }
    const answer = (status: number, json: unknown): void => {
      if (dropAfterCommit) {
        res.socket?.destroy();
        return;
      }
      send(res, status, json);
    };

    if (route.name === 'code_exchange') {
      const oauthError = (message: string): void => {
        protocol.push(`code exchange: ${message}`);
        send(res, 400, { error_type: 'OAuthException', code: 400, error_message: message });
      };
      if (body.contentType !== 'application/x-www-form-urlencoded' && body.contentType !== 'multipart/form-data') return oauthError(`the body must be a form, not ${body.contentType || 'empty'}`);
      if (params.client_id !== CLIENT_ID) return oauthError('Invalid platform app');
      if (params.client_secret !== CLIENT_SECRET) return oauthError('Error validating client secret.');
      if (params.grant_type !== 'authorization_code') return oauthError('Invalid grant_type');
      const grant = codes.get(params.code ?? '');
      if (!grant || grant.used) return oauthError('Matching code was not found or was already used.');
      if (params.redirect_uri !== grant.redirectUri) return oauthError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
      grant.used = true;
      const short = newToken(grant.userId, 'short');
      return answer(200, { data: [{ access_token: short.value, user_id: grant.userId, permissions: INSTAGRAM_SCOPES.join(',') }] });
    }

    if (route.name === 'll_exchange') {
      if (params.grant_type !== 'ig_exchange_token') return refuse(res, `long-lived exchange: grant_type ${params.grant_type ?? 'missing'}`, { message: '(#100) Unsupported grant_type', code: 100 });
      if (params.client_secret !== CLIENT_SECRET) return refuse(res, 'long-lived exchange: wrong client_secret', { message: 'Error validating client secret.', code: 101 });
      if (!token || token.expiresAt <= Date.now()) return graphError(res, 400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
      if (token.kind !== 'short') return refuse(res, 'long-lived exchange: the token is already long-lived', { message: '(#100) The access token is not a short-lived token', code: 100 });
      const long = newToken(token.userId, 'long');
      return answer(200, { access_token: long.value, token_type: 'bearer', expires_in: LONG_LIVED_SEC });
    }

    if (route.name === 'refresh') {
      if (params.grant_type !== 'ig_refresh_token') return refuse(res, `refresh: grant_type ${params.grant_type ?? 'missing'}`, { message: '(#100) Unsupported grant_type', code: 100 });
      if (!token) return graphError(res, 400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
      if (accounts.get(token.userId)!.revoked) return graphError(res, 400, { message: 'Error validating access token: The user has not authorized application.', code: 190, error_subcode: 458 });
      if (token.expiresAt <= Date.now()) return graphError(res, 400, { message: 'Error validating access token: Session has expired.', code: 190, error_subcode: 463 });
      if (token.kind !== 'long') return refuse(res, 'refresh: a short-lived token cannot be refreshed', { message: '(#100) The access token is not a long-lived token', code: 100 });
      if (Date.now() - token.issuedAt < DAY_MS) return refuse(res, 'refresh: the long-lived token is less than 24 h old', { message: '(#100) The access token cannot be refreshed yet', code: 100 });
      const fresh = newToken(token.userId, 'long');
      return answer(200, { access_token: fresh.value, token_type: 'bearer', expires_in: LONG_LIVED_SEC });
    }

    // Graph calls: a valid token of an account that still grants access.
    if (!token) {
      if (params.access_token === undefined && bearer === undefined) protocol.push(`${method} ${url.pathname}: no access token`);
      return graphError(res, 400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
    }
    const account = accounts.get(token.userId)!;
    if (account.revoked) return graphError(res, 400, { message: 'Error validating access token: The user has not authorized application.', code: 190, error_subcode: 458 });
    if (token.forcedExpired || token.expiresAt <= Date.now()) return graphError(res, 400, { message: 'Error validating access token: Session has expired.', code: 190, error_subcode: 463 });
    if (token.kind === 'short') protocol.push(`${method} ${url.pathname}: called with a short-lived token; exchange it for a long-lived one first`);
    if (route.id !== undefined && route.name !== 'node' && route.name !== 'insights' && route.id !== account.userId) {
      return refuse(res, `${method} ${url.pathname}: ${route.id} is not the token's Instagram user id (use user_id from /me)`, {
        message: `Unsupported request - method type: ${method.toLowerCase()}`,
        code: 100,
        error_subcode: 33,
      });
    }

    switch (route.name) {
      case 'me':
        return answer(200, pick(params.fields, { id: account.appScopedId, user_id: account.userId, username: account.username }));

      case 'limit': {
        const fields = new Set((params.fields ?? 'quota_usage').split(','));
        const entry: Record<string, unknown> = { quota_usage: quotaUsage(account) };
        if (fields.has('config')) entry.config = { quota_total: QUOTA_TOTAL, quota_duration: QUOTA_DURATION_SEC };
        return answer(200, { data: [entry] });
      }

      case 'create': {
        if (params.media_type !== 'REELS') return refuse(res, `container: media_type ${params.media_type ?? 'missing'} (Reels need REELS)`, { message: `The media type ${params.media_type ?? ''} is unknown.`, code: 100, error_subcode: 2207023 });
        if (!params.video_url) return refuse(res, 'container: video_url is missing', { message: '(#100) The parameter video_url is required', code: 100 });
        const caption = params.caption ?? '';
        if (caption.length > CAPTION_MAX) return refuse(res, `container: caption is ${caption.length} characters (max ${CAPTION_MAX})`, { message: '(#100) The caption is too long', code: 100 });
        if (params.thumb_offset !== undefined && !/^\d+$/.test(params.thumb_offset)) return refuse(res, `container: thumb_offset ${params.thumb_offset} is not whole milliseconds`, { message: '(#100) Param thumb_offset must be an integer', code: 100 });
        const video = await download(params.video_url);
        if (!video) return graphError(res, 400, { message: "Media download has failed. The media URI doesn't meet our requirements.", code: 9004, error_subcode: 2207052 });
        let cover: Container['cover'] = null;
        if (params.cover_url) {
          const image = await download(params.cover_url);
          if (!image) return graphError(res, 400, { message: "Media download has failed. The media URI doesn't meet our requirements.", code: 9004, error_subcode: 2207052 });
          cover = { url: params.cover_url, sha256: sha256(image.bytes), bytes: image.bytes.length, contentType: image.contentType };
        }
        const container: Container = {
          id: `1790${digits(13)}`,
          userId: account.userId,
          caption,
          sha256: sha256(video.bytes),
          bytes: video.bytes.length,
          mp4: video.bytes.subarray(4, 8).toString('latin1') === 'ftyp',
          cover,
          thumbOffsetMs: params.thumb_offset === undefined ? null : Number(params.thumb_offset),
          shareToFeed: params.share_to_feed === 'true',
          processing,
          polls: 0,
          expired: false,
          mediaId: null,
        };
        containers.set(container.id, container);
        return answer(200, { id: container.id });
      }

      case 'list': {
        const limit = Math.min(Number(params.limit ?? 25) || 25, 100);
        const mine = media.filter((m) => m.userId === account.userId).reverse().slice(0, limit);
        return answer(200, {
          data: mine.map((m) => pick(params.fields, { id: m.id, caption: m.caption, permalink: m.permalink, timestamp: metaTime(m.timestamp), media_type: 'VIDEO', media_product_type: 'REELS' })),
          paging: { cursors: { before: 'QVFIUmFha', after: 'QVFIUmJib' } },
        });
      }

      case 'publish': {
        if (!params.creation_id) return refuse(res, 'media_publish: creation_id is missing', { message: '(#100) The parameter creation_id is required', code: 100 });
        const container = containers.get(params.creation_id);
        if (!container || container.userId !== account.userId) return refuse(res, `media_publish: no container ${params.creation_id} for this account`, { message: 'Media builder not found', code: 24, error_subcode: 2207008 });
        const state = containerStatus(container, false).status_code;
        if (state === 'PUBLISHED') return refuse(res, `media_publish: container ${container.id} was already published`, { message: '(#100) The media has already been published', code: 100 });
        if (state === 'EXPIRED') return refuse(res, `media_publish: container ${container.id} has expired`, { message: 'The media you are trying to access has expired. Please try to upload again.', code: -2, error_subcode: 2207020 });
        if (state === 'ERROR') return refuse(res, `media_publish: container ${container.id} ended in ERROR`, { message: 'The video format is not supported.', code: 352, error_subcode: 2207026 });
        if (state !== 'FINISHED') return refuse(res, `media_publish: container ${container.id} is ${state}, not FINISHED`, { message: 'Media ID is not available', code: 9007, error_subcode: 2207027 });
        if (quotaUsage(account) >= QUOTA_TOTAL) {
          return graphError(res, 400, { message: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.', code: 9, error_subcode: 2207042 });
        }
        const id = `1800${digits(13)}`;
        const shortcode = randomBytes(8).toString('base64url');
        const post: Media = {
          id,
          userId: account.userId,
          containerId: container.id,
          caption: container.caption,
          permalink: `https://www.instagram.com/reel/${shortcode}/`,
          timestamp: new Date(),
          sha256: container.sha256,
          bytes: container.bytes,
          details: {
            mediaType: 'REELS',
            shareToFeed: container.shareToFeed,
            cover: container.cover,
            thumbOffsetMs: container.thumbOffsetMs,
            username: account.username,
            containerId: container.id,
          },
        };
        media.push(post);
        container.mediaId = id;
        account.publishedAt.push(Date.now());
        return answer(200, { id });
      }

      case 'insights': {
        const post = media.find((m) => m.id === route.id && m.userId === account.userId);
        if (!post) return graphError(res, 400, { message: `Unsupported get request. Object with ID '${route.id}' does not exist`, code: 100, error_subcode: 33 });
        const metrics = (params.metric ?? '').split(',').map((m) => m.trim()).filter(Boolean);
        const unknown = metrics.filter((m) => !REELS_METRICS.has(m));
        if (metrics.length === 0 || unknown.length > 0) {
          return refuse(res, `insights: metric ${unknown.join(',') || '(none)'} is not a Reels metric`, { message: `(#100) metric[0] must be one of the following values: ${[...REELS_METRICS].join(', ')}`, code: 100 });
        }
        const seed = parseInt(post.sha256.slice(0, 6), 16);
        const value = (name: string): number => ({ views: 120, reach: 95, likes: 14, comments: 3, shares: 2, saved: 5 })[name] ?? seed % 50;
        return answer(200, {
          data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: value(name) }], title: name, description: '', id: `${post.id}/insights/${name}/lifetime` })),
        });
      }

      case 'node': {
        const container = containers.get(route.id!);
        if (container && container.userId === account.userId) return answer(200, pick(params.fields, { id: container.id, ...containerStatus(container, true) }));
        const post = media.find((m) => m.id === route.id && m.userId === account.userId);
        if (post) return answer(200, pick(params.fields, { id: post.id, caption: post.caption, permalink: post.permalink, timestamp: metaTime(post.timestamp), media_type: 'VIDEO', media_product_type: 'REELS' }));
        return graphError(res, 400, { message: `Unsupported get request. Object with ID '${route.id}' does not exist`, code: 100, error_subcode: 33 });
      }
    }
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      protocol.push(`fake crashed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, { error: { message: 'fake crashed', code: 1 } });
    });
  });
  base = await listenOnLoopback(server);

  const adapterWith = (overrides: Partial<InstagramAdapterConfig>): PlatformAdapter =>
    createInstagramAdapter({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      authBaseUrl: `${base}/www`,
      apiBaseUrl: `${base}/api`,
      graphBaseUrl: `${base}/graph`,
      pollAfterMs: 20,
      requestTimeoutMs: 20_000,
      ...overrides,
    });
  const seedAccount = (options: { tokenAgeMs?: number } = {}): AccountTokens => {
    const account = newAccount();
    const token = newToken(account.userId, 'long', Date.now() - (options.tokenAgeMs ?? 30 * DAY_MS));
    return { accessToken: token.value, refreshToken: null, expiresAt: new Date(token.expiresAt), scopes: [...INSTAGRAM_SCOPES] };
  };
  const tokenOf = (value: string): Token => {
    const token = tokens.get(value);
    if (!token) throw new Error('instagram fake: no such access token');
    return token;
  };

  return {
    platform: 'instagram',
    pkce: false,
    adapter: () => adapterWith({}),
    adapterWith,
    consent(authUrl: string) {
      const url = new URL(authUrl);
      if (`${url.origin}${url.pathname}` !== `${base}/www/oauth/authorize`) throw new Error(`instagram consent: the URL is not the authorize endpoint (${url.origin}${url.pathname})`);
      const q = url.searchParams;
      const missing = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state'].filter((name) => !q.get(name));
      if (missing.length > 0) throw new Error(`instagram consent: missing ${missing.join(', ')}`);
      if (q.get('client_id') !== CLIENT_ID) throw new Error(`instagram consent: client_id ${q.get('client_id')} is not the app's`);
      if (q.get('response_type') !== 'code') throw new Error('instagram consent: response_type must be code');
      const scopes = q.get('scope')!.split(/[,\s]+/);
      const lacking = INSTAGRAM_SCOPES.filter((scope) => !scopes.includes(scope));
      if (lacking.length > 0) throw new Error(`instagram consent: scope lacks ${lacking.join(', ')}`);
      if (q.has('code_challenge')) protocol.push('consent: Instagram has no PKCE; code_challenge is ignored there');
      const code = `AQ${randomBytes(24).toString('base64url')}`;
      codes.set(code, { userId: newAccount().userId, redirectUri: q.get('redirect_uri')!, used: false });
      return { code, state: q.get('state')! };
    },
    seedAccount,
    expireAccessToken(accessToken: string) {
      tokenOf(accessToken).forcedExpired = true;
    },
    revokeRefreshToken(token: string) {
      accounts.get(tokenOf(token).userId)!.revoked = true;
    },
    failNext(op: FakeOperation, fault: FakeFault, times = 1) {
      faults.add(op, fault, times);
    },
    setProcessing(mode: Processing) {
      processing = mode;
    },
    published(): FakePublished[] {
      return media.map((m) => ({ id: m.id, caption: m.caption, mediaSha256: m.sha256, mediaBytes: m.bytes, details: { ...m.details, permalink: m.permalink } }));
    },
    protocolErrors: () => [...protocol],
    fillPublishingQuota(accessToken: string, count: number) {
      const account = accounts.get(tokenOf(accessToken).userId)!;
      for (let i = 0; i < count; i++) account.publishedAt.push(Date.now());
    },
    expireContainers() {
      for (const container of containers.values()) if (container.mediaId === null) container.expired = true;
    },
    calls: () => served.map((c) => ({ ...c, params: { ...c.params } })),
    close: () => closeServer(server),
  };
}

export const startFake: StartFakePlatform = startInstagramFake;
