// Exactly once across a crash: `noor worker` runs as a child process; the
// platform stores the post but never answers; the worker is SIGKILLed before
// it can record the id; a restarted worker finds the post on the platform and
// records it. One post on the platform, the target published with its id.
// The same when the dead worker's job is unlocked before any sweep marked the
// target: the job's second run asks the platform first. And when the job
// finished but the record of it was lost: the sweep finds the due target
// with no job.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths';
import { TARGET_MARKER } from '../../server/platforms/local';
import { publishJobKey } from '../../server/publishing';
import { auditActions, scheduleTarget, startHarness, targetRow, waitForStatus, type Harness } from './harness';
import type { LocalPost } from '../platforms/local-platform-server';

let h: Harness;
let storageDir: string;
const children: ChildProcess[] = [];
/** The workers' output, shown when the target does not end published. */
let output = '';

beforeAll(async () => {
  h = await startHarness();
  storageDir = await mkdtemp(path.join(os.tmpdir(), 'noor-crash-'));
  // the render's stored file, where the child's local storage (NOOR_STORAGE_DIR) looks for it
  await mkdir(path.join(storageDir, 'renders'));
  await writeFile(path.join(storageDir, 'renders', `${h.platformAccount}.mp4`), 'not really a video; the local platform does not read it');
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await h?.close();
  await rm(storageDir, { recursive: true, force: true });
});

function startNoorWorker(): ChildProcess {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'noor.mjs'), 'worker'], {
    env: { ...process.env, DATABASE_URL: h.fresh.url, NOOR_SECRET_KEY: h.secretKey.toString('hex'), NOOR_LOCAL_PLATFORM_URL: h.platform.url, NOOR_STORAGE_DIR: storageDir, NOOR_WORKER_CONCURRENCY: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  children.push(child);
  return child;
}

/** Schedules a target, lets a worker upload it (the platform keeps the post and never answers) and SIGKILLs the worker. */
async function crashMidUpload(): Promise<{ id: string; post: LocalPost; createsBefore: number }> {
  h.platform.hangNextCreate();
  const createsBefore = h.platform.requests.filter((r) => r.op === 'create').length;
  const id = await scheduleTarget(h);
  const created = once(h.platform, 'create') as Promise<[LocalPost]>;
  const first = startNoorWorker();
  const [post] = await created;
  expect(post.metadata[TARGET_MARKER]).toBe(id);
  first.kill('SIGKILL');
  await once(first, 'exit');
  return { id, post, createsBefore };
}

/** Starts another worker, waits for the target to end, stops it; checks the one post was recorded, never made twice. */
async function restartUntilRecorded(id: string, post: LocalPost, createsBefore: number) {
  const second = startNoorWorker();
  const row = await waitForStatus(h, id, ['published', 'failed'], 30_000);
  second.kill('SIGTERM');
  await once(second, 'exit');
  expect(row.status, `worker output:\n${output}`).toBe('published');
  expect(row.external_id).toBe(post.id);
  expect(row.attempts).toBe(1);
  expect(h.platform.requests.filter((r) => r.op === 'create')).toHaveLength(createsBefore + 1);
  expect(h.platform.posts.filter((p) => p.metadata[TARGET_MARKER] === id)).toHaveLength(1);
  const published = await h.fresh.db.selectFrom('audit_log').select('details').where('subject_id', '=', id).where('action', '=', 'post_target.published').executeTakeFirstOrThrow();
  expect(published.details).toMatchObject({ how: 'recovered', externalId: post.id });
}

const publishJob = async (id: string) =>
  (await sql<{ attempts: number; locked: boolean }>`SELECT attempts, locked_at IS NOT NULL AS locked FROM graphile_worker.jobs WHERE key = ${publishJobKey(id)}`.execute(h.fresh.db)).rows;

it('a worker killed between the platform accepting the post and recording it leaves exactly one post, recorded after restart', async () => {
  const { id, post, createsBefore } = await crashMidUpload();
  // the target is as it was; graphile-worker's record that the job was taken is what tells the post may exist
  expect(await targetRow(h, id)).toMatchObject({ status: 'scheduled', external_id: null, attempts: 0 });
  expect(await publishJob(id)).toEqual([{ attempts: 1, locked: true }]);
  // as if the crash were a minute ago: past the worker's 30 s margin for a job whose target no one holds
  await sql`UPDATE graphile_worker._private_jobs SET locked_at = locked_at - interval '1 minute' WHERE key = ${publishJobKey(id)}`.execute(h.fresh.db);

  await restartUntilRecorded(id, post, createsBefore);
  expect(await auditActions(h, id)).toEqual(['post_target.recover', 'post_target.published']);
});

it('a dead worker\'s job unlocked before any sweep (graphile-worker\'s lock timeout) runs again and finds the post instead of posting twice', async () => {
  const { id, post, createsBefore } = await crashMidUpload();
  // what graphile-worker does to a job locked for 4 hours, done now: the target is still 'scheduled'
  await sql`SELECT graphile_worker.force_unlock_workers(array_agg(locked_by)) FROM graphile_worker.jobs WHERE key = ${publishJobKey(id)}`.execute(h.fresh.db);
  expect(await publishJob(id)).toEqual([{ attempts: 1, locked: false }]);
  expect(await targetRow(h, id)).toMatchObject({ status: 'scheduled', attempts: 0 });

  await restartUntilRecorded(id, post, createsBefore);
  // the job's second run asked the platform first: no sweep was needed
  expect(await auditActions(h, id)).toEqual(['post_target.published']);
});

it('a record lost with the database\'s unflushed log while the job\'s completion was kept: the sweep finds the due target with no job and records the post', async () => {
  const { id, post, createsBefore } = await crashMidUpload();
  // what a database crash can leave: the record (flushed with the job's completion) lost, the completion, retried after the restart, kept
  // (graphile-worker completes a job by deleting its row)
  await sql`DELETE FROM graphile_worker._private_jobs WHERE key = ${publishJobKey(id)}`.execute(h.fresh.db);
  await sql`UPDATE post_targets SET scheduled_at = scheduled_at - interval '1 minute' WHERE id = ${id}`.execute(h.fresh.db);
  expect(await publishJob(id)).toEqual([]);
  expect(await targetRow(h, id)).toMatchObject({ status: 'scheduled', external_id: null });

  await restartUntilRecorded(id, post, createsBefore);
  expect(await auditActions(h, id)).toEqual(['post_target.recover', 'post_target.published']);
});
