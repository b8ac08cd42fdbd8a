// What TikTok's answers mean for Noor: the Content Posting / Display API error
// codes ({data, error: {code, message, log_id}}), the OAuth token endpoint's
// errors ({error, error_description, log_id}) and the fail_reason of a failed
// post, each turned into a PlatformError kind (or a failure reason) with the
// cause and the creator's next step. Classified from the HTTP status and
// TikTok's documented codes only, never from message text.
import { PlatformError, type PlatformErrorKind } from './adapter';
import { parseRetryAfter } from './http';

/** TikTok documents no Retry-After for its per-minute limits; a minute is their window. */
export const RATE_LIMIT_RETRY_MS = 60_000;
/** TikTok's daily posting caps roll over 24 hours and their reset is not given; look again in an hour. */
const POSTING_CAP_RETRY_MS = 60 * 60_000;

interface Meaning {
  kind: PlatformErrorKind;
  text: string;
  revoked?: boolean;
  retryAfterMs?: number;
}

const apiCodes: Record<string, Meaning> = {
  access_token_invalid: { kind: 'auth', text: 'the access token is expired or invalid; Noor refreshes it and tries again' },
  scope_not_authorized: { kind: 'auth', revoked: true, text: 'the account did not grant a permission Noor needs; reconnect the account and allow every permission asked' },
  scope_permission_missed: { kind: 'auth', revoked: true, text: 'the connection lacks a permission this call needs; reconnect the account and allow every permission asked' },
  rate_limit_exceeded: { kind: 'rate_limit', text: 'too many requests (TikTok allows 6 post starts a minute per account); Noor waits and tries again' },
  spam_risk_too_many_posts: { kind: 'rate_limit', retryAfterMs: POSTING_CAP_RETRY_MS, text: "the account reached TikTok's daily posting cap (shared by every app posting to it); Noor tries again later" },
  reached_active_user_cap: { kind: 'rate_limit', retryAfterMs: POSTING_CAP_RETRY_MS, text: 'the Noor app reached the number of accounts an unaudited TikTok app may post for in a day; Noor tries again later' },
  spam_risk_user_banned_from_posting: { kind: 'invalid', text: 'TikTok has barred this account from posting; resolve it in the TikTok app' },
  spam_risk_too_many_pending_share: { kind: 'invalid', text: 'too many drafts are waiting in the TikTok inbox; finish or delete them in the TikTok app' },
  spam_risk_text: { kind: 'invalid', text: 'TikTok took the caption for spam; reword it (fewer links and hashtags)' },
  spam_risk: { kind: 'invalid', text: 'TikTok refused the post as risky; check the account in the TikTok app' },
  privacy_level_option_mismatch: { kind: 'invalid', text: 'the privacy level is not one this account offers now; choose one of the levels TikTok lists for it' },
  unaudited_client_can_only_post_to_private_accounts: {
    kind: 'invalid',
    text: 'the Noor TikTok app is not audited yet, so it may post only to private accounts (and only as SELF_ONLY); make the account private in TikTok or get the app audited',
  },
  url_ownership_unverified: {
    kind: 'invalid',
    text: 'the video URL is not on a domain or URL prefix verified for the Noor TikTok app; verify it under "URL properties" in the TikTok developer portal, or post with FILE_UPLOAD',
  },
  invalid_params: { kind: 'invalid', text: 'TikTok refused a field of the request' },
  invalid_param: { kind: 'invalid', text: 'TikTok refused a field of the request' },
  invalid_file_upload: { kind: 'invalid', text: 'the file does not meet TikTok’s specifications; export it as an MP4 (H.264) and try again' },
  file_format_check_failed: { kind: 'invalid', text: 'TikTok could not read the video format; export it as an MP4 with H.264 video and AAC audio' },
  duration_check_failed: { kind: 'invalid', text: "the video's length is outside what this account may post; trim it" },
  invalid_publish_id: { kind: 'invalid', text: 'TikTok no longer knows this upload (publish_id); post it again' },
  token_not_authorized_for_specified_publish_id: { kind: 'invalid', text: 'this upload belongs to another TikTok account; it was started with a different connection' },
  internal_error: { kind: 'transient', text: 'TikTok had an internal error; Noor tries again' },
};

