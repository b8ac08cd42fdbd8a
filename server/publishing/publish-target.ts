// Publishes one post target exactly once. Under the target's publishing lock
// (held by the worker's publishing session, publish-session.ts): skip
// anything already published or not due; if an earlier attempt may have
// reached the platform, ask the platform for that post first and record it
// instead of posting again; validate; upload; record the id/URL and
// 'published' — or 'processing' plus a status check — with the attempt, in
// one statement. An earlier attempt may
// have made the post when the target is 'publishing' (a crash found by the
// recovery sweep, or a transient error that hid the answer) or when this job
// has run before (graphile-worker counts a job's attempts when it takes the
// job, before the task starts: that count is the record written ahead of the
// upload, so the common path writes one row, after it). Retryable errors
// reschedule the job (backoff, jitter, Retry-After); auth errors after one
// refresh and invalid errors fail the target with the reason.
import { sql, type InferResult, type Kysely } from 'kysely';
import { accountColumns, openSocialAccount, splitAccount, type Database, type PostTarget, type SocialAccount } from '../db';
import { PlatformError, type PlatformAdapter, type PublishRequest } from '../platforms/adapter';
import { formatCaption } from '../platforms/caption';
import { postDraftSchema, validate, type PostDraft } from '../platforms/validate';
import { withAccountTokens } from './account-tokens';
import { adapterOrThrow, type PublishingDeps } from './deps';
import { MediaUnavailableError, renderState, type PublishMedia, type RenderState } from './media';
import { retryDelayMs } from './policy';
import { queuePublish, queueStatusCheck } from './queue';
import { publishLockRead } from './publish-lock';
import type { PublishSession } from './publish-session';
import { PUBLISHABLE_STATUSES, dueTime, failTarget, moveTarget, type AttemptUpdate, type PublishedRecord } from './targets';

export type PublishOutcome = 'published' | 'recovered' | 'processing' | 'retrying' | 'failed' | 'skipped' | 'busy';

/** The target's columns publishing reads (a narrow row: parsing a column costs on every publish). */
const TARGET_COLUMNS = ['id', 'post_id', 'platform', 'status', 'attempts', 'external_id', 'scheduled_at', 'next_attempt_at'] as const;
type PublishingTarget = Pick<PostTarget, (typeof TARGET_COLUMNS)[number]>;

interface Loaded {
  target: PublishingTarget;
  post: { caption: string; hashtags: string[]; platform_overrides: Record<string, unknown>; render_id: string | null };
  /** The target's account, tokens decrypted, as it was when the lock was taken. */
  account: SocialAccount;
  /** The post's render for the target's platform (for the media source). */
  render: RenderState | null;
}

/** The target (its row locked), its post, its account and its render's state: one query, run with the lock taken (publishLockRead). */
const loadQuery = (db: Kysely<Database>, targetId: string) =>
  db
    .selectFrom('post_targets')
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .innerJoin('social_accounts as a', 'a.id', 'post_targets.social_account_id')
    .select(TARGET_COLUMNS.map((column) => `post_targets.${column}` as const))
    .select(['posts.caption', 'posts.hashtags', 'posts.platform_overrides', 'posts.render_id'])
    .select(accountColumns('a'))
    .select(renderState(sql.ref('posts.render_id'), sql.ref('post_targets.platform')).as('render_state'))
    .where('post_targets.id', '=', targetId)
    .forNoKeyUpdate('post_targets');

const lockAndLoad = publishLockRead(loadQuery);

function loaded(deps: PublishingDeps, row: InferResult<ReturnType<typeof loadQuery>>[number]): Loaded {
  const { account, rest } = splitAccount(row);
  const { caption, hashtags, platform_overrides, render_id, render_state, ...target } = rest;
  return { target, post: { caption, hashtags, platform_overrides, render_id }, account: openSocialAccount(deps.secretBox, account), render: render_state };
}

