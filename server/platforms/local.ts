// The PlatformAdapter for the local test platform (tests/platforms/
// local-platform-server.ts): bearer tokens, OAuth refresh, posts that may go
// through processing, and metrics, over HTTP. Like most real platforms it has
// no idempotency key, so publish() tags the post with its target id in the
// post's metadata and findExisting() lists the account's recent posts for that
// tag. Errors become PlatformError by HTTP status and error code only.
import { z } from 'zod';
import { oauthTokenResponseSchema, oauthTokens, parseRetryAfter, platformFetch, readJson } from './http';
import { PlatformError, type AccountTokens, type AuthStart, type ConnectedAccount, type PlatformAdapter, type PostMetrics, type PublishRequest, type PublishResult, type StatusResult } from './adapter';

export interface LocalPlatformConfig {
  /** e.g. http://127.0.0.1:4010 */
  baseUrl: string;
  /** Each HTTP call is abandoned after this long (a transient error). Default 30 s. */
  requestTimeoutMs?: number;
  /** How soon to ask again about a post still processing. Default 1 s. */
  pollAfterMs?: number;
  /** How many recent posts findExisting looks through. Default 50. */
  recentPosts?: number;
}

/** The metadata key that carries the Noor target id. */
export const TARGET_MARKER = 'noor_target';

const postSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['processing', 'published', 'failed']),
  url: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).default({}),
  failure_reason: z.string().optional(),
});
const metricsSchema = z.object({ views: z.number().nullable(), likes: z.number().nullable(), comments: z.number().nullable(), shares: z.number().nullable() });
const errorBodySchema = z.union([
  z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);

/** The PlatformError for an HTTP error response: the kind comes from the status and the error code. */
export function localPlatformError(status: number, body: unknown, retryAfter: string | null): PlatformError {
  const parsed = errorBodySchema.safeParse(body);
  const code = parsed.success ? (typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.code) : `http_${status}`;
  const message = `local platform answered ${status} ${code}`;
  const details = { status, code };
  if (code === 'invalid_grant' || code === 'token_revoked') return new PlatformError('local', 'auth', message, { ...details, revoked: true });
  if (status === 401 || status === 403) return new PlatformError('local', 'auth', message, details);
  if (status === 429) return new PlatformError('local', 'rate_limit', message, { ...details, retryAfterMs: parseRetryAfter(retryAfter) });
  if (status === 408 || status >= 500) return new PlatformError('local', 'transient', message, { ...details, retryAfterMs: parseRetryAfter(retryAfter) });
  return new PlatformError('local', 'invalid', message, details);
}

export function createLocalPlatformAdapter(config: LocalPlatformConfig): PlatformAdapter {
  const base = config.baseUrl.replace(/\/$/, '');
  const timeoutMs = config.requestTimeoutMs ?? 30_000;
  const pollAfterMs = config.pollAfterMs ?? 1000;

  async function call<S extends z.ZodType>(schema: S, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<z.output<S>> {
    const response = await platformFetch('local', `${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      timeoutMs,
    });
    const body = await readJson(response);
    if (!response.ok) throw localPlatformError(response.status, body, response.headers.get('retry-after'));
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new PlatformError('local', 'transient', `local platform ${path}: unexpected response (${parsed.error.issues[0]?.message ?? 'bad shape'})`, { status: response.status, code: 'bad_response' });
    return parsed.data;
  }

  const asResult = (post: z.output<typeof postSchema>): StatusResult => {
    if (post.status === 'published') return { state: 'published', externalId: post.id, url: post.url };
    if (post.status === 'failed') return { state: 'failed', reason: post.failure_reason ?? 'the platform rejected the upload' };
    return { state: 'processing', handle: post.id, pollAfterMs };
  };

  return {
    platform: 'local',
    authUrl(start: AuthStart): string {
      const query = new URLSearchParams({ state: start.state, code_challenge: start.codeChallenge, code_challenge_method: 'S256', redirect_uri: start.redirectUri });
      return `${base}/oauth/authorize?${query.toString()}`;
    },
    async exchangeCode(input): Promise<ConnectedAccount> {
      const tokens = await call(oauthTokenResponseSchema, '/oauth/token', { method: 'POST', body: { grant_type: 'authorization_code', code: input.code, code_verifier: input.codeVerifier, redirect_uri: input.redirectUri } });
      return { ...oauthTokens(tokens, null), externalAccountId: 'local', displayName: 'Local test account' };
    },
    async refresh(tokens: AccountTokens): Promise<AccountTokens> {
      if (tokens.refreshToken === null) throw new PlatformError('local', 'auth', 'local platform: no refresh token; reconnect the account', { code: 'no_refresh_token', revoked: true });
      const fresh = await call(oauthTokenResponseSchema, '/oauth/token', { method: 'POST', body: { grant_type: 'refresh_token', refresh_token: tokens.refreshToken } });
      return oauthTokens(fresh, tokens);
    },
    validate: () => [],
    async publish(tokens: AccountTokens, request: PublishRequest): Promise<PublishResult> {
      const post = await call(postSchema, '/v1/posts', {
        method: 'POST',
        token: tokens.accessToken,
        body: { caption: request.caption, media_path: request.media.file, media_url: request.media.url, metadata: { [TARGET_MARKER]: request.targetId } },
      });
      const result = asResult(post);
      if (result.state === 'failed') throw new PlatformError('local', 'invalid', `local platform rejected the post: ${result.reason}`, { code: 'upload_failed' });
      return result;
    },
    async status(tokens: AccountTokens, handle: string): Promise<StatusResult> {
      return asResult(await call(postSchema, `/v1/posts/${encodeURIComponent(handle)}`, { token: tokens.accessToken }));
    },
    async metrics(tokens: AccountTokens, externalId: string): Promise<PostMetrics> {
      const metrics = await call(metricsSchema, `/v1/posts/${encodeURIComponent(externalId)}/metrics`, { token: tokens.accessToken });
      return { ...metrics, raw: { ...metrics } };
    },
    async findExisting(tokens: AccountTokens, request): Promise<{ externalId: string; url: string | null } | null> {
      const list = await call(z.object({ data: z.array(postSchema) }), `/v1/posts?limit=${config.recentPosts ?? 50}`, { token: tokens.accessToken });
      const mine = list.data.find((post) => post.metadata[TARGET_MARKER] === request.targetId);
      return mine ? { externalId: mine.id, url: mine.url } : null;
    },
  };
}