const failReasons: Record<string, string> = {
  file_format_check_failed: 'TikTok could not read the video format; export it as an MP4 with H.264 video and AAC audio and post it again',
  duration_check_failed: "the video's length is outside what this account may post (TikTok's creator limit); trim it and post it again",
  frame_rate_check_failed: 'the frame rate is outside what TikTok accepts (23–60 fps); render at 30 fps and post it again',
  picture_size_check_failed: 'the frame size is outside what TikTok accepts (360–4096 px a side); render at 1080×1920 and post it again',
  video_pull_failed: 'TikTok could not download the video from its URL (it must be public HTTPS without redirects and stay up for an hour); check the storage URL or post with FILE_UPLOAD',
  internal: 'TikTok had an internal error while processing the video; post it again',
  publish_cancelled: 'the post was cancelled on TikTok',
  auth_removed: 'the account withdrew Noor’s access while the video was processing; reconnect the account and post it again',
  spam_risk_too_many_posts: "the account reached TikTok's daily posting cap; post it again tomorrow",
  spam_risk_user_banned_from_posting: 'TikTok has barred this account from posting; resolve it in the TikTok app',
  spam_risk_text: 'TikTok took the caption for spam; reword it (fewer links and hashtags) and post it again',
  spam_risk: 'TikTok refused the post as risky; check the account in the TikTok app',
};

/** The reason a post failed on TikTok, with what to do about it. */
export function failReasonText(reason: string | undefined): string {
  if (!reason) return 'TikTok could not publish the video and gave no reason; post it again';
  return `${failReasons[reason] ?? 'TikTok could not publish the video'} (fail_reason ${reason})`;
}

/** TikTok's error object of an API answer ({data, error}); `code` 'ok' means success. */
export interface TikTokApiErrorBody {
  code: string;
  message?: string | undefined;
  log_id?: string | undefined;
}

/** A Content Posting / Display API failure, from the HTTP status and error.code; TikTok's message and log_id are quoted for the record. */
export function tiktokApiError(endpoint: string, status: number, error: TikTokApiErrorBody | null, retryAfter: string | null): PlatformError {
  const code = error?.code ?? `http_${status}`;
  const known = apiCodes[code];
  const quoted = [error?.message ? `TikTok says "${error.message}"` : '', error?.log_id ? `log_id ${error.log_id}` : ''].filter(Boolean).join(', ');
  const say = (kind: PlatformErrorKind, text: string, extra: { revoked?: boolean; retryAfterMs?: number } = {}) =>
    new PlatformError('tiktok', kind, `TikTok ${endpoint}: ${text} (${code}${quoted ? `; ${quoted}` : ''})`, { status, code, ...extra });
  if (known?.kind === 'rate_limit' || (!known && status === 429)) {
    return say('rate_limit', known?.text ?? 'too many requests; Noor waits and tries again', { retryAfterMs: parseRetryAfter(retryAfter) ?? known?.retryAfterMs ?? RATE_LIMIT_RETRY_MS });
  }
  if (known) return say(known.kind, known.text, known.revoked ? { revoked: true } : {});
  if (status === 401) return say('auth', 'TikTok refused the access token; Noor refreshes it and tries again');
  if (status === 408 || status >= 500) return say('transient', 'TikTok did not complete the request; Noor tries again', { retryAfterMs: parseRetryAfter(retryAfter) });
  return say('invalid', 'TikTok refused the request');
}

/** A token endpoint failure: only invalid_grant on a refresh means the grant is gone (revoked); a 5xx never does. */
export function tiktokOAuthError(grant: 'authorization_code' | 'refresh_token', status: number, code: string | null, retryAfter: string | null): PlatformError {
  const details = { status, code: code ?? `http_${status}` };
  const say = (kind: PlatformErrorKind, text: string, extra: { revoked?: boolean; retryAfterMs?: number } = {}) =>
    new PlatformError('tiktok', kind, `TikTok oauth/token (${grant}): ${text} (${details.code})`, { ...details, ...extra });
  if (status === 429 || code === 'rate_limit_exceeded') return say('rate_limit', 'too many token requests; Noor waits and tries again', { retryAfterMs: parseRetryAfter(retryAfter) ?? RATE_LIMIT_RETRY_MS });
  if (status === 408 || status >= 500) return say('transient', 'the token endpoint failed; the account stays connected and Noor tries again', { retryAfterMs: parseRetryAfter(retryAfter) });
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return say('auth', "TikTok refused Noor's client key or secret; check NOOR_TIKTOK_CLIENT_ID and NOOR_TIKTOK_CLIENT_SECRET against the app in the TikTok developer portal");
  }
  if (grant === 'refresh_token') {
    if (code === 'invalid_grant') return say('auth', 'TikTok refused the refresh token (revoked or expired after 365 days); reconnect the account', { revoked: true });
    return say('auth', 'TikTok refused the token refresh; reconnect the account if this persists');
  }
  return say('auth', 'TikTok refused the authorization code (expired, used twice, or the PKCE verifier or redirect URL does not match); connect the account again');
}
