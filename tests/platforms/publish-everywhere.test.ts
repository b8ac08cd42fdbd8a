// The whole posting path on all four platforms at once: accounts connected
// through the OAuth flow against each platform's fake, a real rendered MP4
// scheduled for X, Instagram, TikTok and YouTube with `noor schedule`, and a
// real graphile-worker publishing it — every target ends Published with the
// platform's id, each fake holds exactly one post with the same bytes and
// the caption, and collect_analytics stores each post's metrics.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectAnalytics, ensureJobQueue, runWorker, type RunningWorker, type WorkerDeps } from '../../jobs';
import { completeConnection, localOwnerId, startConnection } from '../../server/accounts';
import { scheduleCommand } from '../../server/cli/commands/schedule';
import { PLATFORMS, tokenSecretBox, type Platform } from '../../server/db';
import { readEnv, type NoorEnv } from '../../server/env';
import type { PlatformAdapter } from '../../server/platforms/adapter';
import { DEFAULT_PUBLISHING_POLICY, assetMediaSource, storageLocator } from '../../server/publishing';
import { storageFromConfig } from '../../server/storage';
import { freshDatabase, type FreshDatabase } from '../db/fresh-database';
import { FAST_CONFIG, quietLogger, waitFor } from '../jobs/harness';
import type { FakePlatform, StartFakePlatform } from './conformance/fake-platform';
import { renderConformanceVideo, serveDirectory, type ConformanceVideo } from './conformance/video';

let fresh: FreshDatabase;
let video: ConformanceVideo;
let files: Awaited<ReturnType<typeof serveDirectory>>;
let env: NoorEnv;
let worker: RunningWorker | undefined;
const fakes = new Map<Platform, FakePlatform>();
const adapters = new Map<Platform, PlatformAdapter>();

beforeAll(async () => {
  fresh = await freshDatabase();
  await ensureJobQueue(fresh.url);
  video = await renderConformanceVideo(inject('serveUrl'));
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'noor-everywhere-'));
  files = await serveDirectory(storageDir);
  env = readEnv({ DATABASE_URL: fresh.url, NOOR_SECRET_KEY: 'ab'.repeat(32), NOOR_STORAGE_DIR: storageDir, NOOR_PUBLIC_BASE_URL: files.base });
  for (const platform of PLATFORMS) {
    const { startFake } = (await import(`./fakes/${platform}-server.ts`)) as { startFake: StartFakePlatform };
    const fake = await startFake();
    fakes.set(platform, fake);
    adapters.set(platform, fake.adapter());
  }
});

afterAll(async () => {
  await worker?.stop();
  for (const fake of fakes.values()) await fake.close();
  await files?.close();
  await fresh?.close();
});

/** Where each target and its jobs stand, for the message of a run that timed out. */
async function queueState(): Promise<string> {
  const rows = await fresh.db.selectFrom('post_targets').select(['platform', 'status', 'attempts', 'last_error', 'publish_handle']).execute();
  const { rows: jobs } = await sql<{ task_identifier: string; key: string | null; attempts: number; run_at: Date; last_error: string | null; locked_at: Date | null }>`
    SELECT task_identifier, key, attempts, run_at, last_error, locked_at FROM graphile_worker.jobs`.execute(fresh.db);
  return JSON.stringify({ targets: rows, jobs }, null, 1);
}

describe('a post scheduled for X, Instagram, TikTok and YouTube', () => {
  it('is published once on each platform with the rendered video and the caption, and its metrics are collected', async () => {
    const secretBox = tokenSecretBox(env);
    const connectDeps = { db: fresh.db, secretBox, now: () => new Date() };
    const userId = await localOwnerId(fresh.db);
    for (const [platform, fake] of fakes) {
      const adapter = adapters.get(platform)!;
      const { authUrl } = await startConnection(connectDeps, adapter, { userId, redirectUri: `http://127.0.0.1:8787/oauth/${platform}/callback` });
      await completeConnection(connectDeps, (p) => adapters.get(p), fake.consent(authUrl));
    }

    const caption = 'Allah is the Light of the heavens and the earth. (An-Nur 24:35)';
    const now = new Date();
    const lines: string[] = [];
    await scheduleCommand(
      { source: video.file, platform: PLATFORMS.join(','), at: now.toISOString().slice(0, 16).replace('T', ' '), zone: 'UTC', caption, hashtags: 'Quran,Reminder', title: 'Light upon light', cwd: process.cwd() },
      env,
      (line) => lines.push(line),
      new Date(now.getTime() - 120_000),
    );
    expect(lines).toHaveLength(4);

    const deps: WorkerDeps = {
      db: fresh.db,
      secretBox,
      adapterFor: (platform) => adapters.get(platform),
      media: assetMediaSource(storageLocator(storageFromConfig(env.storage))),
      policy: { ...DEFAULT_PUBLISHING_POLICY, retry: FAST_CONFIG.publishing.retry, status: { minPollMs: 50, maxPollMs: 200, limitMs: 30_000 } },
      now: () => new Date(),
      random: Math.random,
    };
    worker = await runWorker({ url: fresh.url, config: { ...FAST_CONFIG, publishing: deps.policy }, deps, logger: quietLogger, noHandleSignals: true });

    const targets = await waitFor(
      'all four targets to be published',
      async () => {
        const rows = await fresh.db.selectFrom('post_targets').selectAll().execute();
        const failed = rows.find((r) => r.status === 'failed');
        if (failed) throw new Error(`${failed.platform} failed: ${failed.last_error}`);
        return rows.length === 4 && rows.every((r) => r.status === 'published') ? rows : undefined;
      },
      90_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await queueState()}`);
    });

    const sha = createHash('sha256').update(readFileSync(video.file)).digest('hex');
    for (const target of targets) {
      const posts = fakes.get(target.platform)!.published();
      expect(posts, target.platform).toHaveLength(1);
      expect(posts[0]!.id, target.platform).toBe(target.external_id);
      expect(posts[0]!.mediaSha256, target.platform).toBe(sha);
      expect(posts[0]!.caption, target.platform).toContain(caption);
      expect(fakes.get(target.platform)!.protocolErrors(), target.platform).toEqual([]);
    }

    const run = await collectAnalytics(deps, FAST_CONFIG, new Date());
    expect(run.failed).toEqual([]);
    const snapshots = await fresh.db.selectFrom('analytics_snapshots').selectAll().execute();
    expect(new Set(snapshots.map((s) => s.post_target_id))).toEqual(new Set(targets.map((t) => t.id)));
    for (const snapshot of snapshots) expect([snapshot.views, snapshot.likes, snapshot.comments].some((n) => typeof n === 'number')).toBe(true);
  });
});
