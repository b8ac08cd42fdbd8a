// How X's answers become PlatformErrors. twitter-api-v2 hands over an
// ApiResponseError with the HTTP status (.code), the parsed body (.data) and
// the rate-limit headers (.rateLimit, .headers); the kind is decided from
// those only — the status, X's problem type (https://api.twitter.com/2/problems/…),
// a v1.1 error code, the OAuth error code and the reset headers — never from
// message text. X's own detail is quoted in the message for the creator.
// Connection failures, timeouts, cut-off answers and answers of an unexpected
// shape are transient.
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { z } from 'zod';
import { PlatformError } from './adapter';
import { parseRetryAfter } from './http';

const PROBLEM_PREFIX = 'https://api.twitter.com/2/problems/';
/** OAuth error codes X's token endpoint uses for a refresh token or code it will not accept. */
const REFUSED_GRANT = new Set(['invalid_request', 'invalid_grant']);
/** OAuth error codes that mean the app's own credentials are wrong. */
const BAD_CLIENT = new Set(['invalid_client', 'unauthorized_client']);

/** The fields of X's error bodies Noor reads: a v2 problem, v1.1 errors, or an OAuth error. */
const errorBodySchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  errors: z.array(z.object({ code: z.number().optional(), message: z.string().optional() })).optional(),
});

/**
 * X's error code and detail, whichever of its body shapes it sent. The OAuth `error` comes before
 * v1.1 codes: twitter-api-v2 copies it into a synthetic v1.1 error with code 131.
 */
function problemOf(data: unknown, status: number): { code: string; detail: string | undefined } {
  const parsed = errorBodySchema.safeParse(data);
  const body = parsed.success ? parsed.data : {};
  const v1Code = body.errors?.[0]?.code;
  const code =
    (body.type?.startsWith(PROBLEM_PREFIX) ? body.type.slice(PROBLEM_PREFIX.length) : undefined) ??
    body.error ??
    (v1Code === undefined ? undefined : String(v1Code)) ??
    `http_${status}`;
  const messages = body.error === undefined ? (body.errors ?? []).map((e) => e.message) : [];
  const detail = [body.detail ?? body.error_description ?? body.title, ...messages].filter((m): m is string => typeof m === 'string' && m !== '');
  return { code, detail: detail.length > 0 ? [...new Set(detail)].join('; ') : undefined };
}

/** "<what>: X answered <status> [<code>] [(<detail>)]" */
function answered(what: string, status: number, code: string, detail: string | undefined): string {
  return `${what}: X answered ${status}${code === `http_${status}` ? '' : ` ${code}`}${detail ? ` (${detail})` : ''}`;
}

