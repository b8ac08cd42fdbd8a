// A local YouTube for tests: Google's OAuth token endpoint (authorization
// code with PKCE S256, refresh tokens that are not rotated, invalid_grant once
// revoked), and the Data API v3 endpoints Noor uses: channels.list mine, the
// resumable upload (session start, chunk PUTs checked strictly: multiples of
// 256 KiB but the last, contiguous Content-Range, the announced total, 308 +
// Range answers, "bytes */total" status queries), videos.list (snippet,
// status, processingDetails, statistics), playlistItems.list of the uploads
// playlist, and thumbnails.set. Errors have Google's shape {error: {code,
// message, errors: [{reason, domain, message}], status}}. Faults per
// FakeOperation: token → token endpoint, publish → upload session start,
// upload → chunk/status PUTs, status → videos.list for status, metrics →
// videos.list for statistics. Every protocol mistake is recorded and answered
// with Google's 400.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AccountTokens } from '../../../server/platforms/adapter';
import { codeChallengeOf } from '../../../server/platforms/pkce';
import { createYouTubeAdapter, YOUTUBE_SCOPES, type YouTubeAdapterConfig } from '../../../server/platforms/youtube';
import type { FakeFault, FakeOperation, FakePlatform, FakePublished, StartFakePlatform } from '../conformance/fake-platform';
import { closeServer, FaultQueue, listenOnLoopback, readBody } from './http-fake';

const CLIENT_ID = 'noor-test.apps.googleusercontent.com';
const CLIENT_SECRET = 'fake-youtube-secret';
const GRANULARITY = 256 * 1024;
const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;

interface Channel {
  id: string;
  title: string;
}

interface Video {
  id: string;
  channelId: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: string;
  madeForKids: boolean;
  sha256: string;
  bytes: number;
  publishedAt: string;
  /** Status polls left before processed; Infinity never ends. */
  checksLeft: number;
  fails: boolean;
  thumbnail: { sha256: string; contentType: string } | null;
}

interface Session {
  id: string;
  channelId: string;
  metadata: { snippet: Record<string, unknown>; status: Record<string, unknown> };
  total: number;
  contentType: string;
  chunks: Buffer[];
  received: number;
  video: Video | null;
}

/** One request as the fake saw it, for tests of the protocol's order. */
export interface YouTubeFakeRequest {
  method: string;
  path: string;
  contentRange: string | null;
  bytes: number;
  /** The answer's status, or 'dropped' when the connection was cut. */
  status: number | 'dropped';
}

export interface YouTubeFake extends FakePlatform {
  readonly url: string;
  /** An adapter for this fake with some settings changed (quota, clock, chunk size...). */
  adapter(overrides?: Partial<YouTubeAdapterConfig>): ReturnType<FakePlatform['adapter']>;
  /** Plays the consent screen; `withhold` unticks scopes the way Google's granular consent lets a user. */
  consent(authUrl: string, options?: { withhold?: string[] }): { code: string; state: string };
  /** Like an unaudited API project: every upload is locked private whatever was asked. */
  setUnverifiedProject(unverified: boolean): void;
  /** Like a channel not verified for custom thumbnails: thumbnails.set answers 403 forbidden. */
  refuseThumbnails(refuse: boolean): void;
  /** The next call of `op` fails with this Google error (status and errors[0].reason), for the error table. */
  failNextWith(op: FakeOperation, status: number, reason: string, headers?: Record<string, string>): void;
  /** Every open upload session is forgotten (404 from now on), as when sessions expire. */
  expireUploadSessions(): void;
  requests(): YouTubeFakeRequest[];
}

type Route =
  | { op: 'token' }
  | { op: 'publish' }
  | { op: 'upload'; sessionId: string }
  | { op: 'videos' }
  | { op: 'channels' }
  | { op: 'playlistItems' }
  | { op: 'thumbnails' };

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 503: 'UNAVAILABLE' };

