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

/** The statement's name: its text's hash, so one text is one statement on each connection. */
export const statementName = (text: string): string => `noor_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/** A pg client that runs texts ending with the PREPARED marker (called as query(text, values), as kysely does) as named statements. */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const call = typeof text === 'string' && text.trimEnd().endsWith(MARKER) && args.length === 2 && Array.isArray(values) ? [{ name: statementName(text), text, values }] : args;
    return (super.query as (...params: unknown[]) => never)(...call);
  }
}
