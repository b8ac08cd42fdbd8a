// The PlatformAdapter for TikTok (Content Posting API v2, Display API, OAuth v2
// with PKCE) over fetch. A post is: creator_info/query (privacy levels, the
// account's duration cap, interaction switches) → video/init → the file PUT in
// chunks to the upload_url (FILE_UPLOAD) or pulled by TikTok from the media URL
// (PULL_FROM_URL) → status/fetch until PUBLISH_COMPLETE or FAILED. publish()
// returns 'processing' with a handle encoding the publish_id and the creator's
// username (for the post URL).
//
// Exactly once. TikTok has no idempotency key, and a post can be listed
// (video/list, public posts only) only after processing. So:
// - A FILE_UPLOAD init whose answer was lost is harmless: TikTok publishes
//   nothing without the bytes, and the task expires after an hour.
// - Once an init has answered, the adapter remembers the attempt by target id
//   (publish_id, upload_url, chunk plan). A retried publish() asks status/fetch
//   where that attempt stands and resumes the upload from uploaded_bytes, or
//   returns its state, instead of starting a second post; findExisting() asks
//   the same before listing. The memory lives in this adapter object: keep one
//   per worker process.
// - A PULL_FROM_URL init whose answer was lost may still post (TikTok pulls the
//   URL by itself). publish() then refuses to start again for that target
//   (transient, so the scheduler keeps looking with findExisting) and, after
//   `unknownOutcomeWaitMs`, fails it with guidance instead of risking a second
//   post.
// - findExisting() otherwise lists the account's 20 latest public videos and
//   matches the caption (TikTok keeps it as title / video_description) among
//   those created in the last 24 hours. Limits: a post still processing, or a
//   SELF_ONLY post (all posts of unaudited apps), cannot be listed; a process
//   crash loses the memory above.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { PlatformError, type AccountTokens, type AuthStart, type ConnectedAccount, type PlatformAdapter, type PostMetrics, type PublishRequest, type PublishResult, type StatusResult } from './adapter';
import { oauthTokens, parseJson, platformFetch, readJson } from './http';
import { MAX_CHUNK_BYTES, MIN_CHUNK_BYTES, planChunks, type ChunkPlan } from './tiktok-chunks';
import { failReasonText, RATE_LIMIT_RETRY_MS, tiktokApiError, tiktokOAuthError } from './tiktok-errors';
import { validate } from './validate';

export interface TikTokAdapterConfig {
  /** TikTok's "client key" of the app. */
  clientId: string;
  clientSecret: string;
  /** Where the consent screen lives. Default https://www.tiktok.com */
  authBaseUrl?: string;
  /** The API host (token, Display and Content Posting APIs). Default https://open.tiktokapis.com */
  apiBaseUrl?: string;
  /** FILE_UPLOAD (default) sends the file; PULL_FROM_URL has TikTok download media.url, whose domain must be verified for the app. */
  source?: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  /** Chunk size for FILE_UPLOAD, 5 MiB – 64 MB. Default 10,000,000 bytes. */
  chunkBytes?: number;
  /** How soon to ask again about a post still processing. Default 10 s (status/fetch allows 30 calls a minute). */
  pollAfterMs?: number;
  /** Each API call is abandoned after this long (a transient error). Default 30 s. */
  requestTimeoutMs?: number;
  /** Each chunk PUT is abandoned after this long. Default 5 min. */
  uploadTimeoutMs?: number;
  /** Pause before sending a chunk again after a 5xx or a dropped connection (times the try number). Default 1 s. */
  chunkRetryDelayMs?: number;
  /** PULL_FROM_URL: how long a target whose init went unanswered waits to appear before it fails instead of posting again. Default 30 min. */
  unknownOutcomeWaitMs?: number;
}

/** What Noor asks for: the account's open_id and name, posting, and reading its videos (video/list, video/query). */
const TIKTOK_SCOPES = ['user.info.basic', 'video.publish', 'video.list'] as const;

/** How far back findExisting() looks for a video with the caption. */
const FIND_WINDOW_MS = 24 * 60 * 60_000;
/** Sends of one chunk (the first and the retries) before the upload gives up. */
const CHUNK_TRIES = 3;

