// The PlatformAdapter for YouTube (Data API v3, through googleapis): Google
// OAuth 2.0 with PKCE and offline access, videos uploaded with the resumable
// protocol (youtube-upload.ts) as Shorts or regular videos, processing
// followed with videos.list, statistics as metrics, and every call counted
// against the project's daily quota (youtube-quota.ts).
//
// - Tokens: the consent URL comes from google-auth-library's OAuth2 client;
//   the token endpoint is called directly (a form POST) because the library
//   retries its 5xx answers by itself and drops a rotated refresh token. A
//   refresh keeps the old refresh token when Google sends none (it normally
//   doesn't). API calls carry the access token alone, so nothing refreshes
//   behind the scheduler's back and googleapis' own retries are off.
// - Scopes: youtube.upload (videos.insert and thumbnails.set) and
//   youtube.readonly (channels.list mine, playlistItems.list, videos.list).
// - Metadata: the title is the YouTube override title, else the caption's
//   first line, never cut (too long is refused as invalid); the description is
//   the caption as formatted; tags, privacy (default public) and made-for-kids
//   (default false) come from the YouTube override; category 22. Shorts have
//   no API flag: YouTube makes a square or vertical video of ≤ 3 min a Short by
//   itself, and Noor adds no #Shorts to the text (it is no longer needed, and
//   the description must stay the caption findExisting looks for).
// - Processing: the upload answers with uploadStatus 'uploaded'; publish then
//   returns 'processing' with the handle "<format>:<videoId>" (format 'short'
//   or 'video', which picks the youtube.com/shorts/ or watch?v= URL), and
//   status() asks videos.list until 'processed' (published), 'failed' or
//   'rejected' (failed, with YouTube's reason). A bare video id is accepted
//   as a handle too (a regular video). Uploads from an unaudited API project
//   come out private whatever was asked; YouTube reports that only in
//   status.privacyStatus, and the seam has no place for it, so the video is
//   still reported published with its URL (docs/platforms/youtube.md says so).
// - Thumbnail: set with thumbnails.set right after the upload. The video
//   exists by then, so a refused thumbnail (unverified channel, quota) is
//   left out rather than failing the post, which a retry would duplicate.
// - Exactly once: videos.insert has no idempotency key. findExisting lists the
//   channel's 50 most recent uploads (its uploads playlist) and matches the
//   description to the caption (line ends and outer blanks aside). A lost
//   chunk answer never re-creates the video: the session is asked what it has.
// - Errors: by HTTP status and Google's error.errors[0].reason, never message
//   text (the table is in errorKindOf below).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Auth, Common, google, type youtube_v3 } from 'googleapis';
import { z } from 'zod';
import { PlatformError, type AccountTokens, type AuthStart, type ConnectedAccount, type PlatformAdapter, type PlatformErrorKind, type PostMetrics, type PublishRequest, type PublishResult, type StatusResult } from './adapter';
import { countText } from './caption';
import { oauthTokenResponseSchema, oauthTokens, parseRetryAfter, platformFetch, readJson, type OAuthTokenResponse } from './http';
import { platformRules } from './rules';
import { validate } from './validate';
import { msUntilQuotaReset, QUOTA_COSTS, QuotaTracker, type QuotaCall } from './youtube-quota';
import { uploadResumable, type UploadSend } from './youtube-upload';

export interface YouTubeAdapterConfig {
  /** OAuth client id of the Google Cloud project (type "Web application"). */
  clientId: string;
  clientSecret: string;
  /** Data API root (uploads go to <rootUrl>upload/...). Default https://www.googleapis.com/ */
  rootUrl?: string;
  /** Google's consent screen. Default https://accounts.google.com/o/oauth2/v2/auth */
  authorizeUrl?: string;
  /** Google's token endpoint. Default https://oauth2.googleapis.com/token */
  tokenUrl?: string;
  /** Bytes per upload chunk; a multiple of 256 KiB. Default 8 MiB. */
  chunkBytes?: number;
  /** The project's daily quota. Default 10,000 units. */
  dailyQuotaUnits?: number;
  /** Units one videos.insert costs. Default 1,600. */
  uploadQuotaUnits?: number;
  /** How soon to ask again about a video still processing. Default 30 s. */
  pollAfterMs?: number;
  /** Each API call is abandoned after this long (a transient error). Default 30 s. */
  requestTimeoutMs?: number;
  /** Each upload chunk PUT is abandoned after this long (then the upload resumes). Default 5 min. */
  chunkTimeoutMs?: number;
  /** Interruptions one upload survives before publish fails as transient. Default 5. */
  maxResumes?: number;
  /** Wait before the n-th resume: n × this. Default 1 s. */
  resumeDelayMs?: number;
  /** The clock the quota day is kept by. Default the system clock. */
  clock?: () => Date;
}

