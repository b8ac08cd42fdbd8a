// A local TikTok for tests: node:http on 127.0.0.1 speaking the Content Posting
// API v2 (creator_info/query, video/init, chunk PUTs to the upload_url,
// status/fetch), the Display API (user/info, video/list, video/query) and OAuth
// v2 (consent URL with hex-S256 PKCE, /v2/oauth/token/) with TikTok's bodies:
// {data, error: {code, message, log_id}} and {error, error_description}. It
// enforces the chunk rules strictly (decimal MB as TikTok's own example: chunks
// 5–64 MB, the last up to 128 MB, whole files under 5 MB, total_chunk_count =
// floor(size / chunk_size), 1–1000 chunks, Content-Range contiguous, in order
// and totalling video_size), creator_info privacy options (audited or not,
// private account or not), the account's duration cap, six inits a minute per
// token, PULL_FROM_URL downloads from verified URL prefixes, processing modes,
// and the FakeFault of each operation (token, upload = chunk PUT, publish =
// video/init, status = status/fetch, metrics = video/query). Every protocol
// mistake is recorded in protocolErrors() and answered with TikTok's 400.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AccountTokens, PlatformAdapter } from '../../../server/platforms/adapter';
import { codeChallengeOf } from '../../../server/platforms/pkce';
import { createTikTokAdapter, type TikTokAdapterConfig } from '../../../server/platforms/tiktok';
import { MIN_CHUNK_BYTES } from '../../../server/platforms/tiktok-chunks';
import type { FakeFault, FakeOperation, FakePlatform, FakePublished, StartFakePlatform } from '../conformance/fake-platform';
import { closeServer, FaultQueue, listenOnLoopback, readBody } from './http-fake';

const MB = 1_000_000;
const MIN_CHUNK = 5 * MB;
const MAX_CHUNK = 64 * MB;
const MAX_FINAL_CHUNK = 128 * MB;
const MAX_CHUNKS = 1000;
const INITS_PER_MINUTE = 6;
const CLIENT_KEY = 'awnoorfakeclientkey';
const CLIENT_SECRET = 'noor-fake-client-secret';
const ALL_SCOPES = ['user.info.basic', 'user.info.profile', 'video.publish', 'video.list'];
/** What Noor's adapter must ask for on the consent screen. */
const NEEDED_SCOPES = ['user.info.basic', 'video.publish', 'video.list'];
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];
const USER_FIELDS: Record<string, string> = { open_id: 'user.info.basic', union_id: 'user.info.basic', avatar_url: 'user.info.basic', display_name: 'user.info.basic', username: 'user.info.profile', bio_description: 'user.info.profile' };
const VIDEO_FIELDS = ['id', 'title', 'video_description', 'create_time', 'share_url', 'duration', 'cover_image_url', 'embed_link', 'view_count', 'like_count', 'comment_count', 'share_count'];

export interface CreatorSettings {
  /** An unaudited app may post only SELF_ONLY, and only to private accounts. */
  audited: boolean;
  /** Private accounts are offered FOLLOWER_OF_CREATOR instead of PUBLIC_TO_EVERYONE. */
  privateAccount: boolean;
  maxVideoPostDurationSec: number;
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
}

type ProcessingMode = { checks: number } | 'fail' | 'never';

interface Account {
  openId: string;
  username: string;
  accessToken: string;
  refreshToken: string;
  accessExpired: boolean;
  refreshRevoked: boolean;
  scopes: string[];
  /** creator_info/query was called since the last init. */
  creatorQueried: boolean;
}

interface Task {
  publishId: string;
  openId: string;
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  postInfo: Record<string, unknown>;
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  uploadId: string;
  uploadToken: string;
  uploadExpired: boolean;
  parts: Buffer[];
  received: number;
  state: 'receiving' | 'processing' | 'complete' | 'failed';
  mode: ProcessingMode;
  checksLeft: number;
  failReason?: string;
  postId?: string;
}