const newId = (prefix = '', bytes = 8): string => `${prefix}${randomBytes(bytes).toString('base64url')}`;

function routeOf(method: string, pathname: string, query: URLSearchParams): Route | undefined {
  if (method === 'POST' && pathname === '/token') return { op: 'token' };
  if (method === 'POST' && pathname === '/upload/youtube/v3/videos') return { op: 'publish' };
  if (method === 'PUT' && pathname === '/upload/youtube/v3/videos') return { op: 'upload', sessionId: query.get('upload_id') ?? '' };
  if (method === 'GET' && pathname === '/youtube/v3/videos') return { op: 'videos' };
  if (method === 'GET' && pathname === '/youtube/v3/channels') return { op: 'channels' };
  if (method === 'GET' && pathname === '/youtube/v3/playlistItems') return { op: 'playlistItems' };
  if (method === 'POST' && pathname === '/upload/youtube/v3/thumbnails/set') return { op: 'thumbnails' };
  return undefined;
}

export const startFake: StartFakePlatform = async (): Promise<YouTubeFake> => {
  const channels = new Map<string, Channel>();
  const accessTokens = new Map<string, { channelId: string; expired: boolean }>();
  const refreshTokens = new Map<string, { channelId: string; revoked: boolean; scopes: string[] }>();
  const codes = new Map<string, { channelId: string; challenge: string; redirectUri: string; scopes: string[] }>();
  const sessions = new Map<string, Session>();
  const videos: Video[] = [];
  const faults = new FaultQueue<FakeFault | { kind: 'google'; status: number; reason: string; headers: Record<string, string> }>();
  const errors: string[] = [];
  const log: YouTubeFakeRequest[] = [];
  let processing: { checks: number } | 'fail' | 'never' = { checks: 0 };
  let unverifiedProject = false;
  let thumbnailsRefused = false;
  let base = '';

  const newChannel = (): Channel => {
    const channel = { id: newId('UC', 16).slice(0, 24), title: `Noor Test Channel ${channels.size + 1}` };
    channels.set(channel.id, channel);
    return channel;
  };
  const uploadsPlaylistOf = (channelId: string): string => `UU${channelId.slice(2)}`;
  const mintAccess = (channelId: string): string => {
    const token = newId('ya29.', 24);
    accessTokens.set(token, { channelId, expired: false });
    return token;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 500, message: String(error) } }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const body = await readBody(req);
    const entry: YouTubeFakeRequest = { method: req.method ?? 'GET', path: url.pathname, contentRange: req.headers['content-range'] ?? null, bytes: body.length, status: 'dropped' };
    log.push(entry);
    const route = routeOf(req.method ?? 'GET', url.pathname, url.searchParams);

    const op: FakeOperation | undefined =
      route?.op === 'videos' ? (url.searchParams.get('part')?.includes('statistics') ? 'metrics' : 'status') : route && ['token', 'publish', 'upload'].includes(route.op) ? (route.op as FakeOperation) : undefined;
    const fault = faults.take(op);
    const drop = fault?.kind === 'drop_after_commit';

    const send = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
      if (drop) {
        req.socket.destroy();
        return;
      }
      entry.status = status;
      const text = json === undefined ? '' : JSON.stringify(json);
      res.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=UTF-8' } : {}), 'content-length': String(Buffer.byteLength(text)), ...headers });
      res.end(text);
    };
    const googleError = (status: number, reason: string, message: string, headers: Record<string, string> = {}): void => {
      const domain = reason === 'quotaExceeded' ? 'youtube.quota' : reason === 'rateLimitExceeded' ? 'usageLimits' : reason === 'authError' ? 'global' : 'youtube.api';
      send(status, { error: { code: status, message, errors: [{ message, domain, reason }], status: STATUS_NAMES[status] ?? 'UNKNOWN' } }, headers);
    };
    const tokenError = (status: number, error: string, description: string, headers: Record<string, string> = {}): void => send(status, { error, error_description: description }, headers);
    const protocol = (what: string, reason = 'badRequest'): void => {
      errors.push(`${req.method} ${url.pathname}: ${what}`);
      googleError(400, reason, what);
    };

    if (!route) return googleError(404, 'notFound', `no route ${req.method} ${url.pathname}`);

    if (fault && !drop) {
      if (route.op === 'token') {
        switch (fault.kind) {
          case 'server_error':
            return tokenError(503, 'internal_failure', 'Backend Error');
          case 'rate_limit':
          case 'quota_exceeded':
            return tokenError(429, 'rate_limit_exceeded', 'Rate limit exceeded', { 'retry-after': String(fault.kind === 'rate_limit' ? fault.retryAfterSec : 60) });
          case 'invalid':
            return tokenError(400, 'invalid_request', 'Invalid request');
          case 'google':
            return tokenError(fault.status, fault.reason, `injected ${fault.reason}`, fault.headers);
          default:
            return tokenError(400, 'invalid_grant', 'Token has been expired or revoked.');
        }
      }
      switch (fault.kind) {
        case 'expired_token':
        case 'revoked':
          return googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' });
        case 'rate_limit':
          return googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.', { 'retry-after': String(fault.retryAfterSec) });
        case 'quota_exceeded':
          return googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.');
        case 'server_error':
          return googleError(503, 'backendError', 'Backend Error');
        case 'invalid':
          return googleError(400, route.op === 'publish' ? 'invalidVideoMetadata' : 'badRequest', 'The request is invalid.');
        case 'google':
          return googleError(fault.status, fault.reason, `injected ${fault.reason}`, fault.headers);
      }
    }

    if (route.op === 'token') return tokenEndpoint();

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) {
      errors.push(`${req.method} ${url.pathname}: no Bearer access token`);
      return googleError(401, 'authError', 'Request is missing required authentication credential.');
    }
    const access = accessTokens.get(bearer);
    if (!access) return googleError(401, 'authError', 'Request had invalid authentication credentials.');
    if (access.expired) return googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', { 'www-authenticate': 'Bearer error="invalid_token"' });
    const channelId = access.channelId;

    switch (route.op) {
      case 'publish':
        return startSession(channelId);
      case 'upload':
        return putSession(route.sessionId, channelId);
      case 'videos':
        return listVideos(channelId, op === 'status');
      case 'channels': {
        if (url.searchParams.get('mine') !== 'true') return protocol('channels.list needs mine=true');
        const channel = channels.get(channelId)!;
        const parts = (url.searchParams.get('part') ?? '').split(',');
        const item: Record<string, unknown> = { kind: 'youtube#channel', etag: newId(), id: channel.id };
        if (parts.includes('snippet')) item.snippet = { title: channel.title, description: '', customUrl: `@${channel.title.replace(/\s/g, '').toLowerCase()}` };
        if (parts.includes('contentDetails')) item.contentDetails = { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(channel.id) } };
        return send(200, { kind: 'youtube#channelListResponse', etag: newId(), pageInfo: { totalResults: 1, resultsPerPage: 5 }, items: [item] });
      }
      case 'playlistItems': {
        const playlistId = url.searchParams.get('playlistId');
        const maxResults = Number(url.searchParams.get('maxResults') ?? 5);
        if (!(maxResults >= 0 && maxResults <= 50)) return protocol(`playlistItems.list maxResults ${maxResults} is outside 0–50`, 'invalidParameter');
        if (playlistId !== uploadsPlaylistOf(channelId)) return googleError(404, 'playlistNotFound', 'The playlist identified with the request\'s playlistId parameter cannot be found.');
        const mine = videos.filter((v) => v.channelId === channelId).reverse();
        const items = mine.slice(0, maxResults).map((v, position) => ({
          kind: 'youtube#playlistItem',
          etag: newId(),
          id: newId(),
          snippet: { publishedAt: v.publishedAt, channelId, title: v.title, description: v.description, playlistId, position, resourceId: { kind: 'youtube#video', videoId: v.id } },
        }));
        return send(200, { kind: 'youtube#playlistItemListResponse', etag: newId(), pageInfo: { totalResults: mine.length, resultsPerPage: maxResults }, items });
      }
      case 'thumbnails': {
        const video = videos.find((v) => v.id === url.searchParams.get('videoId') && v.channelId === channelId);
        if (!video) return googleError(404, 'videoNotFound', 'The video that you are trying to update cannot be found.');
        if (url.searchParams.get('uploadType') !== 'media') return protocol('thumbnails.set needs uploadType=media');
        const type = (req.headers['content-type'] ?? '').split(';')[0]!;
        if (!['image/png', 'image/jpeg', 'application/octet-stream'].includes(type)) return protocol(`thumbnails.set: content type "${type}" is not an image`, 'mediaBodyRequired');
        if (body.length === 0) return protocol('thumbnails.set: empty image', 'mediaBodyRequired');
        if (body.length > MAX_THUMBNAIL_BYTES) return googleError(413, 'mediaBodyTooLarge', 'The thumbnail image file is too large.');
        if (thumbnailsRefused) return googleError(403, 'forbidden', "The authenticated user doesn't have permissions to upload and set custom video thumbnails.");
        video.thumbnail = { sha256: createHash('sha256').update(body).digest('hex'), contentType: type };
        return send(200, { kind: 'youtube#thumbnailSetResponse', items: [{ default: { url: `${base}/vi/${video.id}/default.jpg`, width: 120, height: 90 } }] });
      }
    }

    function tokenEndpoint(): void {
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        errors.push(`POST /token: content type "${req.headers['content-type'] ?? ''}" is not a form`);
        return tokenError(400, 'invalid_request', 'Invalid content type');
      }
      const form = new URLSearchParams(body.toString('utf8'));
      if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) return tokenError(401, 'invalid_client', 'The OAuth client was not found.');
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        if (!code) return tokenError(400, 'invalid_grant', 'Malformed auth code.');
        codes.delete(form.get('code')!);
        if (form.get('redirect_uri') !== code.redirectUri) return tokenError(400, 'redirect_uri_mismatch', 'Bad Request');
        const verifier = form.get('code_verifier');
        if (!verifier) return tokenError(400, 'invalid_grant', 'Missing code verifier.');
        if (codeChallengeOf(verifier) !== code.challenge) return tokenError(400, 'invalid_grant', 'Invalid code verifier.');
        const refresh = newId('1//', 32);
        refreshTokens.set(refresh, { channelId: code.channelId, revoked: false, scopes: code.scopes });
        return send(200, { access_token: mintAccess(code.channelId), expires_in: 3599, refresh_token: refresh, scope: code.scopes.join(' '), token_type: 'Bearer' });
      }
      if (grant === 'refresh_token') {
        const refresh = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!refresh || refresh.revoked) return tokenError(400, 'invalid_grant', 'Token has been expired or revoked.');
        // Google does not rotate refresh tokens: the answer has none.
        return send(200, { access_token: mintAccess(refresh.channelId), expires_in: 3599, scope: refresh.scopes.join(' '), token_type: 'Bearer' });
      }
      errors.push(`POST /token: grant_type "${grant ?? ''}" unknown`);
      return tokenError(400, 'unsupported_grant_type', 'Invalid grant_type');
    }

    function startSession(channelId: string): void {
      if (url.searchParams.get('uploadType') !== 'resumable') return protocol('videos.insert: uploadType must be resumable');
      const parts = (url.searchParams.get('part') ?? '').split(',');
      if (!parts.includes('snippet') || !parts.includes('status')) return protocol(`videos.insert: part "${parts.join(',')}" lacks snippet or status`);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return protocol('videos.insert: the metadata must be application/json');
      const total = Number(req.headers['x-upload-content-length']);
      if (!Number.isInteger(total) || total <= 0) return protocol('videos.insert: X-Upload-Content-Length must be the file size');
      const contentType = String(req.headers['x-upload-content-type'] ?? '');
      if (!/^video\/|^application\/octet-stream$/.test(contentType)) return protocol(`videos.insert: X-Upload-Content-Type "${contentType}" is not a video type`);
      let metadata: Session['metadata'];
      try {
        metadata = JSON.parse(body.toString('utf8')) as Session['metadata'];
      } catch {
        return protocol('videos.insert: the metadata is not JSON', 'parseError');
      }
      const snippet = metadata.snippet ?? {};
      const status = metadata.status ?? {};
      const title = snippet.title;
      const description = snippet.description ?? '';
      if (typeof title !== 'string' || title.trim() === '' || title.length > 100 || /[<>]/.test(title)) return protocol(`videos.insert: invalid title ${JSON.stringify(title)}`, 'invalidTitle');
      if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) return protocol('videos.insert: invalid description', 'invalidDescription');
      if (snippet.tags !== undefined && (!Array.isArray(snippet.tags) || snippet.tags.join(',').length > 500)) return protocol('videos.insert: invalid tags', 'invalidTags');
      if (typeof snippet.categoryId !== 'string') return protocol('videos.insert: snippet.categoryId missing', 'invalidCategoryId');
      if (!['public', 'unlisted', 'private'].includes(String(status.privacyStatus))) return protocol(`videos.insert: privacyStatus ${JSON.stringify(status.privacyStatus)}`, 'invalidVideoMetadata');
      if (typeof status.selfDeclaredMadeForKids !== 'boolean') return protocol('videos.insert: status.selfDeclaredMadeForKids missing', 'invalidVideoMetadata');
      const session: Session = { id: newId('AUy', 24), channelId, metadata: { snippet, status }, total, contentType, chunks: [], received: 0, video: null };
      sessions.set(session.id, session);
      const location = `${base}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&upload_id=${session.id}`;
      return send(200, undefined, { location, 'x-guploader-uploadid': session.id });
    }

    function putSession(sessionId: string, channelId: string): void {
      const session = sessions.get(sessionId);
      if (!session) return googleError(404, 'notFound', 'The upload session was not found; it may have expired.');
      if (session.channelId !== channelId) {
        errors.push(`PUT upload: an access token of another channel`);
        return googleError(401, 'authError', 'The access token does not own this upload session.');
      }
      const range = req.headers['content-range'] ?? '';
      const query = /^bytes \*\/(\d+)$/.exec(range);
      if (query) {
        if (Number(query[1]) !== session.total) return protocol(`upload status query: total ${query[1]} is not the announced ${session.total}`);
        if (body.length !== 0) return protocol('upload status query: carries a body');
        return answerSession(session);
      }
      const chunk = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
      if (!chunk) return protocol(`upload chunk: Content-Range "${range}" is not "bytes first-last/total"`);
      const [first, last, total] = [Number(chunk[1]), Number(chunk[2]), Number(chunk[3])];
      if (session.video) return protocol('upload chunk: the upload is already complete');
      if (total !== session.total) return protocol(`upload chunk: total ${total} is not the announced X-Upload-Content-Length ${session.total}`);
      if (first !== session.received) return protocol(`upload chunk: starts at ${first}, the session holds ${session.received} bytes`);
      if (last < first || last >= total) return protocol(`upload chunk: range ${first}-${last} is outside the file of ${total} bytes`);
      if (body.length !== last - first + 1) return protocol(`upload chunk: ${body.length} bytes sent for a range of ${last - first + 1}`);
      if (last + 1 < total && body.length % GRANULARITY !== 0) return protocol(`upload chunk: ${body.length} bytes is not a multiple of 256 KiB (only the last chunk may be)`);
      session.chunks.push(body);
      session.received += body.length;
      if (session.received === total) session.video = makeVideo(session);
      return answerSession(session, 201);
    }

    function answerSession(session: Session, doneStatus = 200): void {
      if (session.video) return send(doneStatus, videoView(session.video, ['snippet', 'status']));
      return send(308, undefined, session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {});
    }

    function listVideos(channelId: string, isStatus: boolean): void {
      const parts = (url.searchParams.get('part') ?? '').split(',').filter(Boolean);
      if (parts.length === 0) return protocol('videos.list: part is required', 'missingRequiredParameter');
      const ids = (url.searchParams.get('id') ?? '').split(',').filter(Boolean);
      if (ids.length === 0) return protocol('videos.list: id is required for Noor\'s calls', 'missingRequiredParameter');
      const found = videos.filter((v) => ids.includes(v.id) && (v.channelId === channelId || v.privacyStatus === 'public'));
      if (isStatus) for (const v of found) if (v.checksLeft > 0) v.checksLeft--;
      return send(200, { kind: 'youtube#videoListResponse', etag: newId(), pageInfo: { totalResults: found.length, resultsPerPage: found.length }, items: found.map((v) => videoView(v, parts)) });
    }
  }

  function makeVideo(session: Session): Video {
    const video: Video = {
      id: newId('', 8).slice(0, 11),
      channelId: session.channelId,
      title: String(session.metadata.snippet.title),
      description: String(session.metadata.snippet.description ?? ''),
      tags: (session.metadata.snippet.tags as string[] | undefined) ?? [],
      categoryId: String(session.metadata.snippet.categoryId),
      privacyStatus: unverifiedProject ? 'private' : String(session.metadata.status.privacyStatus),
      madeForKids: session.metadata.status.selfDeclaredMadeForKids === true,
      sha256: createHash('sha256').update(Buffer.concat(session.chunks)).digest('hex'),
      bytes: session.received,
      publishedAt: new Date().toISOString(),
      checksLeft: processing === 'never' ? Infinity : processing === 'fail' ? 1 : processing.checks,
      fails: processing === 'fail',
      thumbnail: null,
    };
    videos.push(video);
    return video;
  }

  function videoView(v: Video, parts: string[]): Record<string, unknown> {
    const done = v.checksLeft === 0;
    const uploadStatus = !done ? 'uploaded' : v.fails ? 'failed' : 'processed';
    const view: Record<string, unknown> = { kind: 'youtube#video', etag: newId(), id: v.id };
    if (parts.includes('snippet')) {
      view.snippet = { publishedAt: v.publishedAt, channelId: v.channelId, title: v.title, description: v.description, tags: v.tags.length ? v.tags : undefined, categoryId: v.categoryId };
    }
    if (parts.includes('status')) {
      view.status = {
        uploadStatus,
        ...(uploadStatus === 'failed' ? { failureReason: 'codec' } : {}),
        privacyStatus: v.privacyStatus,
        license: 'youtube',
        embeddable: true,
        publicStatsViewable: true,
        madeForKids: v.madeForKids,
        selfDeclaredMadeForKids: v.madeForKids,
      };
    }
    if (parts.includes('processingDetails')) {
      view.processingDetails = done
        ? { processingStatus: v.fails ? 'failed' : 'succeeded', ...(v.fails ? { processingFailureReason: 'transcodeFailed' } : {}) }
        : { processingStatus: 'processing', processingProgress: { partsTotal: '1000', partsProcessed: '10' } };
    }
    if (parts.includes('statistics')) view.statistics = { viewCount: '120', likeCount: '14', favoriteCount: '0', commentCount: '3' };
    return view;
  }

  base = await listenOnLoopback(server);

  const fake: YouTubeFake = {
    platform: 'youtube',
    pkce: true,
    url: base,
    adapter: (overrides = {}) =>
      createYouTubeAdapter({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        rootUrl: `${base}/`,
        authorizeUrl: `${base}/o/oauth2/v2/auth`,
        tokenUrl: `${base}/token`,
        chunkBytes: GRANULARITY,
        dailyQuotaUnits: 100_000_000,
        pollAfterMs: 20,
        requestTimeoutMs: 5000,
        chunkTimeoutMs: 5000,
        resumeDelayMs: 10,
        ...overrides,
      }),
    consent(authUrl, options = {}) {
      const url = new URL(authUrl);
      const q = url.searchParams;
      const missing: string[] = [];
      if (`${url.origin}${url.pathname}` !== `${base}/o/oauth2/v2/auth`) missing.push(`the consent endpoint (got ${url.origin}${url.pathname})`);
      if (q.get('client_id') !== CLIENT_ID) missing.push('client_id');
      if (q.get('response_type') !== 'code') missing.push('response_type=code');
      if (!q.get('redirect_uri')) missing.push('redirect_uri');
      if (!q.get('state')) missing.push('state');
      if (!q.get('code_challenge')) missing.push('code_challenge');
      if (q.get('code_challenge_method') !== 'S256') missing.push('code_challenge_method=S256');
      if (q.get('access_type') !== 'offline') missing.push('access_type=offline (no refresh token without it)');
      if (!(q.get('prompt') ?? '').split(' ').includes('consent')) missing.push('prompt=consent');
      const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
      for (const scope of YOUTUBE_SCOPES) if (!scopes.includes(scope)) missing.push(`scope ${scope}`);
      if (missing.length > 0) throw new Error(`YouTube consent URL lacks ${missing.join(', ')}`);
      const code = newId('4/0A', 24);
      const granted = scopes.filter((s) => !(options.withhold ?? []).includes(s));
      codes.set(code, { channelId: newChannel().id, challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, scopes: granted });
      return { code, state: q.get('state')! };
    },
    seedAccount(): AccountTokens {
      const channel = newChannel();
      const refresh = newId('1//', 32);
      refreshTokens.set(refresh, { channelId: channel.id, revoked: false, scopes: [...YOUTUBE_SCOPES] });
      return { accessToken: mintAccess(channel.id), refreshToken: refresh, expiresAt: new Date(Date.now() + 3599_000), scopes: [...YOUTUBE_SCOPES] };
    },
    expireAccessToken(accessToken) {
      const access = accessTokens.get(accessToken);
      if (!access) throw new Error('fake YouTube: no such access token');
      access.expired = true;
    },
    revokeRefreshToken(refreshToken) {
      const refresh = refreshTokens.get(refreshToken);
      if (!refresh) throw new Error('fake YouTube: no such refresh token');
      refresh.revoked = true;
    },
    failNext(op, fault, times = 1) {
      faults.add(op, fault, times);
    },
    setProcessing(mode) {
      processing = mode;
    },
    published(): FakePublished[] {
      return videos.map((v) => ({
        id: v.id,
        caption: v.description,
        mediaSha256: v.sha256,
        mediaBytes: v.bytes,
        details: { title: v.title, privacyStatus: v.privacyStatus, tags: v.tags, categoryId: v.categoryId, madeForKids: v.madeForKids, thumbnail: v.thumbnail, channelId: v.channelId },
      }));
    },
    protocolErrors: () => [...errors],
    setUnverifiedProject(unverified) {
      unverifiedProject = unverified;
    },
    refuseThumbnails(refuse) {
      thumbnailsRefused = refuse;
    },
    failNextWith(op, status, reason, headers = {}) {
      faults.add(op, { kind: 'google', status, reason, headers });
    },
    expireUploadSessions() {
      sessions.clear();
    },
    requests: () => [...log],
    close: () => closeServer(server),
  };
  return fake;
};
