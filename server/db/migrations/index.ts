// Every migration, in order. Listed statically (not read from the directory)
// so they run the same under tsx, vitest and a bundler. Names sort in order.
import type { Migration } from 'kysely';
import * as initial from './001_initial';
import * as publishing from './002_publishing';
import * as accounts from './003_accounts';
import * as renditions from './004_renditions';
import * as leanTargetIndexes from './005_lean_target_indexes';

export const migrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_publishing': publishing,
  '003_accounts': accounts,
  '004_renditions': renditions,
  '005_lean_target_indexes': leanTargetIndexes,
};
