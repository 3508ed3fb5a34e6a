import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  IMPORT_PREVIEW_PAGE,
  type ImportGroupValue,
  type ImportFieldInfo,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportProblemSheet,
  type ImportResult,
  type ImportRowError,
  type ImportSkipped,
  type importRequestSchema,
} from '../../../shared/contract/imports';
import { normalizeText } from '../../../shared/domain/text';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventSource } from '../events';
import { describeColumns, locateHeader, resolveMapping, type ImportFieldSpec } from './header';
import { newTaskId, progressReporter } from './progress';
import type { CancellableTask, TaskRegistry } from './tasks';
import { addSheet, newWorkbook, workbookBytes } from './sheetWriter';
import { groupProblems } from './problemGroups';
import { decodeUpload, readTable } from './read';
import { isExampleRow, isNoteRow, isTotalRow } from './rowKinds';
import { lostLongIdentifier, type Cell, type Table, type TableRow } from './table';

export type ParsedImportRequest = z.output<typeof importRequestSchema>;

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
   * Fields two different rows may not share, checked over the whole file before any row, so
   * every such clash shows at once on all its rows. Default: `keyField`, compared loosely.
   */
  uniqueFields?: readonly UniqueField<K>[];
  /** The fields that tell who a row is (学号, 姓名…), shown beside each problem. */
  identityFields?: readonly K[];
  /** Keys of records that exist already, so preview can say 新增 or 更新. */
  existingKeys(): Set<string>;
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
  events: EventSource;
  /** Where each preview, commit and problem-rows call runs as a task imports.cancel can stop. */
  importTasks: TaskRegistry;
}

/** How many rows are checked between two looks for a cancel (the loop yields there). */
const ROWS_PER_CHECKPOINT = 1000;

/**
 * Runs one import call as a cancellable task under `taskId`. A cancelled call rejects with
 * CANCELLED (`what` names it) and leaves nothing behind: no table remembered for the commit, and
 * a commit's transaction rolled back.
 */
async function asTask<R>(
  env: ImportEnvironment,
  taskId: string,
  what: string,
  work: (task: CancellableTask) => Promise<R>,
): Promise<R> {
  const task = env.importTasks.begin(taskId, `已取消${what}，没有保存任何数据。`);
  try {
    return await work(task);
  } catch (error) {
    if (task.signal.aborted) forgetLastRead();
    throw error;
  } finally {
    task.end();
  }
}

export const LOST_DIGITS_REASON =
  '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入';
const LOST_DIGITS_GROUP = '被 Excel 存成数字（末几位已丢失）';
const MERGED_GROUP = '完全相同的重复行（已合并）';

/**
 * The last file read, by content: a commit right after its preview (the same bytes and sheet)
 * does not parse the file again. The rows are still checked again against the saved data.
 * Tables are never changed after reading, so sharing one is safe.
 */
let lastRead: { key: string; table: Table } | undefined;

