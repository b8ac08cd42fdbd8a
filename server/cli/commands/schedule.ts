// `noor schedule <project-id | video file> --platform x,instagram (--at … | --after … | --slot next)`:
// checks everything first (flags, the time, one connected account per
// platform — chosen with --account when there are several — the caption and
// video against each platform's rules) and writes nothing on any error; then
// in one transaction creates the post, a target per platform and the
// publish_post jobs. With --slot next each account posts at its own next free
// posting slot, taken under a per-account lock so two schedules never share
// one. A video file is probed and stored. A project posts its latest finished
// render (prepare_rendition is queued per platform with the post); without
// one, a render (--aspect, default 9:16) is queued with render_video in the
// same transaction, or one still queued is reused, and the video is checked
// when it posts.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseAspect, type AspectId } from '../../../compositions/layout/aspects';
import { findTemplate } from '../../../compositions/registry';
import { ensureJobQueue } from '../../../jobs';
import { PLATFORMS, lockUntilCommit, type Database, type JsonObject, type Platform, type RenderStatus } from '../../db';
import type { NoorEnv } from '../../env';
import { mediaFactsSchema, validate, type MediaFacts } from '../../platforms/validate';
import { audit, queuePublish, queueRender, queueRendition } from '../../publishing';
import { probeVideo } from '../../renditions';
import { putFileByContent, storageFromConfig } from '../../storage';
import { CliError } from '../errors';
import { withMigratedDatabase } from './database';
import { resolveScheduleTime } from './schedule-time';
import { refersTo } from './account-ref';
import { nextScheduledSlot, parsePostingSchedule, type PostingScheduleInput } from '../../schedule';
import { sql, type Kysely } from 'kysely';

export interface ScheduleArgs {
  source: string;
  platform?: string | undefined;
  at?: string | undefined;
  after?: string | undefined;
  zone?: string | undefined;
  location?: string | undefined;
  /** 'next': each account's next free posting slot. */
  slot?: string | undefined;
  /** Comma-separated account references (id, name, platform:name) when a platform has several. */
  account?: string | undefined;
  caption?: string | undefined;
  hashtags?: string | undefined;
  /** YouTube's title (required there; up to 100 characters). */
  title?: string | undefined;
  /** The aspect of the project's render to post (9:16 when a render is made and none is given). */
  aspect?: string | undefined;
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
  /** The project's render to post: finished, or still queued or rendering; undefined when one is to be made. */
  render: { id: string; status: RenderStatus } | undefined;
  /** The aspect of a render to make. */
  aspect: AspectId;
}

async function projectMedia(db: Kysely<Database>, projectId: string, aspectFlag: string | undefined): Promise<Media> {
  const project = await db.selectFrom('projects').select(['id', 'template_id']).where('id', '=', projectId).executeTakeFirst();
  if (!project) throw new CliError(`project: no project ${projectId}`);
  let aspect: AspectId | undefined;
  if (aspectFlag !== undefined) {
    try {
      aspect = parseAspect(aspectFlag);
    } catch (error) {
      throw new CliError(`--${(error as Error).message}`);
    }
  }
  // the latest finished render, else one on its way
  const render = await db
    .selectFrom('renders')
    .leftJoin('media_assets', 'media_assets.id', 'renders.output_asset_id')
    .select(['renders.id', 'renders.status', 'media_assets.media_facts'])
    .where('renders.project_id', '=', project.id)
    .where('renders.status', 'in', ['done', 'queued', 'rendering'])
    .$if(aspect !== undefined, (q) => q.where('renders.aspect', '=', aspect!))
    .orderBy(sql`renders.status = 'done'`, 'desc')
    .orderBy(sql`coalesce(renders.finished_at, renders.queued_at)`, 'desc')
    .executeTakeFirst();
  if (!render) {
    const template = findTemplate(project.template_id);
    if (!template) throw new CliError(`project: ${project.id} has no finished render and its template "${project.template_id}" is not one Noor renders`);
    if (aspect && !template.aspects.includes(aspect)) throw new CliError(`--aspect: ${template.name} has no ${aspect} variant (it has ${template.aspects.join(', ')})`);
  }
  const facts = mediaFactsSchema.safeParse(render?.media_facts);
  return { projectId: project.id, file: undefined, facts: facts.success ? facts.data : undefined, render, aspect: aspect ?? '9:16' };
}