export const YOUTUBE_SCOPES = ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.readonly'] as const;

/** YouTube's people-and-blogs category, the usual one for uploads without a choice. */
const CATEGORY_ID = '22';
/** playlistItems.list's largest page: the recent uploads findExisting looks through. */
const RECENT_UPLOADS = 50;

type Format = 'short' | 'video';

const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })).optional(),
  }),
});
const uploadedVideoSchema = z.object({
  id: z.string().min(1),
  status: z.object({ uploadStatus: z.string().optional(), failureReason: z.string().optional(), rejectionReason: z.string().optional() }).optional(),
});

/** Google error reasons → kind. Anything else: 401 auth, 403 auth, 429 rate_limit, 408/5xx transient, other 4xx invalid. */
const REASON_KINDS: Record<string, PlatformErrorKind> = {
  quotaExceeded: 'rate_limit',
  dailyLimitExceeded: 'rate_limit',
  uploadLimitExceeded: 'rate_limit',
  rateLimitExceeded: 'rate_limit',
  userRateLimitExceeded: 'rate_limit',
  accessNotConfigured: 'invalid',
  forbiddenPrivacySetting: 'invalid',
  forbiddenLicenseSetting: 'invalid',
  youtubeSignupRequired: 'auth',
};
/** Reasons whose wait is the quota day: until midnight Pacific time. */
const DAILY_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded', 'uploadLimitExceeded']);

const EXPLANATIONS: Record<string, string> = {
  authError: 'the access token was refused (expired or revoked); refresh it, or reconnect the account',
  quotaExceeded: "the Google Cloud project's daily YouTube API quota is used up; it resets at midnight Pacific time",
  dailyLimitExceeded: "the Google Cloud project's daily YouTube API quota is used up; it resets at midnight Pacific time",
  uploadLimitExceeded: 'the channel has uploaded as many videos as YouTube allows for now; Noor tries again after midnight Pacific time',
  rateLimitExceeded: 'too many requests in a short time; Noor waits and tries again',
  userRateLimitExceeded: 'too many requests for this account in a short time; Noor waits and tries again',
  insufficientPermissions: 'the account did not grant every YouTube permission Noor asks for; reconnect it and allow them all',
  forbidden: 'YouTube refused this request for the account; reconnect it and check the channel is in good standing',
  youtubeSignupRequired: 'the Google account has no YouTube channel; create one on youtube.com, then reconnect',
  accessNotConfigured: 'the YouTube Data API v3 is not enabled in the Google Cloud project; enable it in the Cloud console',
  forbiddenPrivacySetting: 'YouTube refused the privacy setting; use public, unlisted or private',
  forbiddenLicenseSetting: 'YouTube refused the license setting',
  invalidTitle: 'YouTube refused the title (1–100 characters, no < or >)',
  invalidDescription: 'YouTube refused the description (up to 5,000 bytes, no < or >)',
  invalidTags: 'YouTube refused the tags (up to 500 characters in all)',
  invalidCategoryId: 'YouTube refused the category',
  invalidVideoMetadata: "YouTube refused the video's metadata",
  mediaBodyRequired: 'YouTube received no video bytes',
  videoNotFound: 'YouTube has no such video (was it deleted?)',
  backendError: 'YouTube had a server error; Noor tries again',
};