async function readTableOnce(
  bytes: Uint8Array,
  options: { fileName: string; sheetName?: string },
): Promise<Table> {
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${options.sheetName ?? ''}`)
    .digest('hex');
  if (lastRead?.key === key) return lastRead.table;
  const table = await readTable(bytes, options);
  lastRead = { key, table };
  return table;
}

/** Lets go of the remembered table (after a commit, or in tests). */
export function forgetLastRead(): void {
  lastRead = undefined;
}

/**
 * A problem of one row as the checks hold it: without its sentence (`message`), which is made
 * only for the problems an answer carries (see `withMessage`).
 */
export type RowIssue = Omit<ImportRowError, 'message'>;

/**
 * The texts problems repeat (reasons, groups, columns), one copy each: a roster whose 40,000 rows
 * share one warning holds its text once, not once per row.
 */
type Interned = (text: string) => string;

function interning(): Interned {
  const texts = new Map<string, string>();
  return (text) => {
    const kept = texts.get(text);
    if (kept !== undefined) return kept;
    texts.set(text, text);
    return text;
  };
}

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

/** The preview without its page of rows. */
type CheckedFile = Omit<ImportPreview, 'rows' | 'rowsFrom' | 'listedValues'>;

/** What commit would do with a checked row (by its index in `people`). */
const enum RowAction {
  Blocked = 0,
  Create = 1,
  Update = 2,
}

/**
 * A checked file, held compactly: the rows stay the table's own (no copy of their cells per
 * layer), one byte per row says what commit would do with it, and only rows with problems carry
 * objects. The preview's page of rows is built from these when it is asked for.
 */
interface Analysis<T> {
  preview: CheckedFile;
  /** The rows that hold a person, in file order (the table's rows, not copies). */
  people: readonly TableRow[];
  actions: Uint8Array;
  /** By index in `people`: the rows with errors or warnings, in file order. */
  problems: ReadonlyMap<number, RowProblems>;
  /** The cleaned cell text per field of a row ('' when empty or unmapped). */
  valuesOf(row: TableRow): Record<string, string>;
  mergedInto: ReadonlyMap<number, number>;
  /** The valid rows' records: kept only for commit (`keepValid`), else empty. */
  valid: ValidRow<T>[];
}

const noneSkipped = (): ImportSkipped => ({
  totals: 0,
  notes: 0,
  blank: 0,
  examples: 0,
  merged: 0,
});

/** `3、7、12`: the rows a problem involves. */
const rowList = (rows: readonly number[]) => rows.join('、');

/** A 32-bit FNV-1a hash of texts (with a separator), so equal rows are found without keys. */
function hashTexts(texts: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    }
    hash = Math.imul(hash ^ 0xffff, 0x01000193);
  }
  return hash >>> 0;
}

const sameTexts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((text, i) => text === b[i]);

/** The index of `rowNumber` in rows sorted by row number, or -1. */
function indexOfRow(rows: readonly TableRow[], rowNumber: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = rows[mid].rowNumber;
    if (at === rowNumber) return mid;
    if (at < rowNumber) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

async function analyse<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
  taskId: string,
  task: CancellableTask,
  keepValid: boolean,
): Promise<Analysis<T>> {
  await task.checkpoint();
  const reading = progressReporter(env.events, taskId, `${def.title}：正在读取文件`, 1);
  const table = await readTableOnce(decodeUpload(request.file), {
    fileName: request.file.fileName,
    sheetName: request.sheetName,
  });
  reading(1);
  await task.checkpoint();

  const fieldInfo: ImportFieldInfo[] = def.fields.map((f) => ({
    key: f.key,
    label: f.label,
    required: f.required ?? false,
  }));
  const located = locateHeader(table.rows, def.fields);
  if (!located) {
    const names = def.fields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError(
      'BAD_FILE',
      table.rows.length === 0
        ? '文件中没有任何数据（所有单元格都是空的）。'
        : `没有找到表头：前 20 行中没有一行包含这些列名：${names}。请确认${
            table.format === 'xlsx' ? '所选工作表' : '文件'
          }是数据表，且表头在数据上方。`,
    );
  }
  const header = table.rows[located.rowIndex];
  const dataRows = table.rows.slice(located.rowIndex + 1);
  const columns = describeColumns(header, dataRows);
  const mapping = resolveMapping(def.fields, located.matches, columns, request.mapping);
  const missingFields = fieldInfo.filter((f) => f.required && mapping[f.key as K] === null);

  const base = {
    fileName: request.file.fileName,
    format: table.format,
    sheetName: table.sheetName,
    sheetNames: table.sheetNames,
    headerRowNumber: header.rowNumber,
    columns,
    fields: fieldInfo,
    mapping,
    missingFields,
    identityFields: [...(def.identityFields ?? [def.keyField])],
  };
  const cellOf = (row: TableRow, field: K): Cell | undefined => {
    const index = mapping[field];
    return index === null ? undefined : row.cells[index];
  };
  const valuesOf = (row: TableRow) => {
    const values: Record<string, string> = {};
    for (const f of def.fields) values[f.key] = cellOf(row, f.key)?.text ?? '';
    return values;
  };
  if (missingFields.length > 0) {
    const summary = { total: dataRows.length, valid: 0, invalid: 0, toCreate: 0, toUpdate: 0 };
    const preview = { ...base, summary, groups: [], skipped: noneSkipped() };
    return {
      preview,
      people: [],
      actions: new Uint8Array(0),
      problems: new Map(),
      valuesOf,
      mergedInto: new Map(),
      valid: [],
    };
  }

  const columnLabel = (field: K) => {
    const index = mapping[field];
    return index === null ? null : columns[index].label;
  };
  const intern = interning();
  const rowError = (
    rowNumber: number,
    column: string | null,
    field: string | null,
    reason: string,
    group = reason,
  ): RowIssue => ({
    rowNumber,
    column,
    field,
    reason: intern(reason),
    group: intern(group),
  });

  // Rows that hold no person: blank, totals, notes, the template's example, and exact copies of
  // an earlier row.
  const readColumns = new Set(Object.values<number | null>(mapping).filter((i) => i !== null));
  const requiredColumns = def.fields
    .filter((f) => f.required)
    .map((f) => mapping[f.key])
    .filter((i): i is number => i !== null);
  const examples = new Map<number, string>();
  for (const f of def.fields) {
    const index = mapping[f.key];
    if (index !== null) examples.set(index, f.example ?? '');
  }
  const skipped = noneSkipped();
  const mergedNotes: RowIssue[] = [];
  /** A merged row's number → the row it repeats (whose cells it shares). */
  const mergedInto = new Map<number, number>();
  // Rows by a hash of their texts (a list on the rare collision): no key string per row.
  const firstOfContent = new Map<number, TableRow | TableRow[]>();
  const textsOf = (row: TableRow) => def.fields.map((f) => cellOf(row, f.key)?.text ?? '');
  const people: TableRow[] = [];
  let previousRow = header.rowNumber;
  for (const row of dataRows) {
    // The reader drops empty rows; the numbers it skipped between two rows were blank.
    skipped.blank += Math.max(0, row.rowNumber - previousRow - 1);
    previousRow = row.rowNumber;
    const texts = textsOf(row);
    if (isTotalRow(row, requiredColumns)) skipped.totals += 1;
    else if (isNoteRow(row, readColumns)) skipped.notes += 1;
    else if (texts.every((text) => text === '')) skipped.blank += 1;
    else if (isExampleRow(row, examples)) skipped.examples += 1;
    else {
      const hash = hashTexts(texts);
      const seen = firstOfContent.get(hash);
      const candidates = seen === undefined ? [] : Array.isArray(seen) ? seen : [seen];
      const first = candidates.find((r) => sameTexts(textsOf(r), texts))?.rowNumber;
      if (first === undefined) {
        if (seen === undefined) firstOfContent.set(hash, row);
        else firstOfContent.set(hash, [...candidates, row]);
        people.push(row);
      } else {
        skipped.merged += 1;
        mergedInto.set(row.rowNumber, first);
        mergedNotes.push(
          rowError(
            row.rowNumber,
            null,
            null,
            `与第 ${first} 行完全相同，已合并为一行（只导入一次）`,
            MERGED_GROUP,
          ),
        );
      }
    }
  }

  // Every clash of a unique field, over the whole file and on all its rows, before any row.
  const clashes = new Map<number, RowIssue[]>();
  const clashGroups = new Set<string>();
  for (const unique of def.uniqueFields ?? [{ field: def.keyField, normalise: looseKey }]) {
    const label = def.fields.find((f) => f.key === unique.field)?.label ?? unique.field;
    // The first row of each value; a list only for values that more than one row has.
    const firstOf = new Map<string, TableRow>();
    const rowsOf = new Map<string, TableRow[]>();
    for (const row of people) {
      const cell = cellOf(row, unique.field);
      if (!cell || lostLongIdentifier(cell)) continue;
      const key = unique.normalise(cell.text);
      if (key === '') continue;
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, row);
      else {
        const same = rowsOf.get(key);
        if (same) same.push(row);
        else rowsOf.set(key, [first, row]);
      }
    }
    firstOf.clear();
    const clashGroup = `${label}重复但内容不同`;
    if (rowsOf.size > 0) clashGroups.add(clashGroup);
    for (const same of rowsOf.values()) {
      const numbers = same.map((r) => r.rowNumber);
      for (const row of same) {
        const text = cellOf(row, unique.field)?.text ?? '';
        const problem = rowError(
          row.rowNumber,
          columnLabel(unique.field),
          unique.field,
          `第 ${rowList(numbers)} 行的${label}都是“${text}”，但其他内容不同：同一${label}只能有一行，请核对后只保留正确的一行`,
          clashGroup,
        );
        const list = clashes.get(row.rowNumber);
        if (list) list.push(problem);
        else clashes.set(row.rowNumber, [problem]);
      }
    }
  }

  const existing = def.existingKeys();
  const firstRowOfKey = new Map<string, number>();
  const checking = progressReporter(
    env.events,
    taskId,
    `${def.title}：正在检查数据`,
    people.length,
  );
  const actions = new Uint8Array(people.length);
  const problems = new Map<number, RowProblems>();
  const valid: ValidRow<T>[] = [];
  let validCount = 0;
  let toCreate = 0;
  let toUpdate = 0;

  for (let i = 0; i < people.length; i += 1) {
    if (i % ROWS_PER_CHECKPOINT === 0) await task.checkpoint();
    const row = people[i];
    const errors: RowIssue[] = [...(clashes.get(row.rowNumber) ?? [])];
    const warnings: RowIssue[] = [];
    const flagged = new Set<string>();
    // What the schema reads: as shown, except cells whose lost digits the definition ignores.
    const checkedValues = {} as Record<K, string>;
    for (const field of def.fields) {
      const cell = cellOf(row, field.key);
      checkedValues[field.key] = cell?.text ?? '';
      if (field.longId && cell && lostLongIdentifier(cell) && field.lostDigitsWarning) {
        checkedValues[field.key] = '';
        warnings.push(
          rowError(
            row.rowNumber,
            columnLabel(field.key),
            field.key,
            field.lostDigitsWarning,
            `${field.label}${LOST_DIGITS_GROUP}`,
          ),
        );
      } else if (field.longId && cell && lostLongIdentifier(cell)) {
        errors.push(
          rowError(
            row.rowNumber,
            columnLabel(field.key),
            field.key,
            LOST_DIGITS_REASON,
            `${field.label}${LOST_DIGITS_GROUP}`,
          ),
        );
        flagged.add(field.key);
      }
    }
    const result = def.rowSchema.safeParse(checkedValues);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? String(issue.path[0]) : null;
        if (field !== null && flagged.has(field)) continue;
        if (field !== null) flagged.add(field);
        const column = field === null ? null : columnLabel(field as K);
        const group =
          issue.code === 'custom'
            ? (issue.params as { group?: string } | undefined)?.group
            : undefined;
        errors.push(rowError(row.rowNumber, column, field, issue.message, group));
      }
    } else {
      const key = def.keyOf(result.data);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        const keyLabel = def.fields.find((f) => f.key === def.keyField)?.label ?? def.keyField;
        errors.push(
          rowError(
            row.rowNumber,
            columnLabel(def.keyField),
            def.keyField,
            `与第 ${first} 行是同一条记录（${keyLabel}或证件相同），同一文件中只能出现一次`,
            '与前面的行是同一条记录',
          ),
        );
      } else {
        const checked = def.checkRow?.(result.data, row.rowNumber);
        const problem = (p: RowProblem<K>) =>
          rowError(row.rowNumber, p.field && columnLabel(p.field), p.field, p.reason, p.group);
        for (const p of checked?.errors ?? []) errors.push(problem(p));
        for (const p of checked?.warnings ?? []) warnings.push(problem(p));
        if (errors.length === 0) {
          firstRowOfKey.set(key, row.rowNumber);
          const update = existing.has(key);
          actions[i] = update ? RowAction.Update : RowAction.Create;
          if (update) toUpdate += 1;
          else toCreate += 1;
          validCount += 1;
          if (keepValid) valid.push({ rowNumber: row.rowNumber, key, value: result.data });
        }
      }
    }
    // Kept as exact-length copies: an array grown by push holds room for 17 elements.
    if (warnings.length > 0)
      problems.set(i, { errors: errors.slice(), warnings: warnings.slice() });
    else if (errors.length > 0) problems.set(i, { errors: errors.slice() });
    checking(i + 1);
  }

  const total = people.length;
  const summary = { total, valid: validCount, invalid: total - validCount, toCreate, toUpdate };
  const listed = [...problems.values()];
  const groups = groupProblems(
    listed.flatMap((r) => r.errors),
    [...listed.flatMap((r) => r.warnings ?? []), ...mergedNotes],
    withMessage,
  );
  for (const group of groups) if (clashGroups.has(group.title)) group.compare = true;
  if (def.valuesOfGroup) {
    const { title, field, yearField } = def.valuesOfGroup;
    const group = groups.find((g) => g.title === title);
    if (group) {
      const rows = [...problems]
        .filter(([, p]) => [...p.errors, ...(p.warnings ?? [])].some((w) => w.group === title))
        .map(([i]) => valuesOf(people[i]));
      group.values = distinctValues(rows, field, yearField);
    }
  }
  const headline = def.headline?.(total, listed);
  const preview = { ...base, summary, groups, skipped };
  return {
    preview: headline === undefined ? preview : { ...preview, headline },
    people,
    actions,
    problems,
    valuesOf,
    mergedInto,
    valid,
  };
}

/** The distinct texts of `field` in `rows` (looseKey), most rows first, with their earliest year. */
function distinctValues(
  rows: readonly Record<string, string>[],
  field: string,
  yearField: string | undefined,
): ImportGroupValue[] {
  const byKey = new Map<string, ImportGroupValue>();
  for (const values of rows) {
    const text = (values[field] ?? '').trim();
    if (text === '') continue;
    const key = looseKey(text);
    const seen = byKey.get(key) ?? { text, count: 0, earliestYear: null };
    seen.count += 1;
    const year = /\d{4}/.exec(yearField === undefined ? '' : (values[yearField] ?? ''));
    if (year && (seen.earliestYear === null || Number(year[0]) < seen.earliestYear)) {
      seen.earliestYear = Number(year[0]);
    }
    byKey.set(key, seen);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

const actionOf = (action: number): ImportPreviewRow['action'] =>
  action === RowAction.Create ? 'create' : action === RowAction.Update ? 'update' : null;

/** The checked row at `index` of `people` as the preview shows it. */
function previewRow<T>(analysis: Analysis<T>, index: number): ImportPreviewRow {
  const row = analysis.people[index];
  const found = analysis.problems.get(index);
  const base = {
    rowNumber: row.rowNumber,
    values: analysis.valuesOf(row),
    action: actionOf(analysis.actions[index]),
    errors: (found?.errors ?? []).map(withMessage),
  };
  return found?.warnings ? { ...base, warnings: found.warnings.map(withMessage) } : base;
}

/** The first `limit` errors, in file order, with their sentences. */
const firstErrors = (problems: ReadonlyMap<number, RowProblems>, limit: number) =>
  [...problems.values()]
    .flatMap((p) => p.errors)
    .slice(0, limit)
    .map(withMessage);

/** Reads and checks the file; writes nothing. */
export async function previewImport<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportPreview> {
  const taskId = request.taskId ?? newTaskId('import-preview');
  const analysis = await asTask(env, taskId, `检查${def.title}文件`, (task) =>
    analyse(def, request, env, taskId, task, false),
  );
  const { preview, people, mergedInto } = analysis;
  const rowsFrom = Math.min(
    request.rowsFrom ?? 0,
    Math.max(0, Math.floor((people.length - 1) / IMPORT_PREVIEW_PAGE) * IMPORT_PREVIEW_PAGE),
  );
  const listed = preview.groups.flatMap((g) => g.problems.map((p) => p.rowNumber));
  const listedValues: ImportPreview['listedValues'] = {};
  for (const rowNumber of listed) {
    const index = indexOfRow(people, mergedInto.get(rowNumber) ?? rowNumber);
    if (index >= 0) listedValues[rowNumber] = analysis.valuesOf(people[index]);
  }
  const rows: ImportPreviewRow[] = [];
  for (let i = rowsFrom; i < Math.min(people.length, rowsFrom + IMPORT_PREVIEW_PAGE); i += 1) {
    rows.push(previewRow(analysis, i));
  }
  return { ...preview, rows, rowsFrom, listedValues };
}

/** `“身份证号”列：身份证号码校验位错误（15 行）；…`: what the errors are, by group. */
function errorGroupsText(preview: Pick<ImportPreview, 'groups'>): string {
  const errors = preview.groups.filter((g) => g.severity === 'error');
  const shown = errors
    .slice(0, 3)
    .map((g) => `${g.column ? `“${g.column}”列：` : ''}${g.title}（${g.count} 行）`);
  return `${shown.join('；')}${errors.length > 3 ? ' 等' : ''}`;
}

/**
 * Reads and checks the file again and writes in one transaction: by default only if every row
 * is valid (either every row is saved or none is); with `skipInvalid`, the valid rows, leaving
 * the rows with errors out. Rows whose key exists are updated, so importing the same file twice
 * changes nothing the second time.
 */
export async function commitImport<K extends string, T>(
  db: Db,
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportResult> {
  const taskId = request.taskId ?? newTaskId('import-commit');
  return asTask(env, taskId, def.title, (task) => commitTask(db, def, request, env, taskId, task));
}

async function commitTask<K extends string, T>(
  db: Db,
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
  taskId: string,
  task: CancellableTask,
): Promise<ImportResult> {
  const { preview, problems, valid } = await analyse(def, request, env, taskId, task, true);
  if (preview.missingFields.length > 0) {
    const labels = preview.missingFields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：表格中找不到必填列 ${labels}。请在表头写上这些列名，或手动指定各列对应的字段。`,
      { missingFields: preview.missingFields, hint: 'importColumnMapping' },
    );
  }
  if (preview.summary.total === 0) {
    throw new CoreError(
      'VALIDATION',
      preview.skipped.examples > 0
        ? '未导入任何数据：表头下方只有模板的示例行（已跳过），没有要导入的数据行。'
        : '未导入任何数据：表头下方没有数据行。',
    );
  }
  const { invalid } = preview.summary;
  if (invalid > 0 && !request.skipInvalid) {
    const errors = firstErrors(problems, 200);
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：${invalid} 行有错误（${errorGroupsText(preview)}；例如${errors[0].message}）。请下载问题行修改后重新导入，或选择只导入无误的行。`,
      { rowErrors: errors },
    );
  }
  if (valid.length === 0) {
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：全部 ${invalid} 行都有错误（${errorGroupsText(preview)}），没有可导入的行。`,
    );
  }
  await task.checkpoint();
  // The writes are one transaction the worker cannot pause for a cancel: the page is told
  // (`final`), so it offers no 取消 that would not be honoured. A cancel seen anyway (the core in
  // the caller's thread) throws out of the transaction, which rolls back.
  const writing = progressReporter(
    env.events,
    taskId,
    `${def.title}：正在写入`,
    valid.length,
    true,
  );
  const result = db.transaction(() =>
    def.apply(
      valid,
      (done) => {
        task.check();
        writing(done);
      },
      invalid,
    ),
  )();
  writing(valid.length);
  forgetLastRead();
  return invalid > 0 ? { ...result, leftOut: invalid } : result;
}