const header = (error: ApiResponseError, name: string): string | undefined => {
  const value = error.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * How long until X lets the call through again: the reset of an exhausted 24-hour user or app
 * limit (posting caps), else the 15-minute window's x-rate-limit-reset (epoch seconds), else Retry-After.
 */
function retryAfterMs(error: ApiResponseError, now = Date.now()): number | undefined {
  const limits = error.rateLimit;
  const exhausted = [limits?.userDay, limits?.day].filter((l) => l !== undefined && l.remaining === 0 && Number.isFinite(l.reset));
  const reset = exhausted.length > 0 ? Math.max(...exhausted.map((l) => l!.reset)) : limits && Number.isFinite(limits.reset) ? limits.reset : undefined;
  if (reset !== undefined) return Math.max(0, reset * 1000 - now);
  return parseRetryAfter(header(error, 'retry-after'), now);
}

const transportError = (error: unknown, what: string): PlatformError | undefined =>
  error instanceof ApiRequestError || error instanceof ApiPartialResponseError
    ? new PlatformError('x', 'transient', `${what}: no complete answer from X (connection failed, timed out or was cut off); Noor will retry`, { code: 'network' })
    : undefined;

/** Anything that is not an answer from X (a bug, an unexpected body): transient, so nothing is disconnected or dropped for it. */
const unexpected = (error: unknown, what: string): PlatformError =>
  new PlatformError('x', 'transient', `${what}: unexpected failure (${error instanceof Error ? error.name : typeof error}); Noor will retry`, { code: 'unexpected' });

/** X's answer checked against the shape Noor relies on; anything else is a transient oddity. */
export function xAnswer<S extends z.ZodType>(schema: S, answer: unknown, what: string): z.output<S> {
  const result = schema.safeParse(answer);
  if (!result.success) throw new PlatformError('x', 'transient', `${what}: unexpected answer from X (${result.error.issues[0]?.message ?? 'bad shape'})`, { code: 'bad_response' });
  return result.data;
}

/** The PlatformError for a failed API call; `what` names the endpoint and step, e.g. "X POST /2/tweets (create the post)". */
export function xApiError(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const transport = transportError(error, what);
  if (transport) return transport;
  if (!(error instanceof ApiResponseError)) return unexpected(error, what);
  const status = error.code;
  const { code, detail } = problemOf(error.data, status);
  const said = answered(what, status, code, detail);
  const details = { status, code };
  if (status === 401) return new PlatformError('x', 'auth', `${said}; the access token expired or was revoked — Noor refreshes it, and if that fails, reconnect the X account`, details);
  if (status === 429 && code === 'usage-capped')
    return new PlatformError('x', 'rate_limit', `${said}; the X app's API usage cap is used up — it resets with the plan's period (see the X developer portal), or upgrade the plan`, {
      ...details,
      retryAfterMs: parseRetryAfter(header(error, 'retry-after')),
    });
  if (status === 429) return new PlatformError('x', 'rate_limit', `${said}; X's rate limit for this call is reached — Noor waits for the reset`, { ...details, retryAfterMs: retryAfterMs(error) });
  if (status === 403 && code === 'unsupported-authentication')
    return new PlatformError('x', 'auth', `${said}; X wants a user token for this call — reconnect the X account`, details);
  if (status === 403 && code === '187') return new PlatformError('x', 'invalid', `${said}; X refuses a duplicate of a recent post — change the caption`, details);
  if (status === 403)
    return new PlatformError('x', 'invalid', `${said}; X does not allow this for the account — a post identical to a recent one, an app without "Read and write" permission, or a restricted account`, details);
  if (status === 408 || status >= 500) return new PlatformError('x', 'transient', `${said}; X is having trouble — Noor will retry`, { ...details, retryAfterMs: parseRetryAfter(header(error, 'retry-after')) });
  return new PlatformError('x', 'invalid', said, details);
}

/**
 * The PlatformError for a failed call to X's token endpoint (/2/oauth2/token). A refresh token X
 * refuses (400 invalid_request / invalid_grant) is revoked for good; a code it refuses is not; a
 * busy or failing token endpoint is transient and never revokes anything.
 */
export function xTokenError(error: unknown, grant: 'authorization_code' | 'refresh_token'): PlatformError {
  const what = grant === 'refresh_token' ? 'X token refresh (POST /2/oauth2/token)' : 'X code exchange (POST /2/oauth2/token)';
  if (!(error instanceof ApiResponseError)) return xApiError(error, what);
  const status = error.code;
  const { code, detail } = problemOf(error.data, status);
  const said = answered(what, status, code, detail);
  const details = { status, code };
  if (status === 400 || status === 401) {
    if (BAD_CLIENT.has(code) || (status === 401 && !REFUSED_GRANT.has(code)))
      return new PlatformError('x', 'invalid', `${said}; X refused the app's credentials — check the X client id and secret and that the app is a confidential client (Web App)`, details);
    if (REFUSED_GRANT.has(code) && grant === 'refresh_token')
      return new PlatformError('x', 'auth', `${said}; the refresh token is no longer valid (revoked, or the account disconnected the app) — reconnect the X account`, { ...details, revoked: true });
    if (REFUSED_GRANT.has(code))
      return new PlatformError('x', 'auth', `${said}; the authorization code expired, was used already, or does not match the PKCE verifier or redirect URL — connect the account again`, details);
  }
  return xApiError(error, what);
}
