// A local X (api.x.com v2) for tests: OAuth 2.0 with PKCE (codes, rotating
// refresh tokens, revocation), /2/users/me, the v2 chunked media upload
// (initialize → append → finalize → STATUS) with strict checks, posts with
// twitter-text's 280 weighted characters and X's duplicate refusal, public
// metrics and the user's timeline, showing post text the way X does (links as
// t.co, & < > escaped, the media link appended). twitter-api-v2 always calls
// https://api.x.com, so msw/node intercepts those calls in-process and
// forwards them, bytes and headers as sent, to this server (interceptX).
// Faults per FakeOperation: token → POST /2/oauth2/token, upload → APPEND,
// publish → POST /2/tweets, status → STATUS, metrics → GET /2/tweets/:id.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { http as mswHttp } from 'msw';
import { setupServer, type SetupServerApi } from 'msw/node';
import twitter from 'twitter-text';
import type { AccountTokens } from '../../../server/platforms/adapter';
import { codeChallengeOf } from '../../../server/platforms/pkce';
import { createXAdapter, X_SCOPES, type XAdapterConfig } from '../../../server/platforms/x';
import type { FakeFault, FakeOperation, FakePlatform, FakePublished, StartFakePlatform } from '../conformance/fake-platform';
import { closeServer, FaultQueue, listenOnLoopback, readBody } from './http-fake';

export const X_FAKE_CLIENT_ID = 'noor-fake-x-client';
export const X_FAKE_CLIENT_SECRET = 'noor-fake-x-secret';
/** Hosts twitter-api-v2 1.29 (and older X docs) send requests to. */
const X_HOSTS = ['api.x.com', 'upload.x.com', 'api.twitter.com', 'upload.twitter.com'];
const PROBLEMS = 'https://api.twitter.com/2/problems/';
const ACCESS_TTL_SEC = 7200;

// ---- interception -------------------------------------------------------------------------

let mswServer: SetupServerApi | undefined;
/** Fake base URLs that want X's traffic; the newest gets it. */
const targets: string[] = [];

async function forward(request: Request): Promise<Response> {
  const target = targets.at(-1);
  if (!target) return Response.error();
  const from = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of ['host', 'content-length', 'connection', 'accept-encoding']) headers.delete(name);
  headers.set('x-forwarded-host', from.host);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  try {
    const answer = await fetch(new URL(`${from.pathname}${from.search}`, target), { method: request.method, headers, body, redirect: 'manual' });
    const answerHeaders = new Headers(answer.headers);
    for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) answerHeaders.delete(name);
    return new Response(await answer.arrayBuffer(), { status: answer.status, headers: answerHeaders });
  } catch {
    return Response.error();
  }
}

/**
 * Sends every https request for X's API hosts made in this process (twitter-api-v2 uses node's
 * https) to the fake at `fakeUrl`, same method, path, headers and body bytes; a dropped connection
 * there is a network error here. Returns the function that stops it. Stackable: the newest fake wins.
 */
export function interceptX(fakeUrl: string): () => void {
  targets.push(fakeUrl);
  if (!mswServer) {
    mswServer = setupServer(...X_HOSTS.map((host) => mswHttp.all(`https://${host}/*`, ({ request }) => forward(request))));
    mswServer.listen({ onUnhandledRequest: 'bypass' });
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    targets.splice(targets.lastIndexOf(fakeUrl), 1);
    if (targets.length === 0) {
      mswServer?.close();
      mswServer = undefined;
    }
  };
}

// ---- platform state -------------------------------------------------------------------------

type ProcessingMode = { checks: number } | 'fail' | 'never';