const envelopeSchema = z.object({
  data: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string().optional(), log_id: z.string().optional() }).optional(),
});
const oauthErrorSchema = z.object({ error: z.string().min(1), error_description: z.string().optional() });
const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  open_id: z.string().optional(),
  scope: z.string().optional(),
});
const userSchema = z.object({ user: z.object({ open_id: z.string().min(1), display_name: z.string().optional() }) });
const creatorSchema = z.object({
  creator_username: z.string().default(''),
  privacy_level_options: z.array(z.string()).min(1),
  comment_disabled: z.boolean().default(false),
  duet_disabled: z.boolean().default(false),
  stitch_disabled: z.boolean().default(false),
  max_video_post_duration_sec: z.number().positive(),
});
const initSchema = z.object({ publish_id: z.string().min(1), upload_url: z.string().min(1).optional() });
const statusSchema = z.object({
  status: z.enum(['PROCESSING_UPLOAD', 'PROCESSING_DOWNLOAD', 'SEND_TO_USER_INBOX', 'PUBLISH_COMPLETE', 'FAILED']),
  fail_reason: z.string().optional(),
  publicaly_available_post_id: z.array(z.string()).default([]),
  uploaded_bytes: z.number().optional(),
});
type PostStatus = z.output<typeof statusSchema>;
const videoSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  video_description: z.string().optional(),
  create_time: z.number().optional(),
  share_url: z.string().optional(),
  view_count: z.number().optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
  share_count: z.number().optional(),
});
const videosSchema = z.object({ videos: z.array(videoSchema).default([]) });
const handleSchema = z.object({ publishId: z.string().min(1), username: z.string() });
type Handle = z.output<typeof handleSchema>;

type Attempt =
  | { kind: 'started'; handle: Handle; upload: { url: string; file: string; plan: ChunkPlan } | null }
  /** A PULL_FROM_URL init sent without an answer: TikTok may be posting it. */
  | { kind: 'unanswered'; since: number };

