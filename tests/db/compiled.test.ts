// A statement built once runs with each call's own values (in every place the
// builder put them, next to the constants it baked in), on the pool, a
// connection or a transaction; a builder that uses a value in JavaScript
// instead of passing it through is refused with the value named.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileOnce } from '../../server/db';
import { freshDatabase, type FreshDatabase } from './fresh-database';

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh?.close();
});

it('runs the text built once with each call’s values, wherever the builder used them', async () => {
  let built = 0;
  const statement = compileOnce(2, (db, name: string, times: number) => {
    built++;
    return db.selectNoFrom([sql<string>`repeat(${name}::text, ${times}::int)`.as('text'), sql<string>`${'constant'}::text`.as('constant'), sql<number>`${times}::int * 2`.as('twice')]);
  });
  expect(await statement(fresh.db, 'ab', 3)).toEqual([{ text: 'ababab', constant: 'constant', twice: 6 }]);
  await fresh.db.transaction().execute(async (trx) => {
    expect(await statement(trx, 'x', 1)).toEqual([{ text: 'x', constant: 'constant', twice: 2 }]);
  });
  expect(built).toBe(1);
});

it('refuses a builder that uses a value instead of passing it through', async () => {
  const formatted = compileOnce(2, (db, id: string, n: number) => db.selectNoFrom([sql<string>`${`key:${id}`}::text`.as('key'), sql<number>`${n}::int`.as('n')]));
  await expect(formatted(fresh.db, 'a', 1)).rejects.toThrow('compileOnce: value 0 is not a parameter of the statement');
});