/** Why YouTube would not process or keep an upload (status.failureReason / rejectionReason), in words. */
const UPLOAD_REASONS: Record<string, string> = {
  codec: 'YouTube could not read the video codec; render H.264 video with AAC audio',
  conversion: 'YouTube could not convert the video',
  emptyFile: 'the uploaded file was empty',
  invalidFile: 'YouTube could not read the file as a video; render it again',
  tooSmall: 'the video file is too small',
  uploadAborted: 'the upload was aborted',
  claim: 'YouTube rejected the video: it was claimed by another owner',
  copyright: 'YouTube rejected the video for copyright infringement',
  duplicate: 'YouTube rejected the video as a duplicate of one already uploaded',
  inappropriate: 'YouTube rejected the video as inappropriate',
  legal: 'YouTube rejected the video for a legal reason',
  length: 'YouTube rejected the video as too long',
  termsOfUse: "YouTube rejected the video as against its Terms of Service",
  trademark: 'YouTube rejected the video for trademark infringement',
  uploaderAccountClosed: "YouTube rejected the video: the channel's account is closed",
  uploaderAccountSuspended: "YouTube rejected the video: the channel's account is suspended",
};

const uploadReasonText = (kind: 'failed' | 'rejected', reason: string | null | undefined): string =>
  (reason && UPLOAD_REASONS[reason]) ?? `YouTube ${kind === 'failed' ? 'could not process' : 'rejected'} the video${reason ? ` (${reason})` : ''}`;

/** The kind of a Google API error response, from its status and first reason. */
function errorKindOf(status: number, reason: string): PlatformErrorKind {
  const known = REASON_KINDS[reason];
  if (known) return known;
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limit';
  if (status === 408 || status >= 500) return 'transient';
  return 'invalid';
}

const mimeOf = (file: string, types: Record<string, string>): string => types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
const VIDEO_TYPES = { '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm' };
const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

const videoUrl = (id: string, format: Format): string => (format === 'short' ? `https://youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`);

function parseHandle(handle: string): { id: string; format: Format } {
  const match = /^(short|video):(.+)$/.exec(handle);
  return match ? { format: match[1] as Format, id: match[2]! } : { format: 'video', id: handle };
}

/** Text as YouTube gives it back for comparison: \n line ends, no outer blanks. */
const comparable = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

