import * as z from 'zod';
import type {
  ImportResult,
  ImportRowError,
  importRequestSchema,
} from '../../../shared/contract/imports';
import { normalizeText } from '../../../shared/domain/text';
import type { Db } from '../db/open';
import type { EventSource } from '../events';
import type { ImportFieldSpec } from './header';
import type { TaskRegistry } from './tasks';

/*
 * What a module gives the importer to read its kind of file: the definition of its columns and
 * checks, and the shapes of rows and problems passed between them.
 */

export type ParsedImportRequest = z.output<typeof importRequestSchema>;

/** A row's cell texts, one string per field: what a definition's `rowSchema` reads. */
export function cellTextsSchema<K extends string>(fields: readonly ImportFieldSpec<K>[]) {
  return z.object(
    Object.fromEntries(fields.map((f) => [f.key, z.string()])) as Record<K, z.ZodString>,
  );
}

/** A row that passed every check, with the value the schema made of it. */
export interface ValidRow<T> {
  rowNumber: number;
  key: string;
  value: T;
}

/** A problem the definition found in a row, on one of its fields (null: the whole row). */
export interface RowProblem<K extends string> {
  field: K | null;
  reason: string;
  /** The reason its group is titled by (e.g. 专业未匹配) when `reason` names row details. */
  group?: string;
}

/** A field no two different rows of a file may share, and how its cells compare. */
export interface UniqueField<K extends string> {
  field: K;
  /** The comparable form of a cell's text; '' is never a clash. */
  normalise(text: string): string;
}

/** Case, width and spaces ignored: 工号 a01 and Ａ01 are the same. */
export const looseKey = (text: string) => normalizeText(text).replace(/\s+/g, '').toLowerCase();

/** What `checkRow` found: errors block the row; warnings are shown and do not block it. */
export interface RowCheck<K extends string> {
  errors?: readonly RowProblem<K>[];
  warnings?: readonly RowProblem<K>[];
}

/**
 * What one kind of import (certificates, teachers, students…) tells the generic importer. The
 * importer reads the file, finds the header, maps columns, checks every row with `rowSchema`
 * and, on commit, calls `apply` inside one transaction.
 */
export interface ImportDefinition<K extends string, T> {
  /** Names the task in progress events, e.g. 证书目录. */
  title: string;
  fields: readonly ImportFieldSpec<K>[];
  /** Turns one row's cell texts (`Record<K, string>`, '' when empty) into a record. */
  rowSchema: z.ZodType<T>;
  /** The matching key (e.g. normalised name or ID number): equal keys are the same record. */
  keyOf(value: T): string;
  /** The field a duplicate key is reported on. */
  keyField: K;
  /**
   * Why a row is the same record as row `firstRow` before it, when the definition can say more
   * than “${keyField} 相同” (a key that is a saved record two rows reached by different fields).
   */
  duplicateReason?(value: T, firstRow: number): string | undefined;
  /**
   * Fields two different rows may not share, checked over the whole file before any row, so
   * every such clash shows at once on all its rows. Default: `keyField`, compared loosely.
   */
  uniqueFields?: readonly UniqueField<K>[];
  /** The fields that tell who a row is (学号, 姓名…), shown beside each problem. */
  identityFields?: readonly K[];
  /** Keys of records that exist already, so preview can say 新增 or 更新. */
  existingKeys(): Set<string>;
  /**
   * Whether the saved record a row's key matches already holds everything the row would write.
   * Preview then says 未改动 instead of 更新, and `apply` leaves the record as it is and counts
   * it `unchanged`, so both tell the same. Without it, every matched row is an update.
   */
  holds?(value: T): boolean;
  /**
   * Optional further checks of a row that passed `rowSchema` and is no duplicate key: against
   * saved data and the rows before it (a second unique key such as an ID number, a clash with
   * another record), plus warnings that do not block the import. Called in file order.
   */
  checkRow?(value: T, rowNumber: number): RowCheck<K>;
  /**
   * A line about the checked rows as a whole, shown above the problem groups: `total` rows were
   * checked; `problems` holds the problems of each row that has any (the others have none).
   */
  headline?(total: number, problems: readonly RowProblems[]): string;
  /**
   * The group (by title) whose distinct `field` texts the preview lists over all its rows, with
   * the earliest year each one's rows give in `yearField` (see ImportProblemGroup.values).
   */
  valuesOfGroup?: { title: string; field: K; yearField?: K };
  /**
   * Creates or updates every row; runs inside the import's single transaction. `leftOut`: rows
   * with errors the person chose to leave out (for the audit entry).
   */
  apply(
    rows: readonly ValidRow<T>[],
    progress: (done: number) => void,
    leftOut: number,
  ): ImportResult;
}

export interface ImportEnvironment {
  db: Db;
  /** Today in China: row checks depend on it, so a preview is reused only on the same day. */
  today: () => string;
  events: EventSource;
  /** Where each preview, commit and problem-rows call runs as a task imports.cancel can stop. */
  importTasks: TaskRegistry;
}

/**
 * A problem of one row as the checks hold it: without its sentence (`message`), which is made
 * only for the problems an answer carries (see `withMessage`).
 */
export type RowIssue = Omit<ImportRowError, 'message'>;

/** The problem with its sentence: `第 5 行“证书名称”列：不能为空`. */
export function withMessage(p: RowIssue): ImportRowError {
  const where = p.column === null ? `第 ${p.rowNumber} 行` : `第 ${p.rowNumber} 行“${p.column}”列`;
  return { ...p, message: `${where}：${p.reason}` };
}

/** What the checks found in one row: errors block it, warnings do not. */
export interface RowProblems {
  errors: RowIssue[];
  warnings?: RowIssue[];
}
