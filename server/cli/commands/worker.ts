// `noor worker`: runs the graphile-worker tasks (publish, status checks,
// series, analytics, retention) against the configured database until
// SIGINT/SIGTERM. Media comes from the configured storage. Real platform
// adapters plug in per platform; NOOR_LOCAL_PLATFORM_URL routes every
// platform to the local test platform (development only). Without an adapter
// a target stays scheduled and its job is retried.
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_WORKER_CONFIG, runWorker, type WorkerDeps } from '../../../jobs';
import { databaseConfig, migrateToLatest, openDatabase, redactUrl, tokenSecretBox } from '../../db';
import type { NoorEnv } from '../../env';
import { createLocalPlatformAdapter } from '../../platforms/local';
import { DEFAULT_PUBLISHING_POLICY, MediaUnavailableError, assetMediaSource, type LocateFile } from '../../publishing';
import { storageFromConfig, type Storage } from '../../storage';

/** A local file and public URL for a stored key; storages without local files are downloaded to a temp dir. */
function locateIn(storage: Storage): LocateFile {
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

export async function workerCommand(env: NoorEnv, out: (line: string) => void): Promise<void> {
  const handle = await openDatabase(databaseConfig(env));
  try {
    await migrateToLatest(handle.db);
    const storage = storageFromConfig(env.storage);
    const localPlatform = env.worker.localPlatformUrl ? createLocalPlatformAdapter({ baseUrl: env.worker.localPlatformUrl }) : undefined;
    const deps: WorkerDeps = {
      db: handle.db,
      secretBox: tokenSecretBox(env),
      adapterFor: () => localPlatform,
      media: assetMediaSource(handle.db, locateIn(storage)),
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
    out(`Worker running on ${redactUrl(handle.url)} with ${config.concurrency} at a time${localPlatform ? `; posting to the local platform at ${env.worker.localPlatformUrl}` : ''}. Ctrl-C stops it.`);
    await worker.done;
  } finally {
    await handle.close();
  }
}
