// Follows a target the platform is still processing: asks status() with the
// upload's handle, records the post ('published', id and URL) when done, fails
// the target with the platform's reason when it refused the upload, and
// otherwise polls again with a doubling delay — until the status policy's
// time limit, after which the target fails saying how long it waited.
import { PlatformError } from '../platforms/adapter';
import { withAccountTokens } from './account-tokens';
import { adapterOrThrow, type PublishingDeps } from './deps';
import { pollDelayMs } from './policy';
import { queueStatusCheck } from './queue';
import { failTarget, recordPublished } from './targets';

export type StatusOutcome = 'published' | 'processing' | 'failed' | 'skipped';

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export async function checkPublishStatus(deps: PublishingDeps, targetId: string, check: number): Promise<StatusOutcome> {
  const target = await deps.db.selectFrom('post_targets').selectAll().where('id', '=', targetId).executeTakeFirst();
  if (!target || target.status !== 'processing' || target.publish_handle === null || target.processing_since === null) return 'skipped';
  const adapter = adapterOrThrow(deps, target.platform);
  const { limitMs } = deps.policy.status;
  const deadline = target.processing_since.getTime() + limitMs;

  const pollAgain = async (hintMs: number, note: string): Promise<StatusOutcome> => {
    const now = deps.now().getTime();
    if (now >= deadline) {
      const reason = `${target.platform} was still processing the upload (${target.publish_handle}) ${seconds(now - target.processing_since!.getTime())} after it was sent; gave up at the ${seconds(limitMs)} limit after ${check} status checks${note}`;
      await failTarget(deps.db, targetId, ['processing'], 'transient', reason);
      return 'failed';
    }
    const at = Math.min(deadline, now + pollDelayMs(check, hintMs, deps.policy.status));
    await queueStatusCheck(deps.db, targetId, check + 1, new Date(at));
    return 'processing';
  };

  let result;
  try {
    result = await withAccountTokens(deps, adapter, target.social_account_id, (tokens) => adapter.status(tokens, target.publish_handle!));
  } catch (error) {
    if (error instanceof PlatformError && !error.retryable) {
      await failTarget(deps.db, targetId, ['processing'], error.kind, `status check failed: ${error.message}`);
      return 'failed';
    }
    const reason = error instanceof Error ? error.message : String(error);
    return pollAgain(error instanceof PlatformError ? (error.details.retryAfterMs ?? 0) : 0, ` (last check: ${reason})`);
  }
  switch (result.state) {
    case 'published':
      await recordPublished(deps.db, { targetId, post: result, at: deps.now(), how: 'processed' }, ['processing']);
      return 'published';
    case 'failed':
      await failTarget(deps.db, targetId, ['processing'], 'invalid', `${target.platform} could not process the upload: ${result.reason}`);
      return 'failed';
    case 'processing':
      return pollAgain(result.pollAfterMs, '');
  }
}
