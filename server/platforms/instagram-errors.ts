// How Instagram's answers become PlatformErrors. Graph errors
// ({error:{message,type,code,error_subcode,is_transient,fbtrace_id}}) and the
// older shape of api.instagram.com's OAuth endpoint ({error_type,code,
// error_message}) are classified by HTTP status, code, subcode and Meta's
// documented is_transient flag, never by message text. Each known code gets a
// cause and a next step a creator can act on (Meta's own texts are opaque).
// Sources: Meta "Instagram Platform: Error Codes" (updated 2026-06), Graph API
// "Handling Errors" and "Rate Limiting" (checked 2026-11).
import { z } from 'zod';
import { PlatformError, type PlatformErrorKind } from './adapter';
import { parseRetryAfter } from './http';

const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
const oauthErrorSchema = z.object({ error_type: z.string().optional(), code: z.number().optional(), error_message: z.string().optional() });

/** What the adapter was doing, and whether the call was the token refresh (whose 190 means the grant is gone). */
export interface InstagramCall {
  /** e.g. "publishing the Reel" */
  action: string;
  refresh?: boolean;
}

interface Verdict {
  kind: PlatformErrorKind;
  /** Cause; next step. */
  text: string;
  revoked?: boolean;
  /** When the platform gave no time to wait. */
  defaultRetryAfterMs?: number;
  /** Unknown to Noor: quote Meta's own text too. */
  quoteMeta?: boolean;
}

const HOUR_MS = 3_600_000;
const RECONNECT = 'reconnect the Instagram account in Noor';
const RATE_CODES = new Set([4, 17, 32, 613, 80002]);
const RETRY_SUBCODES: Record<number, string> = {
  2207001: 'an Instagram server error; Noor retries',
  2207003: 'downloading the video took Instagram too long; Noor retries (a faster media host helps)',
  2207020: 'the uploaded media expired before it was published; Noor retries with a new container',
  2207032: 'Instagram failed to create the media container; Noor retries',
  2207053: 'an unknown upload error at Instagram; Noor retries with a new container',
};

function verdictOf(status: number, code: number | undefined, subcode: number | undefined, isTransient: boolean, call: InstagramCall): Verdict {
  if (code === 190 || code === 102) {
    const checkpoint = subcode === 459 || subcode === 464;
    if (checkpoint) return { kind: 'auth', text: 'Instagram wants the account owner to confirm the account or pass a security check; log in to the Instagram app, finish it, then retry' };
    if (call.refresh) return { kind: 'auth', revoked: true, text: `Instagram no longer accepts this account's token (it expired, or access was removed) and it cannot be refreshed; ${RECONNECT}` };
    if (subcode === 458) return { kind: 'auth', revoked: true, text: `the account removed Noor's access in its Instagram settings; ${RECONNECT}` };
    if (subcode === 460) return { kind: 'auth', revoked: true, text: `the Instagram password was changed, which ends every connected session; ${RECONNECT}` };
    if (subcode === 492) return { kind: 'auth', revoked: true, text: `Instagram ended the session (the user's access to the account changed); ${RECONNECT}` };
    if (subcode === 463) return { kind: 'auth', text: 'the access token has expired; Noor refreshes it and retries' };
    return { kind: 'auth', text: 'Instagram refused the access token; Noor refreshes it and retries' };
  }
  if (subcode === 2207042 || code === 9) {
    return { kind: 'rate_limit', defaultRetryAfterMs: HOUR_MS, text: "the account reached Instagram's limit of API-published posts in a rolling 24 h; Noor posts when a slot frees" };
  }
  if (subcode === 2207051) return { kind: 'invalid', text: 'Instagram suspects this publishing action is spam and blocked it; check the account for warnings in the Instagram app, then try later or post by hand' };
  if (code !== undefined && RATE_CODES.has(code)) return { kind: 'rate_limit', text: `Instagram is throttling API calls (code ${code}); Noor waits and retries` };
  if (code === 100 && subcode === 33) return { kind: 'transient', text: 'a known Meta-side failure (the object could not be loaded); Noor retries' };
  if (subcode === 2207026) {
    return { kind: 'invalid', text: "Instagram cannot process this video's format; render an MP4 with H.264 video and AAC audio, 23–60 fps, 3 s–15 min, ≤ 300 MB (Noor's Instagram rendition does) and publish again" };
  }
  if (subcode !== undefined && RETRY_SUBCODES[subcode]) return { kind: 'transient', text: RETRY_SUBCODES[subcode] };
  if (subcode === 2207027 || code === 9007) return { kind: 'transient', text: 'the media is not ready to publish yet; Noor retries' };
  if (subcode === 2207052 || code === 9004) {
    return { kind: 'invalid', text: 'Instagram could not download the media from its URL; it must be public on the internet: configure S3 storage or a NOOR_PUBLIC_BASE_URL that Meta can reach, then publish again' };
  }
  if (subcode === 2207057) return { kind: 'invalid', text: "the cover frame time is outside the video; set the Instagram thumbnailTimeSec within the video's length" };
  if (subcode === 2207050 || code === 25) return { kind: 'invalid', text: 'the Instagram account is inactive, checkpointed or restricted; log in to the Instagram app and resolve what it asks' };
  if (code === 368) return { kind: 'invalid', text: 'Instagram temporarily blocked this account from posting for a policy reason; check the account status in the Instagram app and publish again later' };
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return { kind: 'invalid', text: `the connection lacks a permission this call needs; ${RECONNECT} and allow every requested permission (publishing and insights)` };
  }
  if (code === 1 || code === 2 || isTransient) return { kind: 'transient', text: 'a temporary Instagram service error; Noor retries' };
  if (status === 429) return { kind: 'rate_limit', text: 'Instagram is throttling API calls; Noor waits and retries' };
  if (status >= 500 || status === 408) return { kind: 'transient', text: `Instagram answered HTTP ${status}; Noor retries` };
  if (status === 401) return { kind: 'auth', text: 'Instagram refused the access token; Noor refreshes it and retries' };
  return { kind: 'invalid', text: 'Instagram refused the request', quoteMeta: true };
}

