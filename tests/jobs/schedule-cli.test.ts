// `noor schedule` and `noor posts list` against a real database: bad input
// (past time, unknown platform, no connected account, caption too long)
// names the flag and writes nothing; good input makes the post, the target
// and its publish_post job at the time. --slot next takes each account's next
// free posting slot; --account picks among several accounts. A project
// without a finished render gets a queued render and its render_video job
// with the post (a second schedule reuses it; --aspect picks the variant); a
// finished one gets a prepare_rendition job per platform. `noor posts cancel`
// cancels a scheduled target named by the TARGET column of posts list, with an
// audit row, and removes its publish job; a target a worker is publishing (its
// lock held elsewhere), one already published, and one already cancelled are
// left as they are, with the reason; a reference that names no target, or is
// not an id, fails before anything is cancelled.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsSlotsCommand } from '../../server/cli/commands/accounts';
import { postsCancelCommand, postsListCommand } from '../../server/cli/commands/posts';
import { scheduleCommand } from '../../server/cli/commands/schedule';
import { readEnv, type NoorEnv } from '../../server/env';
import { publishJobKey, recordPublished, renderJobKey, renditionJobKey } from '../../server/publishing';
import { publishLockRead, withPublishLock } from '../../server/publishing/publish-lock';
import { PUBLISHABLE_STATUSES } from '../../server/publishing/targets';
import { addAccount, scheduleTarget, startHarness, targetRow, type Harness } from './harness';

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
    expect(lines).toEqual([`Scheduled x @noor_test for 2030-12-01T18:30:00.000Z (target ${target.id})`]);

    const table: string[] = [];
    await postsListCommand({ status: 'scheduled' }, env, (l) => table.push(l));
    expect(table[0]).toMatch(/^WHEN \(UTC\)\s+PLATFORM\s+ACCOUNT\s+STATUS\s+TRIES\s+TARGET/);
    expect(table[1]).toMatch(/^2030-12-01 18:30Z\s+x\s+@noor_test\s+scheduled\s+0\s+\w{8}\s+Jumu‘ah reminder$/);
    await expect(postsListCommand({ status: 'done' }, env, () => undefined)).rejects.toThrow(/^--status: "done" is not a status; use scheduled, /);
  });
});

