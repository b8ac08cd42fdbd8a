// publish_post: publishes one post target exactly once (server/publishing/
// publish-target.ts). Queued per target with job key publish_post:<target>,
// so a target is never queued twice. Platform errors are handled there
// (retry by rescheduling, or fail the target); only unexpected errors throw.
// A job taken more than once (it threw, or its worker stopped or died) tells
// publishing that an earlier run may have made the post.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import type { PublishSession } from '../server/publishing/publish-session';
import { publishTarget } from '../server/publishing/publish-target';
import { TASKS } from '../server/publishing/queue';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const publishPostPayload = z.object({ targetId: z.uuid() });

export const publishPostTask =
  (deps: WorkerDeps, session: PublishSession): Task =>
  async (payload, helpers) => {
    const { targetId } = parsePayload(TASKS.publishPost, publishPostPayload, payload);
    const outcome = await publishTarget(deps, session, targetId, helpers.job.attempts > 1);
    helpers.logger.info(`publish_post ${targetId}: ${outcome}`);
  };