/** Meta's usage headers give minutes until calls are accepted again (estimated_time_to_regain_access). */
function regainAccessMs(headers: Headers): number | undefined {
  const minutes: number[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'estimated_time_to_regain_access' && typeof inner === 'number') minutes.push(inner);
        else walk(inner);
      }
    }
  };
  for (const name of ['x-business-use-case-usage', 'x-app-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      walk(JSON.parse(raw));
    } catch {
      // a malformed usage header tells nothing
    }
  }
  const longest = Math.max(0, ...minutes);
  return longest > 0 ? longest * 60_000 : undefined;
}

/** Meta's own text, for the unknown codes only, without anything that looks like a token. */
const redacted = (text: string): string => text.replace(/[A-Za-z0-9_\-|.]{40,}/g, '…').slice(0, 200);

/** The PlatformError for an error answer from graph.instagram.com or api.instagram.com. */
export function instagramError(response: { status: number; headers: Headers }, body: unknown, call: InstagramCall): PlatformError {
  const graph = graphErrorSchema.safeParse(body);
  const oauth = graph.success ? undefined : oauthErrorSchema.safeParse(body);
  const code = graph.success ? graph.data.error.code : undefined;
  const subcode = graph.success ? graph.data.error.error_subcode : undefined;
  const metaText = graph.success ? graph.data.error.message : oauth?.success ? oauth.data.error_message : undefined;

  let verdict: Verdict;
  if (!graph.success && oauth?.success && response.status === 400) {
    // api.instagram.com/oauth/access_token: the code, secret or redirect URL was refused.
    verdict = { kind: 'invalid', quoteMeta: true, text: 'Instagram refused the authorization code (expired, already used, or issued for another redirect URL or app secret); start connecting the account again' };
  } else {
    verdict = verdictOf(response.status, code, subcode, graph.success && graph.data.error.is_transient === true, call);
  }

  const label = code === undefined ? `HTTP ${response.status}` : subcode === undefined ? `code ${code}` : `code ${code}/${subcode}`;
  const said = verdict.quoteMeta && metaText ? ` (Instagram said: ${redacted(metaText)})` : '';
  const message = `Instagram, ${call.action}: ${verdict.text}${said} [${label}]`;

  const details: PlatformError['details'] = { status: response.status, code: code === undefined ? `http_${response.status}` : subcode === undefined ? String(code) : `${code}/${subcode}` };
  if (verdict.revoked) details.revoked = true;
  if (verdict.kind === 'rate_limit' || verdict.kind === 'transient') {
    const wait = parseRetryAfter(response.headers.get('retry-after')) ?? regainAccessMs(response.headers) ?? verdict.defaultRetryAfterMs;
    if (wait !== undefined) details.retryAfterMs = wait;
  }
  return new PlatformError('instagram', verdict.kind, message, details);
}
