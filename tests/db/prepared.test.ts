// Queries ending with the PREPARED marker run as named prepared statements on
// the connection (planned once there), one per text; other queries stay
// unnamed. A migration that changes a prepared SELECT's columns costs one
// failed call, then the statement is prepared again.
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
    const expected = [{ name: `${statementName(text)}_0`, statement: text }, { name: `${statementName('SELECT $1::int AS n /* noor:prepared */')}_0`, statement: 'SELECT $1::int AS n /* noor:prepared */' }];
    expect(after).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });
});

it('prepares afresh after a migration changed what a prepared statement returns (the one call in between fails)', async () => {
  await fresh.db.connection().execute(async (conn) => {
    await sql`CREATE TABLE prepared_probe (id int)`.execute(conn);
    await sql`INSERT INTO prepared_probe VALUES (1)`.execute(conn);
    const all = () => sql<Record<string, unknown>>`SELECT * FROM prepared_probe ${PREPARED}`.execute(conn);
    expect((await all()).rows).toEqual([{ id: 1 }]);
    await sql`ALTER TABLE prepared_probe ADD COLUMN note text DEFAULT 'added'`.execute(conn);
    await expect(all()).rejects.toMatchObject({ code: '0A000' });
    expect((await all()).rows).toEqual([{ id: 1, note: 'added' }]);
    expect((await all()).rows).toEqual([{ id: 1, note: 'added' }]);
  });
});
