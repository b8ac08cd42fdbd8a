// The PlatformAdapter for X, on the official twitter-api-v2 client (which
// always calls https://api.x.com; tests intercept it in-process). OAuth 2.0
// with PKCE for the user context: the challenge Noor made goes in the consent
// URL; codes and refresh tokens go through the library (X rotates refresh
// tokens: the new one replaces the old). publish() uploads the video in chunks
// (x-media.ts), waits a short while for X to process it, and then creates the
// post; if processing takes longer it answers "processing" with a handle that
// is base64url JSON of {media id, post text, user id, username}, everything
// status() needs to finish the job later. X has no idempotency key and keeps
// no metadata on a post, so findExisting() lists the account's recent posts
// with media and matches the text as X shows it (t.co links and X's HTML
// escaping set aside); X refuses a post identical to a recent one anyway.
// status() checks that list before creating, so polling twice never posts
// twice, and a create whose answer was lost is looked up before it is reported.
import { setTimeout as sleep } from 'node:timers/promises';
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { z } from 'zod';
import { PlatformError, type AccountTokens, type ConnectedAccount, type PlatformAdapter, type PostMetrics, type PublishResult, type StatusResult } from './adapter';
import { validate } from './validate';
import { xAnswer, xApiError, xTokenError } from './x-errors';
import { mediaStatus, processingFailure, stillProcessing, uploadVideo, type ProcessingInfo } from './x-media';

export interface XAdapterConfig {
  /** OAuth 2.0 Client ID of the X app (developer portal → User authentication settings). */
  clientId: string;
  /** OAuth 2.0 Client Secret (the app is a confidential client). */
  clientSecret: string;
  /** X's consent screen. Default https://x.com/i/oauth2/authorize. */
  authorizeUrl?: string;
  /** Where links to posts point. Default https://x.com. */
  webUrl?: string;
  /** Each HTTP call is abandoned after this long without an answer (a transient error). Default 30 s. */
  requestTimeoutMs?: number;
  /** How soon to poll processing again when X does not say (check_after_secs). Default 5 s. */
  pollAfterMs?: number;
  /** Bytes per APPEND; X allows at most 5 MB. Default 4 MiB. */
  chunkBytes?: number;
  /** Wait before re-sending a chunk whose answer was lost, times the attempt. Default 1 s. */
  chunkRetryDelayMs?: number;
  /** How long publish() itself waits for processing before answering "processing". Default 60 s. */
  inlineProcessingMs?: number;
  /** How many recent posts findExisting looks through (X: 5–100). Default 50. */
  recentPosts?: number;
}

/** tweet.write to post, media.write for the v2 media upload, offline.access for a refresh token. */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'] as const;

const userSchema = z.object({ data: z.object({ id: z.string().min(1), username: z.string().min(1) }) });
const timelineSchema = z.object({
  data: z.array(z.object({ id: z.string(), text: z.string(), attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional() })).optional(),
});
const createdSchema = z.object({ data: z.object({ id: z.string().min(1) }) });
const metricsSchema = z.object({
  data: z
    .object({
      public_metrics: z
        .object({ impression_count: z.number().optional(), like_count: z.number().optional(), reply_count: z.number().optional(), retweet_count: z.number().optional(), quote_count: z.number().optional() })
        .passthrough()
        .optional(),
    })
    .optional(),
  errors: z.array(z.object({ type: z.string().optional(), detail: z.string().optional() })).optional(),
});
/** What status() needs to finish a publish: X's media id, the post text and the account. */
const jobSchema = z.object({ media: z.string().regex(/^\d{1,19}$/), text: z.string(), user: z.string().min(1), name: z.string().min(1) });
type Job = z.infer<typeof jobSchema>;

const encodeHandle = (job: Job): string => Buffer.from(JSON.stringify(job)).toString('base64url');
function decodeHandle(handle: string): Job {
  try {
    return jobSchema.parse(JSON.parse(Buffer.from(handle, 'base64url').toString('utf8')));
  } catch {
    throw new PlatformError('x', 'invalid', 'X status: the processing handle is not one this adapter made', { code: 'bad_handle' });
  }
}

