// `noor migrate`: brings the database (DATABASE_URL, or the embedded one in
// .noor/postgres) to the latest schema and prints what it applied.
import path from 'node:path';
import type { NoorEnv } from '../../env';
import { projectRoot } from '../../paths';
import { databaseConfig, migrateToLatest, openDatabase, redactUrl } from '../../db';

export async function migrateCommand(env: NoorEnv, out: (line: string) => void): Promise<void> {
  const config = databaseConfig(env);
  const handle = await openDatabase(config);
  try {
    if (handle.embedded) {
      const where = path.relative(projectRoot, config.embedded.dataDir);
      out(`Database: embedded Postgres in ${where} on 127.0.0.1:${handle.embedded.port} (${handle.embedded.started ? 'started' : 'already running'})`);
    } else {
      out(`Database: ${redactUrl(handle.url)}`);
    }
    const report = await migrateToLatest(handle.db);
    for (const name of report.applied) out(`Applied ${name}`);
    const latest = report.known.at(-1) ?? '(none)';
    out(report.applied.length === 0 ? `Up to date at ${latest}.` : `${report.applied.length} applied; now at ${latest}.`);
  } finally {
    await handle.close();
  }
}