interface Post extends FakePublished {
  openId: string;
  username: string;
  createTime: number;
  public: boolean;
}

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface TikTokFake extends FakePlatform {
  readonly url: string;
  /** An adapter for this fake, with any config overridden (e.g. source: 'PULL_FROM_URL'). */
  adapter(overrides?: Partial<TikTokAdapterConfig>): PlatformAdapter;
  /** Tokens of a connected account; `scopes` narrows what it granted. */
  seedAccount(options?: { scopes?: string[] }): AccountTokens;
  /** What creator_info/query answers from now on. */
  setCreator(settings: Partial<CreatorSettings>): void;
  /** PULL_FROM_URL may download URLs under this prefix (TikTok's "URL properties"). */
  verifyUrlPrefix(prefix: string): void;
  /** The fail_reason of posts processed in 'fail' mode. Default file_format_check_failed. */
  setFailReason(reason: string): void;
  /** Publish tasks created by video/init so far. */
  initCount(): number;
  /** Content-Range of every chunk PUT the fake accepted, in order. */
  acceptedChunks(): string[];
}

const logId = () => `2026${randomBytes(10).toString('hex').toUpperCase()}`;
const api = (data: unknown): Reply => ({ status: 200, body: JSON.stringify({ data, error: { code: 'ok', message: '', log_id: logId() } }) });
const apiError = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify({ data: {}, error: { code, message, log_id: logId() } }),
  ...(headers ? { headers } : {}),
});
const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify({ error, error_description: description, log_id: logId() }),
  ...(headers ? { headers } : {}),
});
const bare = (status: number, headers?: Record<string, string>): Reply => ({ status, body: '', ...(headers ? { headers } : {}) });
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
/** TikTok's PKCE for desktop apps: hex SHA-256 of the verifier. */
const hexChallengeOf = (verifier: string) => Buffer.from(codeChallengeOf(verifier), 'base64url').toString('hex');

/** The first of TikTok's chunk rules that video_size / chunk_size / total_chunk_count break, or null. */
function chunkRuleBroken(size: unknown, chunk: unknown, total: unknown): string | null {
  if (!isCount(size) || !isCount(chunk) || !isCount(total)) return `video_size, chunk_size and total_chunk_count must be positive integers (got ${String(size)}, ${String(chunk)}, ${String(total)})`;
  if (size < MIN_CHUNK && chunk !== size) return `a video under 5 MB goes up whole: chunk_size must be video_size ${size}, not ${chunk}`;
  if (size >= MIN_CHUNK && (chunk < MIN_CHUNK || chunk > MAX_CHUNK)) return `chunk_size ${chunk} is outside 5–64 MB`;
  if (total !== Math.floor(size / chunk)) return `total_chunk_count must be floor(${size} / ${chunk}) = ${Math.floor(size / chunk)}, not ${total}`;
  if (total > MAX_CHUNKS) return `${total} chunks; TikTok takes at most ${MAX_CHUNKS}`;
  if (size - (total - 1) * chunk > MAX_FINAL_CHUNK) return `the last chunk would be ${size - (total - 1) * chunk} bytes; at most 128 MB`;
  return null;
}

/** Serialises status/fetch data with publicaly_available_post_id as bare int64 numbers, as TikTok does. */
const withNumericPostIds = (body: string) =>
  body.replace(/"publicaly_available_post_id":\[([^\]]*)\]/, (_all, list: string) => `"publicaly_available_post_id":[${list.replace(/"(\d+)"/g, '$1')}]`);

