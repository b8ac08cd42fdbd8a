// prepare_rendition: asks the injected renditions function (server/renditions)
// for one render's file for one platform. Thin on purpose: no transcoding here.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { PLATFORMS } from '../server/db';
import { TASKS } from '../server/publishing/queue';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const prepareRenditionPayload = z.object({ renderId: z.uuid(), platform: z.enum(PLATFORMS) });

export const prepareRenditionTask =
  (deps: WorkerDeps): Task =>
  async (payload, helpers) => {
    const { renderId, platform } = parsePayload(TASKS.prepareRendition, prepareRenditionPayload, payload);
    if (!deps.prepareRendition) throw new Error(`${TASKS.prepareRendition}: this worker has no renditions configured (render ${renderId}, ${platform})`);
    await deps.prepareRendition({ renderId, platform, signal: helpers.abortSignal });
  };