describe('noor schedule --slot next and --account', () => {
  const monday = new Date('2030-12-02T10:00:00Z');
  const schedule = (flags: Record<string, string>) => scheduleCommand({ source: h.projectId, platform: 'x', cwd: process.cwd(), ...flags }, env, () => undefined, monday);

  it('refuses --slot next for an account without posting slots, and bad slot flags, naming the fix', async () => {
    const before = await counts();
    await expect(schedule({ slot: 'next' })).rejects.toThrow(/--slot: x account @noor_test has no posting slots; set them with noor accounts slots \w{8}/);
    await expect(schedule({ slot: 'soon' })).rejects.toThrow(/^--slot: "soon" is not understood/);
    await expect(schedule({ slot: 'next', at: '2030-12-03 10:00' })).rejects.toThrow(/give exactly one of them/);
    await expect(accountsSlotsCommand({ account: '@noor_test', zone: 'Europe/London', slot: ['funday 09:00'] }, env, () => undefined)).rejects.toThrow(/--slot #1: 'funday' is not a day/);
    await expect(accountsSlotsCommand({ account: '@noor_test', zone: 'Mars/Base', slot: ['mon 09:00'] }, env, () => undefined)).rejects.toThrow(/--zone: 'Mars\/Base' is not an IANA time zone/);
    await expect(accountsSlotsCommand({ account: '@nobody', zone: 'UTC', slot: ['mon 09:00'] }, env, () => undefined)).rejects.toThrow(/account: no account "@nobody"/);
    expect(await counts()).toEqual(before);
  });

  it('gives each schedule the next free slot of the account, never the same one twice', async () => {
    const lines: string[] = [];
    await accountsSlotsCommand({ account: 'x:@noor_test', zone: 'Europe/London', slot: ['mon-fri 09:00,18:30'], spacing: '60' }, env, (l) => lines.push(l));
    expect(lines).toEqual(['Posting slots of x @noor_test: mon,tue,wed,thu,fri 09:00; mon,tue,wed,thu,fri 18:30 (Europe/London, 60 min apart)']);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) await scheduleCommand({ source: h.projectId, platform: 'x', slot: 'next', cwd: process.cwd() }, env, (l) => made.push(l), monday);
    expect(made.map((l) => /for (\S+) /.exec(l)?.[1])).toEqual(['2030-12-02T18:30:00.000Z', '2030-12-03T09:00:00.000Z', '2030-12-03T18:30:00.000Z']);
  });

  it('asks which account when a platform has several, and --account chooses', async () => {
    const other = await addAccount(h);
    const before = await counts();
    await expect(schedule({ at: '2031-01-01 10:00' })).rejects.toThrow(/--platform: 2 connected x accounts \(.*@noor_test.*\); Noor cannot tell which to use/);
    await expect(schedule({ at: '2031-01-01 10:00', account: '@nobody' })).rejects.toThrow(/--account: "@nobody" names no x account/);
    expect(await counts()).toEqual(before);
    const lines: string[] = [];
    await scheduleCommand({ source: h.projectId, platform: 'x', at: '2031-01-01 10:00', account: other.platformAccount, cwd: process.cwd() }, env, (l) => lines.push(l), monday);
    expect(lines[0]).toContain(`Scheduled x @${other.platformAccount} for 2031-01-01T10:00:00.000Z`);
    const target = await h.fresh.db.selectFrom('post_targets').select('social_account_id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(target.social_account_id).toBe(other.accountId);
  });
});

describe('noor schedule of a project to render first', () => {
  const jobKeys = async () => (await sql<{ key: string }>`SELECT key FROM graphile_worker.jobs WHERE key IS NOT NULL`.execute(h.fresh.db)).rows.map((r) => r.key);
  const schedule = (source: string, flags: Record<string, string>, lines: string[] = []) =>
    scheduleCommand({ source, platform: 'x', account: '@noor_test', at: '2031-03-01 10:00', caption: 'Dhikr', cwd: process.cwd(), ...flags }, env, (l) => lines.push(l), new Date('2031-01-01T00:00:00Z'));

  it('queues prepare_rendition per platform for a finished render', async () => {
    await schedule(h.projectId, {});
    expect(await jobKeys()).toContain(renditionJobKey(h.renderId, 'x'));
  });

  it('queues a render and render_video with the post, reuses it, and renders another aspect on request', async () => {
    const project = await h.fresh.db.insertInto('projects').values({ owner_id: h.userId, name: 'Card', template_id: 'reminder-card' }).returning('id').executeTakeFirstOrThrow();
    const lines: string[] = [];
    await schedule(project.id, {}, lines);
    const render = await h.fresh.db.selectFrom('renders').selectAll().where('project_id', '=', project.id).executeTakeFirstOrThrow();
    expect(render).toMatchObject({ status: 'queued', aspect: '9:16', backend: 'local' });
    expect(lines[0]).toBe(
      `Render ${render.id} queued (9:16, local): the project renders first, then each platform's file is made; the caption was checked now, the video is checked against each platform's rules when it posts.`,
    );
    expect(lines[1]).toMatch(/^Scheduled x @noor_test for 2031-03-01T10:00:00.000Z/);
    expect(await jobKeys()).toContain(renderJobKey(render.id));
    const posts = await h.fresh.db.selectFrom('posts').select('render_id').where('project_id', '=', project.id).execute();
    expect(posts).toEqual([{ render_id: render.id }]);

    const again: string[] = [];
    await schedule(project.id, { at: '2031-03-02 10:00' }, again);
    expect(again[0]).toMatch(new RegExp(`^Render ${render.id} is queued: the posts wait for it`));
    await schedule(project.id, { at: '2031-03-03 10:00', aspect: '1:1' });
    const renders = await h.fresh.db.selectFrom('renders').select('aspect').where('project_id', '=', project.id).orderBy('queued_at').execute();
    expect(renders.map((r) => r.aspect)).toEqual(['9:16', '1:1']);

    const before = await counts();
    await expect(schedule(project.id, { aspect: '2:1' })).rejects.toThrow(/^--aspect: "2:1" is not one of 9:16, 1:1, 4:5, 16:9/);
    expect(await counts()).toEqual(before);
  });
});

describe('noor posts cancel', () => {
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
});
