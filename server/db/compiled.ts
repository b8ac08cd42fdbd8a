// Statements built once. Building a kysely query and compiling it to SQL takes
// longer than Postgres takes to run a small statement (about 0.1 ms of
// JavaScript for publishing's read of a target), and publishing runs the same
// few statements for every target. compileOnce builds such a statement once,
// with stand-ins for its values, and from then on runs the compiled text with
// the real values. The builder must pass its values through as values
// (compared, set, selected, cast); a value used in JavaScript (formatted into
// a string, tested) would bake a stand-in into the text, so a stand-in that
// is not a parameter of the built statement is refused.
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Database } from './schema';

/** Stands for the index-th value while a statement is built. */
class StandIn {
  constructor(readonly index: number) {}
}

/** A Kysely that only compiles (its driver runs nothing): statements are built with it and run on any connection. */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A query builder or a sql template: anything that compiles. */
interface Buildable<R> {
  compile(db: Kysely<Database>): CompiledQuery<R>;
}

/** Runs the statement on `db` (the pool, a connection or a transaction) with these values; resolves with its rows. */
export type Statement<A extends readonly unknown[], R> = (db: Kysely<Database>, ...values: A) => Promise<R[]>;

/**
 * The statement `build` makes from `arity` values, compiled the first time it
 * runs. `build` gets a compile-only Kysely to build with.
 */
export function compileOnce<A extends readonly unknown[], R>(arity: number, build: (db: Kysely<Database>, ...values: A) => Buildable<R>): Statement<A, R> {
  let compiled: CompiledQuery<R> | undefined;
  const compile = (): CompiledQuery<R> => {
    const standIns = Array.from({ length: arity }, (_, index) => new StandIn(index));
    const query = build(compiler, ...(standIns as unknown as A)).compile(compiler);
    const missing = standIns.filter((standIn) => !query.parameters.includes(standIn));
    if (missing.length > 0) throw new Error(`compileOnce: value ${missing.map((s) => s.index).join(', ')} is not a parameter of the statement (the builder used it instead of passing it through)`);
    return query;
  };
  return async (db, ...values) => {
    compiled ??= compile();
    const parameters = compiled.parameters.map((parameter) => (parameter instanceof StandIn ? values[parameter.index] : parameter));
    const { rows } = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>);
    return rows;
  };
}
