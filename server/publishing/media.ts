// Where publish_post gets the file it uploads: the MediaSource seam. The
// default takes the post's render state (renderState, which publishing reads
// with the target in one query): its rendition for the target's platform
// (prepare_rendition) when there is one, else the render's output media
// asset, with the asset's probed facts, and asks a `locate` function
// (storage) for a local file and a public URL. A render or rendition still
// being made is not ready (publishing retries later; a missing rendition job
// is queued); a post without usable media fails with the reason.
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Platform } from '../db';
import type { PublishRequest } from '../platforms/adapter';
import { mediaFactsSchema } from '../platforms/validate';
import type { Storage } from '../storage';
import { queueRendition, queuedJob, renditionJobKeySql, type QueuedJob } from './queue';

export type PublishMedia = PublishRequest['media'];

export interface MediaTarget {
  targetId: string;
  platform: Platform;
  postId: string;
  renderId: string | null;
  /** The render's state for the platform, read by the caller with the target (renderState in its query); null when there is no such render. */
  render: RenderState | null;
}

export interface MediaSource {
  /** Reads with `db`: publishing passes the one connection it holds the target's lock on, so a publish never waits for a second one. */
  forTarget(db: Kysely<Database>, target: MediaTarget): Promise<PublishMedia>;
}

/** The media cannot be had; `field` names what is missing. Publishing fails the target with the message. */
export class MediaUnavailableError extends Error {
  override readonly name = 'MediaUnavailableError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * The media is still being made (the render, or the platform's rendition). publish_post
 * retries it like any error that is not a MediaUnavailableError: the target stays
 * scheduled with the reason and its attempts do not grow (nothing was sent).
 */
export class MediaNotReadyError extends Error {
  override readonly name = 'MediaNotReadyError';
}

export type LocateFile = (storageKey: string) => Promise<{ file: string; url: string | null }>;

/** A local file and public URL for a stored key; storages without local files are downloaded to a temp dir. */
export function storageLocator(storage: Storage): LocateFile {
  return async (key) => {
    if (!(await storage.exists(key).catch(() => false))) throw new MediaUnavailableError('media_assets.storage_key', `no stored file "${key}" in the ${storage.kind} storage`);
    const url = await storage.publicUrl(key);
    const local = storage.localPath?.(key);
    if (local) return { file: local, url };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'noor-publish-'));
    const file = path.join(dir, path.basename(key));
    await pipeline(await storage.get(key), createWriteStream(file));
    return { file, url };
  };
}

interface Asset {
  id: string;
  storage_key: string;
  media_facts: unknown;
}

/** Where a render stands for one platform: its state, its rendition if made, its output, and the rendition job's state. */
export interface RenderState {
  status: string;
  error: string | null;
  rendition: Asset | null;
  output: Asset | null;
  job: QueuedJob | null;
}

/**
 * The render's state for the platform as one JSON value (a scalar subquery;
 * null when there is no such render). `renderId` and `platform` are columns of
 * the query this goes into (publishing reads it with the target).
 */
export function renderState(renderId: RawBuilder<unknown>, platform: RawBuilder<unknown>): RawBuilder<RenderState | null> {
  const asset = (column: string) => sql`(SELECT json_build_object('id', a.id, 'storage_key', a.storage_key, 'media_facts', a.media_facts) FROM media_assets a WHERE a.id = ${sql.ref(column)})`;
  return sql`(SELECT json_build_object('status', r.status, 'error', r.error, 'rendition', ${asset('rn.asset_id')}, 'output', ${asset('r.output_asset_id')}, 'job', ${queuedJob(renditionJobKeySql(renderId, platform))})
    FROM renders r LEFT JOIN renditions rn ON rn.render_id = r.id AND rn.platform = ${platform}::text
    WHERE r.id = ${renderId}::uuid)`;
}

/**
 * A done render's output, when no rendition is there: wait while the rendition's
 * job is pending; a video with probed facts (an imported one) is used as it is;
 * otherwise queue the rendition (none was asked for) or report why it failed.
 */
async function outputWithoutRendition(db: Kysely<Database>, renderId: string, platform: Platform, { output, job }: RenderState): Promise<Asset> {
  if (job?.pending) throw new MediaNotReadyError(`rendition: the ${platform} file of render ${renderId} is being prepared`);
  if (!output) throw new MediaUnavailableError('render.output_asset_id', `render ${renderId} is done and has no output file`);
  if (output.media_facts !== null) return output;
  if (job) throw new MediaUnavailableError('rendition', `preparing the ${platform} file of render ${renderId} failed: ${job.lastError ?? 'no error recorded'}`);
  await queueRendition(db, renderId, platform);
  throw new MediaNotReadyError(`rendition: render ${renderId} has no ${platform} file yet; prepare_rendition is queued`);
}

export function assetMediaSource(locate: LocateFile): MediaSource {
  return {
    async forTarget(db, target) {
      const { renderId, platform, render } = target;
      if (renderId === null) throw new MediaUnavailableError('post.render_id', 'the post has no render to publish');
      if (!render) throw new MediaUnavailableError('post.render_id', `render ${renderId} does not exist`);
      if (render.status === 'queued' || render.status === 'rendering') throw new MediaNotReadyError(`render ${renderId} is ${render.status}; the post waits for it`);
      if (render.status === 'failed') throw new MediaUnavailableError('render', `render ${renderId} failed: ${render.error}`);
      const asset = render.rendition ?? (await outputWithoutRendition(db, renderId, platform, render));
      const facts = mediaFactsSchema.safeParse(asset.media_facts);
      if (!facts.success) throw new MediaUnavailableError('media_assets.media_facts', `asset ${asset.id} has no probed video facts (${facts.error.issues[0]?.message ?? 'missing'})`);
      const located = await locate(asset.storage_key);
      return { ...located, facts: facts.data };
    },
  };
}
