// The PlatformAdapter for Instagram Reels through the "Instagram API with
// Instagram Login" (Business and Creator accounts; no Facebook Page needed),
// over fetch.
//
// Connecting: Business Login (www.instagram.com/oauth/authorize) gives a code;
// api.instagram.com turns it into a short-lived token (1 h), which
// graph.instagram.com exchanges for a long-lived one (60 days). Instagram has
// no PKCE and no refresh token: AccountTokens.refreshToken is null and
// refresh() trades the unexpired long-lived access token itself for a new one
// (refresh_access_token, accepted only once the token is 24 h old; a younger
// token is returned unchanged because it is fresh anyway). A 190 from the
// refresh means the grant is gone: auth, revoked.
//
// Publishing: the account's content_publishing_limit is checked first (a
// full quota is a rate_limit before anything is created), then a REELS
// container is created from the public video URL (Meta downloads it), its
// status_code polled (IN_PROGRESS → FINISHED | ERROR | EXPIRED; PUBLISHED once
// published), and a FINISHED container is published with media_publish. The
// processing handle is "<ig-user-id>:<container-id>:<caption key>"; the
// caption key (sha256 of the caption, 16 hex) lets status() find the post a
// container became.
//
// Exactly once: Instagram has no idempotency key or post metadata, so
// findExisting() lists the account's 25 most recent media and matches the
// caption text exactly (after trimming), among posts of the last 48 h (so an
// evergreen repost of an old caption is not mistaken for this one). Before
// media_publish the same match guards against publishing twice, and when a
// media_publish answer is lost the container's status says whether it was
// published (PUBLISHED), in which case the post is found by its caption.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PlatformError, type AccountTokens, type AuthStart, type ConnectedAccount, type PlatformAdapter, type PostMetrics, type PublishRequest, type PublishResult, type StatusResult } from './adapter';
import { platformFetch, readJson } from './http';
import { instagramError } from './instagram-errors';
import { validate } from './validate';

export interface InstagramAdapterConfig {
  /** The Instagram app ID (App Dashboard → Instagram → API setup with Instagram business login). */
  clientId: string;
  /** The Instagram app secret. */
  clientSecret: string;
  /** Consent screen host. Default https://www.instagram.com */
  authBaseUrl?: string;
  /** Code exchange host. Default https://api.instagram.com */
  apiBaseUrl?: string;
  /** Graph host. Default https://graph.instagram.com */
  graphBaseUrl?: string;
  /** Graph API version. Default v26.0 (the newest in Meta's Graph API changelog, checked 2026-11). */
  graphVersion?: string;
  /** Each HTTP call is abandoned after this long (a transient error). Default 30 s. */
  requestTimeoutMs?: number;
  /** How soon to ask again about a container still processing. Default 60 s (Meta: poll once a minute, for up to 5 minutes). */
  pollAfterMs?: number;
  /** Posts per rolling window when content_publishing_limit does not say. Default 50. */
  publishLimit?: number;
  /** How many recent media findExisting looks through. Default 25. */
  recentMedia?: number;
  /** Only posts this recent count as "already made by this target". Default 48 h. */
  existingWithinHours?: number;
}

export const INSTAGRAM_SCOPES = ['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_insights'] as const;
const INSIGHT_METRICS = ['views', 'likes', 'comments', 'shares', 'saved', 'reach'] as const;
const DAY_MS = 86_400_000;
const LONG_LIVED_MS = 60 * DAY_MS;
const HOUR_MS = 3_600_000;

const idSchema = z.object({ id: z.string().min(1) });
const tokenFields = z.object({ access_token: z.string().min(1), permissions: z.union([z.string(), z.array(z.string())]).optional() });
/** Business Login answers {data:[…]}; older docs show the fields at the top. user_id is not used: as a JSON number it loses digits. */
const shortTokenSchema = z.union([z.object({ data: z.array(tokenFields).min(1) }).transform((b) => b.data[0]!), tokenFields]);
const longTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const meSchema = z.object({ user_id: z.string().min(1), username: z.string().min(1) });
const limitSchema = z.object({
  data: z.array(z.object({ quota_usage: z.number(), config: z.object({ quota_total: z.number().positive().optional(), quota_duration: z.number().positive().optional() }).optional() })),
});
const containerSchema = z.object({ status_code: z.enum(['IN_PROGRESS', 'FINISHED', 'PUBLISHED', 'ERROR', 'EXPIRED']), status: z.string().optional() });
const mediaListSchema = z.object({ data: z.array(z.object({ id: z.string(), caption: z.string().optional(), permalink: z.string().optional(), timestamp: z.string().optional() })) });
const permalinkSchema = z.object({ permalink: z.string().optional() });
const insightsSchema = z.object({
  data: z.array(z.object({ name: z.string(), values: z.array(z.object({ value: z.number() })).optional(), total_value: z.object({ value: z.number() }).optional() })),
});

