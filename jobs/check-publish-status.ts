// check_publish_status: polls a target the platform is still processing,
// with backoff and a time limit (server/publishing/check-status.ts); queued
// by publish_post with job key check_publish_status:<target>.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { checkPublishStatus } from '../server/publishing/check-status';
import { TASKS } from '../server/publishing/queue';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const checkPublishStatusPayload = z.object({ targetId: z.uuid(), check: z.int().min(1) });

export const checkPublishStatusTask =
  (deps: WorkerDeps): Task =>
  async (payload, helpers) => {
    const { targetId, check } = parsePayload(TASKS.checkPublishStatus, checkPublishStatusPayload, payload);
    const outcome = await checkPublishStatus(deps, targetId, check);
    helpers.logger.info(`check_publish_status ${targetId} #${check}: ${outcome}`);
  };
