// Where publish_post gets the file it uploads: the MediaSource seam. The
// default reads the post's render → its output media asset → the asset's
// probed facts, and asks a `locate` function (storage) for a local file and a
// public URL. Renditions (per-platform files) plug in here as another
// MediaSource. A post without usable media fails with the reason.
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database, Platform } from '../db';
import type { PublishRequest } from '../platforms/adapter';
import { mediaFactsSchema } from '../platforms/validate';
import type { Storage } from '../storage';

export type PublishMedia = PublishRequest['media'];

export interface MediaTarget {
  targetId: string;
  platform: Platform;
  postId: string;
  renderId: string | null;
}

export interface MediaSource {
  forTarget(target: MediaTarget): Promise<PublishMedia>;
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

export function assetMediaSource(db: Kysely<Database>, locate: LocateFile): MediaSource {
  return {
    async forTarget(target) {
      if (target.renderId === null) throw new MediaUnavailableError('post.render_id', 'the post has no render to publish');
      const row = await db
        .selectFrom('renders')
        .leftJoin('media_assets', 'media_assets.id', 'renders.output_asset_id')
        .select(['renders.status', 'media_assets.id as assetId', 'media_assets.storage_key', 'media_assets.media_facts'])
        .where('renders.id', '=', target.renderId)
        .executeTakeFirst();
      if (!row) throw new MediaUnavailableError('post.render_id', `render ${target.renderId} does not exist`);
      if (row.assetId === null || row.storage_key === null) throw new MediaUnavailableError('render.output_asset_id', `render ${target.renderId} is ${row.status} and has no output file`);
      const facts = mediaFactsSchema.safeParse(row.media_facts);
      if (!facts.success) throw new MediaUnavailableError('media_assets.media_facts', `asset ${row.assetId} has no probed video facts (${facts.error.issues[0]?.message ?? 'missing'})`);
      const located = await locate(row.storage_key);
      return { ...located, facts: facts.data };
    },
  };
}