interface User {
  id: string;
  username: string;
}
interface Media {
  id: string;
  userId: string;
  totalBytes: number;
  mediaType: string;
  category: string;
  segments: Map<number, Buffer>;
  state: 'uploading' | 'pending' | 'in_progress' | 'succeeded' | 'failed';
  mode: ProcessingMode;
  checksLeft: number;
  sha256: string;
  bytes: number;
}
interface Tweet {
  id: string;
  userId: string;
  text: string;
  /** The text as X shows it. */
  shown: string;
  mediaIds: string[];
}
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A platform-specific failure for the next call of an operation: X's exact status, body and headers. */
export interface XRawFault {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface XFakeOptions {
  /** Largest APPEND chunk accepted. Default 5 MiB (X's limit). */
  maxChunkBytes?: number;
  /** check_after_secs X asks for while processing. Default 1. */
  checkAfterSecs?: number;
  /** Overrides for the adapter() this fake hands out. */
  adapter?: Partial<XAdapterConfig>;
}

export interface XFake extends FakePlatform {
  readonly url: string;
  /** Consent as an existing X user (a reconnect), by user id; plain consent() signs up a new user. */
  consent(authUrl: string, asUserId?: string): { code: string; state: string };
  /** Every request the fake answered: method, path and status (0: dropped). */
  requests(): Array<{ method: string; path: string; status: number }>;
  setCheckAfterSecs(seconds: number): void;
  /** The next call of `op` gets exactly this answer. */
  failNextRaw(op: FakeOperation, fault: XRawFault): void;
  /** A post the account made elsewhere (text only unless withMedia). */
  seedTweet(accessToken: string, text: string, withMedia?: boolean): string;
}

const problem = (status: number, title: string, detail: string, type = 'about:blank', extra: Record<string, unknown> = {}): Reply => ({ status, body: { title, detail, type, status, ...extra } });
const invalidRequest = (message: string, parameter: string): Reply => ({
  status: 400,
  body: { errors: [{ parameters: { [parameter]: [] }, message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: `${PROBLEMS}invalid-request` },
});
const unauthorized = (): Reply => problem(401, 'Unauthorized', 'Unauthorized');
const oauthError = (status: number, error: string, description: string): Reply => ({ status, body: { error, error_description: description } });
const nowSec = () => Math.ceil(Date.now() / 1000);

function faultReply(op: FakeOperation, fault: Exclude<FakeFault, { kind: 'drop_after_commit' }>): Reply {
  switch (fault.kind) {
    case 'expired_token':
    case 'revoked':
      return op === 'token' ? oauthError(400, 'invalid_request', 'Value passed for the token was invalid.') : unauthorized();
    case 'rate_limit':
      return {
        ...problem(429, 'Too Many Requests', 'Too Many Requests'),
        headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(nowSec() + fault.retryAfterSec) },
      };
    case 'quota_exceeded':
      return problem(429, 'UsageCapExceeded', 'Usage cap exceeded: Monthly product cap', `${PROBLEMS}usage-capped`, { period: 'Monthly', scope: 'Product' });
    case 'server_error':
      return problem(503, 'Service Unavailable', 'Service Unavailable');
    case 'invalid':
      return op === 'token' ? oauthError(400, 'invalid_request', 'Missing required parameter [grant_type].') : invalidRequest('The request was not valid for this endpoint.', 'id');
  }
}

/** A JSON object, or null for anything else. */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** multipart/form-data parts by name, bytes untouched. */
function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!match) return null;
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts = new Map<string, Buffer>();
  let at = body.indexOf(delimiter);
  if (at !== 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    const headersEnd = body.indexOf('\r\n\r\n', at);
    if (headersEnd < 0) return null;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd + 4);
    if (next < 0) return null;
    const name = /name="([^"]*)"/i.exec(body.subarray(at, headersEnd).toString())?.[1];
    if (name !== undefined) parts.set(name, body.subarray(headersEnd + 4, next));
    at = next + 2;
  }
}

class XFakeServer {
  readonly protocol: string[] = [];
  readonly log: Array<{ method: string; path: string; status: number }> = [];
  private readonly users = new Map<string, User>();
  private readonly access = new Map<string, { userId: string; expiresAt: number; expired: boolean }>();
  private readonly refresh = new Map<string, { userId: string; revoked: boolean }>();
  private readonly codes = new Map<string, { userId: string; challenge: string; redirectUri: string; used: boolean }>();
  private readonly media = new Map<string, Media>();
  readonly tweets: Tweet[] = [];
  private readonly faults = new FaultQueue<Reply | 'drop'>();
  private mode: ProcessingMode = { checks: 0 };
  private nextId = 1880028106020515840n;
  private server: http.Server | undefined;
  url = '';

