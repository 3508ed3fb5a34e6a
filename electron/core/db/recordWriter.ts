import type { Db } from './open';

/** A record's values with the time its write is stamped with (created_at, updated_at). */
export type Stamped<V> = V & { readonly at: string };

/** Which value key each column is written from. */
type Columns<V> = { readonly [column: string]: keyof V & string };

/**
 * INSERT, UPDATE and DELETE by id for one table whose rows carry created_at and updated_at.
 * Each column is named once, with the key of the value it is written from, so the insert and
 * the update cannot drift apart. `insertOnly` columns are set when the row is made and never
 * changed by an update (a fund entry's direction). The result, given a connection, prepares the
 * three statements once for the life of the repository that asks for them.
 */
export function recordWriter<V extends object>(
  table: string,
  columns: Columns<V>,
  insertOnly: Columns<V> = {},
) {
  const updated = Object.entries(columns);
  const inserted = [...Object.entries(insertOnly), ...updated];
  const insertSql = `INSERT INTO ${table} (${inserted.map(([c]) => c).join(', ')}, created_at, updated_at)
    VALUES (${inserted.map(([, key]) => `@${key}`).join(', ')}, @at, @at)`;
  const updateSql = `UPDATE ${table} SET ${updated.map(([c, key]) => `${c} = @${key}`).join(', ')},
    updated_at = @at WHERE id = @id`;
  const deleteSql = `DELETE FROM ${table} WHERE id = ?`;
  return (db: Db) => {
    const insertRow = db.prepare(insertSql);
    const updateRow = db.prepare(updateSql);
    const deleteRow = db.prepare<[number]>(deleteSql);
    /** Makes the row; its id. */
    const insert = (values: Stamped<V>): number => Number(insertRow.run(values).lastInsertRowid);
    /** Writes every column but the insert-only ones over row `id`. */
    const update = (id: number, values: Stamped<V>): void => {
      updateRow.run({ ...values, id });
    };
    return {
      insert,
      update,
      /** Updates row `id` when there is one, else inserts; the row's id. */
      save(id: number | null, values: Stamped<V>): number {
        if (id === null) return insert(values);
        update(id, values);
        return id;
      },
      remove(id: number): void {
        deleteRow.run(id);
      },
    };
  };
}
