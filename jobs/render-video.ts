// render_video: hands one render row to the injected render backend (local
// or Lambda, server/render/backends), which records progress and output.
// Thin on purpose: no rendering happens in jobs/.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { TASKS } from '../server/publishing/queue';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const renderVideoPayload = z.object({ renderId: z.uuid() });

export const renderVideoTask =
  (deps: WorkerDeps): Task =>
  async (payload, helpers) => {
    const { renderId } = parsePayload(TASKS.renderVideo, renderVideoPayload, payload);
    if (!deps.renderVideo) throw new Error(`${TASKS.renderVideo}: this worker has no render backend configured (render ${renderId} stays queued)`);
    await deps.renderVideo({ renderId, signal: helpers.abortSignal });
  };
