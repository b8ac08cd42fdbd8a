// storeRenditionWith: what the prepare_rendition job does for a done render
// and a platform. It takes the render's stored MP4 as a local file, makes the
// platform's file with prepareRendition (in the format a post of the render
// asks for in its platform overrides, if any), then in one transaction, holding
// the storage keys' locks, stores the video and cover by content and records
// their media assets (the video with its probed facts) and the renditions row. A render that has its rendition
// for the platform is left alone, so running twice adds nothing.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { PrepareRendition } from '../../jobs/ports';
import type { FfmpegConfig } from '../analyze/ffmpeg';
import { lockUntilCommit, type Database, type NewMediaAsset, type Platform } from '../db';
import { platformOverrideSchema } from '../platforms/validate';
import { storageLocator } from '../publishing/media';
import { putFileByContent, type Storage } from '../storage';
import { prepareRendition } from './prepare';

export interface StoreRenditionDeps {
  db: Kysely<Database>;
  storage: Storage;
  /** NOOR_CACHE_DIR: renditions are made and cached in its renditions/ folder. */
  cacheDir?: string | undefined;
  ffmpeg?: FfmpegConfig | undefined;
}

/** The format the newest post of the render asks for on the platform, if any. */
async function requestedFormat(db: Kysely<Database>, renderId: string, platform: Platform): Promise<string | undefined> {
  const posts = await db
    .selectFrom('posts')
    .innerJoin('post_targets', 'post_targets.post_id', 'posts.id')
    .select('posts.platform_overrides')
    .where('posts.render_id', '=', renderId)
    .where('post_targets.platform', '=', platform)
    .orderBy('posts.created_at', 'desc')
    .execute();
  for (const { platform_overrides } of posts) {
    const override = platformOverrideSchema.safeParse(platform_overrides[platform]);
    if (override.success && override.data.format) return override.data.format;
  }
  return undefined;
}

/** The asset row of a stored file; a file stored before (same content, same key) keeps its row. */
async function assetFor(db: Kysely<Database>, asset: NewMediaAsset): Promise<string> {
  const { id } = await db
    .insertInto('media_assets')
    .values(asset)
    .onConflict((oc) => oc.column('storage_key').doUpdateSet({ media_facts: asset.media_facts ?? null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function storeRenditionWith({ db, storage, cacheDir, ffmpeg }: StoreRenditionDeps): PrepareRendition {
  const locate = storageLocator(storage);
  return async ({ renderId, platform, signal }) => {
    signal.throwIfAborted();
    const existing = await db.selectFrom('renditions').select('asset_id').where('render_id', '=', renderId).where('platform', '=', platform).executeTakeFirst();
    if (existing) return;
    const render = await db
      .selectFrom('renders')
      .innerJoin('projects', 'projects.id', 'renders.project_id')
      .leftJoin('media_assets', 'media_assets.id', 'renders.output_asset_id')
      .select(['renders.status', 'projects.owner_id', 'media_assets.storage_key'])
      .where('renders.id', '=', renderId)
      .executeTakeFirst();
    if (!render) throw new Error(`render ${renderId}: no such render`);
    if (render.status !== 'done' || render.storage_key === null) {
      throw new Error(`render ${renderId} is ${render.status}${render.status === 'done' ? ' without an output file' : ''}; its ${platform} file is made from a finished render`);
    }
    const input = await locate(render.storage_key);
    try {
      const rendition = await prepareRendition(input.file, platform, { cacheDir, ffmpeg, format: await requestedFormat(db, renderId, platform), signal });
      const { facts } = rendition;
      // under the keys' locks, so retention cannot delete a shared file between its store and its row
      await db.transaction().execute(async (trx) => {
        const onKey = (key: string) => lockUntilCommit(trx, 'storage', key);
        const video = await putFileByContent(storage, rendition.file, { prefix: 'renditions', ext: '.mp4', contentType: 'video/mp4', onKey });
        const cover = rendition.cover ? await putFileByContent(storage, rendition.cover, { prefix: 'renditions', ext: '.jpg', contentType: 'image/jpeg', onKey }) : undefined;
        const assetId = await assetFor(trx, {
          owner_id: render.owner_id,
          kind: 'video',
          storage_key: video.key,
          content_sha256: video.sha256,
          mime_type: 'video/mp4',
          bytes: video.bytes,
          width: facts.width,
          height: facts.height,
          duration_seconds: facts.durationSec,
          media_facts: { ...facts },
        });
        const coverId = cover
          ? await assetFor(trx, { owner_id: render.owner_id, kind: 'image', storage_key: cover.key, content_sha256: cover.sha256, mime_type: 'image/jpeg', bytes: cover.bytes })
          : null;
        await trx
          .insertInto('renditions')
          .values({ render_id: renderId, platform, asset_id: assetId, cover_asset_id: coverId })
          .onConflict((oc) => oc.columns(['render_id', 'platform']).doUpdateSet({ asset_id: assetId, cover_asset_id: coverId }))
          .execute();
      });
    } finally {
      // a storage without local files handed over a downloaded copy
      if (storage.localPath?.(render.storage_key) === undefined) await rm(path.dirname(input.file), { recursive: true, force: true });
    }
  };
}