/**
 * The rows with errors as an xlsx to fix in Excel and import again: 行号, the file's own columns
 * as they were read (all as text, so ID numbers stay whole), and 问题.
 */
export async function problemRowsSheet<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportProblemSheet> {
  const taskId = request.taskId ?? newTaskId('import-problems');
  const { preview, people, problems } = await asTask(
    env,
    taskId,
    `生成${def.title}问题行`,
    (task) => analyse(def, request, env, taskId, task, false),
  );
  const problemRows = [...problems]
    .filter(([, p]) => p.errors.length > 0)
    .map(([index, p]) => ({ row: people[index], errors: p.errors }));
  if (preview.missingFields.length > 0) {
    const labels = preview.missingFields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError('VALIDATION', `表格中找不到必填列 ${labels}，还没有逐行检查。`);
  }
  if (problemRows.length === 0) {
    throw new CoreError('VALIDATION', '没有有错误的行，无需下载。');
  }
  const width = preview.columns.length;
  const cells = (row: TableRow) =>
    Array.from({ length: width }, (_, i) => row.cells[i]?.text ?? '');
  const sheetHeader = ['行号', ...preview.columns.map((c) => c.header || c.label), '问题'];
  const sheetRows = problemRows.map(({ row, errors }) => [
    row.rowNumber,
    ...cells(row),
    errors.map((e) => (e.column ? `“${e.column}”列：${e.reason}` : e.reason)).join('；'),
  ]);
  const wb = await newWorkbook();
  addSheet(wb, '问题行', sheetHeader, sheetRows, {
    textColumns: preview.columns.map((c) => c.index + 1),
  });
  const stem = preview.fileName.replace(/\.[^.]+$/, '');
  const bytes = await workbookBytes(wb);
  return {
    fileName: `${stem}-问题行.xlsx`,
    contentBase64: bytes.toString('base64'),
    size: bytes.length,
  };
}