  constructor(
    private readonly maxChunkBytes: number,
    public checkAfterSecs: number,
  ) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.url = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }

  id(): string {
    return String(this.nextId++);
  }

  newUser(): User {
    const id = this.id();
    const user = { id, username: `noor_${id.slice(-6)}` };
    this.users.set(id, user);
    return user;
  }

  issue(userId: string): { access_token: string; refresh_token: string; expires_in: number } {
    const access_token = `x-at-${randomBytes(18).toString('base64url')}`;
    const refresh_token = `x-rt-${randomBytes(18).toString('base64url')}`;
    this.access.set(access_token, { userId, expiresAt: Date.now() + ACCESS_TTL_SEC * 1000, expired: false });
    this.refresh.set(refresh_token, { userId, revoked: false });
    return { access_token, refresh_token, expires_in: ACCESS_TTL_SEC };
  }

  addCode(userId: string, challenge: string, redirectUri: string): string {
    const code = randomBytes(16).toString('base64url');
    this.codes.set(code, { userId, challenge, redirectUri, used: false });
    return code;
  }

  expire(accessToken: string): void {
    const token = this.access.get(accessToken);
    if (!token) throw new Error('x fake: no such access token');
    token.expired = true;
  }

  revoke(refreshToken: string): void {
    const token = this.refresh.get(refreshToken);
    if (!token) throw new Error('x fake: no such refresh token');
    token.revoked = true;
  }

  userOf(accessToken: string): User {
    const token = this.access.get(accessToken);
    if (!token) throw new Error('x fake: no such access token');
    return this.users.get(token.userId)!;
  }

  setMode(mode: ProcessingMode): void {
    this.mode = mode;
  }

  addFault(op: FakeOperation, reply: Reply | 'drop', times: number): void {
    this.faults.add(op, reply, times);
  }

  postTweet(userId: string, text: string, mediaIds: string[]): Tweet {
    const id = this.id();
    const shown = text
      .replace(/https?:\/\/\S+/g, () => `https://t.co/${randomBytes(5).toString('base64url')}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    const tweet = { id, userId, text, shown: mediaIds.length > 0 ? `${shown} https://t.co/${randomBytes(5).toString('base64url')}` : shown, mediaIds };
    this.tweets.push(tweet);
    return tweet;
  }

  published(): FakePublished[] {
    return this.tweets.map((t) => {
      const media = t.mediaIds.map((id) => this.media.get(id)).filter((m): m is Media => m !== undefined);
      return {
        id: t.id,
        caption: t.text,
        mediaSha256: media[0]?.sha256 ?? '',
        mediaBytes: media[0]?.bytes ?? 0,
        details: { userId: t.userId, username: this.users.get(t.userId)?.username, mediaIds: t.mediaIds, mediaType: media[0]?.mediaType, mediaCategory: media[0]?.category },
      };
    });
  }

  private mistake(what: string, reply: Reply): Reply {
    this.protocol.push(what);
    return reply;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    const record = (status: number) => this.log.push({ method, path: url.pathname, status });
    let reply: Reply;
    const fault = this.faults.take(route?.op);
    if (!route) reply = this.mistake(`${method} ${url.pathname}: not an X API v2 endpoint this adapter should call`, problem(404, 'Not Found', `no route ${method} ${url.pathname}`));
    else if (fault && fault !== 'drop') reply = fault;
    else reply = this.answer(route, req, url, body);
    if (fault === 'drop') {
      record(0);
      req.socket.destroy();
      return;
    }
    record(reply.status);
    const limits = route?.name === 'token' ? {} : { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '99', 'x-rate-limit-reset': String(nowSec() + 900) };
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...limits, ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private answer(route: Route, req: http.IncomingMessage, url: URL, body: Buffer): Reply {
    if (route.name === 'token') return this.token(req, body);
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return this.mistake(`${route.name}: needs "Authorization: Bearer <user access token>", got ${auth.split(' ')[0] || 'none'}`, unauthorized());
    const token = this.access.get(auth.slice('Bearer '.length));
    if (!token || token.expired || token.expiresAt < Date.now()) return unauthorized();
    const user = this.users.get(token.userId)!;
    switch (route.name) {
      case 'me':
        return { status: 200, body: { data: { id: user.id, name: `Noor test ${user.id.slice(-4)}`, username: user.username } } };
      case 'init':
        return this.init(user, req, body);
      case 'append':
        return this.append(user, route.id!, req, body);
      case 'finalize':
        return this.finalize(user, route.id!);
      case 'status':
        return this.status(user, url);
      case 'tweet':
        return this.createTweet(user, req, body);
      case 'lookup':
        return this.lookup(route.id!, url);
      case 'timeline':
        return this.timeline(route.id!, url);
    }
  }

  private json(req: http.IncomingMessage, body: Buffer, what: string): { value: Record<string, unknown> } | { reply: Reply } {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return { reply: this.mistake(`${what}: body must be application/json, got ${req.headers['content-type'] ?? 'none'}`, invalidRequest('Expected a JSON body.', 'body')) };
    const value = parseObject(body.toString('utf8') || '{}');
    return value ? { value } : { reply: this.mistake(`${what}: body is not a JSON object`, invalidRequest('Expected a JSON object.', 'body')) };
  }

  private token(req: http.IncomingMessage, raw: Buffer): Reply {
    const basic = `Basic ${Buffer.from(`${X_FAKE_CLIENT_ID}:${X_FAKE_CLIENT_SECRET}`).toString('base64')}`;
    if (req.headers.authorization !== basic) return this.mistake('POST /2/oauth2/token: a confidential client must authenticate with HTTP Basic client_id:client_secret', oauthError(401, 'unauthorized_client', 'Missing valid authorization header'));
    const type = req.headers['content-type'] ?? '';
    let form: Record<string, unknown>;
    // X documents x-www-form-urlencoded; twitter-api-v2 1.29 sends JSON, which X accepts too.
    if (type.startsWith('application/x-www-form-urlencoded')) form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    else if (type.startsWith('application/json')) form = parseObject(raw.toString('utf8')) ?? {};
    else return this.mistake(`POST /2/oauth2/token: unexpected content type ${type || 'none'}`, oauthError(400, 'invalid_request', 'Unsupported content type.'));
    if (form.grant_type === 'authorization_code') {
      const code = typeof form.code === 'string' ? this.codes.get(form.code) : undefined;
      if (!code || code.used || form.redirect_uri !== code.redirectUri || typeof form.code_verifier !== 'string' || codeChallengeOf(form.code_verifier) !== code.challenge)
        return oauthError(400, 'invalid_request', 'Value passed for the authorization code was invalid.');
      code.used = true;
      return { status: 200, body: { token_type: 'bearer', scope: X_SCOPES.join(' '), ...this.issue(code.userId) } };
    }
    if (form.grant_type === 'refresh_token') {
      const refreshToken = typeof form.refresh_token === 'string' ? form.refresh_token : '';
      const known = this.refresh.get(refreshToken);
      if (!known || known.revoked) return oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
      known.revoked = true; // rotation: a refresh token works once
      return { status: 200, body: { token_type: 'bearer', scope: X_SCOPES.join(' '), ...this.issue(known.userId) } };
    }
    return this.mistake(`POST /2/oauth2/token: grant_type ${String(form.grant_type)}`, oauthError(400, 'unsupported_grant_type', 'Unsupported grant type.'));
  }

  private ownMedia(user: User, id: string, what: string): Media | Reply {
    const media = this.media.get(id);
    if (!media || media.userId !== user.id) return this.mistake(`${what}: unknown media id ${id}`, invalidRequest(`Media id ${id} not found.`, 'id'));
    return media;
  }

  private init(user: User, req: http.IncomingMessage, raw: Buffer): Reply {
    const body = this.json(req, raw, 'INIT');
    if ('reply' in body) return body.reply;
    const { total_bytes, media_type, media_category } = body.value;
    if (typeof total_bytes !== 'number' || !Number.isInteger(total_bytes) || total_bytes <= 0) return this.mistake(`INIT: total_bytes ${String(total_bytes)} is not a positive integer`, invalidRequest('total_bytes is required.', 'total_bytes'));
    if (media_type !== 'video/mp4') return this.mistake(`INIT: media_type ${String(media_type)}, expected video/mp4`, invalidRequest('media_type is not supported.', 'media_type'));
    if (media_category !== 'amplify_video') return this.mistake(`INIT: media_category ${String(media_category)}, expected amplify_video`, invalidRequest('media_category is not supported.', 'media_category'));
    const id = this.id();
    const mode = this.mode;
    this.media.set(id, { id, userId: user.id, totalBytes: total_bytes, mediaType: media_type, category: media_category, segments: new Map(), state: 'uploading', mode, checksLeft: typeof mode === 'object' ? mode.checks : 0, sha256: '', bytes: 0 });
    return { status: 200, body: { data: { id, media_key: `7_${id}`, expires_after_secs: 86399 } } };
  }

  private append(user: User, id: string, req: http.IncomingMessage, raw: Buffer): Reply {
    const media = this.ownMedia(user, id, 'APPEND');
    if ('status' in media) return media;
    if (media.state !== 'uploading') return this.mistake(`APPEND ${id}: the upload was already finalized`, invalidRequest('Media upload already finalized.', 'id'));
    const type = req.headers['content-type'] ?? '';
    const parts = type.startsWith('multipart/form-data') ? parseMultipart(raw, type) : null;
    if (!parts) return this.mistake(`APPEND ${id}: body must be multipart/form-data, got ${type || 'none'}`, invalidRequest('Expected multipart/form-data.', 'media'));
    const segment = Number(parts.get('segment_index')?.toString('utf8'));
    const chunk = parts.get('media');
    if (!Number.isInteger(segment) || segment < 0 || segment > 999) return this.mistake(`APPEND ${id}: segment_index ${String(parts.get('segment_index'))} is not 0–999`, invalidRequest('segment_index is invalid.', 'segment_index'));
    if (!chunk || chunk.length === 0) return this.mistake(`APPEND ${id} segment ${segment}: no media bytes`, invalidRequest('media is required.', 'media'));
    if (chunk.length > this.maxChunkBytes) return this.mistake(`APPEND ${id} segment ${segment}: ${chunk.length} bytes, more than ${this.maxChunkBytes}`, invalidRequest('Media chunk too large.', 'media'));
    if (segment > media.segments.size) return this.mistake(`APPEND ${id}: segment ${segment} sent before segment ${media.segments.size}`, invalidRequest('Segments out of order.', 'segment_index'));
    const others = [...media.segments].filter(([i]) => i !== segment).reduce((sum, [, b]) => sum + b.length, 0);
    if (others + chunk.length > media.totalBytes) return this.mistake(`APPEND ${id}: ${others + chunk.length} bytes sent, more than total_bytes ${media.totalBytes}`, invalidRequest('Media exceeds total_bytes.', 'media'));
    media.segments.set(segment, Buffer.from(chunk));
    return { status: 200, body: { data: { expires_at: nowSec() + 86399 } } };
  }

  private processingInfo(media: Media): Record<string, unknown> {
    if (media.state === 'failed') return { state: 'failed', progress_percent: 12, error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' } };
    if (media.state === 'succeeded') return { state: 'succeeded', progress_percent: 100 };
    return { state: media.state, check_after_secs: this.checkAfterSecs, progress_percent: media.state === 'pending' ? 0 : 40 };
  }

  private finalize(user: User, id: string): Reply {
    const media = this.ownMedia(user, id, 'FINALIZE');
    if ('status' in media) return media;
    if (media.state !== 'uploading') return this.mistake(`FINALIZE ${id}: already finalized`, invalidRequest('Media upload already finalized.', 'id'));
    const order = [...media.segments.keys()].sort((a, b) => a - b);
    if (order.some((segment, i) => segment !== i)) return this.mistake(`FINALIZE ${id}: segments ${order.join(',')} are not 0…n-1`, invalidRequest('Segments missing.', 'id'));
    const joined = Buffer.concat(order.map((i) => media.segments.get(i)!));
    if (joined.length !== media.totalBytes) return this.mistake(`FINALIZE ${id}: received ${joined.length} bytes, INIT said total_bytes ${media.totalBytes}`, invalidRequest('File size does not match total_bytes.', 'id'));
    media.sha256 = createHash('sha256').update(joined).digest('hex');
    media.bytes = joined.length;
    media.state = typeof media.mode === 'object' && media.mode.checks === 0 ? 'succeeded' : 'pending';
    return { status: 200, body: { data: { id, media_key: `7_${id}`, size: joined.length, expires_after_secs: 86399, processing_info: this.processingInfo(media) } } };
  }

  private status(user: User, url: URL): Reply {
    if (url.searchParams.get('command') !== 'STATUS') return this.mistake(`STATUS: command=${url.searchParams.get('command') ?? ''}, expected STATUS`, invalidRequest('command must be STATUS.', 'command'));
    const id = url.searchParams.get('media_id') ?? '';
    const media = this.ownMedia(user, id, 'STATUS');
    if ('status' in media) return media;
    if (media.state === 'uploading') return this.mistake(`STATUS ${id}: polled before FINALIZE`, invalidRequest('Media upload not finalized.', 'media_id'));
    if (media.state === 'pending' || media.state === 'in_progress') {
      if (media.mode === 'fail') media.state = 'failed';
      else if (media.mode === 'never') media.state = 'in_progress';
      else media.state = --media.checksLeft <= 0 ? 'succeeded' : 'in_progress';
    }
    return { status: 200, body: { data: { id, media_key: `7_${id}`, processing_info: this.processingInfo(media) } } };
  }

  private createTweet(user: User, req: http.IncomingMessage, raw: Buffer): Reply {
    const body = this.json(req, raw, 'POST /2/tweets');
    if ('reply' in body) return body.reply;
    const { text, media } = body.value as { text?: unknown; media?: { media_ids?: unknown } };
    if (typeof text !== 'string') return this.mistake('POST /2/tweets: text is required', invalidRequest('text is required.', 'text'));
    const ids = media?.media_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) return this.mistake('POST /2/tweets: media.media_ids must be a list of media id strings', invalidRequest('media.media_ids is invalid.', 'media.media_ids'));
    for (const id of ids as string[]) {
      const m = this.media.get(id);
      if (!m || m.userId !== user.id || m.state !== 'succeeded') return this.mistake(`POST /2/tweets: media ${id} is not a finished upload of this account (${m?.state ?? 'unknown'})`, invalidRequest('Your media IDs are invalid.', 'media.media_ids'));
    }
    const parsed = twitter.parseTweet(text);
    if (!parsed.valid && text.trim() !== '') return invalidRequest(`Your Tweet text is too long (${parsed.weightedLength} of 280).`, 'text');
    if (this.tweets.some((t) => t.userId === user.id && t.text.trim() === text.trim())) return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    const tweet = this.postTweet(user.id, text.trim(), ids as string[]);
    return { status: 201, body: { data: { id: tweet.id, text: tweet.shown, edit_history_tweet_ids: [tweet.id] } } };
  }

  private fields(tweet: Tweet, url: URL): Record<string, unknown> {
    const wanted = (url.searchParams.get('tweet.fields') ?? '').split(',');
    return {
      id: tweet.id,
      text: tweet.shown,
      edit_history_tweet_ids: [tweet.id],
      ...(wanted.includes('attachments') && tweet.mediaIds.length > 0 ? { attachments: { media_keys: tweet.mediaIds.map((id) => `7_${id}`) } } : {}),
      ...(wanted.includes('public_metrics') ? { public_metrics: { retweet_count: 2, reply_count: 3, like_count: 12, quote_count: 1, bookmark_count: 0, impression_count: 120 } } : {}),
    };
  }

  private lookup(id: string, url: URL): Reply {
    const tweet = this.tweets.find((t) => t.id === id);
    if (!tweet)
      return {
        status: 200,
        body: { errors: [{ value: id, detail: `Could not find tweet with id: [${id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'id', resource_id: id, type: `${PROBLEMS}resource-not-found` }] },
      };
    return { status: 200, body: { data: this.fields(tweet, url) } };
  }

  private timeline(userId: string, url: URL): Reply {
    const max = Number(url.searchParams.get('max_results') ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100) return this.mistake(`GET /2/users/:id/tweets: max_results ${max} is not 5–100`, invalidRequest('max_results must be between 5 and 100.', 'max_results'));
    const shown = this.tweets
      .filter((t) => t.userId === userId)
      .reverse()
      .slice(0, max);
    if (shown.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    return { status: 200, body: { data: shown.map((t) => this.fields(t, url)), meta: { result_count: shown.length, newest_id: shown[0]!.id, oldest_id: shown.at(-1)!.id } } };
  }
}

type RouteName = 'token' | 'me' | 'init' | 'append' | 'finalize' | 'status' | 'tweet' | 'lookup' | 'timeline';
interface Route {
  name: RouteName;
  op?: FakeOperation;
  id?: string;
}

function routeOf(method: string, path: string): Route | undefined {
  const id = (pattern: RegExp) => pattern.exec(path)?.[1];
  if (method === 'POST' && path === '/2/oauth2/token') return { name: 'token', op: 'token' };
  if (method === 'GET' && path === '/2/users/me') return { name: 'me' };
  if (method === 'POST' && path === '/2/media/upload/initialize') return { name: 'init' };
  const append = id(/^\/2\/media\/upload\/(\d+)\/append$/);
  if (method === 'POST' && append) return { name: 'append', op: 'upload', id: append };
  const finalize = id(/^\/2\/media\/upload\/(\d+)\/finalize$/);
  if (method === 'POST' && finalize) return { name: 'finalize', id: finalize };
  if (method === 'GET' && path === '/2/media/upload') return { name: 'status', op: 'status' };
  if (method === 'POST' && path === '/2/tweets') return { name: 'tweet', op: 'publish' };
  const tweet = id(/^\/2\/tweets\/(\d+)$/);
  if (method === 'GET' && tweet) return { name: 'lookup', op: 'metrics', id: tweet };
  const timeline = id(/^\/2\/users\/(\d+)\/tweets$/);
  if (method === 'GET' && timeline) return { name: 'timeline', id: timeline };
  return undefined;
}

/** Starts a fake X with its own options (startFake uses the defaults). */
export async function startXFake(options: XFakeOptions = {}): Promise<XFake> {
  const fake = new XFakeServer(options.maxChunkBytes ?? 5 * 1024 * 1024, options.checkAfterSecs ?? 1);
  await fake.start();
  const stopIntercepting = interceptX(fake.url);
  return {
    platform: 'x',
    pkce: true,
    url: fake.url,
    adapter: () =>
      createXAdapter({
        clientId: X_FAKE_CLIENT_ID,
        clientSecret: X_FAKE_CLIENT_SECRET,
        requestTimeoutMs: 10_000,
        pollAfterMs: 50,
        chunkBytes: 128 * 1024,
        chunkRetryDelayMs: 20,
        inlineProcessingMs: 200,
        ...options.adapter,
      }),
    consent(authUrl: string, asUserId?: string) {
      const url = new URL(authUrl);
      const q = url.searchParams;
      const missing = [
        `${url.origin}${url.pathname}` === 'https://x.com/i/oauth2/authorize' ? null : `the authorize endpoint (got ${url.origin}${url.pathname})`,
        q.get('response_type') === 'code' ? null : 'response_type=code',
        q.get('client_id') === X_FAKE_CLIENT_ID ? null : 'client_id',
        q.get('redirect_uri') ? null : 'redirect_uri',
        q.get('state') ? null : 'state',
        q.get('code_challenge') ? null : 'code_challenge',
        q.get('code_challenge_method') === 'S256' ? null : 'code_challenge_method=S256',
        ...X_SCOPES.map((scope) => ((q.get('scope') ?? '').split(' ').includes(scope) ? null : `scope ${scope}`)),
      ].filter((m): m is string => m !== null);
      if (missing.length > 0) throw new Error(`x consent: the authorize URL lacks ${missing.join(', ')}`);
      return { code: fake.addCode(asUserId ?? fake.newUser().id, q.get('code_challenge')!, q.get('redirect_uri')!), state: q.get('state')! };
    },
    seedAccount(): AccountTokens {
      const issued = fake.issue(fake.newUser().id);
      return { accessToken: issued.access_token, refreshToken: issued.refresh_token, expiresAt: new Date(Date.now() + issued.expires_in * 1000), scopes: [...X_SCOPES] };
    },
    expireAccessToken: (token) => fake.expire(token),
    revokeRefreshToken: (token) => fake.revoke(token),
    failNext(op, fault, times = 1) {
      fake.addFault(op, fault.kind === 'drop_after_commit' ? 'drop' : faultReply(op, fault), times);
    },
    failNextRaw: (op, fault) => fake.addFault(op, fault, 1),
    setProcessing: (mode) => fake.setMode(mode),
    setCheckAfterSecs(seconds) {
      fake.checkAfterSecs = seconds;
    },
    seedTweet(accessToken, text, withMedia = false) {
      const user = fake.userOf(accessToken);
      return fake.postTweet(user.id, text, withMedia ? [fake.id()] : []).id;
    },
    published: () => fake.published(),
    protocolErrors: () => [...fake.protocol],
    requests: () => [...fake.log],
    async close() {
      stopIntercepting();
      await fake.stop();
    },
  };
}

export const startFake: StartFakePlatform = () => startXFake();