/** The caption as Instagram keeps it, for matching. */
const normalized = (caption: string): string => caption.replace(/\r\n/g, '\n').trim();
const captionKey = (caption: string): string => createHash('sha256').update(normalized(caption)).digest('hex').slice(0, 16);

interface Handle {
  userId: string;
  containerId: string;
  captionKey: string;
}
const encodeHandle = (h: Handle): string => `${h.userId}:${h.containerId}:${h.captionKey}`;
function decodeHandle(handle: string): Handle {
  const match = /^(\d+):(\d+):([0-9a-f]{16})$/.exec(handle);
  if (!match) throw new PlatformError('instagram', 'invalid', `Instagram: "${handle.slice(0, 60)}" is not a processing handle from this adapter`, { code: 'bad_handle' });
  return { userId: match[1]!, containerId: match[2]!, captionKey: match[3]! };
}

/** Extra guidance for a container that ended in ERROR: Meta puts the code only in its status text. */
function containerFailure(status: string | undefined): string {
  const said = status?.trim() || 'no reason given';
  const code = /\b(2207\d{3})\b/.exec(said)?.[1];
  if (code === '2207026') return `Instagram could not process the video (${said}): render an MP4 with H.264 video and AAC audio, 23–60 fps, 3 s–15 min, ≤ 300 MB, and publish again`;
  if (code === '2207052' || code === '2207003') return `Instagram could not download the video (${said}): its URL must be public and fast; check the S3 bucket or NOOR_PUBLIC_BASE_URL, then publish again`;
  return `Instagram could not process the video (${said}); publish again, and if it repeats, re-render the Instagram rendition`;
}

