// `noor posts list [--status S]`: one line per post target — when, platform,
// account, status, attempts, and the post's URL or the last error — soonest
// first, so what is due and what failed reads at a glance.
import { z } from 'zod';
import { POST_TARGET_STATUSES } from '../../db';
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
