// HTTP plumbing the fetch-based adapters share: a request that turns network
// failures and timeouts into a transient PlatformError, the response body read
// as JSON when it is JSON, and Retry-After in milliseconds. What a status or
// error code means stays in each adapter. Also the standard OAuth token
// response: its shape, and the AccountTokens it gives.
import { z } from 'zod';
import { PlatformError, type AccountTokens } from './adapter';
import type { PlatformId } from './rules';

export interface PlatformRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit | undefined;
  /** The call is abandoned after this long (a transient error). */
  timeoutMs: number;
}

/** fetch() that reports "no answer" and "connection failed" as transient PlatformErrors naming the endpoint. */
export async function platformFetch(platform: PlatformId | 'local', url: string, request: PlatformRequest): Promise<Response> {
  try {
    return await fetch(url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${request.timeoutMs} ms` : 'connection failed';
    throw new PlatformError(platform, 'transient', `${platform} ${endpointOf(url)}: ${reason}`, { code: 'network' });
  }
}

/** Text as JSON, or null when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The body as JSON, or null when it is empty or not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  return parseJson(await response.text().catch(() => ''));
}

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Host and path of a URL, without its query (which may carry tokens). */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'request';
  }
}

/** An OAuth 2.0 token response (RFC 6749 §5.1) as the fields Noor keeps. */
export const oauthTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});
export type OAuthTokenResponse = z.output<typeof oauthTokenResponseSchema>;

/** AccountTokens from a token response; a refresh that returns no new refresh token or scope keeps the previous ones. */
export function oauthTokens(response: OAuthTokenResponse, previous: AccountTokens | null): AccountTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken ?? null,
    expiresAt: response.expires_in === undefined ? null : new Date(Date.now() + response.expires_in * 1000),
    scopes: response.scope?.split(/[\s,]+/).filter(Boolean) ?? previous?.scopes ?? [],
  };
}
