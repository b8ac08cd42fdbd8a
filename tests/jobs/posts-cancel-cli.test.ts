// `noor posts cancel` against a real database: a scheduled target named by the
// TARGET column of posts list is cancelled with an audit row and its publish
// job removed; a target a worker is publishing (its lock held elsewhere), one
// already published, and one already cancelled are left as they are, with
// the reason; a reference that names no target, or is not an id, fails
// before anything is cancelled.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postsCancelCommand } from '../../server/cli/commands/posts';
import { readEnv, type NoorEnv } from '../../server/env';
import { publishJobKey, recordPublished } from '../../server/publishing';
import { publishLockRead, withPublishLock } from '../../server/publishing/publish-lock';
import { PUBLISHABLE_STATUSES } from '../../server/publishing/targets';
import { scheduleTarget, startHarness, targetRow, type Harness } from './harness';

let h: Harness;
let env: NoorEnv;
beforeAll(async () => {
  h = await startHarness();
  env = readEnv({ DATABASE_URL: h.fresh.url, NOOR_SECRET_KEY: h.secretKey.toString('hex') });
});
afterAll(() => h?.close());

const later = () => new Date(Date.now() + 24 * 3600_000);
const hasJob = async (id: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${publishJobKey(id)}`.execute(h.fresh.db)).rows[0]!.n === 1;
const cancel = async (...targets: string[]) => {
  const lines: string[] = [];
  await postsCancelCommand({ targets }, env, (line) => lines.push(line));
  return lines;
};

it('cancels a scheduled target named by the start of its id: cancelled, audited, its publish job gone', async () => {
  const id = await scheduleTarget(h, { at: later() });
  expect(await hasJob(id)).toBe(true);
  const lines = await cancel(id.slice(0, 8));
  expect(lines).toEqual([expect.stringMatching(new RegExp(`^Cancelled x .+ at \\S+ \\(target ${id}\\)$`))]);
  expect((await targetRow(h, id)).status).toBe('cancelled');
  expect(await hasJob(id)).toBe(false);
  const audit = await h.fresh.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', id).where('action', '=', 'post_target.cancelled').execute();
  expect(audit).toEqual([{ action: 'post_target.cancelled', details: { from: 'scheduled', to: 'cancelled' } }]);
  await expect(cancel(id)).rejects.toThrow(/not cancelled, it is already cancelled$/);
});

it('leaves a target a worker is publishing, and a published one, as they are, saying why', async () => {
  const busy = await scheduleTarget(h, { at: later() });
  const readTarget = publishLockRead((db, id) => db.selectFrom('post_targets').select(['id']).where('id', '=', id).forNoKeyUpdate('post_targets'));
  await withPublishLock(h.fresh.db, busy, readTarget, async () => {
    await expect(cancel(busy)).rejects.toThrow(/not cancelled, a worker is publishing it right now$/);
  });
  expect((await targetRow(h, busy)).status).toBe('scheduled');
  expect(await hasJob(busy)).toBe(true);

  const done = await scheduleTarget(h, { at: later(), queue: false });
  await recordPublished(h.fresh.db, { targetId: done, post: { externalId: 'x-1', url: 'https://x.example/1' }, at: new Date(), how: 'published' }, PUBLISHABLE_STATUSES);
  await expect(cancel(done)).rejects.toThrow(/not cancelled, it is already published \(https:\/\/x\.example\/1\)$/);
  expect((await targetRow(h, done)).status).toBe('published');
});

it('checks every reference before cancelling any: one that is not an id, or names no target, cancels nothing', async () => {
  const id = await scheduleTarget(h, { at: later() });
  await expect(cancel(id, 'soon')).rejects.toThrow(/^target "soon": give the target id, or its first 8 characters from noor posts list$/);
  await expect(cancel(id, 'ffffffff')).rejects.toThrow(/^target "ffffffff": no post target has this id \(see noor posts list\)$/);
  await expect(cancel()).rejects.toThrow(/^posts cancel: give the target to cancel/);
  expect((await targetRow(h, id)).status).toBe('scheduled');
  expect(await hasJob(id)).toBe(true);
});
