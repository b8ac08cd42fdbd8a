// `noor schedule` and `noor posts list` against a real database: bad input
// (past time, unknown platform, no connected account, caption too long)
// names the flag and writes nothing; good input makes the post, the target
// and its publish_post job at the time.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postsListCommand } from '../../server/cli/commands/posts';
import { scheduleCommand } from '../../server/cli/commands/schedule';
import { readEnv, type NoorEnv } from '../../server/env';
import { publishJobKey } from '../../server/publishing';
import { startHarness, type Harness } from './harness';

let h: Harness;
let env: NoorEnv;
beforeAll(async () => {
  h = await startHarness();
  env = readEnv({ DATABASE_URL: h.fresh.url, NOOR_SECRET_KEY: h.secretKey.toString('hex') });
});
afterAll(() => h?.close());

const counts = async () => {
  const { rows } = await sql<{ posts: number; targets: number }>`SELECT (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM post_targets)::int AS targets`.execute(h.fresh.db);
  return rows[0]!;
};

describe('noor schedule', () => {
  it.each([
    [{ platform: 'x', at: '2020-01-01 10:00' }, /^--at: 2020-01-01 10:00 UTC is in the past/],
    [{ platform: 'x,myspace', at: '2030-01-01 10:00' }, /^--platform: must be among x, instagram, tiktok, youtube/],
    [{ at: '2030-01-01 10:00' }, /^--platform: is required/],
    [{ platform: 'instagram', at: '2030-01-01 10:00' }, /--platform: no connected instagram account; connect one first/],
    [{ platform: 'x', at: '2030-01-01 10:00', caption: 'ذكر '.repeat(100) }, /^nothing scheduled:\n  x: --caption: 399 of 280 characters/],
  ])('refuses %j with a clear error and writes nothing', async (flags, message) => {
    const before = await counts();
    await expect(scheduleCommand({ source: h.projectId, cwd: process.cwd(), ...flags }, env, () => undefined)).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });

  it('creates the post, a target per platform and the publish job at the time; posts list shows it', async () => {
    const lines: string[] = [];
    await scheduleCommand({ source: h.projectId, platform: 'x', at: '2030-12-01 18:30', zone: 'Europe/London', caption: 'Jumu‘ah reminder', hashtags: 'jumuah', cwd: process.cwd() }, env, (l) => lines.push(l));
    const target = await h.fresh.db.selectFrom('post_targets').selectAll().executeTakeFirstOrThrow();
    expect(target).toMatchObject({ platform: 'x', status: 'scheduled', social_account_id: h.accountId });
    expect(target.scheduled_at.toISOString()).toBe('2030-12-01T18:30:00.000Z');
    const { rows } = await sql<{ run_at: Date }>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${publishJobKey(target.id)}`.execute(h.fresh.db);
    expect(rows.map((r) => r.run_at.toISOString())).toEqual(['2030-12-01T18:30:00.000Z']);
    expect(lines).toEqual([`Scheduled x for 2030-12-01T18:30:00.000Z (target ${target.id})`]);

    const table: string[] = [];
    await postsListCommand({ status: 'scheduled' }, env, (l) => table.push(l));
    expect(table[0]).toMatch(/^WHEN \(UTC\)\s+PLATFORM\s+ACCOUNT\s+STATUS\s+TRIES\s+TARGET/);
    expect(table[1]).toMatch(/^2030-12-01 18:30Z\s+x\s+@noor_test\s+scheduled\s+0\s+\w{8}\s+Jumu‘ah reminder$/);
    await expect(postsListCommand({ status: 'done' }, env, () => undefined)).rejects.toThrow(/^--status: "done" is not a status; use scheduled, /);
  });
});
