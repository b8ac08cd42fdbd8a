// The schema's rules enforced by Postgres itself: enum CHECKs, ranges,
// uniqueness (emails, targets, external ids), "a post is published to a
// target at most once", platform matching the account, ON DELETE behaviour,
// the updated_at trigger, and the column types coming back as typed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../server/db';
import { freshDatabase, type FreshDatabase } from './fresh-database';

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.close());

const rejects = (query: Promise<unknown>, code: string, constraint: string) => expect(query).rejects.toMatchObject({ code, constraint });
const CHECK = '23514';
const UNIQUE = '23505';
const FOREIGN_KEY = '23503';

let counter = 0;
async function user() {
  counter += 1;
  return fresh.db
    .insertInto('users')
    .values({ email: `user${counter}@example.com`, password_hash: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function account(userId: string, platform: Platform = 'youtube') {
  counter += 1;
  return fresh.db
    .insertInto('social_accounts')
    .values({ user_id: userId, platform, external_account_id: `ext${counter}`, display_name: 'Channel', access_token_encrypted: 'v1:k:iv:tag:data' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function post(userId: string) {
  const project = await fresh.db
    .insertInto('projects')
    .values({ owner_id: userId, name: 'Ayat al-Kursi reel', template_id: 'verse-reel', props: { reference: '2:255', grain: 0.2 } })
    .returning('id')
    .executeTakeFirstOrThrow();
  return fresh.db
    .insertInto('posts')
    .values({ project_id: project.id, caption: 'Reflect', hashtags: ['quran', 'ayatalkursi'], created_by: userId })
    .returning(['id', 'project_id'])
    .executeTakeFirstOrThrow();
}

function target(postId: string, accountId: string, platform: Platform = 'youtube') {
  return fresh.db.insertInto('post_targets').values({ post_id: postId, social_account_id: accountId, platform, scheduled_at: new Date('2030-01-01T05:00:00Z') });
}

describe('enum and range checks', () => {
  it('reject values outside each enum', async () => {
    const u = await user();
    const a = await account(u.id);
    const p = await post(u.id);
    await rejects(sql`UPDATE social_accounts SET status = 'expired' WHERE id = ${a.id}`.execute(fresh.db), CHECK, 'social_accounts_status_check');
    await rejects(sql`INSERT INTO renders (project_id, backend) VALUES (${p.project_id}, 'gpu')`.execute(fresh.db), CHECK, 'renders_backend_check');
    await rejects(sql`INSERT INTO renders (project_id, backend, status) VALUES (${p.project_id}, 'local', 'paused')`.execute(fresh.db), CHECK, 'renders_status_check');
    const t = await target(p.id, a.id).returning('id').executeTakeFirstOrThrow();
    await rejects(sql`UPDATE post_targets SET status = 'posted' WHERE id = ${t.id}`.execute(fresh.db), CHECK, 'post_targets_status_check');
    await rejects(sql`UPDATE post_targets SET error_class = 'network' WHERE id = ${t.id}`.execute(fresh.db), CHECK, 'post_targets_error_class_check');
    await rejects(sql`UPDATE post_targets SET attempts = -1 WHERE id = ${t.id}`.execute(fresh.db), CHECK, 'post_targets_attempts_check');
  });

  it('keep render progress within 0..1 and require an error on failure', async () => {
    const u = await user();
    const p = await post(u.id);
    await rejects(fresh.db.insertInto('renders').values({ project_id: p.project_id, backend: 'local', progress: 1.5 }).execute(), CHECK, 'renders_progress_check');
    await rejects(fresh.db.insertInto('renders').values({ project_id: p.project_id, backend: 'local', status: 'failed' }).execute(), CHECK, 'renders_failed_has_error');
  });

  it('accept only JSON objects in jsonb columns', async () => {
    const u = await user();
    await rejects(
      sql`INSERT INTO projects (owner_id, name, template_id, props) VALUES (${u.id}, 'x', 'verse-reel', '[1,2]')`.execute(fresh.db),
      CHECK,
      'projects_props_check',
    );
  });
});

describe('uniqueness', () => {
  it('rejects a second user with the same email in any case', async () => {
    await fresh.db.insertInto('users').values({ email: 'Amina@Example.com', password_hash: 'scrypt$1$1$1$a$b' }).execute();
    await rejects(fresh.db.insertInto('users').values({ email: 'amina@example.com', password_hash: 'scrypt$1$1$1$a$b' }).execute(), UNIQUE, 'users_email_key');
  });

  it('rejects connecting the same external account twice for one user', async () => {
    const u = await user();
    const values = { user_id: u.id, platform: 'x' as const, external_account_id: '12345', display_name: '@noor', access_token_encrypted: 'v1:k:i:t:d' };
    await fresh.db.insertInto('social_accounts').values(values).execute();
    await rejects(fresh.db.insertInto('social_accounts').values(values).execute(), UNIQUE, 'social_accounts_user_id_platform_external_account_id_key');
  });

  it('rejects two media assets with one storage key', async () => {
    const u = await user();
    const asset = { owner_id: u.id, kind: 'video' as const, storage_key: 'renders/a.mp4', content_sha256: 'a'.repeat(64), mime_type: 'video/mp4', bytes: 10 };
    await fresh.db.insertInto('media_assets').values(asset).execute();
    await rejects(fresh.db.insertInto('media_assets').values(asset).execute(), UNIQUE, 'media_assets_storage_key_key');
  });
});

describe('one published post per target', () => {
  it('allows one target row per post and account', async () => {
    const u = await user();
    const a = await account(u.id);
    const p = await post(u.id);
    await target(p.id, a.id).execute();
    await rejects(target(p.id, a.id).execute(), UNIQUE, 'post_targets_one_per_account');
  });

  it('refuses "published" without the external id and publish time', async () => {
    const u = await user();
    const a = await account(u.id);
    const p = await post(u.id);
    const t = await target(p.id, a.id).returning('id').executeTakeFirstOrThrow();
    await rejects(
      fresh.db.updateTable('post_targets').set({ status: 'published' }).where('id', '=', t.id).execute(),
      CHECK,
      'post_targets_published_has_external_id',
    );
    await fresh.db
      .updateTable('post_targets')
      .set({ status: 'published', external_id: 'yt-abc', external_url: 'https://youtu.be/abc', published_at: new Date() })
      .where('id', '=', t.id)
      .execute();
  });

  it('refuses recording the same external post on two targets of one account', async () => {
    const u = await user();
    const a = await account(u.id);
    const [p1, p2] = [await post(u.id), await post(u.id)];
    const published = (postId: string) =>
      fresh.db.insertInto('post_targets').values({ post_id: postId, social_account_id: a.id, platform: 'youtube', scheduled_at: new Date(), external_id: 'yt-1' }).execute();
    await published(p1.id);
    await rejects(
      published(p2.id),
      UNIQUE,
      'post_targets_external_id_key',
    );
  });

  it("refuses a target whose platform is not its account's", async () => {
    const u = await user();
    const a = await account(u.id, 'instagram');
    const p = await post(u.id);
    await rejects(target(p.id, a.id, 'tiktok').execute(), FOREIGN_KEY, 'post_targets_social_account_id_platform_fkey');
  });
});

describe('deletes', () => {
  it('refuse deleting an account that still has targets, but cascade from its user', async () => {
    const u = await user();
    const a = await account(u.id);
    const p = await post(u.id);
    const t = await target(p.id, a.id).returning('id').executeTakeFirstOrThrow();
    await fresh.db.insertInto('analytics_snapshots').values({ post_target_id: t.id, views: 3_000_000_000, likes: 10, raw: { source: 'test' } }).execute();
    await rejects(fresh.db.deleteFrom('social_accounts').where('id', '=', a.id).execute(), FOREIGN_KEY, 'post_targets_social_account_id_platform_fkey');

    await fresh.db.deleteFrom('users').where('id', '=', u.id).execute();
    const left = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM social_accounts WHERE id = ${a.id}) + (SELECT count(*) FROM posts WHERE id = ${p.id})
        + (SELECT count(*) FROM post_targets WHERE id = ${t.id}) + (SELECT count(*) FROM analytics_snapshots WHERE post_target_id = ${t.id}) AS n`.execute(fresh.db);
    expect(left.rows[0]?.n).toBe(0);
  });

  it('keep a render but forget its deleted output asset', async () => {
    const u = await user();
    const p = await post(u.id);
    const asset = await fresh.db
      .insertInto('media_assets')
      .values({ owner_id: u.id, kind: 'video', storage_key: `renders/${p.id}.mp4`, content_sha256: 'b'.repeat(64), mime_type: 'video/mp4', bytes: 5_000_000_000, width: 1080, height: 1920, duration_seconds: 14.5 })
      .returning(['id', 'bytes'])
      .executeTakeFirstOrThrow();
    expect(asset.bytes).toBe(5_000_000_000);
    const render = await fresh.db
      .insertInto('renders')
      .values({ project_id: p.project_id, backend: 'local', status: 'done', progress: 1, output_asset_id: asset.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await fresh.db.deleteFrom('media_assets').where('id', '=', asset.id).execute();
    const after = await fresh.db.selectFrom('renders').select(['status', 'output_asset_id']).where('id', '=', render.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'done', output_asset_id: null });
  });
});

describe('column types and the updated_at trigger', () => {
  it('round-trip jsonb objects, text[] and timestamptz, and count as numbers', async () => {
    const u = await user();
    const p = await post(u.id);
    const row = await fresh.db.selectFrom('posts').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.hashtags).toEqual(['quran', 'ayatalkursi']);
    expect(row.platform_overrides).toEqual({});
    expect(row.created_at).toBeInstanceOf(Date);
    const project = await fresh.db.selectFrom('projects').select('props').where('id', '=', p.project_id).executeTakeFirstOrThrow();
    expect(project.props).toEqual({ reference: '2:255', grain: 0.2 });
    const { n } = await fresh.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(typeof n).toBe('number');
  });

  it('moves updated_at forward on update and leaves created_at alone', async () => {
    const u = await user();
    const before = await fresh.db.selectFrom('users').select(['created_at', 'updated_at']).where('id', '=', u.id).executeTakeFirstOrThrow();
    // JavaScript dates hold milliseconds: let the clock move past the insert's before updating.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fresh.db.updateTable('users').set({ display_name: 'Amina' }).where('id', '=', u.id).execute();
    const after = await fresh.db.selectFrom('users').select(['created_at', 'updated_at']).where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(after.created_at).toEqual(before.created_at);
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
  });

  it('requires a series to name a template or a project', async () => {
    const u = await user();
    await rejects(
      fresh.db.insertInto('series').values({ owner_id: u.id, name: 'Friday reminders', recurrence: { freq: 'weekly', byday: ['FR'] }, time_zone: 'Asia/Riyadh' }).execute(),
      CHECK,
      'series_has_template_or_project',
    );
  });
});
