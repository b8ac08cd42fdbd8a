// `noor posts list [--status S]`: one line per post target — when, platform,
// account, status, attempts, and the post's URL or the last error — soonest
// first, so what is due and what failed reads at a glance. `noor posts cancel
// TARGET…`: cancels targets not yet published, each named by its id or the
// start of it that posts list shows.
import { sql } from 'kysely';
import { z } from 'zod';
import { POST_TARGET_STATUSES } from '../../db';
import { cancelTarget } from '../../publishing/cancel';
import type { NoorEnv } from '../../env';
import { CliError } from '../errors';
import { withMigratedDatabase } from './database';

const statusSchema = z.enum(POST_TARGET_STATUSES).optional();

export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function postsListCommand(args: { status?: string | undefined }, env: NoorEnv, out: (line: string) => void): Promise<void> {
  const status = statusSchema.safeParse(args.status);
  if (!status.success) throw new CliError(`--status: "${args.status}" is not a status; use ${POST_TARGET_STATUSES.join(', ')}`);
  await withMigratedDatabase(env, async (handle) => {
    let query = handle.db
      .selectFrom('post_targets')
      .innerJoin('posts', 'posts.id', 'post_targets.post_id')
      .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.social_account_id')
      .select(['post_targets.id', 'post_targets.scheduled_at', 'post_targets.platform', 'social_accounts.display_name', 'post_targets.status', 'post_targets.attempts', 'post_targets.external_url', 'post_targets.last_error', 'posts.caption'])
      .orderBy('post_targets.scheduled_at');
    if (status.data) query = query.where('post_targets.status', '=', status.data);
    const rows = await query.execute();
    if (rows.length === 0) {
      out(status.data ? `No ${status.data} posts.` : 'No posts scheduled yet (noor schedule …).');
      return;
    }
    const table = rows.map((r) => [
      r.scheduled_at.toISOString().slice(0, 16).replace('T', ' ') + 'Z',
      r.platform,
      r.display_name,
      r.status,
      String(r.attempts),
      r.id.slice(0, 8),
      clip(r.external_url ?? r.last_error ?? r.caption.split('\n')[0] ?? '', 60),
    ]);
    for (const line of formatTable(['WHEN (UTC)', 'PLATFORM', 'ACCOUNT', 'STATUS', 'TRIES', 'TARGET', 'URL / LAST ERROR / CAPTION'], table)) out(line);
  });
}

/** The start of a target id that posts list shows (8 hex digits), or more of it, up to the whole id. */
const targetRefSchema = z.string().regex(/^[0-9a-f]{8}[0-9a-f-]{0,28}$/i, 'give the target id, or its first 8 characters from noor posts list');

export async function postsCancelCommand(args: { targets: string[] }, env: NoorEnv, out: (line: string) => void): Promise<void> {
  if (args.targets.length === 0) throw new CliError('posts cancel: give the target to cancel (its id, or the TARGET column of noor posts list)');
  for (const ref of args.targets) {
    const parsed = targetRefSchema.safeParse(ref);
    if (!parsed.success) throw new CliError(`target "${ref}": ${parsed.error.issues[0]!.message}`);
  }
  await withMigratedDatabase(env, async ({ db }) => {
    // every reference names exactly one target before anything is cancelled
    const targets = [];
    for (const ref of args.targets) {
      const matches = await db
        .selectFrom('post_targets')
        .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.social_account_id')
        .select(['post_targets.id', 'post_targets.platform', 'post_targets.scheduled_at', 'social_accounts.display_name'])
        .where(sql<boolean>`post_targets.id::text LIKE ${`${ref.toLowerCase()}%`}`)
        .limit(2)
        .execute();
      if (matches.length === 0) throw new CliError(`target "${ref}": no post target has this id (see noor posts list)`);
      if (matches.length > 1) throw new CliError(`target "${ref}": more than one target's id starts so; give more of it`);
      targets.push(matches[0]!);
    }
    const refused: string[] = [];
    for (const target of targets) {
      const what = `${target.platform} ${target.display_name} at ${target.scheduled_at.toISOString()} (target ${target.id})`;
      const result = await cancelTarget(db, target.id);
      if (result.cancelled) out(`Cancelled ${what}`);
      else refused.push(`${what}: not cancelled, ${result.reason}`);
    }
    if (refused.length > 0) throw new CliError(refused.join('\n'));
  });
}