export async function startTikTokFake(): Promise<TikTokFake> {
  const accounts: Account[] = [];
  const codes = new Map<string, { openId: string; challenge: string; redirectUri: string; used: boolean }>();
  const tasks = new Map<string, Task>();
  const posts: Post[] = [];
  const faults = new FaultQueue<FakeFault>();
  const problems: string[] = [];
  const initTimes = new Map<string, number[]>();
  const verifiedPrefixes: string[] = [];
  const accepted: string[] = [];
  const downloads = new Set<Promise<void>>();
  let creator: CreatorSettings = { audited: true, privateAccount: false, maxVideoPostDurationSec: 600, commentDisabled: false, duetDisabled: false, stitchDisabled: false };
  let processing: ProcessingMode = { checks: 1 };
  let failReason = 'file_format_check_failed';
  let serial = 0;
  let base = '';

  const protocol = (what: string) => problems.push(what);
  const newAccount = (scopes: string[]): Account => {
    const n = ++serial;
    const account: Account = {
      openId: `-000${n}ZtKxHqWnoor${n}`,
      username: `noor.creator${n}`,
      accessToken: `act.${randomBytes(24).toString('hex')}`,
      refreshToken: `rft.${randomBytes(24).toString('hex')}`,
      accessExpired: false,
      refreshRevoked: false,
      scopes,
      creatorQueried: false,
    };
    accounts.push(account);
    return account;
  };
  const tokenBody = (account: Account) =>
    JSON.stringify({ open_id: account.openId, scope: account.scopes.join(','), access_token: account.accessToken, expires_in: 86_400, refresh_token: account.refreshToken, refresh_expires_in: 31_536_000, token_type: 'Bearer' });

  const privacyOptions = () => (!creator.audited ? ['SELF_ONLY'] : creator.privateAccount ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'] : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']);

  /** The account behind the bearer token, or TikTok's 401. */
  function authorize(req: http.IncomingMessage, scope: string): Account | Reply {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) {
      protocol(`${req.url}: no "Authorization: Bearer" header`);
      return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    }
    const account = accounts.find((a) => a.accessToken === header.slice(7));
    if (!account || account.accessExpired) return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    if (!account.scopes.includes(scope)) return apiError(401, 'scope_not_authorized', `The user did not authorize the scope required for completing this request (${scope}).`);
    return account;
  }

  function jsonBody(req: http.IncomingMessage, raw: Buffer, endpoint: string): { body: Record<string, unknown> } | { reply: Reply } {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      protocol(`${endpoint}: Content-Type must be application/json, got "${req.headers['content-type'] ?? ''}"`);
      return { reply: apiError(400, 'invalid_params', 'Content-Type must be application/json') };
    }
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8') || '{}');
      if (typeof parsed === 'object' && parsed !== null) return { body: parsed as Record<string, unknown> };
    } catch {
      // answered below
    }
    protocol(`${endpoint}: the body is not a JSON object`);
    return { reply: apiError(400, 'invalid_params', 'The request body is not valid JSON.') };
  }

  function fieldsOf(url: URL, allowed: readonly string[], endpoint: string): string[] | Reply {
    const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
    const unknown = fields.filter((f) => !allowed.includes(f));
    if (fields.length === 0 || unknown.length > 0) {
      protocol(`${endpoint}: fields must list known fields (missing or unknown: ${unknown.join(',') || 'none given'})`);
      return apiError(400, 'invalid_params', `Invalid fields: ${unknown.join(',') || '(none)'}`);
    }
    return fields;
  }

  function finish(task: Task): void {
    task.state = 'complete';
    const bytes = Buffer.concat(task.parts);
    const account = accounts.find((a) => a.openId === task.openId)!;
    const id = `73${Date.now()}${String(++serial).padStart(4, '0')}`;
    task.postId = id;
    const privacy = String(task.postInfo.privacy_level);
    posts.push({
      id,
      caption: String(task.postInfo.title ?? ''),
      mediaSha256: createHash('sha256').update(bytes).digest('hex'),
      mediaBytes: bytes.length,
      details: {
        publishId: task.publishId,
        privacy,
        source: task.source,
        chunkSize: task.chunkSize,
        totalChunkCount: task.totalChunkCount,
        coverTimestampMs: task.postInfo.video_cover_timestamp_ms,
        disableComment: task.postInfo.disable_comment,
        disableDuet: task.postInfo.disable_duet,
        disableStitch: task.postInfo.disable_stitch,
      },
      openId: task.openId,
      username: account.username,
      createTime: Math.floor(Date.now() / 1000),
      public: privacy !== 'SELF_ONLY',
    });
  }

  /** All bytes are in: processing starts the way the mode at init said. */
  function received(task: Task): void {
    if (task.mode === 'fail') {
      task.state = 'failed';
      task.failReason = failReason;
      return;
    }
    task.state = 'processing';
    task.checksLeft = task.mode === 'never' ? Infinity : task.mode.checks;
    if (task.checksLeft === 0) finish(task);
  }

  function pull(task: Task, url: string): void {
    const download = (async () => {
      try {
        const response = await fetch(url, { redirect: 'manual' });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        task.parts = [bytes];
        task.received = bytes.length;
        task.videoSize = bytes.length;
        received(task);
      } catch {
        task.state = 'failed';
        task.failReason = 'video_pull_failed';
      }
    })();
    downloads.add(download);
    void download.finally(() => downloads.delete(download));
  }

  function token(req: http.IncomingMessage, raw: Buffer): Reply {
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      protocol(`oauth/token: Content-Type must be application/x-www-form-urlencoded, got "${req.headers['content-type'] ?? ''}"`);
      return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(raw.toString('utf8'));
    if (form.get('client_key') !== CLIENT_KEY || form.get('client_secret') !== CLIENT_SECRET) return oauthError(401, 'invalid_client', 'Client key or secret is invalid.');
    if (form.get('grant_type') === 'authorization_code') {
      const grant = codes.get(form.get('code') ?? '');
      if (!grant || grant.used) return oauthError(400, 'invalid_grant', 'Authorization code is expired or was used.');
      if (form.get('redirect_uri') !== grant.redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri does not match the authorization request.');
      if (hexChallengeOf(form.get('code_verifier') ?? '') !== grant.challenge) return oauthError(400, 'invalid_request', 'Code verifier or code challenge is invalid.');
      grant.used = true;
      return { status: 200, body: tokenBody(accounts.find((a) => a.openId === grant.openId)!) };
    }
    if (form.get('grant_type') === 'refresh_token') {
      const account = accounts.find((a) => a.refreshToken === form.get('refresh_token'));
      if (!account || account.refreshRevoked) return oauthError(400, 'invalid_grant', 'Refresh token is invalid or expired.');
      account.accessToken = `act.${randomBytes(24).toString('hex')}`;
      account.accessExpired = false;
      return { status: 200, body: tokenBody(account) };
    }
    protocol(`oauth/token: grant_type "${form.get('grant_type') ?? ''}" is not authorization_code or refresh_token`);
    return oauthError(400, 'invalid_request', 'Unsupported grant_type.');
  }

  function userInfo(req: http.IncomingMessage, url: URL): Reply {
    const account = authorize(req, 'user.info.basic');
    if ('status' in account) return account;
    const fields = fieldsOf(url, Object.keys(USER_FIELDS), 'user/info');
    if (!Array.isArray(fields)) return fields;
    const missing = fields.filter((f) => !account.scopes.includes(USER_FIELDS[f]!));
    if (missing.length > 0) return apiError(401, 'scope_not_authorized', `Fields ${missing.join(',')} need a scope the user did not grant.`);
    const all: Record<string, string> = { open_id: account.openId, union_id: `u${account.openId}`, avatar_url: 'https://p16.example/avatar.jpeg', display_name: `Noor Creator ${account.username.slice(12)}`, username: account.username, bio_description: '' };
    return api({ user: Object.fromEntries(fields.map((f) => [f, all[f]])) });
  }

  function creatorInfo(req: http.IncomingMessage, raw: Buffer): Reply {
    const account = authorize(req, 'video.publish');
    if ('status' in account) return account;
    const parsed = jsonBody(req, raw, 'creator_info/query');
    if ('reply' in parsed) return parsed.reply;
    account.creatorQueried = true;
    return api({
      creator_avatar_url: 'https://p16.example/avatar.jpeg',
      creator_username: account.username,
      creator_nickname: `Noor Creator ${account.username.slice(12)}`,
      privacy_level_options: privacyOptions(),
      comment_disabled: creator.commentDisabled,
      duet_disabled: creator.duetDisabled,
      stitch_disabled: creator.stitchDisabled,
      max_video_post_duration_sec: creator.maxVideoPostDurationSec,
    });
  }

  function init(req: http.IncomingMessage, raw: Buffer): Reply {
    const account = authorize(req, 'video.publish');
    if ('status' in account) return account;
    const now = Date.now();
    const recent = (initTimes.get(account.accessToken) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= INITS_PER_MINUTE) return apiError(429, 'rate_limit_exceeded', 'Each user access_token is limited to 6 requests per minute.');
    initTimes.set(account.accessToken, [...recent, now]);
    const parsed = jsonBody(req, raw, 'video/init');
    if ('reply' in parsed) return parsed.reply;
    const body = parsed.body;
    if (!account.creatorQueried) protocol('video/init: creator_info/query was not called before this post');
    account.creatorQueried = false;

    const invalid = (what: string) => {
      protocol(`video/init: ${what}`);
      return apiError(400, 'invalid_params', what);
    };
    const postInfo = body.post_info as Record<string, unknown> | undefined;
    const sourceInfo = body.source_info as Record<string, unknown> | undefined;
    if (typeof postInfo !== 'object' || postInfo === null || typeof sourceInfo !== 'object' || sourceInfo === null) return invalid('post_info and source_info are required objects');
    if (typeof postInfo.title !== 'string' || postInfo.title.length > 2200) return invalid('post_info.title must be a string of at most 2200 UTF-16 units');
    const cover = postInfo.video_cover_timestamp_ms;
    if (cover !== undefined && !(Number.isSafeInteger(cover) && (cover as number) >= 0)) return invalid(`post_info.video_cover_timestamp_ms must be a whole number of ms, got ${String(cover)}`);
    for (const [field, off] of [['disable_comment', creator.commentDisabled], ['disable_duet', creator.duetDisabled], ['disable_stitch', creator.stitchDisabled]] as const) {
      if (postInfo[field] !== undefined && typeof postInfo[field] !== 'boolean') return invalid(`post_info.${field} must be a boolean`);
      if (off && postInfo[field] !== true) protocol(`video/init: post_info.${field} must be true, creator_info says the creator turned it off`);
    }
    if (!creator.audited && !creator.privateAccount) return apiError(403, 'unaudited_client_can_only_post_to_private_accounts', 'Please review our integration guidelines.');
    if (!privacyOptions().includes(String(postInfo.privacy_level))) return apiError(403, 'privacy_level_option_mismatch', 'privacy_level is not one of the creator\'s privacy_level_options.');

    const publishCommon = { openId: account.openId, postInfo, uploadId: String(++serial), uploadToken: randomBytes(12).toString('hex'), uploadExpired: false, parts: [], received: 0, state: 'receiving' as const, mode: processing, checksLeft: 0 };
    if (sourceInfo.source === 'FILE_UPLOAD') {
      const broken = chunkRuleBroken(sourceInfo.video_size, sourceInfo.chunk_size, sourceInfo.total_chunk_count);
      if (broken) return invalid(`source_info: ${broken}`);
      const task: Task = {
        ...publishCommon,
        publishId: `v_pub_file~v2-1.${Date.now()}${serial}`,
        source: 'FILE_UPLOAD',
        videoSize: sourceInfo.video_size as number,
        chunkSize: sourceInfo.chunk_size as number,
        totalChunkCount: sourceInfo.total_chunk_count as number,
      };
      tasks.set(task.publishId, task);
      return api({ publish_id: task.publishId, upload_url: `${base}/upload/?upload_id=${task.uploadId}&upload_token=${task.uploadToken}` });
    }
    if (sourceInfo.source === 'PULL_FROM_URL') {
      if (typeof sourceInfo.video_url !== 'string') return invalid('source_info.video_url is required for PULL_FROM_URL');
      const videoUrl = sourceInfo.video_url;
      if (!verifiedPrefixes.some((prefix) => videoUrl.startsWith(prefix))) return apiError(403, 'url_ownership_unverified', 'The domain or URL prefix of video_url is not verified for this app.');
      const task: Task = { ...publishCommon, publishId: `v_pub_url~v2-1.${Date.now()}${serial}`, source: 'PULL_FROM_URL', videoSize: 0, chunkSize: 0, totalChunkCount: 0 };
      tasks.set(task.publishId, task);
      pull(task, videoUrl);
      return api({ publish_id: task.publishId });
    }
    return invalid(`source_info.source must be FILE_UPLOAD or PULL_FROM_URL, got ${String(sourceInfo.source)}`);
  }

  function chunk(req: http.IncomingMessage, url: URL, raw: Buffer): Reply {
    const task = [...tasks.values()].find((t) => t.source === 'FILE_UPLOAD' && t.uploadId === url.searchParams.get('upload_id') && t.uploadToken === url.searchParams.get('upload_token'));
    if (!task) {
      protocol(`upload: no upload task for ${url.search}`);
      return bare(404);
    }
    if (task.uploadExpired) return bare(403);
    const refuse = (status: number, what: string) => {
      protocol(`upload: ${what}`);
      return bare(status);
    };
    if (task.state !== 'receiving') return refuse(416, `a chunk after all ${task.videoSize} bytes arrived`);
    if (!VIDEO_TYPES.includes(req.headers['content-type'] ?? '')) return refuse(400, `Content-Type must be one of ${VIDEO_TYPES.join(', ')}, got "${req.headers['content-type'] ?? ''}"`);
    if (req.headers['content-length'] !== String(raw.length)) return refuse(400, `Content-Length "${req.headers['content-length'] ?? ''}" is not the ${raw.length} bytes sent`);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!range) return refuse(400, `Content-Range "${req.headers['content-range'] ?? ''}" is not "bytes first-last/total"`);
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (total !== task.videoSize) return refuse(400, `Content-Range total ${total} is not video_size ${task.videoSize}`);
    if (first !== task.received) return refuse(416, `chunk starting at byte ${first} out of order; ${task.received} bytes have arrived`);
    const index = first / task.chunkSize;
    const expectedLast = index === task.totalChunkCount - 1 ? task.videoSize - 1 : first + task.chunkSize - 1;
    if (last !== expectedLast) return refuse(400, `chunk ${index + 1} of ${task.totalChunkCount} must end at byte ${expectedLast}, not ${last}`);
    if (raw.length !== last - first + 1) return refuse(400, `Content-Range ${first}-${last} says ${last - first + 1} bytes; the body has ${raw.length}`);
    task.parts.push(raw);
    task.received += raw.length;
    accepted.push(req.headers['content-range']!);
    if (task.received < task.videoSize) return bare(206);
    received(task);
    return bare(201);
  }

  function status(req: http.IncomingMessage, raw: Buffer): Reply {
    const account = authorize(req, 'video.publish');
    if ('status' in account) return account;
    const parsed = jsonBody(req, raw, 'status/fetch');
    if ('reply' in parsed) return parsed.reply;
    const body = parsed.body;
    if (typeof body.publish_id !== 'string') {
      protocol('status/fetch: publish_id is required');
      return apiError(400, 'invalid_params', 'publish_id is required.');
    }
    const task = tasks.get(body.publish_id);
    if (!task) return apiError(400, 'invalid_publish_id', 'The publish_id does not exist.');
    if (task.openId !== account.openId) return apiError(400, 'token_not_authorized_for_specified_publish_id', 'The publish_id belongs to another user.');
    if (task.state === 'processing' && task.checksLeft > 0 && --task.checksLeft === 0) finish(task);
    const post = posts.find((p) => p.id === task.postId);
    const state = {
      receiving: task.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
      processing: 'PROCESSING_UPLOAD',
      complete: 'PUBLISH_COMPLETE',
      failed: 'FAILED',
    }[task.state];
    const reply = api({
      status: state,
      ...(task.state === 'failed' ? { fail_reason: task.failReason } : {}),
      publicaly_available_post_id: post?.public ? [post.id] : [],
      ...(task.source === 'FILE_UPLOAD' ? { uploaded_bytes: task.received } : { downloaded_bytes: task.received }),
    });
    return { ...reply, body: withNumericPostIds(reply.body) };
  }

  function videoView(post: Post, fields: string[]): Record<string, unknown> {
    const n = Number(post.id.slice(-4));
    const all: Record<string, unknown> = {
      id: post.id,
      title: post.caption,
      video_description: post.caption,
      create_time: post.createTime,
      share_url: `https://www.tiktok.com/@${post.username}/video/${post.id}`,
      duration: 2,
      cover_image_url: `https://p16.example/cover/${post.id}.jpeg`,
      embed_link: `https://www.tiktok.com/embed/v2/${post.id}`,
      view_count: 1000 + n,
      like_count: 100 + n,
      comment_count: 10,
      share_count: 3,
    };
    return Object.fromEntries(fields.map((f) => [f, all[f]]));
  }

  function videos(req: http.IncomingMessage, url: URL, raw: Buffer, endpoint: 'video/list' | 'video/query'): Reply {
    const account = authorize(req, 'video.list');
    if ('status' in account) return account;
    const fields = fieldsOf(url, VIDEO_FIELDS, endpoint);
    if (!Array.isArray(fields)) return fields;
    const parsed = jsonBody(req, raw, endpoint);
    if ('reply' in parsed) return parsed.reply;
    const body = parsed.body;
    const mine = posts.filter((p) => p.openId === account.openId && p.public).sort((a, b) => b.createTime - a.createTime);
    if (endpoint === 'video/list') {
      const max = body.max_count ?? 10;
      if (!Number.isSafeInteger(max) || (max as number) < 1 || (max as number) > 20) {
        protocol(`video/list: max_count must be 1–20, got ${String(max)}`);
        return apiError(400, 'invalid_params', 'max_count must be between 1 and 20.');
      }
      const page = mine.slice(0, max as number);
      return api({ videos: page.map((p) => videoView(p, fields)), cursor: (page.at(-1)?.createTime ?? 0) * 1000, has_more: mine.length > page.length });
    }
    const ids = (body.filters as { video_ids?: unknown } | undefined)?.video_ids;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 20 || !ids.every((id) => typeof id === 'string')) {
      protocol('video/query: filters.video_ids must list 1–20 video ids as strings');
      return apiError(400, 'invalid_params', 'filters.video_ids must hold 1 to 20 ids.');
    }
    return api({ videos: mine.filter((p) => ids.includes(p.id)).map((p) => videoView(p, fields)), cursor: 0, has_more: false });
  }

  const routes: Record<string, { op?: FakeOperation; handle: (req: http.IncomingMessage, url: URL, raw: Buffer) => Reply }> = {
    'POST /v2/oauth/token/': { op: 'token', handle: (req, _url, raw) => token(req, raw) },
    'GET /v2/user/info/': { handle: (req, url) => userInfo(req, url) },
    'POST /v2/post/publish/creator_info/query/': { handle: (req, _url, raw) => creatorInfo(req, raw) },
    'POST /v2/post/publish/video/init/': { op: 'publish', handle: (req, _url, raw) => init(req, raw) },
    'PUT /upload/': { op: 'upload', handle: chunk },
    'POST /v2/post/publish/status/fetch/': { op: 'status', handle: (req, _url, raw) => status(req, raw) },
    'POST /v2/video/query/': { op: 'metrics', handle: (req, url, raw) => videos(req, url, raw, 'video/query') },
    'POST /v2/video/list/': { handle: (req, url, raw) => videos(req, url, raw, 'video/list') },
  };

  /** The answer a fault gives instead of the real one (drop_after_commit is handled by the caller). */
  function faultReply(op: FakeOperation, fault: Exclude<FakeFault, { kind: 'drop_after_commit' }>, url: URL): Reply {
    const retryAfter = fault.kind === 'rate_limit' ? { 'retry-after': String(fault.retryAfterSec) } : undefined;
    if (op === 'token') {
      if (fault.kind === 'server_error') return oauthError(500, 'server_error', 'Internal error.');
      if (fault.kind === 'rate_limit' || fault.kind === 'quota_exceeded') return oauthError(429, 'rate_limit_exceeded', 'Too many requests.', retryAfter);
      if (fault.kind === 'invalid') return oauthError(400, 'invalid_request', 'The request parameters are malformed.');
      return oauthError(400, 'invalid_grant', 'Refresh token is invalid or expired.');
    }
    if (op === 'upload') {
      if (fault.kind === 'expired_token' || fault.kind === 'revoked') {
        const task = [...tasks.values()].find((t) => t.uploadId === url.searchParams.get('upload_id'));
        if (task) task.uploadExpired = true;
        return bare(403);
      }
      if (fault.kind === 'server_error') return bare(500);
      if (fault.kind === 'invalid') return bare(400);
      return bare(429, retryAfter);
    }
    switch (fault.kind) {
      case 'expired_token':
      case 'revoked':
        return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
      case 'rate_limit':
        return apiError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded.', retryAfter);
      case 'server_error':
        return apiError(500, 'internal_error', 'Something went wrong. Please try again later.');
      case 'quota_exceeded':
        return op === 'publish' ? apiError(403, 'spam_risk_too_many_posts', 'The daily post cap for this user is reached.') : apiError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded.');
      case 'invalid':
        return apiError(400, 'invalid_params', 'One or more fields in the request are invalid.');
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', base);
      const route = routes[`${req.method} ${url.pathname}`];
      let reply: Reply;
      let drop = false;
      if (!route) {
        protocol(`no TikTok endpoint ${req.method} ${url.pathname}`);
        reply = apiError(404, 'invalid_params', `Unknown endpoint ${req.method} ${url.pathname}`);
      } else {
        const fault = faults.take(route.op);
        drop = fault?.kind === 'drop_after_commit';
        reply = fault && fault.kind !== 'drop_after_commit' ? faultReply(route.op!, fault, url) : route.handle(req, url, raw);
      }
      if (drop) {
        req.socket.destroy();
        return;
      }
      const json = reply.body !== '' ? { 'content-type': 'application/json; charset=UTF-8' } : {};
      res.writeHead(reply.status, { ...json, ...reply.headers });
      res.end(reply.body);
    })();
  });
  base = await listenOnLoopback(server);

  const fake: TikTokFake = {
    platform: 'tiktok',
    pkce: true,
    url: base,
    adapter: (overrides = {}) =>
      createTikTokAdapter({
        clientId: CLIENT_KEY,
        clientSecret: CLIENT_SECRET,
        authBaseUrl: base,
        apiBaseUrl: base,
        chunkBytes: MIN_CHUNK_BYTES,
        pollAfterMs: 20,
        requestTimeoutMs: 5000,
        uploadTimeoutMs: 10_000,
        chunkRetryDelayMs: 5,
        ...overrides,
      }),
    consent(authUrl: string) {
      const url = new URL(authUrl);
      if (`${url.origin}${url.pathname}` !== `${base}/v2/auth/authorize/`) throw new Error(`TikTok consent: expected ${base}/v2/auth/authorize/, got ${url.origin}${url.pathname}`);
      const q = url.searchParams;
      const scopes = (q.get('scope') ?? '').split(',');
      const wrong = [
        q.get('client_key') === CLIENT_KEY ? '' : 'client_key',
        q.get('response_type') === 'code' ? '' : 'response_type=code',
        ...NEEDED_SCOPES.filter((s) => !scopes.includes(s)).map((s) => `scope ${s}`),
        q.get('redirect_uri') ? '' : 'redirect_uri',
        q.get('state') ? '' : 'state',
        /^[0-9a-f]{64}$/.test(q.get('code_challenge') ?? '') ? '' : 'code_challenge (hex SHA-256 of the verifier)',
        q.get('code_challenge_method') === 'S256' ? '' : 'code_challenge_method=S256',
      ].filter(Boolean);
      if (wrong.length > 0) throw new Error(`TikTok consent: the authorize URL lacks or gets wrong ${wrong.join(', ')}`);
      const account = newAccount(scopes.filter((s) => ALL_SCOPES.includes(s)));
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { openId: account.openId, challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, used: false });
      return { code, state: q.get('state')! };
    },
    seedAccount(options = {}) {
      const account = newAccount(options.scopes ?? NEEDED_SCOPES);
      return { accessToken: account.accessToken, refreshToken: account.refreshToken, expiresAt: new Date(Date.now() + 86_400_000), scopes: [...account.scopes] };
    },
    expireAccessToken(accessToken) {
      const account = accounts.find((a) => a.accessToken === accessToken);
      if (!account) throw new Error('TikTok fake: no account has that access token');
      account.accessExpired = true;
    },
    revokeRefreshToken(refreshToken) {
      const account = accounts.find((a) => a.refreshToken === refreshToken);
      if (!account) throw new Error('TikTok fake: no account has that refresh token');
      account.refreshRevoked = true;
    },
    failNext(op, fault, times = 1) {
      faults.add(op, fault, times);
    },
    setProcessing(mode) {
      processing = mode;
    },
    setCreator(settings) {
      creator = { ...creator, ...settings };
    },
    verifyUrlPrefix(prefix) {
      verifiedPrefixes.push(prefix);
    },
    setFailReason(reason) {
      failReason = reason;
    },
    initCount: () => tasks.size,
    acceptedChunks: () => [...accepted],
    published: () => posts.map(({ id, caption, mediaSha256, mediaBytes, details }) => ({ id, caption, mediaSha256, mediaBytes, details })),
    protocolErrors: () => [...problems],
    async close() {
      await Promise.allSettled([...downloads]);
      await closeServer(server);
    },
  };
  return fake;
}

export const startFake: StartFakePlatform = startTikTokFake;
