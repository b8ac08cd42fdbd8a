// The small interfaces jobs call and receive injected: the render backend
// (server/render/backends), the per-platform renditions (server/renditions)
// and stored files (server/storage). Jobs never build these themselves.
import type { Platform } from '../server/db';
import type { PublishingDeps } from '../server/publishing/deps';

/** Renders the render row's project and records status, progress and output in the renders table. */
export type RenderVideo = (input: { renderId: string; signal: AbortSignal }) => Promise<void>;

/** Turns a finished render into the platform's file (transcoded, thumbnail), cached by content. */
export type PrepareRendition = (input: { renderId: string; platform: Platform; signal: AbortSignal }) => Promise<void>;

export interface StoredFiles {
  /** Deletes the stored file; a file already gone is not an error. */
  remove(storageKey: string): Promise<void>;
}

export interface WorkerDeps extends PublishingDeps {
  renderVideo?: RenderVideo | undefined;
  prepareRendition?: PrepareRendition | undefined;
  /** Without it, retention_cleanup deletes nothing. */
  storedFiles?: StoredFiles | undefined;
}