/** Post text the way X shows it set aside: HTML entities decoded, links (t.co or not) and runs of space dropped. */
const comparable = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function createXAdapter(config: XAdapterConfig): PlatformAdapter {
  const authorizeUrl = config.authorizeUrl ?? 'https://x.com/i/oauth2/authorize';
  const webUrl = (config.webUrl ?? 'https://x.com').replace(/\/$/, '');
  const timeoutMs = config.requestTimeoutMs ?? 30_000;
  const pollAfterMs = config.pollAfterMs ?? 5000;
  const inlineProcessingMs = config.inlineProcessingMs ?? 60_000;
  const recentPosts = Math.min(100, Math.max(5, config.recentPosts ?? 50));
  const upload = { chunkBytes: config.chunkBytes ?? 4 * 1024 * 1024, chunkAttempts: 3, chunkRetryDelayMs: config.chunkRetryDelayMs ?? 1000 };
  /** Every request the library makes gets the timeout. */
  const timeoutPlugin: ITwitterApiClientPlugin = {
    onBeforeRequestConfig: ({ params }) => {
      params.timeout ??= timeoutMs;
    },
  };
  const settings = { plugins: [timeoutPlugin] };
  const appClient = () => new TwitterApi({ clientId: config.clientId, clientSecret: config.clientSecret }, settings);
  const userClient = (tokens: AccountTokens) => new TwitterApi(tokens.accessToken, settings);
  const postUrl = (username: string, id: string) => `${webUrl}/${encodeURIComponent(username)}/status/${id}`;
  const expiry = (expiresIn: number | undefined) => (expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000));

  async function me(client: TwitterApi): Promise<{ id: string; username: string }> {
    const answer = await client.v2.get('users/me').catch((e: unknown) => {
      throw xApiError(e, 'X GET /2/users/me (the connected account)');
    });
    return xAnswer(userSchema, answer, 'X GET /2/users/me').data;
  }

  /** The account's recent post with media whose text is the caption, if any. */
  async function findPosted(client: TwitterApi, job: Pick<Job, 'user' | 'name' | 'text'>): Promise<{ externalId: string; url: string } | null> {
    const answer = await client.v2
      .get('users/:id/tweets', { max_results: recentPosts, exclude: 'replies,retweets', 'tweet.fields': 'attachments' }, { params: { id: job.user } })
      .catch((e: unknown) => {
        throw xApiError(e, "X GET /2/users/:id/tweets (the account's recent posts)");
      });
    const wanted = comparable(job.text);
    const found = xAnswer(timelineSchema, answer, 'X GET /2/users/:id/tweets').data?.find((t) => (t.attachments?.media_keys?.length ?? 0) > 0 && comparable(t.text) === wanted);
    return found ? { externalId: found.id, url: postUrl(job.name, found.id) } : null;
  }

  /** Creates the post once. A create whose answer is lost (or a 5xx) is looked up before the transient error is reported. */
  async function createPost(client: TwitterApi, job: Job, lookFirst: boolean): Promise<StatusResult> {
    const before = lookFirst ? await findPosted(client, job) : null;
    if (before) return { state: 'published', ...before };
    try {
      const answer = await client.v2.tweet({ text: job.text, media: { media_ids: [job.media] } });
      const { id } = xAnswer(createdSchema, answer, 'X POST /2/tweets').data;
      return { state: 'published', externalId: id, url: postUrl(job.name, id) };
    } catch (e) {
      const error = xApiError(e, 'X POST /2/tweets (create the post)');
      if (error.kind !== 'transient') throw error;
      const made = await findPosted(client, job).catch(() => null);
      if (made) return { state: 'published', ...made };
      throw error;
    }
  }

  /** Polls processing for up to budgetMs (honouring check_after_secs), then posts, or hands back a handle, or the failure. */
  async function settle(client: TwitterApi, job: Job, first: ProcessingInfo | undefined, budgetMs: number, lookFirst: boolean): Promise<StatusResult> {
    const deadline = Date.now() + budgetMs;
    let info = first;
    while (stillProcessing(info)) {
      const waitMs = info?.check_after_secs === undefined ? pollAfterMs : info.check_after_secs * 1000;
      if (Date.now() + waitMs > deadline) return { state: 'processing', handle: encodeHandle(job), pollAfterMs: waitMs };
      await sleep(waitMs);
      info = await mediaStatus(client, job.media);
    }
    if (info?.state === 'failed') return { state: 'failed', reason: processingFailure(info) };
    return createPost(client, job, lookFirst);
  }

  return {
    platform: 'x',
    authUrl(start): string {
      const url = new URL(authorizeUrl);
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: start.redirectUri,
        scope: X_SCOPES.join(' '),
        state: start.state,
        code_challenge: start.codeChallenge,
        code_challenge_method: 'S256',
      });
      url.search = query.toString().replace(/\+/g, '%20');
      return url.toString();
    },
    async exchangeCode(input): Promise<ConnectedAccount> {
      const login = await appClient()
        .loginWithOAuth2({ code: input.code, codeVerifier: input.codeVerifier, redirectUri: input.redirectUri })
        .catch((e: unknown) => {
          throw xTokenError(e, 'authorization_code');
        });
      const user = await me(login.client);
      return {
        accessToken: login.accessToken,
        refreshToken: login.refreshToken ?? null,
        expiresAt: expiry(login.expiresIn),
        scopes: login.scope,
        externalAccountId: user.id,
        displayName: `@${user.username}`,
      };
    },
    async refresh(tokens): Promise<AccountTokens> {
      if (tokens.refreshToken === null)
        throw new PlatformError('x', 'auth', 'X token refresh: the account has no refresh token (connected without offline.access); reconnect the X account', { code: 'no_refresh_token', revoked: true });
      const fresh = await appClient()
        .refreshOAuth2Token(tokens.refreshToken)
        .catch((e: unknown) => {
          throw xTokenError(e, 'refresh_token');
        });
      return { accessToken: fresh.accessToken, refreshToken: fresh.refreshToken ?? tokens.refreshToken, expiresAt: expiry(fresh.expiresIn), scopes: fresh.scope.length > 0 ? fresh.scope : tokens.scopes };
    },
    validate: (post, media) => validate(post, 'x', media),
    async publish(tokens, request): Promise<PublishResult> {
      const client = userClient(tokens);
      const user = await me(client);
      const uploaded = await uploadVideo(client, request.media.file, upload);
      const job: Job = { media: uploaded.mediaId, text: request.caption, user: user.id, name: user.username };
      const result = await settle(client, job, uploaded.processing, inlineProcessingMs, false);
      if (result.state === 'failed') throw new PlatformError('x', 'invalid', result.reason, { code: 'processing_failed' });
      return result;
    },
    async status(tokens, handle): Promise<StatusResult> {
      const job = decodeHandle(handle);
      const client = userClient(tokens);
      return settle(client, job, await mediaStatus(client, job.media), 0, true);
    },
    async metrics(tokens, externalId): Promise<PostMetrics> {
      const answer = await userClient(tokens)
        .v2.get('tweets/:id', { 'tweet.fields': 'public_metrics' }, { params: { id: externalId } })
        .catch((e: unknown) => {
          throw xApiError(e, 'X GET /2/tweets/:id (post metrics)');
        });
      const body = xAnswer(metricsSchema, answer, 'X GET /2/tweets/:id');
      if (!body.data) {
        const problem = body.errors?.[0];
        throw new PlatformError('x', 'invalid', `X GET /2/tweets/:id: X has no post ${externalId} for this account (${problem?.detail ?? 'not found'}) — it may have been deleted`, {
          code: problem?.type?.split('/').pop() ?? 'not_found',
        });
      }
      const m = body.data.public_metrics ?? {};
      const sum = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined ? null : (a ?? 0) + (b ?? 0));
      return { views: m.impression_count ?? null, likes: m.like_count ?? null, comments: m.reply_count ?? null, shares: sum(m.retweet_count, m.quote_count), raw: { ...m } };
    },
    async findExisting(tokens, request) {
      const client = userClient(tokens);
      const user = await me(client);
      return findPosted(client, { user: user.id, name: user.username, text: request.caption });
    },
  };
}
