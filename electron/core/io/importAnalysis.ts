import { createHash } from 'node:crypto';
import type {
  ImportFieldInfo,
  ImportGroupValue,
  ImportPreview,
  ImportPreviewRow,
  ImportSkipped,
} from '../../../shared/contract/imports';
import { dataVersion } from '../db/dataVersion';
import { CoreError } from '../errors';
import { describeColumns, locateHeader, resolveMapping } from './header';
import { progressReporter } from './progress';
import type { CancellableTask } from './tasks';
import { groupProblems } from './problemGroups';
import { decodeUpload, readTable } from './read';
import { isExampleRow, isNoteRow, isTotalRow } from './rowKinds';
import { lostLongIdentifier, type Cell, type Table, type TableRow } from './table';
import {
  looseKey,
  withMessage,
  type ImportDefinition,
  type ImportEnvironment,
  type ParsedImportRequest,
  type RowIssue,
  type RowProblem,
  type RowProblems,
  type ValidRow,
} from './importDefinition';

/*
 * Reading and checking an import file: rows classified (person, total, note, blank, example,
 * repeated), every row checked over the whole file, problems grouped. Writes nothing.
 */

/** How many rows are checked between two looks for a cancel (the loop yields there). */
const ROWS_PER_CHECKPOINT = 1000;

const LOST_DIGITS_REASON = '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入';
const LOST_DIGITS_GROUP = '被 Excel 存成数字（末几位已丢失）';
const MERGED_GROUP = '完全相同的重复行（已合并）';

/**
 * The last file read and the last file checked. A commit right after its preview, or the
 * preview's next page, reuses them: the table when the bytes and sheet are the same, the checks
 * too when the request, the day and the saved data are also unchanged (`dataVersion` moves with
 * every write, even one made while the checks ran), so a reused check can never differ from one
 * made now. Neither is changed after it is made, so sharing them is safe.
 */
let lastRead: { key: string; table: Table } | undefined;
let lastChecked: { key: string; analysis: Analysis<unknown> } | undefined;

/** Lets go of the remembered table and checks (after a commit or a cancel, or in tests). */
export function forgetLastRead(): void {
  lastRead = undefined;
  lastChecked = undefined;
}

/** The file of `request` read and checked by `def`, or the same checks made moments ago. */
export async function checkedFile<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
  taskId: string,
  task: CancellableTask,
): Promise<Analysis<T>> {
  const bytes = decodeUpload(request.file);
  const fileKey = createHash('sha256')
    .update(bytes)
    .update(`\0${request.sheetName ?? ''}`)
    .digest('hex');
  // What the checks depend on besides the file; paging and 仅导入无误的行 do not change them.
  const { file, taskId: _task, rowsFrom: _page, skipInvalid: _skip, ...options } = request;
  const checkKey = JSON.stringify([
    fileKey,
    file.fileName,
    def.title,
    options,
    env.today(),
    dataVersion(env.db),
  ]);
  if (lastChecked?.key === checkKey) return lastChecked.analysis as Analysis<T>;
  lastChecked = undefined;

  await task.checkpoint();
  const reading = progressReporter(env.events, taskId, `${def.title}：正在读取文件`, 1);
  if (lastRead?.key !== fileKey) {
    lastRead = undefined;
    lastRead = {
      key: fileKey,
      table: await readTable(bytes, { fileName: file.fileName, sheetName: request.sheetName }),
    };
  }
  reading(1);
  const analysis = await analyse(def, request, env, taskId, task, lastRead.table);
  lastChecked = { key: checkKey, analysis };
  return analysis;
}

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

/** The preview without its page of rows. */
type CheckedFile = Omit<ImportPreview, 'rows' | 'rowsFrom' | 'listedValues'>;

/** What commit would do with a checked row (by its index in `people`). */
const enum RowAction {
  Blocked = 0,
  Create = 1,
  Update = 2,
  Unchanged = 3,
}

/**
 * A checked file, held compactly: the rows stay the table's own (no copy of their cells per
 * layer), one byte per row says what commit would do with it, and only rows with problems carry
 * objects. The preview's page of rows is built from these when it is asked for.
 */
export interface Analysis<T> {
  preview: CheckedFile;
  /** The rows that hold a person, in file order (the table's rows, not copies). */
  people: readonly TableRow[];
  actions: Uint8Array;
  /** By index in `people`: the rows with errors or warnings, in file order. */
  problems: ReadonlyMap<number, RowProblems>;
  /** The cleaned cell text per field of a row ('' when empty or unmapped). */
  valuesOf(row: TableRow): Record<string, string>;
  mergedInto: ReadonlyMap<number, number>;
  /** The valid rows' records, for commit. */
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
export function indexOfRow(rows: readonly TableRow[], rowNumber: number): number {
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
  table: Table,
): Promise<Analysis<T>> {
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
  const { header } = located;
  const dataRows = table.rows.slice(located.rowIndex + located.rowCount);
  const lastHeaderRow = table.rows[located.rowIndex + located.rowCount - 1].rowNumber;
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
    const summary = {
      total: dataRows.length,
      valid: 0,
      invalid: 0,
      toCreate: 0,
      toUpdate: 0,
      unchanged: 0,
    };
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
  let previousRow = lastHeaderRow;
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
  let unchanged = 0;

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
            def.duplicateReason?.(result.data, first) ??
              `与第 ${first} 行是同一条记录（${keyLabel}相同），同一文件中只能出现一次`,
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
          if (!existing.has(key)) {
            actions[i] = RowAction.Create;
            toCreate += 1;
          } else if (def.holds?.(result.data)) {
            actions[i] = RowAction.Unchanged;
            unchanged += 1;
          } else {
            actions[i] = RowAction.Update;
            toUpdate += 1;
          }
          validCount += 1;
          valid.push({ rowNumber: row.rowNumber, key, value: result.data });
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
  const summary = {
    total,
    valid: validCount,
    invalid: total - validCount,
    toCreate,
    toUpdate,
    unchanged,
  };
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

const actionNames: Record<RowAction, ImportPreviewRow['action']> = {
  [RowAction.Blocked]: null,
  [RowAction.Create]: 'create',
  [RowAction.Update]: 'update',
  [RowAction.Unchanged]: 'unchanged',
};
const actionOf = (action: RowAction): ImportPreviewRow['action'] => actionNames[action];

/** The checked row at `index` of `people` as the preview shows it. */
export function previewRow<T>(analysis: Analysis<T>, index: number): ImportPreviewRow {
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
