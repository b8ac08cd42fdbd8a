// `noor worker`: runs the graphile-worker tasks (publish, status checks,
// series, analytics, retention) against the configured database until
// SIGINT/SIGTERM. Media comes from the configured storage. Each platform
// whose app credentials are set gets its adapter (server/platforms/registry);
// NOOR_LOCAL_PLATFORM_URL routes every platform to the local test platform
// (development only). Without an adapter a target stays scheduled and its
// job is retried.
import { DEFAULT_WORKER_CONFIG, runWorker, type WorkerDeps } from '../../../jobs';
import { PLATFORMS, databaseConfig, migrateToLatest, openDatabase, redactUrl, tokenSecretBox } from '../../db';
import type { NoorEnv } from '../../env';
import { adaptersFromConfig } from '../../platforms/registry';
import { DEFAULT_PUBLISHING_POLICY, assetMediaSource, storageLocator } from '../../publishing';
import { storageFromConfig } from '../../storage';

export async function workerCommand(env: NoorEnv, out: (line: string) => void): Promise<void> {
  const handle = await openDatabase(databaseConfig(env));
  try {
    await migrateToLatest(handle.db);
    const storage = storageFromConfig(env.storage);
    const adapterFor = adaptersFromConfig({ apps: env.platforms, localPlatformUrl: env.worker.localPlatformUrl });
    const configured = PLATFORMS.filter((p) => adapterFor(p) !== undefined);
    const deps: WorkerDeps = {
      db: handle.db,
      secretBox: tokenSecretBox(env),
      adapterFor,
      media: assetMediaSource(handle.db, storageLocator(storage)),
      policy: DEFAULT_PUBLISHING_POLICY,
      now: () => new Date(),
      random: Math.random,
      storedFiles: { remove: (key) => storage.delete(key) },
    };
    const config = {
      ...DEFAULT_WORKER_CONFIG,
      concurrency: env.worker.concurrency ?? DEFAULT_WORKER_CONFIG.concurrency,
      renderRetentionDays: env.worker.renderRetentionDays ?? DEFAULT_WORKER_CONFIG.renderRetentionDays,
    };
    const worker = await runWorker({ url: handle.url, config, deps });
    const posting = env.worker.localPlatformUrl ? `posting to the local platform at ${env.worker.localPlatformUrl}` : configured.length > 0 ? `posting to ${configured.join(', ')}` : 'no platform app configured (posts wait)';
    out(`Worker running on ${redactUrl(handle.url)} with ${config.concurrency} at a time; ${posting}. Ctrl-C stops it.`);
    await worker.done;
  } finally {
    await handle.close();
  }
}
