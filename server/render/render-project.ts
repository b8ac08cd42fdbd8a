// renderProjectWith: what the render_video job does with a renders row. It
// builds the row's RenderJob from its project (the template's defaults, the
// props of the project's style profile, the project's own props, validated
// against the template) in the row's aspect, renders it on the backend through
// trackRender (which keeps the row true), puts the finished MP4 into storage
// under renders/<id>.mp4, then queues prepare_rendition for each platform a
// post of this render still waits to publish to. A job that can never render
// (unknown template, bad props or style profile) fails the row with the
// reason and is not retried; other failures are, by graphile-worker.
import { rm } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { findTemplate } from '../../compositions/registry';
import type { RenderVideo } from '../../jobs/ports';
import { parseStyleProfile } from '../analyze/analyze';
import { applyStyle } from '../analyze/apply-style';
import { AnalysisError } from '../analyze/ffmpeg';
import type { Database, Project, Render } from '../db';
import { queueRendition } from '../publishing/queue';
import { PUBLISHABLE_STATUSES } from '../publishing/targets';
import type { Storage } from '../storage';
import { RenderError, type RenderBackend, type RenderBackendName, type RenderJob, type RenderOutput } from './backends';
import { PropsError, resolveProps } from './props';
import { trackRender, type StoredOutput } from './track-render';

export interface RenderProjectDeps {
  db: Kysely<Database>;
  backend: RenderBackend;
  storage: Storage;
}

type RenderRow = Pick<Render, 'status' | 'aspect'> & Pick<Project, 'template_id' | 'props' | 'style_profile'> & { projectId: string };

/** The RenderJob of a render row; a project that cannot render is a RenderError of kind invalid_job naming the field. */
async function renderJobFor(renderId: string, row: RenderRow, backend: RenderBackendName): Promise<RenderJob> {
  const invalid = (field: string, reason: string) => new RenderError('invalid_job', backend, `render ${renderId}: ${field}: ${reason}`);
  const template = findTemplate(row.template_id);
  if (!template) throw invalid('project.template_id', `unknown template "${row.template_id}"`);
  let style: Record<string, unknown> | undefined;
  try {
    if (row.style_profile) style = applyStyle(parseStyleProfile(row.style_profile, `project ${row.projectId}'s style_profile`), template);
  } catch (error) {
    if (error instanceof AnalysisError) throw invalid('project.style_profile', error.message.slice(error.field.length + 2));
    throw error;
  }
  const inputProps = await resolveProps(template, { style, props: row.props }).catch((error: unknown) => {
    throw error instanceof PropsError ? invalid('project.props', error.message.replaceAll('\n', '; ')) : error;
  });
  return { renderId, templateId: template.id, aspect: row.aspect, inputProps: inputProps as Record<string, unknown>, outputKey: `renders/${renderId}.mp4` };
}

/** Records a render that cannot be made; trackRender has done so already when the backend refused the job. */
async function failRender(db: Kysely<Database>, renderId: string, reason: string): Promise<void> {
  await db.updateTable('renders').set({ status: 'failed', error: reason, finished_at: sql`now()` }).where('id', '=', renderId).where('status', '<>', 'done').execute();
}

/** Puts the finished MP4 (a local file; a Lambda output is downloaded by its backend) into storage under `key`. */
async function storeOutput(storage: Storage, key: string, output: RenderOutput): Promise<StoredOutput> {
  const { location } = output;
  const stored = await storage.put(key, location.path, { contentType: 'video/mp4' });
  if (storage.localPath?.(key) !== location.path) await rm(location.path, { force: true });
  return { storageKey: stored.key, sha256: stored.sha256 };
}

/** Queues prepare_rendition for every platform a post of the render may still publish to and has no rendition for. */
async function queueRenditions(db: Kysely<Database>, renderId: string): Promise<void> {
  const waiting = await db
    .selectFrom('post_targets')
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .leftJoin('renditions', (join) => join.onRef('renditions.platform', '=', 'post_targets.platform').on('renditions.render_id', '=', renderId))
    .select('post_targets.platform')
    .distinct()
    .where('posts.render_id', '=', renderId)
    .where('post_targets.status', 'in', PUBLISHABLE_STATUSES)
    .where('renditions.render_id', 'is', null)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const { platform } of waiting) await queueRendition(trx, renderId, platform);
  });
}

export function renderProjectWith({ db, backend, storage }: RenderProjectDeps): RenderVideo {
  return async ({ renderId, signal }) => {
    signal.throwIfAborted();
    const row = await db
      .selectFrom('renders')
      .innerJoin('projects', 'projects.id', 'renders.project_id')
      .select(['renders.status', 'renders.aspect', 'projects.id as projectId', 'projects.template_id', 'projects.props', 'projects.style_profile'])
      .where('renders.id', '=', renderId)
      .executeTakeFirst();
    if (!row) throw new Error(`render ${renderId}: no such render`);
    // A done render is not made again; a job run again after a crash still queues its renditions.
    if (row.status !== 'done') {
      try {
        const job = await renderJobFor(renderId, row, backend.name);
        await trackRender(db, renderId, backend, job, { storeOutput: (output) => storeOutput(storage, job.outputKey, output), signal });
      } catch (error) {
        if (!(error instanceof RenderError && error.kind === 'invalid_job')) throw error;
        await failRender(db, renderId, error.message);
        return;
      }
    }
    await queueRenditions(db, renderId);
  };
}