export function createInstagramAdapter(config: InstagramAdapterConfig): PlatformAdapter {
  const authBase = (config.authBaseUrl ?? 'https://www.instagram.com').replace(/\/$/, '');
  const apiBase = (config.apiBaseUrl ?? 'https://api.instagram.com').replace(/\/$/, '');
  const graphBase = (config.graphBaseUrl ?? 'https://graph.instagram.com').replace(/\/$/, '');
  const version = config.graphVersion ?? 'v26.0';
  const timeoutMs = config.requestTimeoutMs ?? 30_000;
  const pollAfterMs = config.pollAfterMs ?? 60_000;
  const publishLimit = config.publishLimit ?? 50;
  const recentMedia = config.recentMedia ?? 25;
  const existingWithinMs = (config.existingWithinHours ?? 48) * HOUR_MS;
  const graph = (path: string): string => `${graphBase}/${version}/${path}`;

  /** One call: GET parameters in the query, POST parameters as a form; the token as access_token (never in an error message). */
  async function call<S extends z.ZodType>(
    schema: S,
    action: string,
    url: string,
    init: { method?: 'GET' | 'POST'; params?: Record<string, string | undefined>; token?: string; refresh?: boolean } = {},
  ): Promise<z.output<S>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(init.params ?? {})) if (value !== undefined) params.set(key, value);
    if (init.token !== undefined) params.set('access_token', init.token);
    const post = init.method === 'POST';
    const response = await platformFetch('instagram', post ? url : `${url}?${params.toString()}`, {
      method: post ? 'POST' : 'GET',
      headers: post ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      body: post ? params.toString() : undefined,
      timeoutMs,
    });
    const body = await readJson(response);
    if (!response.ok) throw instagramError(response, body, { action, refresh: init.refresh });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new PlatformError('instagram', 'transient', `Instagram, ${action}: unexpected answer (${parsed.error.issues[0]?.message ?? 'bad shape'})`, { status: response.status, code: 'bad_response' });
    }
    return parsed.data;
  }

  const me = (token: string) => call(meSchema, 'reading the account', graph('me'), { params: { fields: 'user_id,username' }, token });

  async function checkPublishingLimit(token: string, userId: string): Promise<void> {
    const limit = await call(limitSchema, 'checking the publishing limit', graph(`${userId}/content_publishing_limit`), { params: { fields: 'config,quota_usage' }, token });
    const usage = limit.data[0];
    if (!usage) return;
    const total = usage.config?.quota_total ?? publishLimit;
    if (usage.quota_usage < total) return;
    const windowSec = usage.config?.quota_duration;
    // The window rolls: on average a slot frees every window ÷ quota.
    const retryAfterMs = windowSec === undefined ? HOUR_MS : Math.ceil((windowSec * 1000) / total);
    const window = windowSec === undefined ? 'rolling window' : `rolling ${Math.round(windowSec / 3600)} h`;
    throw new PlatformError(
      'instagram',
      'rate_limit',
      `Instagram: this account has used ${usage.quota_usage} of its ${total} API posts in the ${window}; Noor posts when a slot frees (next check in about ${Math.ceil(retryAfterMs / 60_000)} min)`,
      { code: 'publishing_limit', retryAfterMs },
    );
  }

  /** The account's recent post with this caption key, if any. */
  async function findByKey(token: string, userId: string, key: string): Promise<{ externalId: string; url: string | null } | null> {
    const list = await call(mediaListSchema, 'listing recent posts', graph(`${userId}/media`), { params: { fields: 'id,caption,permalink,timestamp', limit: String(recentMedia) }, token });
    const since = Date.now() - existingWithinMs;
    const mine = list.data.find((media) => {
      const at = media.timestamp === undefined ? Number.NaN : Date.parse(media.timestamp);
      return media.caption !== undefined && captionKey(media.caption) === key && !(at < since);
    });
    return mine ? { externalId: mine.id, url: mine.permalink ?? null } : null;
  }

  async function permalinkOf(token: string, mediaId: string): Promise<string | null> {
    try {
      return (await call(permalinkSchema, 'reading the post link', graph(mediaId), { params: { fields: 'permalink' }, token })).permalink ?? null;
    } catch (error) {
      // The post exists; a missing link is not worth failing it.
      if (error instanceof PlatformError) return null;
      throw error;
    }
  }

  async function publishContainer(token: string, h: Handle): Promise<StatusResult> {
    try {
      const media = await call(idSchema, 'publishing the Reel', graph(`${h.userId}/media_publish`), { method: 'POST', params: { creation_id: h.containerId }, token });
      return { state: 'published', externalId: media.id, url: await permalinkOf(token, media.id) };
    } catch (error) {
      if (!(error instanceof PlatformError) || error.kind !== 'transient') throw error;
      // The answer may be lost after Instagram published: the container then says PUBLISHED.
      const after = await call(containerSchema, 'checking the Reel container', graph(h.containerId), { params: { fields: 'status_code,status' }, token }).catch(() => null);
      const found = after?.status_code === 'PUBLISHED' ? await findByKey(token, h.userId, h.captionKey).catch(() => null) : null;
      if (found) return { state: 'published', ...found };
      throw error;
    }
  }

  /** One look at the container, and the next step it allows. */
  async function advance(token: string, h: Handle): Promise<StatusResult> {
    const container = await call(containerSchema, 'checking the Reel container', graph(h.containerId), { params: { fields: 'status_code,status' }, token });
    switch (container.status_code) {
      case 'IN_PROGRESS':
        return { state: 'processing', handle: encodeHandle(h), pollAfterMs };
      case 'FINISHED': {
        const existing = await findByKey(token, h.userId, h.captionKey);
        return existing ? { state: 'published', ...existing } : publishContainer(token, h);
      }
      case 'PUBLISHED': {
        const existing = await findByKey(token, h.userId, h.captionKey);
        if (existing) return { state: 'published', ...existing };
        return { state: 'failed', reason: `Instagram says container ${h.containerId} was published, but no recent post has its caption; check the profile (the post may have been deleted)` };
      }
      case 'ERROR':
        return { state: 'failed', reason: containerFailure(container.status) };
      case 'EXPIRED':
        return { state: 'failed', reason: 'the Instagram container expired (Instagram keeps an unpublished container for 24 h); publish the post again' };
    }
  }

  return {
    platform: 'instagram',

    authUrl(start: AuthStart): string {
      // No PKCE at Instagram: the challenge is not sent; state still guards the callback.
      const query = new URLSearchParams({ client_id: config.clientId, redirect_uri: start.redirectUri, response_type: 'code', scope: INSTAGRAM_SCOPES.join(','), state: start.state });
      return `${authBase}/oauth/authorize?${query.toString()}`;
    },

    async exchangeCode(input): Promise<ConnectedAccount> {
      const short = await call(shortTokenSchema, 'exchanging the authorization code', `${apiBase}/oauth/access_token`, {
        method: 'POST',
        params: { client_id: config.clientId, client_secret: config.clientSecret, grant_type: 'authorization_code', redirect_uri: input.redirectUri, code: input.code },
      });
      const long = await call(longTokenSchema, 'exchanging for a long-lived token', `${graphBase}/access_token`, {
        params: { grant_type: 'ig_exchange_token', client_secret: config.clientSecret },
        token: short.access_token,
      });
      const account = await me(long.access_token);
      const permissions = short.permissions ?? [];
      return {
        accessToken: long.access_token,
        refreshToken: null,
        expiresAt: new Date(Date.now() + long.expires_in * 1000),
        scopes: typeof permissions === 'string' ? permissions.split(/[,\s]+/).filter(Boolean) : permissions,
        externalAccountId: account.user_id,
        displayName: `@${account.username}`,
      };
    },

    async refresh(tokens: AccountTokens): Promise<AccountTokens> {
      const now = Date.now();
      const expiresAt = tokens.expiresAt?.getTime();
      if (expiresAt !== undefined && expiresAt <= now) {
        throw new PlatformError('instagram', 'auth', `Instagram: the access token expired on ${tokens.expiresAt!.toISOString()} and Instagram cannot refresh an expired token; reconnect the Instagram account in Noor`, { code: 'token_expired', revoked: true });
      }
      // Issued less than 24 h ago: Instagram refuses to refresh it yet, and it is fresh anyway.
      if (expiresAt !== undefined && expiresAt - now > LONG_LIVED_MS - DAY_MS) return tokens;
      const fresh = await call(longTokenSchema, 'refreshing the access token', `${graphBase}/refresh_access_token`, { params: { grant_type: 'ig_refresh_token' }, token: tokens.accessToken, refresh: true });
      return { accessToken: fresh.access_token, refreshToken: null, expiresAt: new Date(now + fresh.expires_in * 1000), scopes: tokens.scopes };
    },

    validate: (post, media) => validate(post, 'instagram', media),

    async publish(tokens: AccountTokens, request: PublishRequest): Promise<PublishResult> {
      if (request.media.url === null) {
        throw new PlatformError('instagram', 'invalid', 'Instagram pulls the video from a public URL; configure S3 storage or NOOR_PUBLIC_BASE_URL', { code: 'media_url_missing' });
      }
      const token = tokens.accessToken;
      const { user_id: userId } = await me(token);
      await checkPublishingLimit(token, userId);
      const coverUrl = request.thumbnail?.url ?? undefined;
      const thumbSec = request.post.overrides?.instagram?.thumbnailTimeSec;
      const container = await call(idSchema, 'creating the Reel container', graph(`${userId}/media`), {
        method: 'POST',
        token,
        params: {
          media_type: 'REELS',
          video_url: request.media.url,
          caption: request.caption,
          share_to_feed: 'true',
          // Meta uses cover_url and ignores thumb_offset when both are given.
          cover_url: coverUrl,
          thumb_offset: coverUrl === undefined && thumbSec !== undefined ? String(Math.round(thumbSec * 1000)) : undefined,
        },
      });
      const result = await advance(token, { userId, containerId: container.id, captionKey: captionKey(request.caption) });
      if (result.state === 'failed') throw new PlatformError('instagram', 'invalid', `Instagram, processing the Reel: ${result.reason}`, { code: 'container_error' });
      return result;
    },

    async status(tokens: AccountTokens, handle: string): Promise<StatusResult> {
      return advance(tokens.accessToken, decodeHandle(handle));
    },

    async metrics(tokens: AccountTokens, externalId: string): Promise<PostMetrics> {
      const insights = await call(insightsSchema, 'reading Reel insights', graph(`${externalId}/insights`), { params: { metric: INSIGHT_METRICS.join(',') }, token: tokens.accessToken });
      const raw: Record<string, number> = {};
      for (const metric of insights.data) {
        const value = metric.total_value?.value ?? metric.values?.[0]?.value;
        if (value !== undefined) raw[metric.name] = value;
      }
      // Instagram leaves out a metric it has no data for.
      return { views: raw.views ?? null, likes: raw.likes ?? null, comments: raw.comments ?? null, shares: raw.shares ?? null, raw };
    },

    async findExisting(tokens: AccountTokens, request) {
      const { user_id: userId } = await me(tokens.accessToken);
      return findByKey(tokens.accessToken, userId, captionKey(request.caption));
    },
  };
}