/** publicaly_available_post_id holds int64 numbers beyond JavaScript's precision: read them as strings. */
const quotePostIds = (text: string): string =>
  text.replace(/("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/g, (_all, head: string, list: string) => `${head}${list.replace(/(?<!["\d])(\d+)(?!["\d])/g, '"$1"')}]`);

/** TikTok wants the PKCE challenge as hex SHA-256 (Login Kit for Desktop), not RFC 7636's base64url: the same digest, re-encoded. */
const hexChallenge = (base64urlChallenge: string): string => Buffer.from(base64urlChallenge, 'base64url').toString('hex');

const mimeOf = (file: string): string => ({ '.mov': 'video/quicktime', '.webm': 'video/webm' })[path.extname(file).toLowerCase()] ?? 'video/mp4';

/** The handle publish() made, or a bare publish_id (then the post URL is not known). */
function decodeHandle(handle: string): Handle {
  if (!handle.startsWith('{')) return { publishId: handle, username: '' };
  let json: unknown = null;
  try {
    json = JSON.parse(handle);
  } catch {
    // refused below
  }
  const parsed = handleSchema.safeParse(json);
  if (!parsed.success) throw new PlatformError('tiktok', 'invalid', 'TikTok status: the processing handle is not one this adapter made', { code: 'bad_handle' });
  return parsed.data;
}

export function createTikTokAdapter(config: TikTokAdapterConfig): PlatformAdapter {
  const authBase = (config.authBaseUrl ?? 'https://www.tiktok.com').replace(/\/$/, '');
  const apiBase = (config.apiBaseUrl ?? 'https://open.tiktokapis.com').replace(/\/$/, '');
  const source = config.source ?? 'FILE_UPLOAD';
  const chunkBytes = config.chunkBytes ?? 10_000_000;
  const pollAfterMs = config.pollAfterMs ?? 10_000;
  const timeoutMs = config.requestTimeoutMs ?? 30_000;
  const uploadTimeoutMs = config.uploadTimeoutMs ?? 5 * 60_000;
  const chunkRetryDelayMs = config.chunkRetryDelayMs ?? 1000;
  const unknownOutcomeWaitMs = config.unknownOutcomeWaitMs ?? 30 * 60_000;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`TikTok chunkBytes ${chunkBytes} is outside ${MIN_CHUNK_BYTES}–${MAX_CHUNK_BYTES} (TikTok takes chunks of 5–64 MB)`);
  }
  const attempts = new Map<string, Attempt>();

  async function api<S extends z.ZodType>(schema: S, endpoint: string, token: string, request: { body?: unknown; fields?: string } = {}): Promise<z.output<S>> {
    const query = request.fields ? `?fields=${request.fields}` : '';
    const response = await platformFetch('tiktok', `${apiBase}/v2/${endpoint}/${query}`, {
      method: request.body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(request.body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }) },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs,
    });
    const envelope = envelopeSchema.safeParse(parseJson(quotePostIds(await response.text().catch(() => ''))));
    const error = envelope.success ? (envelope.data.error ?? null) : null;
    if (!response.ok || (error !== null && error.code !== 'ok')) throw tiktokApiError(endpoint, response.status, error, response.headers.get('retry-after'));
    const data = schema.safeParse(envelope.success ? envelope.data.data : undefined);
    if (!data.success) throw new PlatformError('tiktok', 'transient', `TikTok ${endpoint}: unexpected answer (${data.error.issues[0]?.message ?? 'bad shape'})`, { status: response.status, code: 'bad_response' });
    return data.data;
  }

  async function tokenCall(grant: 'authorization_code' | 'refresh_token', form: Record<string, string>): Promise<z.output<typeof tokenSchema>> {
    const response = await platformFetch('tiktok', `${apiBase}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-cache' },
      body: new URLSearchParams({ client_key: config.clientId, client_secret: config.clientSecret, grant_type: grant, ...form }).toString(),
      timeoutMs,
    });
    const body = await readJson(response);
    const refused = oauthErrorSchema.safeParse(body);
    if (!response.ok || refused.success) throw tiktokOAuthError(grant, response.status, refused.success ? refused.data.error : null, response.headers.get('retry-after'));
    const token = tokenSchema.safeParse(body);
    if (!token.success) throw new PlatformError('tiktok', 'transient', `TikTok oauth/token (${grant}): unexpected answer (${token.error.issues[0]?.message ?? 'bad shape'})`, { status: response.status, code: 'bad_response' });
    return token.data;
  }

  const fetchStatus = (token: string, publishId: string): Promise<PostStatus> => api(statusSchema, 'post/publish/status/fetch', token, { body: { publish_id: publishId } });

  function resultOf(handle: Handle, status: PostStatus): StatusResult {
    switch (status.status) {
      case 'PROCESSING_UPLOAD':
      case 'PROCESSING_DOWNLOAD':
        return { state: 'processing', handle: JSON.stringify(handle), pollAfterMs };
      case 'PUBLISH_COMPLETE': {
        // SELF_ONLY posts get no public id: the publish_id is all there is.
        const postId = status.publicaly_available_post_id[0];
        if (postId === undefined) return { state: 'published', externalId: handle.publishId, url: null };
        return { state: 'published', externalId: postId, url: handle.username ? `https://www.tiktok.com/@${handle.username}/video/${postId}` : null };
      }
      case 'SEND_TO_USER_INBOX':
        return { state: 'failed', reason: "TikTok put the video in the account's TikTok inbox as a draft instead of posting it; finish the post in the TikTok app" };
      case 'FAILED':
        return { state: 'failed', reason: failReasonText(status.fail_reason) };
    }
  }

  /** Sends the chunks from byte `from` on, in order; a dropped connection or a 416 is settled by asking TikTok how much it has. */
  async function upload(targetId: string, token: string, attempt: Extract<Attempt, { kind: 'started' }>, from: number): Promise<void> {
    const { url, file, plan } = attempt.upload!;
    const fd = await open(file, 'r');
    const failures = new Map<number, number>();
    const outOfStep = (received: number) =>
      new PlatformError('tiktok', 'transient', `TikTok upload: TikTok holds ${received} of ${plan.videoSize} bytes, which is not where a chunk starts; Noor starts the upload again`, { code: 'upload_out_of_step' });
    const giveUp = (first: number, error: PlatformError) => {
      const tries = (failures.get(first) ?? 0) + 1;
      failures.set(first, tries);
      if (tries >= CHUNK_TRIES) throw error;
      return sleep(chunkRetryDelayMs * tries);
    };
    try {
      let offset = from;
      while (offset < plan.videoSize) {
        const chunk = plan.chunks.find((c) => c.first === offset);
        if (!chunk) {
          attempts.delete(targetId);
          throw outOfStep(offset);
        }
        const length = chunk.last - chunk.first + 1;
        const bytes = Buffer.alloc(length);
        await fd.read(bytes, 0, length, chunk.first);
        const sent = await platformFetch('tiktok', url, {
          method: 'PUT',
          headers: { 'content-type': mimeOf(file), 'content-length': String(length), 'content-range': `bytes ${chunk.first}-${chunk.last}/${plan.videoSize}` },
          body: bytes,
          timeoutMs: uploadTimeoutMs,
        }).then(
          (response) => response,
          (error: unknown) => error,
        );
        if (!(sent instanceof Response) && !(sent instanceof PlatformError)) throw sent;
        // read the (empty or tiny) answer to the end: cancelling a body can hang where fetch is intercepted (msw, proxies)
        if (sent instanceof Response) await sent.text().catch(() => '');
        if (sent instanceof Response && sent.ok) {
          offset = chunk.last + 1;
          continue;
        }
        if (sent instanceof PlatformError || sent.status === 416) {
          // no answer, or "Content-Range does not reflect the progress": status/fetch says how much TikTok has
          const received = (await fetchStatus(token, attempt.handle.publishId)).uploaded_bytes ?? offset;
          if (received <= offset) await giveUp(chunk.first, sent instanceof PlatformError ? sent : outOfStep(received));
          offset = received;
          continue;
        }
        const endpoint = `upload (bytes ${chunk.first}-${chunk.last} of ${plan.videoSize})`;
        const retryAfter = sent.headers.get('retry-after');
        if (sent.status >= 500) {
          await giveUp(chunk.first, tiktokApiError(endpoint, sent.status, null, retryAfter));
          continue;
        }
        if (sent.status === 403 || sent.status === 404) {
          // the upload_url expired (after an hour) or the task is gone: nothing can finish it, so a new init is safe
          attempts.delete(targetId);
          throw new PlatformError('tiktok', 'transient', `TikTok ${endpoint}: the upload link expired or was withdrawn (HTTP ${sent.status}); Noor starts the upload again`, { status: sent.status, code: 'upload_url_expired' });
        }
        if (sent.status === 429) throw tiktokApiError(endpoint, sent.status, null, retryAfter);
        attempts.delete(targetId);
        throw new PlatformError('tiktok', 'invalid', `TikTok ${endpoint}: TikTok refused the chunk (HTTP ${sent.status}); its size or Content-Range broke TikTok's chunk rules`, { status: sent.status, code: 'chunk_rejected' });
      }
    } finally {
      await fd.close();
    }
  }

  /** Where an earlier attempt for this target stands, its upload finished if TikTok is still waiting for bytes; null when it failed. */
  async function resume(targetId: string, token: string, attempt: Extract<Attempt, { kind: 'started' }>): Promise<PublishResult | null> {
    const status = await fetchStatus(token, attempt.handle.publishId);
    if (status.status === 'PROCESSING_UPLOAD' && attempt.upload && (status.uploaded_bytes ?? 0) < attempt.upload.plan.videoSize) {
      await upload(targetId, token, attempt, status.uploaded_bytes ?? 0);
      return { state: 'processing', handle: JSON.stringify(attempt.handle), pollAfterMs };
    }
    const result = resultOf(attempt.handle, status);
    if (result.state !== 'failed') return result;
    attempts.delete(targetId);
    return null;
  }

  function refuseUnanswered(targetId: string, since: number): never {
    const waited = Date.now() - since;
    if (waited < unknownOutcomeWaitMs) {
      throw new PlatformError('tiktok', 'transient', 'TikTok did not answer the earlier request to post this video from its URL, so TikTok may still post it; Noor looks for it before posting anew', {
        code: 'outcome_unknown',
        retryAfterMs: Math.min(RATE_LIMIT_RETRY_MS, unknownOutcomeWaitMs - waited),
      });
    }
    attempts.delete(targetId);
    throw new PlatformError(
      'tiktok',
      'invalid',
      `TikTok did not answer the request to post this video and it has not appeared among the account's public videos within ${Math.round(unknownOutcomeWaitMs / 60_000)} min; check the TikTok profile and post it again if it is missing`,
      { code: 'outcome_unknown' },
    );
  }

  async function sourceInfo(request: PublishRequest): Promise<{ info: Record<string, unknown>; upload: { file: string; plan: ChunkPlan } | null }> {
    if (source === 'PULL_FROM_URL') {
      if (!request.media.url) {
        throw new PlatformError('tiktok', 'invalid', 'TikTok PULL_FROM_URL needs a public HTTPS URL of the video on a domain verified for the TikTok app; use public (S3/CDN) storage, or set the TikTok source to FILE_UPLOAD', { code: 'media_url_missing' });
      }
      return { info: { source: 'PULL_FROM_URL', video_url: request.media.url }, upload: null };
    }
    const { size } = await stat(request.media.file);
    let plan: ChunkPlan;
    try {
      plan = planChunks(size, chunkBytes);
    } catch (error) {
      throw new PlatformError('tiktok', 'invalid', `TikTok upload: ${(error as Error).message}`, { code: 'chunk_plan' });
    }
    return { info: { source: 'FILE_UPLOAD', video_size: plan.videoSize, chunk_size: plan.chunkSize, total_chunk_count: plan.totalChunkCount }, upload: { file: request.media.file, plan } };
  }

  async function start(tokens: AccountTokens, request: PublishRequest): Promise<PublishResult> {
    const creator = await api(creatorSchema, 'post/publish/creator_info/query', tokens.accessToken, { body: {} });
    const options = creator.privacy_level_options;
    const wanted = request.post.overrides?.tiktok?.privacy;
    if (wanted !== undefined && !options.includes(wanted)) {
      const unaudited = options.length === 1 && options[0] === 'SELF_ONLY' ? ' (apps TikTok has not audited may post only SELF_ONLY)' : '';
      throw new PlatformError('tiktok', 'invalid', `overrides.tiktok.privacy: "${wanted}" is not offered for this account now; TikTok offers ${options.join(', ')}${unaudited}`, { code: 'privacy_level_option_mismatch' });
    }
    const privacy = wanted ?? (options.includes('PUBLIC_TO_EVERYONE') ? 'PUBLIC_TO_EVERYONE' : options[0]!);
    const duration = request.media.facts.durationSec;
    if (duration > creator.max_video_post_duration_sec) {
      throw new PlatformError('tiktok', 'invalid', `media.durationSec: the video runs ${duration} s; this TikTok account may post at most ${creator.max_video_post_duration_sec} s; trim it`, { code: 'duration_check_failed' });
    }
    const coverSec = request.post.overrides?.tiktok?.thumbnailTimeSec;
    const { info, upload: toUpload } = await sourceInfo(request);
    const body = {
      post_info: {
        title: request.caption,
        privacy_level: privacy,
        disable_comment: creator.comment_disabled,
        disable_duet: creator.duet_disabled,
        disable_stitch: creator.stitch_disabled,
        ...(coverSec === undefined ? {} : { video_cover_timestamp_ms: Math.round(coverSec * 1000) }),
      },
      source_info: info,
    };
    let init: z.output<typeof initSchema>;
    try {
      init = await api(initSchema, 'post/publish/video/init', tokens.accessToken, { body });
    } catch (error) {
      if (toUpload === null && error instanceof PlatformError && error.details.code === 'network') attempts.set(request.targetId, { kind: 'unanswered', since: Date.now() });
      throw error;
    }
    const handle: Handle = { publishId: init.publish_id, username: creator.creator_username };
    if (toUpload !== null && !init.upload_url) throw new PlatformError('tiktok', 'transient', 'TikTok post/publish/video/init: no upload_url in the answer', { code: 'bad_response' });
    const attempt: Attempt = { kind: 'started', handle, upload: toUpload && { ...toUpload, url: init.upload_url! } };
    attempts.set(request.targetId, attempt);
    if (attempt.upload) await upload(request.targetId, tokens.accessToken, attempt, 0);
    return { state: 'processing', handle: JSON.stringify(handle), pollAfterMs };
  }

  return {
    platform: 'tiktok',
    authUrl(start: AuthStart): string {
      const query = new URLSearchParams({
        client_key: config.clientId,
        response_type: 'code',
        scope: TIKTOK_SCOPES.join(','),
        redirect_uri: start.redirectUri,
        state: start.state,
        code_challenge: hexChallenge(start.codeChallenge),
        code_challenge_method: 'S256',
      });
      return `${authBase}/v2/auth/authorize/?${query.toString()}`;
    },
    async exchangeCode(input): Promise<ConnectedAccount> {
      const tokens = oauthTokens(await tokenCall('authorization_code', { code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier }), null);
      const { user } = await api(userSchema, 'user/info', tokens.accessToken, { fields: 'open_id,display_name' });
      return { ...tokens, externalAccountId: user.open_id, displayName: user.display_name || user.open_id };
    },
    async refresh(tokens: AccountTokens): Promise<AccountTokens> {
      if (tokens.refreshToken === null) throw new PlatformError('tiktok', 'auth', 'TikTok: no refresh token is stored; reconnect the account', { code: 'no_refresh_token', revoked: true });
      return oauthTokens(await tokenCall('refresh_token', { refresh_token: tokens.refreshToken }), tokens);
    },
    validate: (post, media) => validate(post, 'tiktok', media),
    async publish(tokens: AccountTokens, request: PublishRequest): Promise<PublishResult> {
      const known = attempts.get(request.targetId);
      if (known?.kind === 'unanswered') refuseUnanswered(request.targetId, known.since);
      if (known?.kind === 'started') {
        const resumed = await resume(request.targetId, tokens.accessToken, known);
        if (resumed) return resumed;
      }
      return start(tokens, request);
    },
    async status(tokens: AccountTokens, handle: string): Promise<StatusResult> {
      const decoded = decodeHandle(handle);
      const result = resultOf(decoded, await fetchStatus(tokens.accessToken, decoded.publishId));
      if (result.state !== 'processing') {
        for (const [targetId, attempt] of attempts) if (attempt.kind === 'started' && attempt.handle.publishId === decoded.publishId) attempts.delete(targetId);
      }
      return result;
    },
    async metrics(tokens: AccountTokens, externalId: string): Promise<PostMetrics> {
      const { videos } = await api(videosSchema, 'video/query', tokens.accessToken, {
        fields: 'id,view_count,like_count,comment_count,share_count',
        body: { filters: { video_ids: [externalId] } },
      });
      // TikTok reports only public videos; a SELF_ONLY post (its publish_id as id) has no numbers
      const video = videos.find((v) => v.id === externalId);
      return { views: video?.view_count ?? null, likes: video?.like_count ?? null, comments: video?.comment_count ?? null, shares: video?.share_count ?? null, raw: { ...video } };
    },
    async findExisting(tokens: AccountTokens, request): Promise<{ externalId: string; url: string | null } | null> {
      const known = attempts.get(request.targetId);
      if (known?.kind === 'started') {
        // still processing or failed: null, and publish() picks the attempt up again
        const result = resultOf(known.handle, await fetchStatus(tokens.accessToken, known.handle.publishId));
        if (result.state !== 'published') return null;
        attempts.delete(request.targetId);
        return { externalId: result.externalId, url: result.url };
      }
      const { videos } = await api(videosSchema, 'video/list', tokens.accessToken, { fields: 'id,title,video_description,create_time,share_url', body: { max_count: 20 } });
      const since = (Date.now() - FIND_WINDOW_MS) / 1000;
      const caption = request.caption.trim();
      const match = videos.find((v) => (v.create_time ?? 0) >= since && (v.title?.trim() === caption || v.video_description?.trim() === caption));
      if (!match) return null;
      attempts.delete(request.targetId);
      return { externalId: match.id, url: match.share_url ?? null };
    },
  };
}
