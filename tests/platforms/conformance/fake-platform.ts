// The one shape every platform's fake server (tests/platforms/fakes/) shows
// the conformance suite: an adapter wired to the fake, the consent screen
// played by the test, the faults a test can switch on per operation, and what
// the platform ended up holding (posts with the bytes it received, and every
// protocol mistake it saw). Each fake speaks its platform's documented API;
// this interface is only how tests drive and inspect it.
import type { AccountTokens, PlatformAdapter } from '../../../server/platforms/adapter';
import type { PlatformId } from '../../../server/platforms/rules';

/** Groups of platform endpoints a fault can be aimed at. */
export type FakeOperation =
  /** Token endpoint: code exchange and refresh. */
  | 'token'
  /** Sending the media bytes (X APPEND, YouTube resumable PUT, TikTok chunk PUT; Instagram: container create). */
  | 'upload'
  /** The call that makes the post visible (X POST /2/tweets, YouTube upload start, Instagram media_publish, TikTok publish init). */
  | 'publish'
  /** Processing status polls. */
  | 'status'
  /** Metrics / insights / statistics reads. */
  | 'metrics';

export type FakeFault =
  /** 401 with the platform's expired-token error on the next call. */
  | { kind: 'expired_token' }
  /** 429 (or the platform's rate-limit code) with Retry-After / the platform's reset header this many seconds ahead. */
  | { kind: 'rate_limit'; retryAfterSec: number }
  /** A 5xx. */
  | { kind: 'server_error' }
  /** The platform's quota / posting-limit error (YouTube quotaExceeded, Instagram publishing limit, TikTok spam_risk_too_many_posts, X 429 usage cap). */
  | { kind: 'quota_exceeded' }
  /** The platform's invalid-request error for this operation. */
  | { kind: 'invalid' }
  /** On 'token': the refresh token is refused as revoked (invalid_grant or the platform's equivalent). */
  | { kind: 'revoked' }
  /** The platform does the work (stores the post / chunk) and then drops the connection without answering. */
  | { kind: 'drop_after_commit' };

export interface FakePublished {
  /** The platform's id of the post. */
  id: string;
  /** The post text as the platform stores it (YouTube: the description). */
  caption: string;
  /** sha256 (hex) of the video bytes the platform received, chunks joined in order or pulled from the URL. */
  mediaSha256: string;
  mediaBytes: number;
  /** Platform specifics worth asserting: title, privacy, cover, made-for-kids... */
  details: Record<string, unknown>;
}

export interface FakePlatform {
  readonly platform: PlatformId;
  /** Whether the platform's OAuth uses PKCE (Instagram's does not); when true the fake refuses a code exchanged with the wrong verifier. */
  readonly pkce: boolean;
  /** An adapter configured for this fake: its base URLs (or interception), client id/secret, short poll intervals. */
  adapter(): PlatformAdapter;
  /** Plays the user on the consent screen: checks the URL carries client_id, redirect_uri, state, an S256 code_challenge (where the platform uses PKCE) and the scopes the adapter needs, and returns the code and state the redirect would carry. Throws naming what is missing. */
  consent(authUrl: string): { code: string; state: string };
  /** Tokens of an account already connected (a fresh pair each call). */
  seedAccount(): AccountTokens;
  /** The access token now gets the platform's expired-token 401 until refreshed. */
  expireAccessToken(accessToken: string): void;
  /** The refresh token is now refused as revoked. */
  revokeRefreshToken(refreshToken: string): void;
  /** The next `times` (default 1) calls of `op` fail with `fault`. */
  failNext(op: FakeOperation, fault: FakeFault, times?: number): void;
  /** How processing goes for media sent from now on: ready after `checks` status polls (0: at once), fails, or never ends. */
  setProcessing(mode: { checks: number } | 'fail' | 'never'): void;
  /** Every post the platform now shows. A retried publish must not add a second one. */
  published(): FakePublished[];
  /** Every protocol mistake the fake saw (chunk size or order, totals, missing fields, wrong token type). Empty when the adapter followed the rules. */
  protocolErrors(): string[];
  close(): Promise<void>;
}

/** Each fake module exports one of these. */
export type StartFakePlatform = () => Promise<FakePlatform>;
