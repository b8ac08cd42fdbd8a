// `noor worker`: runs the graphile-worker tasks (render, renditions, publish,
// status checks, series, analytics, retention) against the configured
// database until SIGINT/SIGTERM. Renders run on the configured backend (a
// backend setting that is wrong is reported and leaves renders queued while
// publishing goes on); files live in the configured storage. Each platform
// whose app credentials are set gets its adapter (server/platforms/registry);
// NOOR_LOCAL_PLATFORM_URL routes every platform to the local test platform
// (development only). Without an adapter a target stays scheduled and its
// job is retried.
import { DEFAULT_WORKER_CONFIG, runWorker, type WorkerDeps } from '../../../jobs';
import { PLATFORMS, redactUrl, tokenSecretBox } from '../../db';
import type { NoorEnv } from '../../env';
import { withMigratedDatabase } from './database';
import { adaptersFromConfig } from '../../platforms/registry';
import { DEFAULT_PUBLISHING_POLICY, assetMediaSource, storageLocator } from '../../publishing';
import { backendFromConfig } from '../../render/backends';
import { renderProjectWith } from '../../render/render-project';
import { storeRenditionWith } from '../../renditions';
import { storageFromConfig } from '../../storage';

export async function workerCommand(env: NoorEnv, out: (line: string) => void): Promise<void> {
  await withMigratedDatabase(env, async (handle) => {
    const storage = storageFromConfig(env.storage);
    const adapterFor = adaptersFromConfig({ apps: env.platforms, localPlatformUrl: env.worker.localPlatformUrl });
    const configured = PLATFORMS.filter((p) => adapterFor(p) !== undefined);
    const backend = await backendFromConfig(env).catch((error: unknown) => {
      out(`Rendering is off: ${error instanceof Error ? error.message : String(error)}. Renders stay queued; publishing goes on.`);
      return undefined;
    });
    const deps: WorkerDeps = {
      db: handle.db,
      secretBox: tokenSecretBox(env),
      adapterFor,
      media: assetMediaSource(storageLocator(storage)),
      policy: DEFAULT_PUBLISHING_POLICY,
      now: () => new Date(),
      random: Math.random,
      storedFiles: { remove: (key) => storage.delete(key) },
      renderVideo: backend && renderProjectWith({ db: handle.db, backend, storage }),
      prepareRendition: storeRenditionWith({ db: handle.db, storage, cacheDir: env.cacheDir, ffmpeg: env.ffmpeg }),
    };
    const config = {
      ...DEFAULT_WORKER_CONFIG,
      concurrency: env.worker.concurrency ?? DEFAULT_WORKER_CONFIG.concurrency,
      renderRetentionDays: env.worker.renderRetentionDays ?? DEFAULT_WORKER_CONFIG.renderRetentionDays,
    };
    const worker = await runWorker({ url: handle.url, config, deps });
    const posting = env.worker.localPlatformUrl ? `posting to the local platform at ${env.worker.localPlatformUrl}` : configured.length > 0 ? `posting to ${configured.join(', ')}` : 'no platform app configured (posts wait)';
    const rendering = backend ? `rendering ${backend.name === 'local' ? 'on this machine' : 'on Lambda'}` : 'not rendering';
    out(`Worker running on ${redactUrl(handle.url)} with ${config.concurrency} at a time; ${rendering}; ${posting}. Ctrl-C stops it.`);
    await worker.done;
  });
}
