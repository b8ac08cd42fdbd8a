// `noor migrate` as a user runs it (a child process through bin/noor.mjs,
// DATABASE_URL pointing at a fresh database): it prints what it applied, then
// that it is up to date; an unreachable server is one clear line, exit 1.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../server/db';
import { migrations } from '../../server/db/migrations';
import { freshDatabase, type FreshDatabase } from './fresh-database';
import { runNoor } from '../helpers/noor-cli';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-cli-'));
const all = Object.keys(migrations).sort();
const latest = all.at(-1)!;

const noor = (databaseUrl: string, ...args: string[]) =>
  runNoor(args, { cwd: tmp, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl } });

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase({ migrate: false });
});
afterAll(() => fresh?.close());

describe('noor migrate', () => {
  it('applies the migrations and says so, then reports up to date', () => {
    const first = noor(fresh.url, 'migrate');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(all[0]).toBe('001_initial');
    expect(first.stdout).toBe(`Database: ${redactUrl(fresh.url)}\n${all.map((m) => `Applied ${m}\n`).join('')}${all.length} applied; now at ${latest}.\n`);

    const second = noor(fresh.url, 'migrate');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Database: ${redactUrl(fresh.url)}\nUp to date at ${latest}.\n`);
  });

  it('reports an unreachable server in one line naming DATABASE_URL, password hidden', () => {
    const r = noor('postgres://noor:hunter2@127.0.0.1:1/noor', 'migrate');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('noor: DATABASE_URL: cannot connect to postgres://noor:***@127.0.0.1:1/noor: connect ECONNREFUSED 127.0.0.1:1\n');
  });
});