/** The post as validate() and formatCaption() read it; a malformed override is reported by field. */
function draftOf(post: Loaded['post']): PostDraft | string {
  const parsed = postDraftSchema.safeParse({ caption: post.caption, hashtags: post.hashtags, overrides: post.platform_overrides });
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => `${['post', ...issue.path.map(String)].join('.')}: ${issue.message}`).join('; ');
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Publishes the target, holding its publishing lock in `session`. `runBefore`:
 * this job has run before (graphile-worker's attempt count is above 1), so an
 * earlier run may have made the post.
 */
export async function publishTarget(deps: PublishingDeps, session: PublishSession, targetId: string, runBefore = false): Promise<PublishOutcome> {
  const held = await session.take(lockAndLoad, targetId);
  if (!held) return 'busy';
  let released = false;
  // the record releases the lock in its own statement
  const record = async (published: PublishedRecord) => {
    const moved = await session.record(published);
    released = true;
    return moved;
  };
  try {
    const { row } = held;
    if (!row || !PUBLISHABLE_STATUSES.includes(row.status) || row.external_id !== null) return 'skipped';
    return await publishLocked(deps, adapterOrThrow(deps, row.platform), loaded(deps, row), runBefore, record);
  } finally {
    if (!released) await session.release(targetId);
  }
}

async function publishLocked(
  deps: PublishingDeps,
  adapter: PlatformAdapter,
  { target, post, account, render }: Loaded,
  runBefore: boolean,
  record: (published: PublishedRecord) => Promise<boolean>,
): Promise<PublishOutcome> {
  const dueAt = dueTime(target);
  if (dueAt > deps.now().getTime()) {
    // moved later since the job was queued: run at the new time instead
    await queuePublish(deps.db, target.id, new Date(dueAt));
    return 'skipped';
  }
  const from = PUBLISHABLE_STATUSES;
  const draft = draftOf(post);
  const caption = typeof draft === 'string' ? post.caption : formatCaption(draft, target.platform);
  // whether the post may exist on the platform if this attempt stopped here
  let mayExist = target.status === 'publishing' || runBefore;
  // set when the upload starts: the attempt then counts, and its outcome records it
  let attempt: AttemptUpdate = {};

  try {
    if (mayExist) {
      const existing = await withAccountTokens(deps, adapter, account, (tokens) => adapter.findExisting(tokens, { targetId: target.id, caption }));
      if (existing) {
        // the attempt that made it: counted already when it left the target 'publishing'
        await record({ targetId: target.id, post: existing, at: deps.now(), how: 'recovered', attempt: target.status === 'publishing' ? {} : { attempts: target.attempts + 1 } });
        return 'recovered';
      }
      mayExist = false;
    }

    if (typeof draft === 'string') return fail(deps, target, 'invalid', draft);
    let media: PublishMedia;
    try {
      media = await deps.media.forTarget(deps.db, { targetId: target.id, platform: target.platform, postId: target.post_id, renderId: post.render_id, render });
    } catch (error) {
      if (error instanceof MediaUnavailableError) return fail(deps, target, 'invalid', error.message);
      throw error;
    }
    const violations = validate(draft, target.platform, media.facts);
    if (violations.length > 0) return fail(deps, target, 'invalid', violations.map((v) => v.message).join('; '));

    const request: PublishRequest = { targetId: target.id, caption, post: draft, media };
    attempt = { attempts: target.attempts + 1, attempt_started_at: deps.now() };
    mayExist = true;
    const result = await withAccountTokens(deps, adapter, account, (tokens) => adapter.publish(tokens, request));
    if (result.state === 'published') {
      await record({ targetId: target.id, post: result, at: deps.now(), how: 'published', attempt });
      return 'published';
    }
    const checkAt = new Date(deps.now().getTime() + result.pollAfterMs);
    await moveTarget(deps.db, target.id, from, { status: 'processing', publish_handle: result.handle, processing_since: deps.now(), next_attempt_at: null, ...attempt }, 'post_target.processing', { handle: result.handle, attempt: attempt.attempts! }, {
      also: (trx) => queueStatusCheck(trx, target.id, 1, checkAt),
    });
    return 'processing';
  } catch (error) {
    const platformError = error instanceof PlatformError ? error : new PlatformError(adapter.platform, 'transient', reasonOf(error), { code: 'unexpected' });
    // a refused request (429, 401, 4xx) made nothing; a transient failure may have
    const uncertain = mayExist && platformError.kind === 'transient';
    return handleError(deps, target, attempt, platformError, uncertain);
  }
}

function fail(deps: PublishingDeps, target: PublishingTarget, errorClass: 'auth' | 'invalid' | 'rate_limit' | 'transient', reason: string, attempt: AttemptUpdate = {}): Promise<PublishOutcome> {
  return failTarget(deps.db, target.id, PUBLISHABLE_STATUSES, errorClass, reason, attempt).then(() => 'failed' as const);
}

async function handleError(deps: PublishingDeps, target: PublishingTarget, attempt: AttemptUpdate, error: PlatformError, uncertain: boolean): Promise<PublishOutcome> {
  const reason = error.message;
  if (!error.retryable) {
    const hint = error.kind === 'auth' ? (error.details.revoked ? '; the account needs reconnecting' : '; refreshing the token did not help') : '';
    return fail(deps, target, error.kind, `${reason}${hint}`, attempt);
  }
  const attempts = attempt.attempts ?? target.attempts;
  if (attempts >= deps.policy.retry.maxAttempts) {
    return fail(deps, target, error.kind, `gave up after ${attempts} attempts: ${reason}`, attempt);
  }
  const delay = retryDelayMs(Math.max(1, attempts), deps.policy.retry, error.details.retryAfterMs, deps.random);
  const nextAt = new Date(deps.now().getTime() + delay);
  const moved = await moveTarget(
    deps.db,
    target.id,
    PUBLISHABLE_STATUSES,
    { status: uncertain ? 'publishing' : 'scheduled', last_error: reason, error_class: error.kind, next_attempt_at: nextAt, ...attempt },
    'post_target.retry',
    { errorClass: error.kind, reason, retryAt: nextAt.toISOString(), retryAfterMs: error.details.retryAfterMs ?? null, uncertain },
    { also: (trx) => queuePublish(trx, target.id, nextAt) },
  );
  return moved ? 'retrying' : 'skipped';
}
