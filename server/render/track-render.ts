// trackRender: runs one render on a backend and keeps its renders row true
// to it, so the web UI can show progress: queued|failed → rendering (with
// backend and started_at), throttled progress, then in one transaction the
// output's media asset + done, or failed with the error (or queued again when
// the caller's signal stopped it). Each transition is
// a single conditional UPDATE; a done row is never reopened, while one left
// rendering by a crashed worker is taken again by the retry.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db';
import { RenderError, type RenderBackend, type RenderJob, type RenderOutput } from './backends';

export interface StoredOutput {
  /** Key of the file in the storage backend (local dir or S3). */
  storageKey: string;
  /** sha256 of the file, hex. */
  sha256: string;
}

export interface TrackRenderOptions {
  /** Puts the finished video into storage (the Storage seam) and says where it is. */
  storeOutput(output: RenderOutput): Promise<StoredOutput>;
  /** Least time between two progress writes (default 500 ms). */
  progressIntervalMs?: number;
  /** Least progress between two progress writes (default 0.01, i.e. 1%). */
  progressStep?: number;
  /** Stops the render (the worker is shutting down): the row goes back to queued, not failed, so waiting posts keep waiting. */
  signal?: AbortSignal | undefined;
}

export interface TrackedRender {
  output: RenderOutput;
  assetId: string;
}

export class RenderTrackingError extends Error {
  override readonly name = 'RenderTrackingError';
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'unknown error';

async function start(db: Kysely<Database>, renderId: string, backend: RenderBackend): Promise<void> {
  const started = await db
    .updateTable('renders')
    .set({ status: 'rendering', backend: backend.name, progress: 0, error: null, started_at: sql`now()`, finished_at: null })
    .where('id', '=', renderId)
    .where('status', 'in', ['queued', 'rendering', 'failed'])
    .returning('id')
    .executeTakeFirst();
  if (started) return;
  const row = await db.selectFrom('renders').select('status').where('id', '=', renderId).executeTakeFirst();
  throw new RenderTrackingError(row ? `render ${renderId}: already ${row.status}; a finished render is not rendered again` : `render ${renderId}: no such render`);
}

/**
 * Progress writes, throttled and one at a time so they land in order. A failed
 * progress write is skipped: the final write reports a database that is down.
 */
function progressWriter(db: Kysely<Database>, renderId: string, intervalMs: number, step: number) {
  let written = 0;
  let writtenAt = -Infinity;
  let chain: Promise<void> = Promise.resolve();
  return {
    report(progress: number) {
      const now = performance.now();
      if (progress - written < step || now - writtenAt < intervalMs) return;
      written = progress;
      writtenAt = now;
      chain = chain.then(async () => {
        await db
          .updateTable('renders')
          .set({ progress: Math.min(1, Math.max(0, progress)) })
          .where('id', '=', renderId)
          .where('status', '=', 'rendering')
          .where('progress', '<', progress)
          .execute()
          .catch(() => undefined);
      });
    },
    settled: () => chain,
  };
}

async function finish(db: Kysely<Database>, renderId: string, output: RenderOutput, stored: StoredOutput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { owner_id } = await trx
      .selectFrom('renders')
      .innerJoin('projects', 'projects.id', 'renders.project_id')
      .select('projects.owner_id')
      .where('renders.id', '=', renderId)
      .executeTakeFirstOrThrow();
    const asset = {
      owner_id,
      kind: 'video' as const,
      storage_key: stored.storageKey,
      content_sha256: stored.sha256,
      mime_type: 'video/mp4',
      bytes: output.bytes,
      width: output.width,
      height: output.height,
      duration_seconds: output.durationSec,
    };
    // A retried render writes the same key again: the asset row follows the new file.
    const { id } = await trx
      .insertInto('media_assets')
      .values(asset)
      .onConflict((oc) => oc.column('storage_key').doUpdateSet({ ...asset }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const done = await trx
      .updateTable('renders')
      .set({ status: 'done', progress: 1, output_asset_id: id, error: null, finished_at: sql`now()` })
      .where('id', '=', renderId)
      .where('status', '=', 'rendering')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new RenderTrackingError(`render ${renderId}: no longer rendering when it finished (changed elsewhere)`);
    return id;
  });
}

export async function trackRender(
  db: Kysely<Database>,
  renderId: string,
  backend: RenderBackend,
  job: RenderJob,
  options: TrackRenderOptions,
): Promise<TrackedRender> {
  if (job.renderId !== renderId) throw new RenderTrackingError(`render ${renderId}: job.renderId is ${job.renderId}; they must match`);
  await start(db, renderId, backend);
  const progress = progressWriter(db, renderId, options.progressIntervalMs ?? 500, options.progressStep ?? 0.01);
  try {
    const output = await backend.render(job, { onProgress: (p) => progress.report(p.progress), signal: options.signal });
    await progress.settled();
    const stored = await options.storeOutput(output).catch((error: unknown) => {
      throw new RenderTrackingError(`render ${renderId}: storing the output failed: ${errorText(error)}`, { cause: error });
    });
    return { output, assetId: await finish(db, renderId, output, stored) };
  } catch (error) {
    await progress.settled();
    const cancelled = error instanceof RenderError && error.kind === 'cancelled';
    await db
      .updateTable('renders')
      .set(cancelled ? { status: 'queued', progress: 0, started_at: null } : { status: 'failed', error: errorText(error), finished_at: sql`now()` })
      .where('id', '=', renderId)
      .where('status', '=', 'rendering')
      .execute()
      .catch((dbError: unknown) => {
        throw new RenderTrackingError(`render ${renderId}: ${errorText(error)}; recording the failure also failed: ${errorText(dbError)}`, { cause: error });
      });
    throw error;
  }
}
