// Queries ending with the PREPARED marker run as named prepared statements on
// the connection (planned once there), one per text; other queries stay unnamed.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PREPARED } from '../../server/db';
import { statementName } from '../../server/db/prepared';
import { freshDatabase, type FreshDatabase } from './fresh-database';

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh?.close();
});

it('prepares a marked query once per connection, names it by its text, and gives each call its own values', async () => {
  await fresh.db.connection().execute(async (conn) => {
    const marked = (n: number) => conn.selectFrom('users').select((eb) => eb.val(n).as('n')).where('email', '=', `nobody${n}@example.com`).modifyEnd(PREPARED);
    const text = marked(1).compile().sql;
    expect(text).toMatch(/\/\* noor:prepared \*\/$/);

    const before = await conn.selectFrom(sql<{ name: string }>`pg_prepared_statements`.as('p')).select('name').execute();
    expect(before).toEqual([]);
    expect(await marked(1).execute()).toEqual([]);
    expect(await marked(2).execute()).toEqual([]);
    const { rows } = await sql<{ n: number }>`SELECT ${7}::int AS n ${PREPARED}`.execute(conn);
    expect(rows).toEqual([{ n: 7 }]);
    await conn.selectFrom('users').select('id').execute();

    const after = await conn.selectFrom(sql<{ name: string; statement: string }>`pg_prepared_statements`.as('p')).select(['name', 'statement']).orderBy('name').execute();
    const expected = [{ name: statementName(text), statement: text }, { name: statementName('SELECT $1::int AS n /* noor:prepared */'), statement: 'SELECT $1::int AS n /* noor:prepared */' }];
    expect(after).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
