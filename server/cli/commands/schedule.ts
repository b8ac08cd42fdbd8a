// `noor schedule <project-id | video file> --platform x,instagram (--at … | --after …)`:
// checks everything first (flags, the time, a connected account per platform,
// the caption and video against each platform's rules) and writes nothing on
// any error; then in one transaction creates the post, a target per platform
// and the publish_post jobs at that time. A video file is probed and stored.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensureJobQueue } from '../../../jobs';
import { PLATFORMS, databaseConfig, migrateToLatest, openDatabase, type Database, type JsonObject, type Platform } from '../../db';
import type { NoorEnv } from '../../env';
import { mediaFactsSchema, validate, type MediaFacts } from '../../platforms/validate';
import { audit, queuePublish } from '../../publishing';
import { probeVideo } from '../../renditions';
import { putFileByContent, storageFromConfig } from '../../storage';
import { CliError } from '../errors';
import { resolveScheduleTime } from './schedule-time';
import type { Kysely } from 'kysely';

export interface ScheduleArgs {
  source: string;
  platform?: string | undefined;
  at?: string | undefined;
  after?: string | undefined;
  zone?: string | undefined;
  location?: string | undefined;
  caption?: string | undefined;
  hashtags?: string | undefined;
  cwd: string;
}

const platformsSchema = z
  .string({ error: 'is required, e.g. --platform x,instagram' })
  .transform((text) => text.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.enum(PLATFORMS, { error: `must be among ${PLATFORMS.join(', ')}` })).min(1, 'names no platform'));

const isUuid = (text: string) => z.uuid().safeParse(text).success;

interface Media {
  projectId: string | undefined;
  file: string | undefined;
  facts: MediaFacts | undefined;
}

