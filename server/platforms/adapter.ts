// The PlatformAdapter seam: what the scheduler and the account flow need from
// a social platform, implemented once per platform (server/platforms/<id>.ts)
// and by the local test platform. Adapters get their config and tokens as
// arguments (never from the environment), speak the platform's API, and report every
// failure as one PlatformError whose kind is decided from HTTP status and the
// platform's error codes, never from message text.
import type { PlatformId } from './rules';
import type { MediaFacts, PostDraft, Violation } from './validate';

export const PLATFORM_ERROR_KINDS = ['auth', 'rate_limit', 'invalid', 'transient'] as const;
export type PlatformErrorKind = (typeof PLATFORM_ERROR_KINDS)[number];

/** A failure talking to a platform. `auth` and `invalid` are final; `rate_limit` and `transient` are retried (after `retryAfterMs` when the platform said). */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly platform: PlatformId | 'local',
    readonly kind: PlatformErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; retryAfterMs?: number; revoked?: boolean } = {},
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'transient';
  }
}

export interface AccountTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
  scopes: string[];
}

export interface ConnectedAccount extends AccountTokens {
  externalAccountId: string;
  displayName: string;
}

export interface AuthStart {
  /** Opaque, unguessable; checked on the callback (CSRF). */
  state: string;
  /** PKCE S256 challenge of a verifier the caller keeps. */
  codeChallenge: string;
  redirectUri: string;
}

export interface PublishRequest {
  /** The post target this publish is for; also the idempotency key where the platform supports one. */
  targetId: string;
  /** The final text, already formatted for the platform (formatCaption). */
  caption: string;
  post: PostDraft;
  media: {
    /** A local file to upload (X, YouTube, TikTok FILE_UPLOAD). */
    file: string;
    /** A public URL of the same file, for platforms that pull (Instagram, TikTok PULL_FROM_URL); null when storage cannot give one. */
    url: string | null;
    facts: MediaFacts;
  };
  thumbnail?: { file: string; url: string | null } | undefined;
}

export type PublishResult =
  | { state: 'published'; externalId: string; url: string | null }
  /** Uploaded; the platform is still processing. Poll status() with the handle. */
  | { state: 'processing'; handle: string; pollAfterMs: number };

export type StatusResult = PublishResult | { state: 'failed'; reason: string };

export interface PostMetrics {
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  raw: Record<string, unknown>;
}

export interface PlatformAdapter {
  readonly platform: PlatformId | 'local';
  authUrl(start: AuthStart): string;
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<ConnectedAccount>;
  refresh(tokens: AccountTokens): Promise<AccountTokens>;
  validate(post: PostDraft, media?: MediaFacts): Violation[];
  publish(tokens: AccountTokens, request: PublishRequest): Promise<PublishResult>;
  status(tokens: AccountTokens, handle: string): Promise<StatusResult>;
  metrics(tokens: AccountTokens, externalId: string): Promise<PostMetrics>;
  /**
   * After a crash between "the platform accepted the post" and "we recorded
   * its id": the post this target already made, if any, so a retry records
   * it instead of posting twice.
   */
  findExisting(tokens: AccountTokens, request: Pick<PublishRequest, 'targetId' | 'caption'>): Promise<{ externalId: string; url: string | null } | null>;
}
