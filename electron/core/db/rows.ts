/* A table's row and its record differ only in how fields are named (`first_enrolment_year` vs
   `firstEnrolmentYear`): one mapping for every repository whose SELECT gives exactly the record's
   columns, so a new column is one change, not three. */

/** `firstEnrolmentYear` → `first_enrolment_year`, `areaM2` → `area_m2`. */
type SnakeName<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeName<Rest>}`
  : S;

/** `first_enrolment_year` → `firstEnrolmentYear`. */
type CamelName<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelName<Tail>>}`
  : S;

/** The row SQLite gives for a record `T`: each field under its snake_case column name. */
export type SnakeRow<T> = { [K in keyof T & string as SnakeName<K>]: T[K] };

/** A row's fields under their camelCase names. */
export type CamelRecord<R> = { [K in keyof R & string as CamelName<K>]: R[K] };

/**
 * The record of a stored row: every column under its camelCase name, values unchanged. Only for
 * a SELECT that gives exactly the record's columns (every column the row has becomes a field).
 */
export function camelRow<R extends object>(row: R): CamelRecord<R> {
  const record: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) record[camelName(column)] = value;
  return record as CamelRecord<R>;
}

// Lists read thousands of rows with the same few dozen column names: each is converted once.
const camelNames = new Map<string, string>();
function camelName(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    camelNames.set(column, name);
  }
  return name;
}

/** The row of a record `T` whose yes/no fields `F` SQLite stores as 0/1. */
export type FlaggedRow<T, F extends keyof T & string> = SnakeRow<Omit<T, F> & Record<F, number>>;

/** `camelRow`, with the yes/no fields `flags` (stored as 0/1) read as booleans, in place. */
export function camelRowWithFlags<R extends object, F extends keyof CamelRecord<R> & string>(
  row: R,
  flags: readonly F[],
): Omit<CamelRecord<R>, F> & Record<F, boolean> {
  const record: Record<string, unknown> = camelRow(row);
  for (const flag of flags) record[flag] = record[flag] === 1;
  return record as Omit<CamelRecord<R>, F> & Record<F, boolean>;
}