async function sourceMedia(db: Kysely<Database>, args: ScheduleArgs, env: NoorEnv): Promise<Media> {
  if (isUuid(args.source)) {
    const project = await db.selectFrom('projects').select('id').where('id', '=', args.source).executeTakeFirst();
    if (!project) throw new CliError(`project: no project ${args.source}`);
    const render = await db
      .selectFrom('renders')
      .leftJoin('media_assets', 'media_assets.id', 'renders.output_asset_id')
      .select(['media_assets.media_facts'])
      .where('renders.project_id', '=', project.id)
      .where('renders.status', '=', 'done')
      .orderBy('renders.finished_at', 'desc')
      .executeTakeFirst();
    if (!render) throw new CliError(`project: ${args.source} has no finished render to post; render it first`);
    const facts = mediaFactsSchema.safeParse(render.media_facts);
    return { projectId: project.id, file: undefined, facts: facts.success ? facts.data : undefined };
  }
  const file = path.resolve(args.cwd, args.source);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CliError(`video: ${file} is neither a project id nor a video file`);
  try {
    return { projectId: undefined, file, facts: (await probeVideo(file, 'input', env.ffmpeg)).facts };
  } catch (error) {
    throw new CliError(`video: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function scheduleCommand(args: ScheduleArgs, env: NoorEnv, out: (line: string) => void, now = new Date()): Promise<void> {
  const platforms = platformsSchema.safeParse(args.platform);
  if (!platforms.success) throw new CliError(`--platform: ${platforms.error.issues[0]?.message ?? 'invalid'}`);
  const at = resolveScheduleTime(args, now);
  const caption = args.caption ?? '';
  const hashtags = (args.hashtags ?? '').split(',').map((t) => t.trim()).filter(Boolean);

  const handle = await openDatabase(databaseConfig(env));
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
    const media = await sourceMedia(db, args, env);
    const owner = media.projectId ? await db.selectFrom('projects').select('owner_id').where('id', '=', media.projectId).executeTakeFirstOrThrow() : undefined;

    const accounts: Array<{ id: string; platform: Platform; user_id: string }> = [];
    const problems: string[] = [];
    for (const platform of platforms.data) {
      let query = db.selectFrom('social_accounts').select(['id', 'platform', 'user_id', 'display_name', 'status']).where('platform', '=', platform);
      if (owner) query = query.where('user_id', '=', owner.owner_id);
      const found = await query.execute();
      const connected = found.filter((a) => a.status === 'connected');
      if (connected.length === 0) problems.push(`--platform: no connected ${platform} account${found.length > 0 ? ` (${found.map((a) => `${a.display_name} is ${a.status}`).join(', ')})` : ''}; connect one first`);
      else if (connected.length > 1) problems.push(`--platform: ${connected.length} connected ${platform} accounts (${connected.map((a) => a.display_name).join(', ')}); Noor cannot tell which to use`);
      else accounts.push(connected[0]!);
      const violations = validate({ caption, hashtags }, platform, media.facts);
      problems.push(...violations.map((v) => `${platform}: ${v.message.replace(/^caption:/, '--caption:').replace(/^hashtags:/, '--hashtags:')}`));
    }
    const users = new Set(accounts.map((a) => a.user_id));
    if (users.size > 1) problems.push('--platform: the accounts belong to different users; schedule per user');
    if (problems.length > 0) throw new CliError(`nothing scheduled:\n  ${problems.join('\n  ')}`);
    const userId = [...users][0]!;

    let storageKey: string | undefined;
    if (media.file) storageKey = (await putFileByContent(storageFromConfig(env.storage), media.file, { prefix: 'uploads', ext: path.extname(media.file) || '.mp4', contentType: 'video/mp4' })).key;

    await ensureJobQueue(handle.url);
    const targets = await db.transaction().execute(async (trx) => {
      let projectId = media.projectId;
      let renderId: string | null = null;
      if (media.file && storageKey && media.facts) {
        const project = await trx.insertInto('projects').values({ owner_id: userId, name: path.basename(media.file), template_id: 'imported-video' }).returning('id').executeTakeFirstOrThrow();
        const facts: JsonObject = { ...media.facts };
        const asset = await trx
          .insertInto('media_assets')
          .values({ owner_id: userId, kind: 'video', storage_key: storageKey, content_sha256: storageKey.split('/').pop()!.slice(0, 64), mime_type: 'video/mp4', bytes: media.facts.bytes, width: media.facts.width, height: media.facts.height, duration_seconds: media.facts.durationSec, media_facts: facts })
          .onConflict((c) => c.column('storage_key').doUpdateSet({ media_facts: facts }))
          .returning('id')
          .executeTakeFirstOrThrow();
        const render = await trx.insertInto('renders').values({ project_id: project.id, backend: 'local', status: 'done', progress: 1, output_asset_id: asset.id, started_at: now, finished_at: now }).returning('id').executeTakeFirstOrThrow();
        projectId = project.id;
        renderId = render.id;
      } else if (projectId) {
        renderId = (await trx.selectFrom('renders').select('id').where('project_id', '=', projectId).where('status', '=', 'done').orderBy('finished_at', 'desc').executeTakeFirstOrThrow()).id;
      }
      const post = await trx.insertInto('posts').values({ project_id: projectId!, render_id: renderId, caption, hashtags, created_by: userId }).returning('id').executeTakeFirstOrThrow();
      const made: Array<{ id: string; platform: Platform }> = [];
      for (const account of accounts) {
        const target = await trx.insertInto('post_targets').values({ post_id: post.id, platform: account.platform, social_account_id: account.id, scheduled_at: at }).returning('id').executeTakeFirstOrThrow();
        await queuePublish(trx, target.id, at);
        await audit(trx, { action: 'post_target.scheduled', subjectType: 'post_target', subjectId: target.id, actorId: userId, details: { at: at.toISOString(), via: 'cli' } });
        made.push({ id: target.id, platform: account.platform });
      }
      return made;
    });
    for (const target of targets) out(`Scheduled ${target.platform} for ${at.toISOString()} (target ${target.id})`);
  } finally {
    await handle.close();
  }
}