export function createYouTubeAdapter(config: YouTubeAdapterConfig): PlatformAdapter {
  const rootUrl = (config.rootUrl ?? 'https://www.googleapis.com/').replace(/\/?$/, '/');
  const settings = {
    authorizeUrl: config.authorizeUrl ?? 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: config.tokenUrl ?? 'https://oauth2.googleapis.com/token',
    chunkBytes: config.chunkBytes ?? 8 * 1024 * 1024,
    pollAfterMs: config.pollAfterMs ?? 30_000,
    requestTimeoutMs: config.requestTimeoutMs ?? 30_000,
    chunkTimeoutMs: config.chunkTimeoutMs ?? 300_000,
    maxResumes: config.maxResumes ?? 5,
    resumeDelayMs: config.resumeDelayMs ?? 1000,
  };
  const clock = config.clock ?? (() => new Date());
  const quota = new QuotaTracker(config.dailyQuotaUnits ?? 10_000, { ...QUOTA_COSTS, 'videos.insert': config.uploadQuotaUnits ?? QUOTA_COSTS['videos.insert'] }, clock);

  /** The PlatformError for a Google API error response. */
  function apiError(what: string, status: number, body: unknown, retryAfter: string | null): PlatformError {
    const parsed = googleErrorSchema.safeParse(body);
    const error = parsed.success ? parsed.data.error : undefined;
    const reason = error?.errors?.[0]?.reason ?? error?.status ?? `http_${status}`;
    const kind = errorKindOf(status, reason);
    const explanation = EXPLANATIONS[reason] ?? error?.message ?? `HTTP ${status}`;
    const retryAfterMs = kind !== 'rate_limit' && kind !== 'transient' ? undefined : DAILY_REASONS.has(reason) ? msUntilQuotaReset(clock()) : parseRetryAfter(retryAfter);
    return new PlatformError('youtube', kind, `YouTube ${what}: ${explanation} (${status} ${reason})`, { status, code: reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }

  /** A googleapis/gaxios failure as a PlatformError: an answer by its status and reason, no answer as transient. */
  function fromGaxios(what: string, error: unknown, timeoutMs: number): PlatformError {
    if (error instanceof PlatformError) return error;
    if (error instanceof Common.GaxiosError && error.response) {
      return apiError(what, error.response.status, error.response.data, error.response.headers.get('retry-after'));
    }
    const timedOut = error instanceof Common.GaxiosError && error.code === 'TimeoutError';
    return new PlatformError('youtube', 'transient', `YouTube ${what}: ${timedOut ? `no answer within ${timeoutMs} ms` : 'connection failed'}`, { code: 'network' });
  }

  /** An OAuth2 client carrying the access token only: googleapis never refreshes on its own. */
  function authFor(tokens: AccountTokens) {
    const auth = new google.auth.OAuth2({ clientId: config.clientId, clientSecret: config.clientSecret });
    auth.setCredentials({ access_token: tokens.accessToken });
    return auth;
  }

  const youtube = (tokens: AccountTokens): youtube_v3.Youtube =>
    google.youtube({ version: 'v3', auth: authFor(tokens), rootUrl, retry: false, timeout: settings.requestTimeoutMs });

  /** One Data API call: its quota is spent first, its failure classified. */
  async function api<T>(call: QuotaCall, run: () => Promise<{ data: T }>): Promise<T> {
    quota.spend(call);
    try {
      return (await run()).data;
    } catch (error) {
      throw fromGaxios(call, error, settings.requestTimeoutMs);
    }
  }

  const sendFor = (tokens: AccountTokens): UploadSend => {
    const auth = authFor(tokens);
    return async (request, accept) => {
      const start = request.method === 'POST';
      const what = start ? 'videos.insert (upload start)' : 'videos.insert (upload chunk)';
      const timeoutMs = start ? settings.requestTimeoutMs : settings.chunkTimeoutMs;
      let response;
      try {
        response = await auth.request({
          url: request.url,
          method: request.method,
          headers: request.headers,
          data: request.body,
          validateStatus: () => true,
          retry: false,
          timeout: timeoutMs,
        });
      } catch (error) {
        throw fromGaxios(what, error, timeoutMs);
      }
      if (!accept.includes(response.status)) throw apiError(what, response.status, response.data, response.headers.get('retry-after'));
      return { status: response.status, headers: response.headers, data: response.data };
    };
  };

  async function token(grant: 'authorization_code' | 'refresh_token', fields: Record<string, string>): Promise<OAuthTokenResponse> {
    const response = await platformFetch('youtube', settings.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, grant_type: grant, client_id: config.clientId, client_secret: config.clientSecret }).toString(),
      timeoutMs: settings.requestTimeoutMs,
    });
    const body = await readJson(response);
    const what = grant === 'refresh_token' ? 'token refresh' : 'sign-in code exchange';
    if (!response.ok) {
      const parsed = tokenErrorSchema.safeParse(body);
      const code = parsed.success ? parsed.data.error : `http_${response.status}`;
      const details = { status: response.status, code };
      if (response.status === 408 || response.status >= 500) throw new PlatformError('youtube', 'transient', `YouTube ${what}: Google's token endpoint failed (${response.status}); Noor tries again, the account stays connected`, details);
      if (response.status === 429) throw new PlatformError('youtube', 'rate_limit', `YouTube ${what}: too many token requests; Noor waits and tries again`, { ...details, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
      if (code === 'invalid_grant' && grant === 'refresh_token') {
        throw new PlatformError('youtube', 'auth', `YouTube ${what}: Google refused the refresh token (revoked, expired, or the app is in testing mode); reconnect the YouTube account`, { ...details, revoked: true });
      }
      if (code === 'invalid_grant') throw new PlatformError('youtube', 'auth', `YouTube ${what}: Google refused the sign-in code (expired, already used, or not from this sign-in); connect again`, details);
      if (code === 'invalid_client' || code === 'unauthorized_client') {
        throw new PlatformError('youtube', 'invalid', `YouTube ${what}: Google refused Noor's OAuth client (${code}); check the YouTube client id and secret`, details);
      }
      throw new PlatformError('youtube', 'invalid', `YouTube ${what}: Google refused the request (${response.status} ${code})`, details);
    }
    const parsed = oauthTokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new PlatformError('youtube', 'transient', `YouTube ${what}: unexpected answer from Google's token endpoint`, { status: response.status, code: 'bad_response' });
    return parsed.data;
  }

  function metadataOf(request: PublishRequest): { resource: youtube_v3.Schema$Video; format: Format } {
    const override = request.post.overrides?.youtube ?? {};
    const rules = platformRules.youtube;
    const title = override.title?.trim() || (request.caption.split('\n')[0] ?? '').trim();
    const titleMax = rules.title?.max ?? 100;
    const titleLength = countText(title, rules.title?.counting ?? 'utf16');
    if (titleLength === 0) throw new PlatformError('youtube', 'invalid', 'YouTube overrides.youtube.title: YouTube needs a title; add one (or start the caption with a line of text)', { code: 'title_missing' });
    if (titleLength > titleMax) {
      throw new PlatformError('youtube', 'invalid', `YouTube overrides.youtube.title: ${titleLength} of ${titleMax} characters; shorten it (Noor does not cut titles)`, { code: 'title_too_long' });
    }
    const privacy = override.privacy ?? 'public';
    if (!rules.privacy.options.includes(privacy)) {
      throw new PlatformError('youtube', 'invalid', `YouTube overrides.youtube.privacy: "${privacy}" is not public, unlisted or private`, { code: 'privacy_invalid' });
    }
    const format = (override.format ?? rules.defaultFormat) === 'video' ? 'video' : 'short';
    return {
      format,
      resource: {
        snippet: { title, description: request.caption, categoryId: CATEGORY_ID, ...(override.tags?.length ? { tags: override.tags } : {}) },
        status: { privacyStatus: privacy, selfDeclaredMadeForKids: override.madeForKids ?? false },
      },
    };
  }

  /** thumbnails.set; a refusal is left out (the video already exists and must not be posted again). */
  async function setThumbnail(tokens: AccountTokens, videoId: string, file: string): Promise<void> {
    await api('thumbnails.set', () =>
      youtube(tokens).thumbnails.set({ videoId, media: { mimeType: mimeOf(file, IMAGE_TYPES), body: createReadStream(file) } }, { rootUrl }),
    ).catch(() => undefined);
  }

  function resultOf(id: string, format: Format, video: { status?: { uploadStatus?: string | null; failureReason?: string | null; rejectionReason?: string | null } | null }, processing?: youtube_v3.Schema$VideoProcessingDetails | null): StatusResult {
    const upload = video.status?.uploadStatus;
    if (upload === 'processed') return { state: 'published', externalId: id, url: videoUrl(id, format) };
    if (upload === 'failed') return { state: 'failed', reason: uploadReasonText('failed', video.status?.failureReason) };
    if (upload === 'rejected') return { state: 'failed', reason: uploadReasonText('rejected', video.status?.rejectionReason) };
    if (upload === 'deleted') return { state: 'failed', reason: 'the video was deleted from YouTube' };
    if (processing?.processingStatus === 'failed' || processing?.processingStatus === 'terminated') {
      return { state: 'failed', reason: `YouTube could not process the video${processing.processingFailureReason ? ` (${processing.processingFailureReason})` : ''}` };
    }
    return { state: 'processing', handle: `${format}:${id}`, pollAfterMs: settings.pollAfterMs };
  }

  return {
    platform: 'youtube',

    authUrl(start: AuthStart): string {
      const client = new google.auth.OAuth2({ clientId: config.clientId, clientSecret: config.clientSecret, endpoints: { oauth2AuthBaseUrl: settings.authorizeUrl } });
      return client.generateAuthUrl({
        access_type: 'offline',
        prompt: 'consent',
        include_granted_scopes: true,
        scope: [...YOUTUBE_SCOPES],
        state: start.state,
        redirect_uri: start.redirectUri,
        code_challenge: start.codeChallenge,
        code_challenge_method: Auth.CodeChallengeMethod.S256,
      });
    },

    async exchangeCode(input): Promise<ConnectedAccount> {
      const tokens = oauthTokens(await token('authorization_code', { code: input.code, code_verifier: input.codeVerifier, redirect_uri: input.redirectUri }), null);
      if (!YOUTUBE_SCOPES.every((scope) => tokens.scopes.includes(scope))) {
        throw new PlatformError('youtube', 'auth', 'YouTube connect: not every permission was granted; connect again and allow Noor to upload videos and see the channel', { code: 'scope_missing' });
      }
      const channels = await api('channels.list', () => youtube(tokens).channels.list({ part: ['snippet'], mine: true }));
      const channel = channels.items?.[0];
      if (!channel?.id) throw new PlatformError('youtube', 'auth', 'YouTube connect: this Google account has no YouTube channel; create one on youtube.com, then connect again', { code: 'no_channel' });
      return { ...tokens, externalAccountId: channel.id, displayName: channel.snippet?.title || channel.id };
    },

    async refresh(tokens: AccountTokens): Promise<AccountTokens> {
      if (tokens.refreshToken === null) throw new PlatformError('youtube', 'auth', 'YouTube token refresh: no refresh token is stored; reconnect the YouTube account', { code: 'no_refresh_token', revoked: true });
      return oauthTokens(await token('refresh_token', { refresh_token: tokens.refreshToken }), tokens);
    },

    validate: (post, media) => validate(post, 'youtube', media),

    async publish(tokens: AccountTokens, request: PublishRequest): Promise<PublishResult> {
      const { resource, format } = metadataOf(request);
      quota.spend('videos.insert');
      const answer = await uploadResumable(sendFor(tokens), {
        startUrl: `${rootUrl}upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
        metadata: resource,
        file: request.media.file,
        contentType: mimeOf(request.media.file, VIDEO_TYPES),
        chunkBytes: settings.chunkBytes,
        maxResumes: settings.maxResumes,
        resumeDelayMs: settings.resumeDelayMs,
      });
      const video = uploadedVideoSchema.safeParse(answer);
      if (!video.success) {
        throw new PlatformError('youtube', 'transient', 'YouTube videos.insert: the upload finished without a video id; Noor checks the channel before trying again', { code: 'bad_response' });
      }
      const id = video.data.id;
      if (request.thumbnail) await setThumbnail(tokens, id, request.thumbnail.file);
      const result = resultOf(id, format, video.data);
      if (result.state === 'failed') throw new PlatformError('youtube', 'invalid', `YouTube videos.insert: ${result.reason}`, { code: video.data.status?.failureReason ?? video.data.status?.rejectionReason ?? 'upload_failed' });
      return result;
    },

    async status(tokens: AccountTokens, handle: string): Promise<StatusResult> {
      const { id, format } = parseHandle(handle);
      const list = await api('videos.list', () => youtube(tokens).videos.list({ part: ['status', 'processingDetails'], id: [id] }));
      const video = list.items?.[0];
      if (!video) return { state: 'failed', reason: `YouTube has no video ${id} any more; it was deleted or never finished uploading` };
      return resultOf(id, format, video, video.processingDetails);
    },

    async metrics(tokens: AccountTokens, externalId: string): Promise<PostMetrics> {
      const list = await api('videos.list', () => youtube(tokens).videos.list({ part: ['statistics'], id: [externalId] }));
      const statistics = list.items?.[0]?.statistics;
      if (!statistics) throw new PlatformError('youtube', 'invalid', `YouTube videos.list: there is no video ${externalId} (was it deleted?)`, { code: 'videoNotFound' });
      const count = (value: string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
      return { views: count(statistics.viewCount), likes: count(statistics.likeCount), comments: count(statistics.commentCount), shares: null, raw: { ...statistics } };
    },

    async findExisting(tokens: AccountTokens, request): Promise<{ externalId: string; url: string | null } | null> {
      const channels = await api('channels.list', () => youtube(tokens).channels.list({ part: ['contentDetails'], mine: true }));
      const uploads = channels.items?.[0]?.contentDetails?.relatedPlaylists?.uploads;
      if (!uploads) return null;
      const items = await api('playlistItems.list', () => youtube(tokens).playlistItems.list({ part: ['snippet'], playlistId: uploads, maxResults: RECENT_UPLOADS }));
      const caption = comparable(request.caption);
      const match = items.items?.find((item) => comparable(item.snippet?.description ?? '') === caption);
      const id = match?.snippet?.resourceId?.videoId;
      return id ? { externalId: id, url: videoUrl(id, 'video') } : null;
    },
  };
}