async function sourceMedia(db: Kysely<Database>, args: ScheduleArgs, env: NoorEnv): Promise<Media> {
  if (isUuid(args.source)) return projectMedia(db, args.source, args.aspect);
  if (args.aspect !== undefined) throw new CliError('--aspect: only for a project; a video file is posted as it is');
  const file = path.resolve(args.cwd, args.source);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CliError(`video: ${file} is neither a project id nor a video file`);
  try {
    return { projectId: undefined, file, facts: (await probeVideo(file, 'input', env.ffmpeg)).facts, render: undefined, aspect: '9:16' };
  } catch (error) {
    throw new CliError(`video: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Statuses whose scheduled time occupies a posting slot. */
const OCCUPYING = ['scheduled', 'rendering', 'publishing', 'processing', 'published'] as const;

/** The account's next free posting slot, under a transaction lock so concurrent schedules never take the same one. */
async function nextSlotOf(trx: Kysely<Database>, accountId: string, now: Date): Promise<Date> {
  await lockUntilCommit(trx, 'slots', accountId);
  const account = await trx.selectFrom('social_accounts').select(['display_name', 'posting_schedule']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const schedule = parsePostingSchedule(account.posting_schedule);
  const spacingMs = schedule.minSpacingMinutes * 60_000;
  const taken = await trx
    .selectFrom('post_targets')
    .select('scheduled_at')
    .where('social_account_id', '=', accountId)
    .where('status', 'in', OCCUPYING)
    .where('scheduled_at', '>', new Date(now.getTime() - spacingMs))
    .execute();
  const at = nextScheduledSlot(account.posting_schedule as unknown as PostingScheduleInput, now, taken.map((t) => t.scheduled_at));
  if (!at) throw new CliError(`--slot: ${account.display_name} has no free posting slot in the next year; add slots with noor accounts slots`);
  return at;
}

export async function scheduleCommand(args: ScheduleArgs, env: NoorEnv, out: (line: string) => void, now = new Date()): Promise<void> {
  const platforms = platformsSchema.safeParse(args.platform);
  if (!platforms.success) throw new CliError(`--platform: ${platforms.error.issues[0]?.message ?? 'invalid'}`);
  if (args.slot !== undefined && args.slot !== 'next') throw new CliError(`--slot: "${args.slot}" is not understood; the only value is "next" (each account's next free posting slot)`);
  if (args.slot !== undefined && (args.at !== undefined || args.after !== undefined)) throw new CliError('--at / --after / --slot: give exactly one of them');
  const fixedAt = args.slot === undefined ? resolveScheduleTime(args, now) : null;
  const refs = (args.account ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const caption = args.caption ?? '';
  const hashtags = (args.hashtags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const overrides = args.title === undefined ? {} : { youtube: { title: args.title } };

  await withMigratedDatabase(env, async (handle) => {
    const db = handle.db;
    const media = await sourceMedia(db, args, env);
    const owner = media.projectId ? await db.selectFrom('projects').select('owner_id').where('id', '=', media.projectId).executeTakeFirstOrThrow() : undefined;

    const accounts: Array<{ id: string; platform: Platform; user_id: string; display_name: string }> = [];
    const problems: string[] = [];
    const usedRefs = new Set<string>();
    for (const platform of platforms.data) {
      let query = db.selectFrom('social_accounts').select(['id', 'platform', 'user_id', 'display_name', 'status', 'posting_schedule']).where('platform', '=', platform);
      if (owner) query = query.where('user_id', '=', owner.owner_id);
      let found = await query.execute();
      const chosen = found.filter((a) => refs.some((r) => refersTo(r, a) && usedRefs.add(r)));
      if (chosen.length > 0) found = chosen;
      const connected = found.filter((a) => a.status === 'connected');
      if (connected.length === 0) problems.push(`--platform: no connected ${platform} account${found.length > 0 ? ` (${found.map((a) => `${a.display_name} is ${a.status}`).join(', ')})` : ''}; connect one first`);
      else if (connected.length > 1) problems.push(`--platform: ${connected.length} connected ${platform} accounts (${connected.map((a) => a.display_name).join(', ')}); Noor cannot tell which to use`);
      else accounts.push(connected[0]!);
      if (args.slot && connected.length === 1) {
        try {
          parsePostingSchedule(connected[0]!.posting_schedule);
        } catch (error) {
          problems.push(`--slot: ${platform} account ${connected[0]!.display_name} has ${connected[0]!.posting_schedule === null ? 'no posting slots' : `unusable posting slots (${error instanceof Error ? error.message : String(error)})`}; set them with noor accounts slots ${connected[0]!.id.slice(0, 8)} --zone … --slot "mon-fri 09:00"`);
        }
      }
      const violations = validate({ caption, hashtags, overrides }, platform, media.facts);
      problems.push(...violations.map((v) => `${platform}: ${v.message.replace(/^caption:/, '--caption:').replace(/^hashtags:/, '--hashtags:').replace(/^overrides\.youtube\.title:/, '--title:')}`));
    }
    for (const ref of refs) if (!usedRefs.has(ref)) problems.push(`--account: "${ref}" names no ${platforms.data.join('/')} account (see noor accounts list)`);
    const users = new Set(accounts.map((a) => a.user_id));
    if (users.size > 1) problems.push('--platform: the accounts belong to different users; schedule per user');
    if (problems.length > 0) throw new CliError(`nothing scheduled:\n  ${problems.join('\n  ')}`);
    const userId = [...users][0]!;

    await ensureJobQueue(handle.url);
    const { targets, renderNote } = await db.transaction().execute(async (trx) => {
      let projectId = media.projectId;
      let renderId: string | null = null;
      let renderNote: string | undefined;
      if (media.file && media.facts) {
        // stored under the key's lock, so retention cannot delete the same content's file between the store and the row
        const { key: storageKey } = await putFileByContent(storageFromConfig(env.storage), media.file, {
          prefix: 'uploads',
          ext: path.extname(media.file) || '.mp4',
          contentType: 'video/mp4',
          onKey: (key) => lockUntilCommit(trx, 'storage', key),
        });
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
      } else if (media.render) {
        renderId = media.render.id;
        if (media.render.status === 'done') for (const account of accounts) await queueRendition(trx, renderId, account.platform);
        else renderNote = `Render ${renderId} is ${media.render.status}: the posts wait for it and for each platform's file`;
      } else if (projectId) {
        renderId = (await trx.insertInto('renders').values({ project_id: projectId, backend: env.renderBackend, aspect: media.aspect }).returning('id').executeTakeFirstOrThrow()).id;
        await queueRender(trx, renderId, env.renderBackend);
        renderNote = `Render ${renderId} queued (${media.aspect}, ${env.renderBackend}): the project renders first, then each platform's file is made`;
      }
      const post = await trx.insertInto('posts').values({ project_id: projectId!, render_id: renderId, caption, hashtags, platform_overrides: overrides as JsonObject, created_by: userId }).returning('id').executeTakeFirstOrThrow();
      const made: Array<{ id: string; platform: Platform; at: Date; account: string }> = [];
      for (const account of accounts) {
        const at = fixedAt ?? (await nextSlotOf(trx, account.id, now));
        const target = await trx.insertInto('post_targets').values({ post_id: post.id, platform: account.platform, social_account_id: account.id, scheduled_at: at }).returning('id').executeTakeFirstOrThrow();
        await queuePublish(trx, target.id, at);
        await audit(trx, { action: 'post_target.scheduled', subjectType: 'post_target', subjectId: target.id, actorId: userId, details: { at: at.toISOString(), via: 'cli' } });
        made.push({ id: target.id, platform: account.platform, at, account: account.display_name });
      }
      return { targets: made, renderNote };
    });
    if (renderNote) out(`${renderNote}; the caption was checked now, the video is checked against each platform's rules when it posts.`);
    for (const target of targets) out(`Scheduled ${target.platform} ${target.account} for ${target.at.toISOString()} (target ${target.id})`);
  });
}
