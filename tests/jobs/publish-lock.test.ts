// The publishing lock as publishing takes and leaves it: taken in the
// statement that reads the target, whose row is then read as its latest
// committed version (a write in progress is waited for, not read past);
// refused at once while another connection holds it; released by the
// statement that records the outcome, after the row is written, or else when
// the work ends, or when the read fails. A worker's publishing session shares
// its statements between jobs and never holds a target twice. Real Postgres,
// several connections.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { advisoryKey } from '../../server/db';
import { publishLockRead, withPublishLock } from '../../server/publishing/publish-lock';
import { PublishSession } from '../../server/publishing/publish-session';
import { scheduleTarget, startHarness, targetRow, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const readTarget = publishLockRead((db, id) => db.selectFrom('post_targets').select(['id', 'status']).where('id', '=', id).forNoKeyUpdate('post_targets'));

/** Whether the target's publishing lock is free: a connection of its own (not one from the pool, which may be the holder's) can take it, and gives it back. */
async function lockIsFree(id: string): Promise<boolean> {
  const key = advisoryKey('publish', id).compile(h.fresh.db);
  const client = new pg.Client({ connectionString: h.fresh.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${key.sql}) AS locked`, [...key.parameters]);
    if (rows[0]!.locked) await client.query(`SELECT pg_advisory_unlock(${key.sql})`, [...key.parameters]);
    return rows[0]!.locked;
  } finally {
    await client.end();
  }
}

/** Runs `run` with a worker's publishing session, closed after. */
async function withSession(run: (session: PublishSession) => Promise<void>): Promise<void> {
  const session = new PublishSession(h.fresh.url);
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

it('reads the row a write in progress leaves, once it commits, not the version before it', async () => {
  const id = await scheduleTarget(h, { queue: false });
  let read: string | undefined;
  let reading: Promise<unknown> = Promise.resolve();
  await h.fresh.db.transaction().execute(async (trx) => {
    await trx.updateTable('post_targets').set({ status: 'cancelled' }).where('id', '=', id).execute();
    reading = withPublishLock(h.fresh.db, id, readTarget, (_conn, row) => Promise.resolve((read = row?.status)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // the read waits for this transaction rather than returning 'scheduled'
    expect(read).toBeUndefined();
  });
  await reading;
  expect(read).toBe('cancelled');
});

it('does not read (or run) while another live connection holds the lock, and is free again after', async () => {
  const id = await scheduleTarget(h, { queue: false });
  let ran = false;
  const inner = await withPublishLock(h.fresh.db, id, readTarget, async () => {
    const busy = await withPublishLock(h.fresh.db, id, readTarget, async () => (ran = true));
    return busy;
  });
  expect(inner).toBeUndefined();
  expect(ran).toBe(false);
  expect(await lockIsFree(id)).toBe(true);
});

it('a missing target reads as undefined, under the lock', async () => {
  const id = '00000000-0000-4000-8000-000000000000';
  expect(await withPublishLock(h.fresh.db, id, readTarget, (_conn, row) => Promise.resolve(row ?? 'none'))).toBe('none');
});

it('a worker session records the post and releases the lock in the same statement, after the row is written', async () => {
  const id = await scheduleTarget(h, { queue: false });
  await withSession(async (session) => {
    const held = await session.take(readTarget, id);
    expect(held?.row?.status).toBe('scheduled');
    expect(await lockIsFree(id)).toBe(false);
    // the sweep (a connection of its own) sees the target held by a live worker
    expect(await withPublishLock(h.fresh.db, id, readTarget, () => Promise.resolve('ran'))).toBeUndefined();
    expect(await session.record({ targetId: id, post: { externalId: 'ext-1', url: null }, at: new Date(), how: 'published' })).toBe(true);
    expect(await lockIsFree(id)).toBe(true);
    expect((await targetRow(h, id)).status).toBe('published');
  });
});

it('a record that moves nothing still releases the lock', async () => {
  const id = await scheduleTarget(h, { queue: false });
  await sql`UPDATE post_targets SET status = 'cancelled' WHERE id = ${id}`.execute(h.fresh.db);
  await withSession(async (session) => {
    expect((await session.take(readTarget, id))?.row?.status).toBe('cancelled');
    expect(await session.record({ targetId: id, post: { externalId: 'ext-2', url: null }, at: new Date(), how: 'published' })).toBe(false);
    expect(await lockIsFree(id)).toBe(true);
    expect((await targetRow(h, id)).status).toBe('cancelled');
  });
});

it("a session's jobs share its statements: concurrent takes each get their own target, and one session never holds a target twice", async () => {
  const ids = await Promise.all(Array.from({ length: 6 }, () => scheduleTarget(h, { queue: false })));
  await withSession(async (session) => {
    const missing = '00000000-0000-4000-8000-000000000001';
    const taken = await Promise.all([...ids, missing].map((id) => session.take(readTarget, id)));
    expect(taken.map((held) => held?.row?.id)).toEqual([...ids, undefined]);
    // Postgres would let the same connection take it again; the session refuses
    expect(await session.take(readTarget, ids[0]!)).toBeUndefined();
    const records = ids.map((id, i) => session.record({ targetId: id, post: { externalId: `ext-many-${i}`, url: null }, at: new Date(), how: 'published', attempt: { attempts: 1 } }));
    expect(await Promise.all(records)).toEqual(ids.map(() => true));
    await session.release(missing);
    for (const id of ids) expect(await lockIsFree(id)).toBe(true);
    const rows = await h.fresh.db.selectFrom('post_targets').select(['id', 'status', 'external_id', 'attempts']).where('id', 'in', ids).execute();
    expect(new Map(rows.map((row) => [row.id, row]))).toEqual(new Map(ids.map((id, i) => [id, { id, status: 'published', external_id: `ext-many-${i}`, attempts: 1 }])));
    // released, it can be taken again
    expect((await session.take(readTarget, ids[0]!))?.row?.status).toBe('published');
    await session.release(ids[0]!);
  });
});

it('a read that fails after taking the lock gives it back', async () => {
  const id = await scheduleTarget(h, { queue: false });
  const failing = publishLockRead((db, targetId) => db.selectFrom('post_targets').select(['id', sql<number>`1 / (attempts - attempts)`.as('boom')]).where('id', '=', targetId).forNoKeyUpdate('post_targets'));
  await expect(withPublishLock(h.fresh.db, id, failing, () => Promise.resolve(true))).rejects.toThrow(/division by zero/);
  expect(await lockIsFree(id)).toBe(true);
  await withSession(async (session) => {
    await expect(session.take(failing, id)).rejects.toThrow(/division by zero/);
    expect(await lockIsFree(id)).toBe(true);
  });
});
