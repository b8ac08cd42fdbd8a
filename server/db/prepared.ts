// Server-side prepared statements for the queries Noor runs most (publishing
// a post runs the same handful per target). Postgres parses and plans an
// unnamed statement every time; a named one is planned once per connection.
// A query opts in by ending with the PREPARED marker (kysely:
// `.modifyEnd(PREPARED)`, or `${PREPARED}` at the end of a sql template); the
// pool's PreparingClient runs such a text as a named statement, named by its
// hash. Mark only queries whose text is fixed: a text that varies (a list of
// any length) would prepare a statement per variant on every connection.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

const MARKER = '/* noor:prepared */';

/** Ends a query that should run as a prepared statement. */
export const PREPARED = sql.raw(MARKER);

/** Names by text: the marked texts are a fixed few, and hashing one costs more than looking it up. */
const names = new Map<string, string>();

/** The statement's name: its text's hash, so one text is one statement on each connection. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `noor_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** SQLSTATE feature_not_supported: "cached plan must not change result type" (a table under a prepared SELECT * gained or lost a column). */
const PLAN_CHANGED = '0A000';

/**
 * A pg client that runs texts ending with the PREPARED marker (called as
 * query(text, values), as kysely does) as named statements. When a migration
 * changed what a prepared statement returns, that call fails and the client
 * prepares its statements afresh (new names) from the next call on.
 */
export class PreparingClient extends pg.Client {
  #generation = 0;

  override query(...args: unknown[]): never {
    const [text, values] = args;
    const run = super.query as (...params: unknown[]) => unknown;
    if (!(typeof text === 'string' && text.trimEnd().endsWith(MARKER) && args.length === 2 && Array.isArray(values))) return run.apply(this, args) as never;
    const result = run.call(this, { name: `${statementName(text)}_${this.#generation}`, text, values }) as Promise<unknown>;
    return result.catch((error: unknown) => {
      if ((error as { code?: string }).code === PLAN_CHANGED) this.#generation++;
      throw error;
    }) as never;
  }
}
